package dev.asyncz.task;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named functions that tasks may call. Stored tasks refer to a function only by its
 * name, so loading a task can never reach code that was not registered here.
 */
public final class TaskFunctions {

	private final Map<String, TaskCallable> functions = new ConcurrentHashMap<>();

	/**
	 * Registers {@code function} under {@code name}.
	 * @param name the name stored tasks use
	 * @param function the code to run
	 * @throws InvalidTaskException if the name is blank or already taken by another
	 * function
	 */
	public void register(String name, TaskCallable function) {
		if (name == null || name.isBlank()) {
			throw new InvalidTaskException("A task function needs a non-blank name");
		}
		TaskCallable existing = this.functions.putIfAbsent(name, function);
		if (existing != null && existing != function) {
			throw new InvalidTaskException("Task function name '" + name + "' is already registered");
		}
	}

	/**
	 * Looks up a function by name.
	 * @param name the registered name
	 * @return the function, or empty when no function has that name
	 */
	public Optional<TaskCallable> find(String name) {
		return Optional.ofNullable(this.functions.get(name));
	}

	/**
	 * Whether a function is registered under {@code name}.
	 * @param name the name
	 * @return true if registered
	 */
	public boolean contains(String name) {
		return this.functions.containsKey(name);
	}

	/**
	 * The registered names, sorted.
	 * @return a snapshot of the names
	 */
	public Set<String> names() {
		return new TreeSet<>(this.functions.keySet());
	}

}

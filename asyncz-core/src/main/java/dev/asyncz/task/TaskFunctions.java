package dev.asyncz.task;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named functions that tasks may call. Stored tasks refer to a function only by its
 * name, so loading a task can never reach code that was not registered here.
 *
 * <p>
 * A function may bring default options: a task that calls it and leaves an option unset
 * takes the function's value before the scheduler's default. They suit what is a property
 * of the work rather than of one schedule, such as how often it may be retried or how
 * long it may take.
 */
public final class TaskFunctions {

	private final Map<String, Registration> functions = new ConcurrentHashMap<>();

	/**
	 * Registers {@code function} under {@code name}, without options of its own.
	 * @param name the name stored tasks use
	 * @param function the code to run
	 * @throws InvalidTaskException if the name is blank or already taken by another
	 * function
	 */
	public void register(String name, TaskCallable function) {
		register(name, function, TaskOptions.UNSET);
	}

	/**
	 * Registers {@code function} under {@code name} with default options for the tasks
	 * that call it. Registering the same function again replaces its defaults.
	 * @param name the name stored tasks use
	 * @param function the code to run
	 * @param defaults options for tasks that call it and leave them unset, partial
	 * ({@link TaskOptions#UNSET} for none); options unset here come from the scheduler's
	 * defaults
	 * @throws InvalidTaskException if the name is blank or already taken by another
	 * function
	 */
	public void register(String name, TaskCallable function, TaskOptions defaults) {
		if (name == null || name.isBlank()) {
			throw new InvalidTaskException("A task function needs a non-blank name");
		}
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(defaults, "defaults");
		// Canonical UNSET, so that a scheduler can tell "no defaults" by identity.
		TaskOptions kept = defaults.equals(TaskOptions.UNSET) ? TaskOptions.UNSET : defaults;
		this.functions.compute(name, (key, existing) -> {
			if (existing != null && existing.function() != function) {
				throw new InvalidTaskException("Task function name '" + name + "' is already registered");
			}
			return new Registration(function, kept);
		});
	}

	/**
	 * Looks up a function by name.
	 * @param name the registered name
	 * @return the function, or empty when no function has that name
	 */
	public Optional<TaskCallable> find(String name) {
		Registration registration = this.functions.get(name);
		return (registration != null) ? Optional.of(registration.function()) : Optional.empty();
	}

	/**
	 * The default options of a function, for tasks that call it and leave them unset.
	 * @param name the registered name
	 * @return the defaults, partial; {@link TaskOptions#UNSET} when the function has none
	 * or no function has that name
	 */
	public TaskOptions defaults(String name) {
		Registration registration = this.functions.get(name);
		return (registration != null) ? registration.defaults() : TaskOptions.UNSET;
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

	private record Registration(TaskCallable function, TaskOptions defaults) {

	}

}

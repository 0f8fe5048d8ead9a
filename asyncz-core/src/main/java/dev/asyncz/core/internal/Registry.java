package dev.asyncz.core.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.asyncz.core.ExecutorInfo;
import dev.asyncz.core.SchedulerStateException;
import dev.asyncz.core.StoreInfo;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.InvalidTaskException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's named stores and executors. Both maps are copy-on-write: read on every
 * call and every run, changed rarely. A store is started on first use, so that tasks can
 * be added (and persistent stores read) before the scheduler itself starts.
 */
final class Registry {

	private static final Logger logger = LoggerFactory.getLogger(Registry.class);

	private volatile Map<String, TaskStore> stores;

	private volatile Map<String, SchedulerExecutor> executors;

	/**
	 * The executors' values as a list, kept with the map: the end of every run reads it
	 * ({@link Backlog}), and the map's values view makes an iterator per read.
	 */
	private volatile List<SchedulerExecutor> executorList;

	private final Set<String> startedStores = ConcurrentHashMap.newKeySet();

	private final Object changes = new Object();

	private final Function<String, StoreContext> contexts;

	/** Set once the scheduler shut down: no store is started again after that. */
	private volatile boolean closed;

	/**
	 * A registry of the given stores and executors.
	 * @param stores stores by name
	 * @param executors executors by name
	 * @param contexts what a store is started with, by store name
	 */
	Registry(Map<String, TaskStore> stores, Map<String, SchedulerExecutor> executors,
			Function<String, StoreContext> contexts) {
		this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
		this.executors = Collections.unmodifiableMap(new LinkedHashMap<>(executors));
		this.executorList = List.copyOf(this.executors.values());
		this.contexts = contexts;
	}

	// --- stores -----------------------------------------------------------------------

	/**
	 * The stores by name, not necessarily started.
	 * @return an unmodifiable snapshot
	 */
	Map<String, TaskStore> stores() {
		return this.stores;
	}

	/**
	 * A store by name, started.
	 * @param name the store name
	 * @param taskId the task the caller works on, for the message, or {@code null}
	 * @return the store
	 * @throws InvalidTaskException naming the known stores when there is no such store
	 */
	TaskStore store(String name, @Nullable String taskId) {
		TaskStore store = this.stores.get(name);
		if (store == null) {
			throw new InvalidTaskException(((taskId != null) ? "Task '" + taskId + "': no" : "No") + " store named '"
					+ name + "'; stores: " + this.stores.keySet());
		}
		return started(name, store);
	}

	/**
	 * Starts a store unless it was started already.
	 * @param name the store's name
	 * @param store the store
	 * @return the store
	 */
	TaskStore started(String name, TaskStore store) {
		if (!this.startedStores.contains(name)) {
			// Marked started only once start() returned: other threads using the store
			// meanwhile wait for it.
			synchronized (this.startedStores) {
				if (this.closed) {
					throw new SchedulerStateException(
							"The scheduler was shut down; store '" + name + "' is closed and is not started again");
				}
				if (!this.startedStores.contains(name)) {
					store.start(this.contexts.apply(name));
					this.startedStores.add(name);
				}
			}
		}
		return store;
	}

	void startStores() {
		this.stores.forEach(this::started);
	}

	void addStore(String name, TaskStore store) {
		synchronized (this.changes) {
			if (this.stores.containsKey(name)) {
				throw new InvalidTaskException("A store named '" + name + "' already exists");
			}
			this.stores = with(this.stores, name, store);
		}
	}

	void removeStore(String name) {
		TaskStore store;
		synchronized (this.changes) {
			store = this.stores.get(name);
			if (store == null) {
				throw new InvalidTaskException("No store named '" + name + "'; stores: " + this.stores.keySet());
			}
			this.stores = without(this.stores, name);
		}
		shutdownStore(name, store);
	}

	void shutdownStores() {
		synchronized (this.startedStores) {
			this.closed = true;
		}
		this.stores.forEach(this::shutdownStore);
	}

	StoreInfo describe(String name, TaskStore store) {
		try {
			TaskStore started = started(name, store);
			started.ping();
			return new StoreInfo(name, store.type(), store.location(), store.persistent(), started.count(), true, null);
		}
		catch (RuntimeException ex) {
			return new StoreInfo(name, store.type(), store.location(), store.persistent(), -1, false, ex.toString());
		}
	}

	private void shutdownStore(String name, TaskStore store) {
		if (this.startedStores.remove(name)) {
			try {
				store.shutdown();
			}
			catch (RuntimeException ex) {
				logger.warn("Store '{}' failed to shut down", name, ex);
			}
		}
	}

	// --- executors --------------------------------------------------------------------

	/**
	 * An executor by name.
	 * @param name the executor name
	 * @return the executor, or {@code null} when there is none by that name
	 */
	@Nullable SchedulerExecutor executor(String name) {
		return this.executors.get(name);
	}

	Map<String, SchedulerExecutor> executors() {
		return this.executors;
	}

	List<SchedulerExecutor> executorList() {
		return this.executorList;
	}

	void requireExecutor(String name, String taskId) {
		if (!this.executors.containsKey(name)) {
			throw new InvalidTaskException(
					"Task '" + taskId + "': no executor named '" + name + "'; executors: " + this.executors.keySet());
		}
	}

	void addExecutor(String name, SchedulerExecutor executor) {
		synchronized (this.changes) {
			if (this.executors.containsKey(name)) {
				throw new InvalidTaskException("An executor named '" + name + "' already exists");
			}
			this.executors = with(this.executors, name, executor);
			this.executorList = List.copyOf(this.executors.values());
		}
	}

	SchedulerExecutor removeExecutor(String name) {
		synchronized (this.changes) {
			SchedulerExecutor executor = this.executors.get(name);
			if (executor == null) {
				throw new InvalidTaskException(
						"No executor named '" + name + "'; executors: " + this.executors.keySet());
			}
			this.executors = without(this.executors, name);
			this.executorList = List.copyOf(this.executors.values());
			return executor;
		}
	}

	static ExecutorInfo describe(String name, SchedulerExecutor executor) {
		return new ExecutorInfo(name, executor.describe(), executor.activeCount(), executor.queuedCount());
	}

	private static <V> Map<String, V> with(Map<String, V> map, String name, V value) {
		Map<String, V> copy = new LinkedHashMap<>(map);
		copy.put(name, value);
		return Collections.unmodifiableMap(copy);
	}

	private static <V> Map<String, V> without(Map<String, V> map, String name) {
		Map<String, V> copy = new LinkedHashMap<>(map);
		copy.remove(name);
		return Collections.unmodifiableMap(copy);
	}

}

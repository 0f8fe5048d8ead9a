package dev.asyncz.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;

/**
 * Where tasks live: the store SPI. The scheduler is the only caller; users go through
 * {@link dev.asyncz.core.Scheduler}. {@link MemoryTaskStore} keeps tasks in memory;
 * durable stores (JDBC, Redis) share their claim bookkeeping through a
 * {@link ClaimLedger} and write only its {@link ClaimStorage storage commands}.
 *
 * <p>
 * <b>Claims.</b> {@link #acquireDueTasks} hands out the tasks due at the scheduler's
 * "now", earliest first and at most as many as asked, and claims them atomically, so that
 * several schedulers sharing one persistent store never run the same fire time twice. A
 * claimed task is not handed out again, to this instance or another, until its claim
 * ends. The scheduler ends every claim in exactly one of these ways:
 * <ul>
 * <li>{@link #release} stores the task's next state (a recurring task's next run time, a
 * retry, a failure kept, or a claimed task that did not run here) — unless the task was
 * changed since it was claimed, in which case that change stands;</li>
 * <li>{@link #complete}, once the final run of a finished trigger is over, removes the
 * task — unless it was changed since it was claimed;</li>
 * <li>{@link #update} or {@link #remove} (a user's change) ends the claim at once, and
 * the holder's later {@code release} or {@code complete} leaves the task alone: the
 * user's change always wins over the scheduler's pending one.</li>
 * </ul>
 *
 * <p>
 * <b>Leases (persistent stores).</b> A claim carries a lease measured by the storage's
 * clock, not the instance's, so that skewed clocks cannot make two instances run one fire
 * time. The holder renews its leases while it holds the claims (however long a run
 * takes); a claim whose lease expired, because its holder died or lost the storage for a
 * whole lease, ends, and the task is handed out again with {@link DueTask#recovered()}
 * set so the scheduler knows the fire time may have run in part. A release or completion
 * that the storage refuses (unreachable) does not let the lease run out: the store keeps
 * the claim, renewed, retries the write with the renewals, and once more at
 * {@link #shutdown()}. Only if the instance dies first does another instance run the task
 * again.
 *
 * <p>
 * <b>Quarantine.</b> Data that cannot be read (malformed JSON, an unknown trigger type,
 * an id other than the one it is stored under) is set aside: it is not handed out, listed
 * or counted, it is reported once with a {@link dev.asyncz.event.TaskQuarantined} event,
 * and it is kept for people to inspect and is never deleted (not even by
 * {@link #removeAll()}); the other tasks carry on. An {@link #update} or {@link #remove}
 * of that id lifts the quarantine.
 *
 * <p>
 * <b>Threads.</b> Implementations are thread-safe: the scheduler thread acquires and
 * releases, executor workers release and complete, users add, update and remove, all at
 * once. Store failures surface as {@link StoreException}; nothing stored is lost by a
 * failed call.
 *
 * <p>
 * <b>A store must never</b>
 * <ul>
 * <li>remove a task other than through {@link #remove}, {@link #removeAll} or
 * {@link #complete} (nothing but a user's delete or a successful final run removes a
 * task; unreadable data is quarantined, not deleted);</li>
 * <li>hand a claimed task out again before its claim ended or its lease expired;</li>
 * <li>load every task: "what is due" and "when is the next one" come from an index, and
 * listing reads a page;</li>
 * <li>deserialise Java objects or instantiate a class named by stored data: a persisted
 * task is a function name, JSON arguments and a JSON trigger, read with
 * {@link TaskCodec};</li>
 * <li>let a failing release or completion silently drop its claim, or write over a user's
 * change with a stale release.</li>
 * </ul>
 *
 * <p>
 * The contract is checked by the suites in the {@code asyncz-test} module, which every
 * store's tests extend.
 */
public interface TaskStore {

	/**
	 * Called once when the scheduler starts (or when the store is added to a running
	 * scheduler).
	 * @param context what the scheduler offers its stores
	 */
	default void start(StoreContext context) {
	}

	/**
	 * Called once when the scheduler shuts down; releases connections and threads.
	 */
	default void shutdown() {
	}

	/**
	 * Whether tasks outlive the process. A persistent store holds only tasks that call a
	 * registered function with JSON-serialisable arguments.
	 * @return true for persistent stores
	 */
	boolean persistent();

	/**
	 * The kind of store, as people name it in configuration and descriptions.
	 * @return a short name such as {@code memory}, {@code jdbc} or {@code redis}
	 */
	default String type() {
		return getClass().getSimpleName();
	}

	/**
	 * Where the store keeps its tasks, for people reading a log or a description: a
	 * table, a key prefix, a collection.
	 * @return a short phrase such as {@code table asyncz_tasks}; empty for a store in
	 * memory
	 */
	default String location() {
		return "";
	}

	/**
	 * The longest task id the store can keep; the scheduler refuses longer ones when a
	 * task is added.
	 * @return the most characters, {@link Integer#MAX_VALUE} for no limit
	 */
	default int maxIdLength() {
		return Integer.MAX_VALUE;
	}

	/**
	 * Adds a task.
	 * @param task the task, with its first next run time already computed
	 * @throws dev.asyncz.task.ConflictingIdException if the id is taken
	 */
	void add(Task task);

	/**
	 * Adds several tasks, all of them new: the scheduler has checked that no two share an
	 * id. A store that can write them together overrides this (the JDBC store in one
	 * transaction, the Redis store in scripts, the memory store under its lock) so that
	 * either all are added or, when an id is taken, none; this default adds them one by
	 * one, so a taken id stops it with the tasks before that one added.
	 * @param tasks the tasks, each with its first next run time already computed
	 * @throws dev.asyncz.task.ConflictingIdException naming an id that is taken
	 */
	default void addAll(List<Task> tasks) {
		for (Task task : tasks) {
			add(task);
		}
	}

	/**
	 * Replaces a stored task with {@code task} (same id), ending any claim on it, this
	 * instance's or another's, and lifting a quarantine of that id.
	 * @param task the new value
	 * @throws dev.asyncz.task.TaskNotFoundException if no task has that id
	 */
	void update(Task task);

	/**
	 * Removes a task, ending any claim on it and deleting quarantined data of that id.
	 * @param id the task id
	 * @return whether a task was removed
	 */
	boolean remove(String id);

	/**
	 * Removes every task, ending every claim; quarantined data is kept.
	 */
	void removeAll();

	/**
	 * Looks a task up by id.
	 * @param id the id
	 * @return the task, or empty
	 */
	Optional<Task> get(String id);

	/**
	 * Claims and returns the tasks due at {@code now}, earliest first. Tasks whose claim
	 * expired come back {@linkplain DueTask#recovered() recovered}; unreadable ones are
	 * quarantined and skipped.
	 * @param now the scheduler's current time
	 * @param limit the most tasks to return
	 * @return the due tasks, now claimed by the caller
	 */
	List<DueTask> acquireDueTasks(Instant now, int limit);

	/**
	 * Ends the scheduler's claim on a task by storing its next state ({@code next},
	 * usually with a new next run time) — unless the task was changed (updated, replaced,
	 * removed) since it was claimed, or the claim is no longer this instance's, in which
	 * case nothing is written and that change stands. A persistent store that cannot
	 * reach its storage keeps the claim and retries the write (see the class
	 * documentation) rather than throwing.
	 * @param claimed the task as it was handed out by {@link #acquireDueTasks}
	 * @param next the task to store
	 * @return whether {@code next} was stored (or, for a write being retried, will be)
	 */
	boolean release(Task claimed, Task next);

	/**
	 * Ends the claim on a task this instance cannot run (its function or executor is
	 * unknown here, or its arguments do not bind), storing its next state as
	 * {@link #release} does, and tells the other instances sharing the store of it where
	 * the store can, so that one of them takes it when it is due. By default a release:
	 * right for stores that announce every release or that no other instance shares.
	 * @param claimed the task as it was handed out by {@link #acquireDueTasks}
	 * @param next the task to store, due when this instance looks at it again
	 * @return whether {@code next} was stored (or, for a write being retried, will be)
	 */
	default boolean handOver(Task claimed, Task next) {
		return release(claimed, next);
	}

	/**
	 * Ends the claim on a task whose final run is over, removing the task unless it was
	 * changed (updated, replaced) since it was claimed or the claim is no longer this
	 * instance's. A persistent store that cannot reach its storage keeps the claim and
	 * retries the removal rather than throwing.
	 * @param task the task as it was handed out by {@link #acquireDueTasks}
	 */
	void complete(Task task);

	/**
	 * The earliest next run time of any unclaimed, unpaused task.
	 * @return the time, or empty when nothing is scheduled
	 */
	Optional<Instant> nextRunTime();

	/**
	 * A page of tasks ordered by next run time, paused tasks last.
	 * @param query filters and paging
	 * @return the tasks of the page
	 */
	List<Task> list(TaskQuery query);

	/**
	 * How many tasks the store holds (quarantined rows excluded).
	 * @return the count
	 */
	long count();

	/**
	 * A page of the tasks this store set aside because their data could not be read,
	 * ordered by id. Stores that never quarantine, such as the memory store, keep this
	 * default.
	 * @param offset how many to skip
	 * @param limit the most to return
	 * @return the page, empty by default
	 */
	default List<QuarantinedTask> listQuarantined(long offset, int limit) {
		return List.of();
	}

	/**
	 * How many tasks this store holds in quarantine.
	 * @return the count, 0 by default
	 */
	default long quarantinedCount() {
		return 0;
	}

	/**
	 * Reads a quarantined task's data again. If it reads now (the data or the code
	 * reading it was fixed), the task goes back to the state its data says (scheduled,
	 * paused or failed) and is returned; if it still cannot be read it stays quarantined,
	 * with the new reason.
	 * @param id the task id
	 * @return the task, back in the store
	 * @throws TaskNotFoundException if no task with that id is quarantined
	 * @throws CorruptTaskException naming why the data still cannot be read
	 */
	default Task retryQuarantined(String id) {
		throw TaskNotFoundException.notQuarantined(id);
	}

	/**
	 * Deletes a quarantined task's data.
	 * @param id the task id
	 * @return whether a quarantined task with that id existed
	 */
	default boolean deleteQuarantined(String id) {
		return false;
	}

	/**
	 * Checks that the store can be reached; throws if it cannot. Used by health checks.
	 */
	default void ping() {
	}

	// Operator search (the dashboard). Defaults built on list(TaskQuery) so that every
	// store answers; a store with an index for the extra filters overrides them.

	/**
	 * The most tasks the default {@link #search} reads looking for matches of the filters
	 * {@link #list(TaskQuery)} cannot apply (id prefix, name) before it gives up.
	 */
	int DEFAULT_SEARCH_BUDGET = 10_000;

	/**
	 * A page of the tasks matching a search, in the order of {@link #list(TaskQuery)}.
	 * <p>
	 * By default a search {@link #list(TaskQuery) list} can answer is passed on to it;
	 * one with an id prefix or a name reads listing pages and filters them, up to
	 * {@value #DEFAULT_SEARCH_BUDGET} tasks, then answers with what it found and
	 * {@link TaskSearchResult#complete()} {@code false}.
	 * {@link TaskSearch.Status#RUNNING} is unknown to the default and answers an empty,
	 * incomplete page.
	 * @param search the filters and paging
	 * @return the page
	 */
	default TaskSearchResult search(TaskSearch search) {
		if (search.status() == TaskSearch.Status.RUNNING) {
			return new TaskSearchResult(List.of(), false);
		}
		TaskState state = (search.status() != null) ? search.status().listingState() : null;
		if (search.listable()) {
			return new TaskSearchResult(list(new TaskQuery(search.function(), state, search.offset(), search.limit())),
					true);
		}
		int chunk = 500;
		List<Task> page = new ArrayList<>();
		long skipped = 0;
		long read = 0;
		while (read < DEFAULT_SEARCH_BUDGET) {
			List<Task> batch = list(new TaskQuery(search.function(), state, read, chunk));
			for (Task task : batch) {
				if (!search.matchesAttributes(task)) {
					continue;
				}
				if (skipped < search.offset()) {
					skipped++;
					continue;
				}
				page.add(task);
				if (page.size() == search.limit()) {
					return new TaskSearchResult(page, true);
				}
			}
			read += batch.size();
			if (batch.size() < chunk) {
				return new TaskSearchResult(page, true);
			}
		}
		return new TaskSearchResult(page, false);
	}

	/**
	 * How many tasks the store holds in each status, for an overview. Counting may read
	 * every task, so callers ask for it only now and then.
	 * @return the counts, or an empty map (the default) when the store cannot tell
	 */
	default Map<TaskSearch.Status, Long> countByStatus() {
		return Map.of();
	}

}

package dev.asyncz.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;

/**
 * Where tasks live. The scheduler is the only caller; users go through
 * {@link dev.asyncz.core.Scheduler}.
 *
 * <p>
 * <b>Claims.</b> {@link #acquireDueTasks} hands out due tasks and claims them, so that
 * several schedulers sharing one persistent store never run the same fire time twice. The
 * scheduler then ends every claim in exactly one of three ways: {@link #release} with the
 * next run time (a recurring task, or a claimed task that did not run), {@link #remove},
 * or — after the final run of a finished trigger — {@link #complete} once that run is
 * over. A caller's {@link #update} of a claimed task wins over the scheduler's pending
 * {@link #release}. A claimed task is not handed out again until its claim ends; a
 * persistent store also ends a claim whose lease expired (its holder died) and hands the
 * task out again with {@link DueTask#recovered()} set.
 *
 * <p>
 * Implementations are thread-safe. They answer "what is due" and "when is the next one"
 * from an index and never load every task.
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
	 * Adds a task.
	 * @param task the task, with its first next run time already computed
	 * @throws dev.asyncz.task.ConflictingIdException if the id is taken
	 */
	void add(Task task);

	/**
	 * Replaces a stored task with {@code task} (same id), ending any claim on it.
	 * @param task the new value
	 * @throws dev.asyncz.task.TaskNotFoundException if no task has that id
	 */
	void update(Task task);

	/**
	 * Removes a task.
	 * @param id the task id
	 * @return whether a task was removed
	 */
	boolean remove(String id);

	/**
	 * Removes every task.
	 */
	void removeAll();

	/**
	 * Looks a task up by id.
	 * @param id the id
	 * @return the task, or empty
	 */
	Optional<Task> get(String id);

	/**
	 * Claims and returns the tasks due at {@code now}, earliest first.
	 * @param now the scheduler's current time
	 * @param limit the most tasks to return
	 * @return the due tasks, now claimed by the caller
	 */
	List<DueTask> acquireDueTasks(Instant now, int limit);

	/**
	 * Ends the scheduler's claim on a task by storing its next state ({@code next},
	 * usually with a new next run time) — unless the task was changed (updated, replaced,
	 * removed) since it was claimed, in which case that change stands and only the claim
	 * ends.
	 * @param claimed the task as it was handed out by {@link #acquireDueTasks}
	 * @param next the task to store
	 * @return whether {@code next} was stored
	 */
	default boolean release(Task claimed, Task next) {
		update(next);
		return true;
	}

	/**
	 * Ends the claim on a task whose final run is over, removing the task unless it was
	 * changed (updated, replaced) since it was claimed.
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

}

package dev.asyncz.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.task.TaskUpdate;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks at the times their triggers choose. One scheduler thread sleeps until the
 * earliest next run time over all its stores (never longer than its max wait) and hands
 * due runs to the tasks' executors; adding an earlier task wakes it.
 *
 * <p>
 * Build one with {@link #builder()}. Tasks can be added before {@link #start()}; they run
 * once the scheduler is started. All methods are thread-safe.
 */
public interface Scheduler extends AutoCloseable {

	/**
	 * Starts building a scheduler.
	 * @return a builder with a memory store and a thread-pool executor named
	 * {@code default}
	 */
	static SchedulerBuilder builder() {
		return new SchedulerBuilder();
	}

	/**
	 * Starts the scheduler thread and the stores.
	 * @throws SchedulerStateException if already started
	 */
	default void start() {
		start(false);
	}

	/**
	 * Starts the scheduler.
	 * @param paused whether to start paused: tasks can be managed, nothing runs until
	 * {@link #resume()}
	 */
	void start(boolean paused);

	/**
	 * Stops the scheduler thread, the executors and the stores.
	 * @param waitForRunningTasks whether to wait (up to the configured period) for runs
	 * in progress
	 */
	void shutdown(boolean waitForRunningTasks);

	/**
	 * Shuts down, waiting for running tasks.
	 */
	@Override
	default void close() {
		shutdown(true);
	}

	/**
	 * Holds back due tasks until {@link #resume()}.
	 */
	void pause();

	/**
	 * Resumes after {@link #pause()}; tasks that became due meanwhile follow their
	 * misfire rules.
	 */
	void resume();

	/**
	 * The life-cycle state.
	 * @return the state
	 */
	SchedulerState state();

	/**
	 * Adds a task.
	 * @param request what to run and when
	 * @return the task as stored, with its id and first next run time
	 * @throws ConflictingIdException if the id is taken and replace-existing was not
	 * asked for
	 * @throws InvalidTaskException if the function, store, executor or arguments are not
	 * acceptable
	 * @throws MaxTasksExceededException if the scheduler is full
	 */
	Task add(TaskRequest request);

	/**
	 * Adds many tasks at once, with one write to their store: one transaction of batched
	 * inserts on JDBC, a few scripts on Redis. Every request is checked as {@link #add}
	 * checks it before anything is written, and the call is all or nothing: when it
	 * throws, none of its tasks was added, and nothing stored before was touched. Each
	 * added task is announced with its own {@link dev.asyncz.event.TaskAdded} event, and
	 * the scheduler is woken once.
	 *
	 * <p>
	 * All the requests of one call go to one store, and none may ask to replace an
	 * existing task: add those one by one with {@link #add}. Inside a Spring transaction
	 * the tasks are written on it, as a single add is.
	 * @param requests what to run and when, in the order the tasks are to be returned
	 * @return the tasks as stored, in the order of the requests
	 * @throws ConflictingIdException naming an id that the store already holds, or that
	 * two requests share
	 * @throws InvalidTaskException naming the first request that is not acceptable, or
	 * when the requests name more than one store or ask to replace existing tasks
	 * @throws MaxTasksExceededException if the tasks would not all fit
	 */
	List<Task> addAll(List<TaskRequest> requests);

	/**
	 * Looks a task up in any store.
	 * @param id the task id
	 * @return the task or empty
	 */
	Optional<Task> get(String id);

	/**
	 * A page of one store's tasks, ordered by next run time (paused last).
	 * @param store the store name
	 * @param query filters and paging
	 * @return the page
	 */
	List<Task> list(String store, TaskQuery query);

	/**
	 * A page of one store's tasks matching a search: what an operator's view (the
	 * dashboard) asks; see {@link dev.asyncz.store.TaskStore#search}.
	 * @param store the store name
	 * @param search filters and paging
	 * @return the page
	 */
	TaskSearchResult search(String store, TaskSearch search);

	/**
	 * How many tasks one store holds in each status; may read every task, so ask now and
	 * then.
	 * @param store the store name
	 * @return the counts, or an empty map when the store cannot tell
	 */
	Map<TaskSearch.Status, Long> countByStatus(String store);

	/**
	 * The next fire times of a task, changing nothing: from its next run time, or for a
	 * paused task from now (what resuming it would give). Empty for a task that runs at a
	 * moment of the scheduler's life cycle.
	 * @param id the task id
	 * @param count how many, 1 to {@value Trigger#MAX_PREVIEW}
	 * @return up to {@code count} fire times, earliest first
	 * @throws TaskNotFoundException if there is no such task
	 * @throws dev.asyncz.trigger.InvalidTriggerException if {@code count} is out of range
	 */
	List<Instant> preview(String id, int count);

	/**
	 * The fire times a trigger would give a task added now, with the scheduler's default
	 * zone: to check a cron expression before adding anything.
	 * @param trigger the trigger
	 * @param count how many, 1 to {@value Trigger#MAX_PREVIEW}
	 * @return up to {@code count} fire times, earliest first
	 * @throws dev.asyncz.trigger.InvalidTriggerException if {@code count} is out of range
	 */
	List<Instant> preview(Trigger trigger, int count);

	/**
	 * Changes a task's options, arguments or trigger.
	 * @param id the task id
	 * @param update what to change
	 * @return the task after the change
	 * @throws TaskNotFoundException if there is no such task
	 */
	Task update(String id, TaskUpdate update);

	/**
	 * Gives a task a new trigger and recomputes its next run time.
	 * @param id the task id
	 * @param trigger the new trigger
	 * @return the task after the change
	 */
	Task reschedule(String id, Trigger trigger);

	/**
	 * Pauses one task: it keeps its place but has no next run time.
	 * @param id the task id
	 * @return the paused task
	 */
	Task pauseTask(String id);

	/**
	 * Resumes a paused task from now; a trigger that has finished removes the task.
	 * @param id the task id
	 * @return the task, or empty if resuming found nothing left to run and removed it
	 */
	Optional<Task> resumeTask(String id);

	/**
	 * Makes a task due now. A task whose trigger fires again afterwards keeps its
	 * schedule: the run now is one more. A task with one fire time left (a one-shot, or
	 * the last fire time of a trigger that ends) has it brought forward: it runs now
	 * instead of then, and once, so a reminder sent early is not sent again at its time.
	 * A retry waiting for its time runs now, as the same attempt it would have been; a
	 * failed task runs afresh.
	 * @param id the task id
	 * @return the task with its next run time set to now
	 */
	Task runNow(String id);

	/**
	 * Deletes a task.
	 * @param id the task id
	 * @throws TaskNotFoundException if there is no such task
	 */
	void delete(String id);

	/**
	 * Deletes every task of one store.
	 * @param store the store name, or {@code null} for all stores
	 */
	void deleteAll(@Nullable String store);

	/**
	 * A page of the tasks set aside because their stored data could not be read, store by
	 * store in the order the stores were added, each store's ordered by id.
	 * @param store the store name, or {@code null} for all stores
	 * @param offset how many to skip
	 * @param limit the most to return
	 * @return the page
	 * @throws InvalidTaskException if there is no store of that name
	 */
	List<QuarantinedTask> listQuarantined(@Nullable String store, long offset, int limit);

	/**
	 * How many tasks one store holds in quarantine.
	 * @param store the store name
	 * @return the count
	 * @throws InvalidTaskException if there is no store of that name
	 */
	long quarantinedCount(String store);

	/**
	 * Reads a quarantined task's data again, once it (or the code reading it) was fixed.
	 * If it reads, the task is back in its store as its data says (scheduled, paused or
	 * failed), a {@link dev.asyncz.event.TaskRestored} event says so, and a task that is
	 * due runs as any other; if not, it stays quarantined with the new reason.
	 * @param store the store name
	 * @param id the task id
	 * @return the task, back in its store
	 * @throws TaskNotFoundException if that store holds no quarantined task with that id
	 * @throws dev.asyncz.store.CorruptTaskException naming why the data still cannot be
	 * read
	 * @throws InvalidTaskException if there is no store of that name
	 */
	Task retryQuarantined(String store, String id);

	/**
	 * Deletes a quarantined task's data for good.
	 * @param store the store name
	 * @param id the task id
	 * @return whether that store held a quarantined task with that id
	 * @throws InvalidTaskException if there is no store of that name
	 */
	boolean deleteQuarantined(String store, String id);

	/**
	 * Registers a listener for some event types.
	 * @param listener the listener
	 * @param types the event types (super-interfaces such as {@code TaskRunEvent}
	 * included); none means all
	 */
	@SuppressWarnings("unchecked")
	void addListener(SchedulerListener listener, Class<? extends SchedulerEvent>... types);

	/**
	 * Unregisters a listener.
	 * @param listener the listener
	 */
	void removeListener(SchedulerListener listener);

	/**
	 * The functions stored tasks may call.
	 * @return the registry
	 */
	TaskFunctions functions();

	/**
	 * This scheduler's id among the instances that share its persistent stores (set with
	 * {@link SchedulerBuilder#instanceId}, else random per process); the claims it holds
	 * are recorded under it.
	 * @return the instance id
	 */
	String instanceId();

	/**
	 * The stores by name, each described as it is now: its type, whether it is
	 * persistent, how many tasks it holds and whether it answers. Asks every store.
	 * @return a snapshot, in the order the stores were added
	 */
	Map<String, StoreInfo> stores();

	/**
	 * The due tasks this instance could not run for longer than the stuck threshold
	 * ({@link SchedulerBuilder#stuckTaskThreshold}) and no other instance ran meanwhile:
	 * their function or executor is unknown here, or their arguments do not bind. Such
	 * tasks are never failed, quarantined or deleted for it; this list is how people hear
	 * of them (health details and metrics read it).
	 * @return the stuck tasks this instance knows of, oldest first
	 */
	List<StuckTask> stuckTasks();

	/**
	 * Describes one store as it is now.
	 * @param name the store name
	 * @return the description, or empty when there is no such store
	 */
	Optional<StoreInfo> store(String name);

	/**
	 * The names of the stores, without asking any of them anything.
	 * @return the names, in the order the stores were added
	 */
	Set<String> storeNames();

	/**
	 * Adds a store under a name (started at once if the scheduler runs).
	 * @param name the name
	 * @param store the store
	 */
	void addStore(String name, TaskStore store);

	/**
	 * Removes a store after shutting it down; its tasks stay where they are (persistent)
	 * or are gone (memory).
	 * @param name the name
	 */
	void removeStore(String name);

	/**
	 * The executors by name, each described as it is now (its kind and size, runs active
	 * and queued).
	 * @return a snapshot, in the order the executors were added
	 */
	Map<String, ExecutorInfo> executors();

	/**
	 * Adds an executor under a name.
	 * @param name the name
	 * @param executor the executor
	 */
	void addExecutor(String name, SchedulerExecutor executor);

	/**
	 * Removes an executor after shutting it down.
	 * @param name the name
	 */
	void removeExecutor(String name);

	/**
	 * Runs, on the calling thread, everything due at the clock's current time, and
	 * returns when those runs are over: due again at the same instant (a retry without
	 * back-off, say) runs too. Only for a scheduler built with
	 * {@link SchedulerBuilder#runOnCaller()}, which has no thread of its own.
	 * @return how many runs it made, and when anything is due next
	 * @throws SchedulerStateException if this scheduler runs tasks on its own thread, or
	 * is not started
	 */
	default DueRuns runDueTasks() {
		throw new SchedulerStateException(
				"This scheduler runs due tasks on its own thread; build it with runOnCaller() to run them on demand");
	}

	/**
	 * The clock that says what time it is for this scheduler.
	 * @return the clock
	 */
	Clock clock();

	/**
	 * The zone used by triggers that do not name one.
	 * @return the zone
	 */
	ZoneId zone();

	/**
	 * The longest the scheduler thread sleeps before it looks again.
	 * @return the max wait
	 */
	Duration maxWait();

}

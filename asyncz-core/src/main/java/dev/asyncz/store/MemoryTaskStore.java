package dev.asyncz.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.store.internal.DeadlineHeap;
import dev.asyncz.store.internal.IdIndex;
import dev.asyncz.store.internal.TaskShapes;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps tasks in memory: a heap of deadlines plus an index by id. Adding, removing and
 * rescheduling cost O(log n), a lookup by id O(1); nothing is kept per waiting task but
 * its id, trigger and next run time in a 40-byte entry, two array slots and its id's hash
 * in the index (no thread, future, timer or hash-map node): the rest of the task
 * (function, arguments, options, names) is shared with the tasks added like it, and the
 * task value is made again when asked for. Only a task that is not waiting (claimed,
 * paused or failed) also has a hash-set node. Tasks are gone when the process ends.
 */
public final class MemoryTaskStore implements TaskStore {

	/**
	 * The most waiting tasks one {@link #search} looks at: a bound on how long it holds
	 * the store.
	 */
	public static final int SEARCH_BUDGET = 10_000;

	private static final Comparator<Task> LISTING_ORDER = Comparator
		.comparing(Task::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Task::id);

	private final IdIndex entries = new IdIndex();

	private final DeadlineHeap heap = new DeadlineHeap();

	/**
	 * The entries outside the heap: claimed, paused and failed tasks, usually few. Kept
	 * so that searching or counting them does not read the waiting ones.
	 */
	private final Set<Entry> outsideHeap = new HashSet<>();

	private final TaskShapes shapes = new TaskShapes();

	@Override
	public String type() {
		return "memory";
	}

	@Override
	public boolean persistent() {
		return false;
	}

	@Override
	public synchronized void add(Task task) {
		Entry entry = new Entry(task, this.shapes);
		if (this.entries.addIfAbsent(entry) != null) {
			throw new ConflictingIdException(task.id());
		}
		schedule(entry);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * All or none, under the store's lock: every id is looked up before any task is
	 * added.
	 */
	@Override
	public synchronized void addAll(List<Task> tasks) {
		for (Task task : tasks) {
			if (this.entries.get(task.id()) != null) {
				throw new ConflictingIdException(task.id());
			}
		}
		for (Task task : tasks) {
			add(task);
		}
	}

	@Override
	public synchronized void update(Task task) {
		Entry entry = this.entries.get(task.id());
		if (entry == null) {
			throw new TaskNotFoundException(task.id());
		}
		replace(entry, task);
	}

	@Override
	public synchronized boolean release(Task claimed, Task next) {
		Entry entry = this.entries.get(claimed.id());
		if (entry == null || !entry.claimed() || entry.task() != claimed) {
			return false;
		}
		replace(entry, next);
		return true;
	}

	@Override
	public synchronized boolean remove(String id) {
		Entry entry = this.entries.remove(id);
		if (entry == null) {
			return false;
		}
		this.heap.remove(entry);
		this.outsideHeap.remove(entry);
		return true;
	}

	@Override
	public synchronized void removeAll() {
		this.entries.clear();
		this.heap.clear();
		this.outsideHeap.clear();
		this.shapes.clear();
	}

	@Override
	public synchronized Optional<Task> get(String id) {
		Entry entry = this.entries.get(id);
		return (entry != null) ? Optional.of(entry.task()) : Optional.empty();
	}

	@Override
	public synchronized List<DueTask> acquireDueTasks(Instant now, int limit) {
		List<DueTask> due = new ArrayList<>(Math.min(limit, 64));
		Entry first;
		while (due.size() < limit && (first = this.heap.peek()) != null && !first.nextRunTime().isAfter(now)) {
			this.heap.remove(first);
			Task claimed = first.claim();
			this.outsideHeap.add(first);
			due.add(new DueTask(claimed, false));
		}
		return due;
	}

	@Override
	public synchronized void complete(Task task) {
		Entry entry = this.entries.get(task.id());
		if (entry != null && entry.claimed() && entry.task() == task) {
			this.entries.remove(entry);
			this.outsideHeap.remove(entry);
		}
	}

	@Override
	public synchronized Optional<Instant> nextRunTime() {
		Entry first = this.heap.peek();
		return (first != null) ? Optional.ofNullable(first.nextRunTime()) : Optional.empty();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Looks at every task once and keeps only the page in a bounded queue: O(n log page)
	 * time and O(page) memory, so a page of a million tasks stays cheap.
	 */
	@Override
	public synchronized List<Task> list(TaskQuery query) {
		long keep = query.offset() + query.limit();
		if (keep > Integer.MAX_VALUE) {
			return List.of();
		}
		PriorityQueue<Task> page = new PriorityQueue<>((int) Math.min(keep, 1024) + 1, LISTING_ORDER.reversed());
		this.entries.forEach((entry) -> {
			Task task = entry.task();
			if (matches(task, query)) {
				page.add(task);
				if (page.size() > keep) {
					page.poll();
				}
			}
		});
		List<Task> sorted = new ArrayList<>(page);
		sorted.sort(LISTING_ORDER);
		int from = (int) Math.min(query.offset(), sorted.size());
		return List.copyOf(sorted.subList(from, sorted.size()));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Answers every filter itself, in the order: waiting tasks by next run time (ties in
	 * heap order), then running, paused and failed ones by next run time and id. Waiting
	 * tasks are walked from the heap earliest first, so a page costs {@code O(k log k)}
	 * for the {@code k} tasks looked at, whatever the store's size; a filter so rare that
	 * {@value #SEARCH_BUDGET} waiting tasks hold no full page stops there, incomplete,
	 * rather than hold the store (and the scheduler) for a pass over millions. Running,
	 * paused and failed tasks are kept apart, so looking at them does not read the
	 * waiting ones.
	 */
	@Override
	public synchronized TaskSearchResult search(TaskSearch search) {
		TaskSearch.Status status = search.status();
		Page page = new Page(search.offset(), search.limit());
		boolean complete = true;
		if (status == null || status == TaskSearch.Status.SCHEDULED) {
			complete = walkWaiting(search, page);
		}
		if (complete && status != TaskSearch.Status.SCHEDULED && !page.full()) {
			Page rest = new Page(Math.max(0, search.offset() - page.matched), search.limit() - page.tasks.size());
			List<Task> others = new ArrayList<>();
			for (Entry entry : this.outsideHeap) {
				if (hasStatus(entry, status) && search.matchesAttributes(entry.task())) {
					others.add(entry.task());
				}
			}
			others.sort(LISTING_ORDER);
			others.forEach(rest::offer);
			page.tasks.addAll(rest.tasks);
		}
		return new TaskSearchResult(page.tasks, complete);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reads only the tasks that are not waiting: {@code O(running + paused + failed)}.
	 */
	@Override
	public synchronized Map<TaskSearch.Status, Long> countByStatus() {
		Map<TaskSearch.Status, Long> counts = new EnumMap<>(TaskSearch.Status.class);
		for (TaskSearch.Status status : TaskSearch.Status.values()) {
			counts.put(status, 0L);
		}
		counts.put(TaskSearch.Status.SCHEDULED, (long) this.heap.size());
		this.outsideHeap.forEach((entry) -> counts.merge(status(entry), 1L, Long::sum));
		return counts;
	}

	/**
	 * Offers the page the waiting tasks that match, earliest first.
	 * @return whether the walk ended because the page is full or every waiting task was
	 * seen, rather than at the budget
	 */
	private boolean walkWaiting(TaskSearch search, Page page) {
		long[] steps = { 0 };
		boolean[] overBudget = { false };
		this.heap.visitInOrder((entry) -> {
			if (++steps[0] > SEARCH_BUDGET) {
				overBudget[0] = true;
				return false;
			}
			return !search.matchesAttributes(entry.task()) || page.offer(entry.task());
		});
		return !overBudget[0];
	}

	private static boolean hasStatus(Entry entry, TaskSearch.@Nullable Status status) {
		return status == null || status(entry) == status;
	}

	private static TaskSearch.Status status(Entry entry) {
		if (entry.inHeap()) {
			return TaskSearch.Status.SCHEDULED;
		}
		if (entry.claimed()) {
			return TaskSearch.Status.RUNNING;
		}
		return entry.task().failed() ? TaskSearch.Status.FAILED : TaskSearch.Status.PAUSED;
	}

	@Override
	public synchronized long count() {
		return this.entries.size();
	}

	private void replace(Entry entry, Task task) {
		// Checked before anything changes: an entry half replaced would be in neither the
		// heap nor a claim, and its task would never run.
		if (!task.id().equals(entry.id())) {
			throw new IllegalArgumentException(
					"Task '" + entry.id() + "' cannot be replaced by task '" + task.id() + "'");
		}
		this.heap.remove(entry);
		entry.unclaim();
		entry.task(task, this.shapes);
		schedule(entry);
	}

	private void schedule(Entry entry) {
		if (entry.nextRunTime() != null) {
			this.heap.push(entry);
			this.outsideHeap.remove(entry);
		}
		else {
			this.outsideHeap.add(entry);
		}
	}

	private static boolean matches(Task task, TaskQuery query) {
		if (query.function() != null && !query.function().equals(task.function())) {
			return false;
		}
		if (query.state() == null) {
			return true;
		}
		return switch (query.state()) {
			case SCHEDULED -> task.nextRunTime() != null;
			case PAUSED -> task.paused();
			case FAILED -> task.failed();
		};
	}

	/**
	 * The page a search fills: skips the offset, keeps up to the limit, counts matches.
	 */
	private static final class Page {

		private final long offset;

		private final int limit;

		private final List<Task> tasks = new ArrayList<>();

		private long matched;

		Page(long offset, int limit) {
			this.offset = offset;
			this.limit = limit;
		}

		/**
		 * Takes a matching task.
		 * @return whether the page wants more
		 */
		boolean offer(Task task) {
			this.matched++;
			if (this.matched > this.offset && this.tasks.size() < this.limit) {
				this.tasks.add(task);
			}
			return !full();
		}

		boolean full() {
			return this.tasks.size() >= this.limit;
		}

	}

}

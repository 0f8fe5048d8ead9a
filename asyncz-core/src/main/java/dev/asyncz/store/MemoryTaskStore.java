package dev.asyncz.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.store.internal.DeadlineHeap;
import dev.asyncz.store.internal.IdIndex;
import dev.asyncz.store.internal.TaskShapes;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;

/**
 * Keeps tasks in memory: a heap of deadlines plus an index by id. Adding, removing and
 * rescheduling cost O(log n), a lookup by id O(1); nothing is kept per waiting task but
 * its id, trigger and next run time in a 40-byte entry, and two array slots (no thread,
 * future, timer or hash-map node): the rest of the task (function, arguments, options,
 * names) is shared with the tasks added like it, and the task value is made again when
 * asked for. Tasks are gone when the process ends.
 */
public final class MemoryTaskStore implements TaskStore {

	private static final Comparator<Task> LISTING_ORDER = Comparator
		.comparing(Task::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Task::id);

	private final IdIndex entries = new IdIndex();

	private final DeadlineHeap heap = new DeadlineHeap();

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
		return true;
	}

	@Override
	public synchronized void removeAll() {
		this.entries.clear();
		this.heap.clear();
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
			due.add(new DueTask(first.claim(), false));
		}
		return due;
	}

	@Override
	public synchronized void complete(Task task) {
		Entry entry = this.entries.get(task.id());
		if (entry != null && entry.claimed() && entry.task() == task) {
			this.entries.remove(entry);
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

}

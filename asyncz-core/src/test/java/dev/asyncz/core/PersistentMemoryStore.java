package dev.asyncz.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.asyncz.store.DueTask;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.Task;

/**
 * A memory store that says it is persistent, to check the rules the scheduler applies to
 * persistent stores without a database.
 */
class PersistentMemoryStore implements TaskStore {

	private final MemoryTaskStore delegate = new MemoryTaskStore();

	@Override
	public boolean persistent() {
		return true;
	}

	@Override
	public void add(Task task) {
		this.delegate.add(task);
	}

	@Override
	public void addAll(List<Task> tasks) {
		this.delegate.addAll(tasks);
	}

	@Override
	public void update(Task task) {
		this.delegate.update(task);
	}

	@Override
	public boolean remove(String id) {
		return this.delegate.remove(id);
	}

	@Override
	public void removeAll() {
		this.delegate.removeAll();
	}

	@Override
	public Optional<Task> get(String id) {
		return this.delegate.get(id);
	}

	@Override
	public List<DueTask> acquireDueTasks(Instant now, int limit) {
		return this.delegate.acquireDueTasks(now, limit);
	}

	@Override
	public boolean release(Task claimed, Task next) {
		return this.delegate.release(claimed, next);
	}

	@Override
	public void complete(Task task) {
		this.delegate.complete(task);
	}

	@Override
	public Optional<Instant> nextRunTime() {
		return this.delegate.nextRunTime();
	}

	@Override
	public List<Task> list(TaskQuery query) {
		return this.delegate.list(query);
	}

	@Override
	public long count() {
		return this.delegate.count();
	}

}

package dev.asyncz.store.internal;

import java.util.Arrays;

import dev.asyncz.task.Task;

/**
 * Hands out task shapes, sharing each with the tasks that fit it. A few recently made
 * shapes are remembered, by function and callable: tasks added in bulk are alike, and a
 * task that fits none of them gets a shape of its own, which costs about what keeping the
 * task itself would. Not thread-safe: the memory store guards it.
 */
public final class TaskShapes {

	private static final int SLOTS = 64;

	private final TaskShape[] recent = new TaskShape[SLOTS];

	/**
	 * The shape for a task, shared when one that fits was made recently.
	 * @param task the task
	 * @return its shape
	 */
	TaskShape shapeOf(Task task) {
		int slot = (task.function().hashCode() * 31 + System.identityHashCode(task.callable())) & (SLOTS - 1);
		TaskShape shape = this.recent[slot];
		if (shape != null && shape.fits(task)) {
			return shape;
		}
		shape = TaskShape.of(task);
		this.recent[slot] = shape;
		return shape;
	}

	/**
	 * Forgets the shapes remembered, for a store that was emptied.
	 */
	public void clear() {
		Arrays.fill(this.recent, null);
	}

}

package dev.asyncz.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * A task function that fails its first attempts at each fire time and then does what it
 * is given, for tests of retry policies: {@code FailingFunction.failing(2, then)}
 * succeeds on the third attempt. Attempts are counted by the scheduler
 * ({@link TaskContext#attempt()}), so each fire time starts again from the first.
 */
public final class FailingFunction implements TaskCallable {

	private final int failures;

	private final TaskCallable then;

	private FailingFunction(int failures, TaskCallable then) {
		this.failures = failures;
		this.then = then;
	}

	/**
	 * A function whose first {@code failures} attempts throw.
	 * @param failures how many attempts fail; zero or more
	 * @param then what the attempts after them do
	 * @return the function
	 */
	public static FailingFunction failing(int failures, TaskCallable then) {
		if (failures < 0) {
			throw new IllegalArgumentException("failures must not be negative, was " + failures);
		}
		return new FailingFunction(failures, Objects.requireNonNull(then, "then"));
	}

	@Override
	public Object run(TaskContext context) throws Exception {
		failIfDue(context);
		return this.then.run(context);
	}

	@Override
	public Object runBound(TaskContext context, List<@Nullable Object> bound) throws Exception {
		failIfDue(context);
		return this.then.runBound(context, bound);
	}

	private void failIfDue(TaskContext context) {
		if (context.attempt() <= this.failures) {
			throw new IllegalStateException("Attempt " + context.attempt() + " of task '" + context.taskId()
					+ "' fails on purpose (" + this.failures + " of them do)");
		}
	}

	@Override
	public @Nullable List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		return this.then.bind(args, kwargs);
	}

}

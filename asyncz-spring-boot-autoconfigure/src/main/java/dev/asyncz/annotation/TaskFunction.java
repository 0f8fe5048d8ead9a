package dev.asyncz.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Registers a bean method as a named function that tasks may call, including tasks kept
 * in a persistent store (which refer to functions only by name):
 *
 * <pre class="code">
 * &#64;TaskFunction("send-reminder")
 * public void sendReminder(String userId, Reminder reminder) { … }
 *
 * scheduler.add(TaskRequest.of("send-reminder", Triggers.at(when)).args("user-7", reminder).build());
 * </pre>
 *
 * <p>
 * A task's positional arguments fill the parameters in order, then its named arguments
 * fill the remaining parameters by name (compile with {@code -parameters}). Arguments
 * read back from a persistent store are JSON-shaped (strings, numbers, booleans, maps,
 * lists); they are converted to the parameter types with the application's Jackson
 * {@code JsonMapper}, so a map becomes a record or a string an {@code Instant}. A
 * {@link dev.asyncz.task.TaskContext} parameter receives the run's context and takes no
 * argument. A missing argument or one that cannot be converted fails that run with a
 * message naming the function, the parameter and the types.
 *
 * <p>
 * The method is called through the bean's proxy, so {@code @Transactional} and other
 * advice apply.
 *
 * <p>
 * The other attributes are defaults for the tasks that call the function: what is a
 * property of the work rather than of one schedule, such as how often it may be retried
 * or how long it may take. A task whose request leaves an option unset takes the
 * function's value, else {@code asyncz.task-defaults}; they are the same attributes, with
 * the same meanings, as {@link ScheduledTask}'s, and an empty attribute (or {@code -1}
 * for a number) sets nothing:
 *
 * <pre class="code">
 * &#64;TaskFunction(value = "sync-account", timeout = "2m", retryMaxAttempts = 5, retryOn = IOException.class)
 * public void syncAccount(String accountId) { … }
 * </pre>
 *
 * The defaults apply when a task is added; tasks kept in a persistent store keep the
 * options they were added with.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(TaskMethodReflectiveProcessor.class)
public @interface TaskFunction {

	/**
	 * The function's name, unique within the scheduler.
	 * @return the name stored tasks call
	 */
	String value();

	/**
	 * How late a run may start and still count as on time, such as {@code 30s};
	 * {@code none} for no limit.
	 * @return the duration, {@code none}, or empty for
	 * {@code asyncz.task-defaults.misfire-grace-time}
	 * @see ScheduledTask#misfireGraceTime()
	 */
	String misfireGraceTime() default "";

	/**
	 * What happens to fire times later than the misfire grace time:
	 * {@code run-if-within-grace}, {@code run-once} or {@code skip-if-late}.
	 * @return the policy, or empty for {@code asyncz.task-defaults.misfire-policy}
	 * @see ScheduledTask#misfirePolicy()
	 */
	String misfirePolicy() default "";

	/**
	 * How long a run may take before it is interrupted and counts as failed, such as
	 * {@code 30s}; {@code none} for no limit.
	 * @return the duration, {@code none}, or empty for
	 * {@code asyncz.task-defaults.timeout}
	 * @see ScheduledTask#timeout()
	 */
	String timeout() default "";

	/**
	 * Runs of one fire time in all, the first included; {@code 1} for no retry. The
	 * {@code retry…} attributes describe one retry policy together: those left unset take
	 * their values from {@code asyncz.task-defaults.retry.*}.
	 * @return the attempts, at least one, or {@code -1} for the default
	 * @see ScheduledTask#retryMaxAttempts()
	 */
	int retryMaxAttempts() default -1;

	/**
	 * The wait after the first failure, such as {@code 10s}.
	 * @return the duration, or empty for the default
	 */
	String retryInitialDelay() default "";

	/**
	 * How much longer each further wait is than the one before.
	 * @return the multiplier, at least one, or {@code -1} for the default
	 */
	double retryMultiplier() default -1;

	/**
	 * The longest wait between two attempts, such as {@code 10m}.
	 * @return the duration, or empty for the default
	 */
	String retryMaxDelay() default "";

	/**
	 * The random spread of each wait, as a fraction of it.
	 * @return the fraction, between 0 and 1, or {@code -1} for the default
	 */
	double retryJitter() default -1;

	/**
	 * The exceptions to retry, with their subclasses; others fail at once.
	 * @return the types, or none for the default
	 */
	Class<? extends Throwable>[] retryOn() default {};

	/**
	 * The exceptions never to retry, with their subclasses; wins over {@link #retryOn()}.
	 * @return the types, or none for the default
	 */
	Class<? extends Throwable>[] noRetryOn() default {};

}

package dev.asyncz.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Runs a bean method on a schedule. Give exactly one of {@link #cron()} or
 * {@link #interval()}, or only a {@link #startDate()} for a single run:
 *
 * <pre class="code">
 * &#64;ScheduledTask(id = "newsletter", cron = "1 8 * * mon,wed,fri", zone = "Europe/Paris")
 * public void sendNewsletter() { … }
 *
 * &#64;ScheduledTask(id = "status", interval = "10m", initialDelay = "30s", maxInstances = 1)
 * public void checkStatus(TaskContext context) { … }
 *
 * &#64;ScheduledTask(id = "export", cron = "0 2 * * *", timeout = "30m", retryMaxAttempts = 5,
 *         retryOn = IOException.class)
 * public void export() { … }
 * </pre>
 *
 * <p>
 * The method takes no parameters or one {@link dev.asyncz.task.TaskContext}; it may
 * return a {@link java.util.concurrent.CompletionStage}, which counts as running until it
 * completes. It is called through the bean's proxy, so {@code @Transactional} and other
 * advice apply.
 *
 * <p>
 * Every string attribute accepts {@code ${…}} placeholders. Durations are written like
 * Spring Boot properties: {@code 10m}, {@code 500ms}, {@code PT10M}. Dates are ISO-8601:
 * an instant ({@code 2027-03-01T08:00:00Z}), a date-time with an offset, or a local
 * date-time or date in the task's zone. An empty attribute means "not set", as does
 * {@code -1} for a number: the option then comes from the defaults of the function the
 * task calls ({@link TaskFunction}) where it has one, else from
 * {@code asyncz.task-defaults}.
 *
 * <p>
 * Annotated tasks are declared again at every startup, so by default they
 * {@link #replaceExisting() replace} the task of the same id that a persistent store kept
 * from the previous run: the code, not the store, is the source of truth. Any attribute
 * error fails startup with a message naming the bean, the method and the attribute.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ScheduledTasks.class)
@Reflective(TaskMethodReflectiveProcessor.class)
public @interface ScheduledTask {

	/**
	 * The task id, unique within the scheduler. Defaults to {@code beanName.methodName};
	 * a method with several {@code @ScheduledTask}s needs an id on each but one.
	 * @return the id, or empty for the default
	 */
	String id() default "";

	/**
	 * A label for people (logs, the actuator endpoint). Defaults to the id.
	 * @return the name, or empty for the default
	 */
	String name() default "";

	/**
	 * A cron expression: five fields (crontab), six with seconds first (Spring), or a
	 * macro such as {@code @daily}. Mutually exclusive with {@link #interval()}.
	 * @return the expression, or empty
	 */
	String cron() default "";

	/**
	 * The zone the schedule is computed in, such as {@code Europe/Paris}. Defaults to
	 * {@code asyncz.timezone}.
	 * @return the zone id, or empty for the default
	 */
	String zone() default "";

	/**
	 * Runs every this long, such as {@code 10m}. Mutually exclusive with {@link #cron()}.
	 * @return the duration, or empty
	 */
	String interval() default "";

	/**
	 * How long after startup the first run may happen, such as {@code 30s}; for a cron
	 * task, no run happens earlier. Not with {@link #startDate()}.
	 * @return the duration, or empty for none
	 */
	String initialDelay() default "";

	/**
	 * When the schedule begins; alone (no cron, no interval) it is the date of a single
	 * run.
	 * @return the date, or empty
	 */
	String startDate() default "";

	/**
	 * When a recurring schedule ends.
	 * @return the date, or empty for never
	 */
	String endDate() default "";

	/**
	 * Up to how long each recurring run is moved later at random, to spread load, such as
	 * {@code 5s}.
	 * @return the duration, or empty for none
	 */
	String jitter() default "";

	/**
	 * The store that holds the task, a name under {@code asyncz.stores}. Defaults to
	 * {@code default}.
	 * @return the store name, or empty for the default
	 */
	String store() default "";

	/**
	 * The executor that runs the task, a name under {@code asyncz.executors}. Defaults to
	 * {@code default}.
	 * @return the executor name, or empty for the default
	 */
	String executor() default "";

	/**
	 * Whether several missed run times collapse into one run: {@code true} or
	 * {@code false}. Defaults to {@code asyncz.task-defaults.coalesce}.
	 * @return the flag, or empty for the default
	 */
	String coalesce() default "";

	/**
	 * How many runs of this task may overlap. Defaults ({@code -1}) to
	 * {@code asyncz.task-defaults.max-instances}.
	 * @return the limit, at least one, or {@code -1} for the default
	 */
	int maxInstances() default -1;

	/**
	 * How late a run may start and still count as on time, such as {@code 30s};
	 * {@code none} for no limit. Defaults to the function's ({@link TaskFunction}), then
	 * {@code asyncz.task-defaults.misfire-grace-time}.
	 * @return the duration, {@code none}, or empty for the default
	 */
	String misfireGraceTime() default "";

	/**
	 * What happens to fire times later than the misfire grace time:
	 * {@code run-if-within-grace} (skip them, but always run a trigger's final one),
	 * {@code run-once} (run the missed ones once, however late) or {@code skip-if-late}
	 * (skip them all); the names of {@link dev.asyncz.task.MisfirePolicy} are accepted
	 * too. Defaults to the function's, then {@code asyncz.task-defaults.misfire-policy}.
	 * @return the policy, or empty for the default
	 */
	String misfirePolicy() default "";

	/**
	 * How long a run may take before it is interrupted and counts as failed, such as
	 * {@code 30s}; {@code none} for no limit. Defaults to the function's, then
	 * {@code asyncz.task-defaults.timeout}.
	 * @return the duration, {@code none}, or empty for the default
	 */
	String timeout() default "";

	/**
	 * Runs of one fire time in all, the first included; {@code 1} for no retry.
	 *
	 * <p>
	 * The {@code retry…} attributes describe one retry policy together: those left unset
	 * take their values from the policy the task would have without them, the function's
	 * ({@link TaskFunction}) or else {@code asyncz.task-defaults.retry.*}. With none set,
	 * the task takes that policy as it is.
	 * @return the attempts, at least one, or {@code -1} for the default
	 */
	int retryMaxAttempts() default -1;

	/**
	 * The wait after the first failure, such as {@code 10s}.
	 * @return the duration, or empty for the default
	 * @see #retryMaxAttempts()
	 */
	String retryInitialDelay() default "";

	/**
	 * How much longer each further wait is than the one before: {@code 1} for equal
	 * waits, {@code 2} to double them.
	 * @return the multiplier, at least one, or {@code -1} for the default
	 * @see #retryMaxAttempts()
	 */
	double retryMultiplier() default -1;

	/**
	 * The longest wait between two attempts, such as {@code 10m}.
	 * @return the duration, or empty for the default
	 * @see #retryMaxAttempts()
	 */
	String retryMaxDelay() default "";

	/**
	 * The random spread of each wait, as a fraction of it: {@code 0.1} moves each wait up
	 * to 10 % earlier or later.
	 * @return the fraction, between 0 and 1, or {@code -1} for the default
	 * @see #retryMaxAttempts()
	 */
	double retryJitter() default -1;

	/**
	 * The exceptions to retry, with their subclasses; others fail at once.
	 * {@code Throwable.class} retries every exception.
	 * @return the types, or none for the default
	 * @see #retryMaxAttempts()
	 */
	Class<? extends Throwable>[] retryOn() default {};

	/**
	 * The exceptions never to retry, with their subclasses; wins over {@link #retryOn()}.
	 * @return the types, or none for the default
	 * @see #retryMaxAttempts()
	 */
	Class<? extends Throwable>[] noRetryOn() default {};

	/**
	 * Whether the task is added paused: it is known to the scheduler but does not run
	 * until resumed.
	 * @return true to add it paused
	 */
	boolean paused() default false;

	/**
	 * Whether the task replaces a task of the same id, such as one a persistent store
	 * kept from the previous run. True by default, because annotated tasks are declared
	 * again at every startup; false makes a kept task win and leaves it unchanged.
	 * @return whether to replace an existing task
	 */
	boolean replaceExisting() default true;

	/**
	 * Runs the method once at a moment of the scheduler's life cycle instead of at times:
	 * {@code start} (when the scheduler starts) or {@code shutdown} (when it shuts down,
	 * before its executors stop). Unlike {@code @PostConstruct} or a
	 * {@code SmartLifecycle} bean, the run goes through the scheduler: its executor,
	 * interceptors, events and metrics, after every other bean is ready, and a shutdown
	 * run is waited for up to {@code asyncz.shutdown.await-termination-period}. Such a
	 * task lives in a memory store and takes no cron, interval or dates.
	 * @return {@code start}, {@code shutdown}, or empty for a timed task
	 */
	String on() default "";

}

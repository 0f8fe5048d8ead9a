package dev.asyncz.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TaskFunction {

	/**
	 * The function's name, unique within the scheduler.
	 * @return the name stored tasks call
	 */
	String value();

}

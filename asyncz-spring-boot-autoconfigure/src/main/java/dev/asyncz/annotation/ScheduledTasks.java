package dev.asyncz.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Holds several {@link ScheduledTask @ScheduledTask}s on one method; Java adds it when
 * the annotation is repeated, so there is rarely a need to write it.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(TaskMethodReflectiveProcessor.class)
public @interface ScheduledTasks {

	/**
	 * The scheduled tasks.
	 * @return the annotations
	 */
	ScheduledTask[] value();

}

package dev.asyncz.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@link java.time.Clock} bean the auto-configured scheduler reads the time
 * from. Without one it uses the system UTC clock. Declaring a
 * {@link dev.asyncz.core.ControllableClock} this way lets tests move time and see due
 * tasks run at once:
 *
 * <pre class="code">
 * &#64;Bean
 * &#64;AsynczClock
 * ControllableClock asynczClock() {
 *     return new ControllableClock(Instant.parse("2027-01-01T00:00:00Z"));
 * }
 * </pre>
 *
 * Runs then still happen on the executors' threads; {@code @AutoConfigureTimeTravel} from
 * {@code asyncz-test-kit} makes them happen on the test's thread instead, over when the
 * clock has moved.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface AsynczClock {

}

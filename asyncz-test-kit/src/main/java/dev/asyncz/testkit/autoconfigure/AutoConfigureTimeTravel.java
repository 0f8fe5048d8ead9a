package dev.asyncz.testkit.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Makes the application's scheduler run on the test's time: a
 * {@link dev.asyncz.core.ControllableClock} (at {@code asyncz.time-travel.start},
 * {@value TimeTravelAutoConfiguration#DEFAULT_START} unless set, or the test's own
 * {@code @AsynczClock} one), no scheduler thread, and runs made on the thread that moves
 * time through the {@link dev.asyncz.testkit.TimeTravel} bean. A
 * {@link dev.asyncz.testkit.SchedulerEventRecorder} bean records the scheduler's events,
 * cleared before each test method.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureTimeTravel
 * class ReminderTests {
 *
 *     &#64;Autowired TimeTravel time;
 *     &#64;Autowired SchedulerEventRecorder events;
 *
 *     &#64;Test
 *     void reminderIsSentTomorrow() {
 *         reminders.schedule(...);
 *         time.advance(Duration.ofDays(1));
 *         assertThat(events).hasExecuted("send-reminder").once();
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureTimeTravel {

}

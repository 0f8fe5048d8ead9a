package dev.asyncz.testkit.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.AsynczClock;
import dev.asyncz.autoconfigure.SchedulerBuilderCustomizer;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.testkit.SchedulerEventRecorder;
import dev.asyncz.testkit.TimeTravel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Swaps the scheduler's clock for a {@link ControllableClock} and its thread for runs on
 * the caller's thread, and provides the {@link TimeTravel} and
 * {@link SchedulerEventRecorder} beans. Imported by {@link AutoConfigureTimeTravel}.
 */
@AutoConfiguration(after = AsynczAutoConfiguration.class)
@ConditionalOnClass(Scheduler.class)
public final class TimeTravelAutoConfiguration {

	/** Where the clock starts unless {@code asyncz.time-travel.start} says otherwise. */
	public static final String DEFAULT_START = "2027-01-01T00:00:00Z";

	private static final String START = "asyncz.time-travel.start";

	// A test that declares its own clock keeps it.
	@Bean
	@AsynczClock
	@ConditionalOnMissingBean(value = Clock.class, annotation = AsynczClock.class)
	ControllableClock asynczTimeTravelClock(Environment environment) {
		String start = environment.getProperty(START, DEFAULT_START);
		try {
			return new ControllableClock(Instant.parse(start.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(
					START + " is not an instant: \"" + start + "\"; write one such as " + DEFAULT_START, ex);
		}
	}

	// Last, so that no other customizer puts the system clock or a thread back.
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SchedulerBuilderCustomizer asynczTimeTravelCustomizer(@AsynczClock ObjectProvider<Clock> clocks) {
		return (builder) -> TimeTravel.configure(builder, controllable(clocks.getObject()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Scheduler.class)
	TimeTravel asynczTimeTravel(Scheduler scheduler) {
		return new TimeTravel(scheduler, controllable(scheduler.clock()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Scheduler.class)
	SchedulerEventRecorder asynczEventRecorder(Scheduler scheduler) {
		return SchedulerEventRecorder.listeningTo(scheduler);
	}

	private static ControllableClock controllable(Clock clock) {
		if (clock instanceof ControllableClock controllable) {
			return controllable;
		}
		throw new IllegalStateException("The @AsynczClock clock is a " + clock.getClass().getName()
				+ "; time travel moves a ControllableClock: declare that one, or none");
	}

}

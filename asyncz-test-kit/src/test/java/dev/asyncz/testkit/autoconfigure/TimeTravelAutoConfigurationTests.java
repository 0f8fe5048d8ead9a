package dev.asyncz.testkit.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.AsynczClock;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.testkit.SchedulerEventRecorder;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTravelAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class, TimeTravelAutoConfiguration.class));

	@Test
	void theSchedulerReadsAControllableClockAtTheDefaultStart() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(Scheduler.class).clock()).isSameAs(context.getBean(ControllableClock.class));
			assertThat(context.getBean(TimeTravel.class).now())
				.isEqualTo(Instant.parse(TimeTravelAutoConfiguration.DEFAULT_START));
		});
	}

	@Test
	void theStartIsTakenFromTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.time-travel.start=2030-06-01T12:00:00Z")
			.run((context) -> assertThat(context.getBean(TimeTravel.class).now())
				.isEqualTo(Instant.parse("2030-06-01T12:00:00Z")));
	}

	@Test
	void aStartThatIsNotAnInstantFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.time-travel.start=tomorrow")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("asyncz.time-travel.start is not an instant: \"tomorrow\""));
	}

	@Test
	void aControllableClockOfTheTestsOwnIsKept() {
		this.contextRunner.withUserConfiguration(OwnClock.class).run((context) -> {
			assertThat(context.getBean(Scheduler.class).clock()).isSameAs(OwnClock.CLOCK);
			assertThat(context.getBean(TimeTravel.class).clock()).isSameAs(OwnClock.CLOCK);
		});
	}

	@Test
	void dueRunsHappenOnlyWhenTimeTravelRunsThemAndAreRecorded() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			Thread test = Thread.currentThread();
			Thread[] ranOn = new Thread[1];
			scheduler.add(
					TaskRequest
						.of("remember the thread", (run) -> ranOn[0] = Thread.currentThread(),
								Triggers.at(scheduler.clock().instant().plusSeconds(60)))
						.id("once")
						.build());
			context.getBean(ControllableClock.class).advance(Duration.ofMinutes(5));
			assertThat(ranOn[0]).isNull();
			context.getBean(TimeTravel.class).runDueTasks();
			assertThat(ranOn[0]).isSameAs(test);
			assertThat(context.getBean(SchedulerEventRecorder.class)).hasExecuted("once").once();
		});
	}

	@Test
	void withoutTheAsynczSchedulerThereIsNothingToTravelWith() {
		this.contextRunner.withPropertyValues("asyncz.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TimeTravel.class);
			assertThat(context).doesNotHaveBean(SchedulerEventRecorder.class);
		});
	}

	@Test
	void aClockOfTheTestsOwnThatCannotBeMovedIsRefusedSayingWhatToDeclare() {
		this.contextRunner
			.withBean("systemClock", Clock.class, Clock::systemUTC,
					(definition) -> ((AbstractBeanDefinition) definition)
						.addQualifier(new AutowireCandidateQualifier(AsynczClock.class)))
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("time travel moves a ControllableClock"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClock {

		static final ControllableClock CLOCK = new ControllableClock(Instant.parse("2031-01-01T00:00:00Z"));

		@Bean
		@AsynczClock
		Clock asynczClock() {
			return CLOCK;
		}

	}

}

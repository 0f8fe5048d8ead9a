package dev.asyncz.autoconfigure.internal;

import java.time.Duration;

import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerState;
import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class SchedulerLifecycleTests {

	private final Scheduler scheduler = mock(Scheduler.class);

	@Test
	void stoppingWithAwaitTerminationWaitsForRunningTasks() {
		SchedulerLifecycle lifecycle = new SchedulerLifecycle(this.scheduler, Duration.ZERO, true);
		given(this.scheduler.state()).willReturn(SchedulerState.STOPPED);
		lifecycle.start();
		given(this.scheduler.state()).willReturn(SchedulerState.RUNNING);
		lifecycle.stop();
		verify(this.scheduler).shutdown(true);
	}

	@Test
	void stoppingWithoutAwaitTerminationDoesNotWait() {
		SchedulerLifecycle lifecycle = new SchedulerLifecycle(this.scheduler, Duration.ZERO, false);
		given(this.scheduler.state()).willReturn(SchedulerState.STOPPED);
		lifecycle.start();
		given(this.scheduler.state()).willReturn(SchedulerState.RUNNING);
		lifecycle.stop();
		verify(this.scheduler).shutdown(false);
	}

	@Test
	void schedulerStartedByTheApplicationIsNotStartedAgain() {
		SchedulerLifecycle lifecycle = new SchedulerLifecycle(this.scheduler, Duration.ZERO, true);
		given(this.scheduler.state()).willReturn(SchedulerState.RUNNING);
		lifecycle.start();
		verify(this.scheduler, never()).start();
	}

	@Test
	void phaseStartsAfterDefaultPhaseBeansAndStopsBeforeThem() {
		int phase = new SchedulerLifecycle(this.scheduler, Duration.ZERO, true).getPhase();
		assertThat(phase).isGreaterThan(0);
	}

	@Test
	void phaseStopsAfterTheWebServersGracefulShutdown() {
		int webServerGracefulShutdownPhase = SmartLifecycle.DEFAULT_PHASE - 1024;
		int webServerStartStopPhase = SmartLifecycle.DEFAULT_PHASE - 2048;
		int phase = new SchedulerLifecycle(this.scheduler, Duration.ZERO, true).getPhase();
		assertThat(phase).isLessThan(webServerStartStopPhase).isLessThan(webServerGracefulShutdownPhase);
	}

}

package dev.asyncz.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.DueRuns;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerBuilder;
import dev.asyncz.core.SchedulerState;

/**
 * Moves a scheduler's time and runs what falls due, on the calling thread: when a call
 * returns, every run it made is over and its events are published. Runs happen in order
 * of their due times, each at its own time (the clock stands at a run's due time while it
 * runs), and retries, misfire rules, coalescing and daylight-saving changes behave as in
 * production, because the scheduler's own code decides what runs.
 *
 * <p>
 * The scheduler must be built with {@link SchedulerBuilder#runOnCaller()} over the
 * {@link ControllableClock} given here
 * ({@link #configure(SchedulerBuilder, ControllableClock)} does both), and started.
 *
 * <pre class="code">
 * ControllableClock clock = new ControllableClock(Instant.parse("2027-01-01T00:00:00Z"));
 * Scheduler scheduler = TimeTravel.configure(Scheduler.builder(), clock).build();
 * scheduler.start();
 * TimeTravel time = new TimeTravel(scheduler, clock);
 * time.advance(Duration.ofDays(1)); // every run due during the day has happened
 * </pre>
 */
public final class TimeTravel {

	private final Scheduler scheduler;

	private final ControllableClock clock;

	/**
	 * Drives a scheduler.
	 * @param scheduler a scheduler built with {@link SchedulerBuilder#runOnCaller()}
	 * @param clock the clock that scheduler reads
	 */
	public TimeTravel(Scheduler scheduler, ControllableClock clock) {
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (scheduler.clock() != clock) {
			throw new IllegalArgumentException("The scheduler reads another clock (" + scheduler.clock()
					+ "); build it with this ControllableClock, for example with TimeTravel.configure(builder, clock)");
		}
	}

	/**
	 * Sets a builder up for time travel: the clock, and runs on the calling thread.
	 * @param builder the builder
	 * @param clock the clock to read
	 * @return the builder
	 */
	public static SchedulerBuilder configure(SchedulerBuilder builder, ControllableClock clock) {
		return builder.clock(clock).runOnCaller();
	}

	/**
	 * The time the scheduler sees.
	 * @return the clock's instant
	 */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * The clock this moves.
	 * @return the clock
	 */
	public ControllableClock clock() {
		return this.clock;
	}

	/**
	 * Lets time pass and runs everything that falls due meanwhile, in order.
	 * @param duration how long; must not be negative
	 * @return how many runs were made
	 */
	public int advance(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Time only passes forwards (" + duration
					+ "); to play a person setting the clock back, use clock().set()");
		}
		return advanceTo(now().plus(duration));
	}

	/**
	 * Lets time pass up to {@code target} and runs everything that falls due until then,
	 * in order: the clock steps to each next due time, runs what is due there, and moves
	 * on.
	 * @param target where the clock ends; must not be before {@link #now()}
	 * @return how many runs were made
	 */
	public int advanceTo(Instant target) {
		Objects.requireNonNull(target, "target");
		if (target.isBefore(now())) {
			throw new IllegalArgumentException("Cannot travel back from " + now() + " to " + target
					+ "; to play a person setting the clock back, use clock().set()");
		}
		DueRuns pass = runDue();
		int runs = pass.runs();
		while (pass.nextDue() != null && !pass.nextDue().isAfter(target) && pass.nextDue().isAfter(now())) {
			this.clock.advance(Duration.between(now(), pass.nextDue()));
			pass = runDue();
			runs += pass.runs();
		}
		// What is left due now could not run at this time (held by another instance, or
		// put off): it runs, if it can, once time has moved on.
		if (now().isBefore(target)) {
			this.clock.advance(Duration.between(now(), target));
			runs += runDue().runs();
		}
		return runs;
	}

	/**
	 * Runs what is due at the current time, without moving the clock.
	 * @return how many runs were made
	 */
	public int runDueTasks() {
		return runDue().runs();
	}

	/**
	 * Runs one task now, whatever its trigger says, as {@link Scheduler#runNow(String)}
	 * would, and returns when that run (and anything else due now) is over.
	 * @param id the task id
	 * @return how many runs were made
	 */
	public int runNow(String id) {
		this.scheduler.runNow(id);
		return runDueTasks();
	}

	/**
	 * Plays the application being down for a while: nothing runs from now until
	 * {@code duration} later; then it is up again and what the misfire rules keep of the
	 * runs it missed runs (a one-shot is never dropped for being late). The tasks are
	 * those a durable store keeps across a restart; a test of a memory store's tasks,
	 * which a real restart loses, restarts its application instead.
	 * @param duration how long the application is down
	 * @return how many runs were made when it came back
	 */
	public int downtime(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("A downtime cannot be negative: " + duration);
		}
		boolean wasRunning = this.scheduler.state() == SchedulerState.RUNNING;
		if (wasRunning) {
			this.scheduler.pause();
		}
		this.clock.advance(duration);
		if (wasRunning) {
			this.scheduler.resume();
		}
		return runDueTasks();
	}

	private DueRuns runDue() {
		return this.scheduler.runDueTasks();
	}

}

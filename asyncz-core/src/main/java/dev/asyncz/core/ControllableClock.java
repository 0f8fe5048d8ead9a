package dev.asyncz.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told to. Give it to a scheduler and advance it: the
 * scheduler is woken at once and runs what became due, so tests (and simulations) see
 * tasks run without sleeping. Setting it backwards is allowed, which is how a test plays
 * a person changing the system clock.
 *
 * <p>
 * The scheduler also reads elapsed time from a controllable clock, so a jump made with
 * {@link #set(Instant)} is told apart from time passing with {@link #advance(Duration)}.
 */
public final class ControllableClock extends Clock {

	private final ZoneId zone;

	private final Shared shared;

	/**
	 * A clock standing at {@code start}, in UTC.
	 * @param start the initial instant
	 */
	public ControllableClock(Instant start) {
		this(new Shared(start), ZoneOffset.UTC);
	}

	private ControllableClock(Shared shared, ZoneId zone) {
		this.shared = shared;
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ControllableClock(this.shared, zone);
	}

	@Override
	public Instant instant() {
		return this.shared.now;
	}

	/**
	 * Elapsed time as the scheduler sees it: moves with {@link #advance} but not with
	 * {@link #set}.
	 * @return nanoseconds on a monotonic scale
	 */
	public long monotonicNanos() {
		return this.shared.monotonicNanos;
	}

	/**
	 * The wall time and the elapsed time, read together so that a concurrent
	 * {@link #advance} cannot be seen half done.
	 * @return both readings
	 */
	public Reading read() {
		synchronized (this.shared) {
			return new Reading(this.shared.now, this.shared.monotonicNanos);
		}
	}

	/**
	 * Lets time pass.
	 * @param duration how much; must not be negative
	 */
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Time only passes forwards; use set() to turn the clock back");
		}
		synchronized (this.shared) {
			this.shared.now = this.shared.now.plus(duration);
			this.shared.monotonicNanos += duration.toNanos();
		}
		this.shared.notifyListeners();
	}

	/**
	 * Sets the wall clock, as a person or NTP would, without time passing.
	 * @param instant the new wall time
	 */
	public void set(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		synchronized (this.shared) {
			this.shared.now = instant;
		}
		this.shared.notifyListeners();
	}

	/**
	 * Registers a callback run after every change; the scheduler uses it to wake up.
	 * @param listener the callback
	 */
	public void onChange(Runnable listener) {
		this.shared.listeners.add(listener);
	}

	/**
	 * Unregisters a callback.
	 * @param listener the callback
	 */
	public void removeOnChange(Runnable listener) {
		this.shared.listeners.remove(listener);
	}

	/**
	 * A consistent pair of readings.
	 *
	 * @param wall the wall time
	 * @param monotonicNanos elapsed time on a monotonic scale
	 */
	public record Reading(Instant wall, long monotonicNanos) {

	}

	private static final class Shared {

		private volatile Instant now;

		private volatile long monotonicNanos;

		private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

		Shared(Instant now) {
			this.now = now;
		}

		void notifyListeners() {
			this.listeners.forEach(Runnable::run);
		}

	}

}

package dev.asyncz.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The keys every durable store type shares under {@code asyncz.stores.<name>}: how its
 * claims on due tasks last, and how often it looks for work other instances added. A
 * store type's own properties class extends this one.
 */
public class ClaimingStoreProperties {

	/**
	 * How long a durable store's claim on a due task lasts before another instance may
	 * take the task over. Unset means the store's default.
	 */
	private @Nullable Duration leaseTime;

	/**
	 * How often a durable store looks for tasks added by other instances. Unset means the
	 * store's default.
	 */
	private @Nullable Duration pollInterval;

	public @Nullable Duration getLeaseTime() {
		return this.leaseTime;
	}

	public void setLeaseTime(@Nullable Duration leaseTime) {
		this.leaseTime = leaseTime;
	}

	public @Nullable Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(@Nullable Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

}

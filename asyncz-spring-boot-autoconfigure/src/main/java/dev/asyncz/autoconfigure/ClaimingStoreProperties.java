package dev.asyncz.autoconfigure;

import java.time.Duration;

import dev.asyncz.store.WriteFormat;
import org.jspecify.annotations.Nullable;

/**
 * The keys every durable store type shares under {@code asyncz.stores.<name>}: how its
 * claims on due tasks last, how often it looks for work other instances added, and how it
 * writes tasks. A store type's own properties class extends this one.
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

	/**
	 * How a durable store writes tasks: compact (leaves out what a reader can infer), or
	 * full (the form versions before the compact form need, for a rolling upgrade while
	 * such instances share the store). Tasks in either form are read.
	 */
	private WriteFormat writeFormat = WriteFormat.COMPACT;

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

	public WriteFormat getWriteFormat() {
		return this.writeFormat;
	}

	public void setWriteFormat(WriteFormat writeFormat) {
		this.writeFormat = writeFormat;
	}

}

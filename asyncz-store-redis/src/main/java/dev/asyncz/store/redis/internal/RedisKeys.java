package dev.asyncz.store.redis.internal;

/**
 * The names of one store's keys. Every key is known in advance (no key per task), so each
 * script declares all the keys it touches, and removing the store's data never needs a
 * key scan.
 *
 * @param tasks hash: task id to task JSON
 * @param versions hash: task id to a counter raised on every write
 * @param due sorted set: unclaimed scheduled task ids by next run time
 * @param paused sorted set: the ids of tasks without a next run time (paused, or failed
 * for good), all scored 0 so they order by id
 * @param claims sorted set: claimed task ids by lease expiry on the Redis server's clock
 * @param claimInfo hash: claimed task id to {@code version:runScore:owner}
 * @param quarantine hash: unreadable task id to the reason (its data stays in
 * {@code tasks})
 * @param quarantineTimes hash: unreadable task id to when it was set aside (ISO-8601, by
 * the scheduler's clock); entries set aside by earlier versions have none
 * @param wakeUpChannel the pub/sub channel telling instances that the earliest due task
 * changed
 */
public record RedisKeys(String tasks, String versions, String due, String paused, String claims, String claimInfo,
		String quarantine, String quarantineTimes, String wakeUpChannel) {

	/**
	 * The keys of a store whose keys all start with {@code prefix}.
	 * @param prefix the key prefix
	 * @return the keys
	 */
	public static RedisKeys withPrefix(String prefix) {
		return new RedisKeys(prefix + "tasks", prefix + "versions", prefix + "due", prefix + "paused",
				prefix + "claims", prefix + "claim-info", prefix + "quarantine", prefix + "quarantined-at",
				prefix + "wake-up");
	}

	/**
	 * The keys in the order every script expects them as {@code KEYS}.
	 * @return the keys
	 */
	public String[] scriptKeys() {
		return new String[] { this.tasks, this.versions, this.due, this.paused, this.claims, this.claimInfo,
				this.quarantine, this.quarantineTimes };
	}

}

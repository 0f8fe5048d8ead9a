package dev.asyncz.core;

import java.time.Instant;

/**
 * A due task this scheduler instance has been unable to run for longer than the stuck
 * threshold, while no other instance ran it either: its function or executor is unknown
 * here, or its arguments do not bind to the function's parameters. It stays stored; the
 * fix is to deploy the code that runs it, or to update or delete it.
 *
 * @param id the task's id
 * @param store the store's name
 * @param function the function the task calls
 * @param executor the executor the task names
 * @param reason why this instance cannot run it
 * @param since when this instance first found it due and could not run it
 */
public record StuckTask(String id, String store, String function, String executor, String reason, Instant since) {

}

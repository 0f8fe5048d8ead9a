package dev.asyncz.core;

import org.jspecify.annotations.Nullable;

/**
 * What the scheduler tells about one of its stores: a snapshot, read when asked.
 *
 * @param name the name tasks use
 * @param type the kind of store, such as {@code memory}, {@code jdbc} or {@code redis}
 * @param location where it keeps its tasks, such as {@code table asyncz_tasks}; empty for
 * a store in memory
 * @param persistent whether its tasks outlive the process
 * @param taskCount how many tasks it holds, or -1 when it could not be reached
 * @param reachable whether it answered
 * @param error why it could not be reached, or {@code null}
 */
public record StoreInfo(String name, String type, String location, boolean persistent, long taskCount,
		boolean reachable, @Nullable String error) {

}

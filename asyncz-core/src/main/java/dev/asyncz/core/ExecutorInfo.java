package dev.asyncz.core;

/**
 * What the scheduler tells about one of its executors: a snapshot, read when asked.
 *
 * @param name the name tasks use
 * @param description the kind of executor and its size, such as {@code thread-pool(10)}
 * @param active runs in progress, or -1 when the executor cannot tell
 * @param queued runs waiting for a worker, or -1 when the executor cannot tell
 */
public record ExecutorInfo(String name, String description, int active, int queued) {

}

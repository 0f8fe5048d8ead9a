package dev.asyncz.test.cluster;

import java.time.Instant;

/**
 * One entry of a run log: a node started or finished a run of a task for one fire time.
 *
 * @param taskId the task id
 * @param fireTime the fire time the run was for, to the microsecond
 * @param node the node that ran it
 * @param recordedAt when the node wrote the entry, by its own clock
 */
public record RunRecord(String taskId, Instant fireTime, String node, Instant recordedAt) {

}

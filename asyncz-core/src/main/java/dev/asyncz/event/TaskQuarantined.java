package dev.asyncz.event;

/**
 * A stored task could not be read (corrupt JSON, an unknown trigger type, invalid option
 * values) and was set aside, not deleted.
 *
 * @param taskId the task's id
 * @param store the store's name
 * @param reason what was wrong with the stored data
 */
public record TaskQuarantined(String taskId, String store, String reason) implements SchedulerEvent {

}

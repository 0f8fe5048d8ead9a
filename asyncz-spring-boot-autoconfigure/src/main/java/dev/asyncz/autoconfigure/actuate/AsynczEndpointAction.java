package dev.asyncz.autoconfigure.actuate;

import java.time.Instant;

/**
 * An application event saying that someone changed a task through the {@code asyncz}
 * endpoint or the dashboard: an audit record. Listen with {@code @EventListener}.
 *
 * @param taskId the task's id
 * @param action {@code pause}, {@code resume}, {@code run} or {@code delete}
 * @param principal the name of who asked, or {@code anonymous}
 * @param at when it was done, by the scheduler's clock
 */
public record AsynczEndpointAction(String taskId, String action, String principal, Instant at) {

}

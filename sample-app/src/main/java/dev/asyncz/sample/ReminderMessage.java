package dev.asyncz.sample;

import java.time.Instant;

/**
 * What a reminder task carries: its text and when it was asked for. Stored as JSON
 * arguments and converted back to this record when the task runs.
 *
 * @param text what to remind of
 * @param createdAt when the reminder was scheduled
 */
public record ReminderMessage(String text, Instant createdAt) {

}

package dev.asyncz.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The reminders delivered so far, newest first; a stand-in for the mail or push service a
 * real application would call. Keeps the last {@value #CAPACITY}.
 */
@Component
public class Outbox {

	static final int CAPACITY = 100;

	private final Deque<Delivered> delivered = new ArrayDeque<>();

	/**
	 * Records a delivery.
	 * @param reminder the delivered reminder
	 */
	public synchronized void add(Delivered reminder) {
		this.delivered.addFirst(reminder);
		if (this.delivered.size() > CAPACITY) {
			this.delivered.removeLast();
		}
	}

	/**
	 * The delivered reminders.
	 * @return a snapshot, newest first
	 */
	public synchronized List<Delivered> delivered() {
		return List.copyOf(this.delivered);
	}

	/**
	 * Whether a reminder has been delivered (as far as the last {@value #CAPACITY} go).
	 * @param id the reminder's id
	 * @return whether it is in the outbox
	 */
	public synchronized boolean contains(String id) {
		return this.delivered.stream().anyMatch((reminder) -> reminder.id().equals(id));
	}

	/**
	 * A delivered reminder.
	 *
	 * @param id the reminder's id
	 * @param text its text
	 * @param scheduledFor when it was due
	 * @param deliveredAt when it was delivered
	 */
	public record Delivered(String id, String text, Instant scheduledFor, Instant deliveredAt) {

	}

}

package dev.asyncz.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Deletes finished tasks' rows in groups, the way databases commit their logs: a worker
 * that finishes while another worker's deletion is in flight queues its row and waits,
 * and the next deletion takes every queued row in one transaction. Each caller still
 * returns only once its own row is gone, or with the failure that kept it, so completion
 * stays synchronous; what changes is that workers finishing together pay for one commit
 * between them instead of one each, and a commit (a log flush) is what a completion
 * costs.
 */
public final class CompletionGroup {

	private final Deleter deleter;

	private final Object lock = new Object();

	private List<Completion> queued = new ArrayList<>();

	private boolean deleting;

	/**
	 * Groups deletions made by {@code deleter}.
	 * @param deleter deletes a group of claimed rows in one transaction
	 */
	public CompletionGroup(Deleter deleter) {
		this.deleter = deleter;
	}

	/**
	 * Deletes a claimed row, together with whatever other rows are queued by then.
	 * @param id the task id
	 * @param version the row version the claim produced
	 * @throws RuntimeException what the group's deletion failed with
	 */
	public void delete(String id, long version) {
		Completion mine = new Completion(id, version);
		List<Completion> group;
		synchronized (this.lock) {
			this.queued.add(mine);
			awaitTurn(mine);
			if (mine.done) {
				mine.rethrow();
				return;
			}
			this.deleting = true;
			group = this.queued;
			this.queued = new ArrayList<>();
		}
		RuntimeException failure = null;
		try {
			this.deleter.delete(group);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		synchronized (this.lock) {
			for (Completion completion : group) {
				completion.done = true;
				completion.failure = failure;
			}
			this.deleting = false;
			this.lock.notifyAll();
		}
		mine.rethrow();
	}

	/**
	 * How many completions wait for the next deletion.
	 * @return the count
	 */
	int queuedCount() {
		synchronized (this.lock) {
			return this.queued.size();
		}
	}

	/**
	 * Waits while another caller deletes, until that deletion took this row too or the
	 * way is free. Not interruptible: the row is queued and will be deleted whether its
	 * caller waits or not, and a caller that left early would report a completion that
	 * had not happened yet. The wait is one statement long.
	 */
	private void awaitTurn(Completion mine) {
		boolean interrupted = false;
		while (this.deleting && !mine.done) {
			try {
				this.lock.wait();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A finished task whose claimed row is to be deleted.
	 */
	public static final class Completion {

		private final String id;

		private final long version;

		private boolean done;

		private @Nullable RuntimeException failure;

		/**
		 * A finished task's claimed row.
		 * @param id the task id
		 * @param version the row version the claim produced
		 */
		public Completion(String id, long version) {
			this.id = id;
			this.version = version;
		}

		public String id() {
			return this.id;
		}

		public long version() {
			return this.version;
		}

		private void rethrow() {
			if (this.failure != null) {
				throw this.failure;
			}
		}

	}

	/**
	 * Deletes a group of claimed rows in one transaction.
	 */
	@FunctionalInterface
	public interface Deleter {

		/**
		 * Deletes the rows, each only while its claim still holds.
		 * @param completions the rows, never empty
		 */
		void delete(List<Completion> completions);

	}

}

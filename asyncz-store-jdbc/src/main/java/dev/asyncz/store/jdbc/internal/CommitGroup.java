package dev.asyncz.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes rows in groups, the way databases commit their logs: a caller that writes while
 * another caller's write is in flight queues its row and waits, and the next write takes
 * every queued row in one transaction. Each caller still returns only once its own row is
 * written, or with the failure that kept it, so writes stay synchronous; what changes is
 * that callers writing together pay for one commit between them instead of one each, and
 * a commit (a log flush) is what a small write costs.
 *
 * <p>
 * A group whose write fails either fails every caller in it (right where the failure is
 * the database's, which the next group will meet too) or, when the group was built to
 * keep failures apart, is written again row by row, so that one bad row (a taken id)
 * fails only its own caller.
 *
 * @param <T> what a row is made from
 */
public final class CommitGroup<T> {

	private final Writer<T> writer;

	private final boolean failuresApart;

	private final int maxWriters;

	private final Object lock = new Object();

	private List<Queued<T>> queued = new ArrayList<>();

	private int writing;

	/**
	 * Groups writes made by {@code writer}.
	 * @param writer writes a group of rows in one transaction
	 * @param failuresApart whether a failed group is written again row by row, each
	 * caller then getting its own row's outcome
	 * @param maxWriters how many groups may be written at once, each on its own
	 * connection: one makes the largest groups, a few let the database overlap the
	 * commits of several
	 */
	public CommitGroup(Writer<T> writer, boolean failuresApart, int maxWriters) {
		this.writer = writer;
		this.failuresApart = failuresApart;
		this.maxWriters = maxWriters;
	}

	/**
	 * Writes a row, together with whatever other rows are queued by then.
	 * @param row the row
	 * @throws RuntimeException what the write of this row failed with
	 */
	public void write(T row) {
		Queued<T> mine = new Queued<>(row);
		List<Queued<T>> group;
		synchronized (this.lock) {
			this.queued.add(mine);
			awaitTurn(mine);
			if (mine.done) {
				mine.rethrow();
				return;
			}
			this.writing++;
			group = this.queued;
			this.queued = new ArrayList<>();
			group.forEach((queued) -> queued.taken = true);
		}
		@Nullable RuntimeException[] failures = writeGroup(group);
		synchronized (this.lock) {
			for (int i = 0; i < group.size(); i++) {
				group.get(i).done = true;
				group.get(i).failure = failures[i];
			}
			this.writing--;
			this.lock.notifyAll();
		}
		mine.rethrow();
	}

	private @Nullable RuntimeException[] writeGroup(List<Queued<T>> group) {
		@Nullable RuntimeException[] failures = new RuntimeException[group.size()];
		List<T> rows = new ArrayList<>(group.size());
		group.forEach((queued) -> rows.add(queued.row));
		RuntimeException failure = attempt(rows);
		if (failure == null) {
			return failures;
		}
		for (int i = 0; i < failures.length; i++) {
			failures[i] = (this.failuresApart && group.size() > 1) ? attempt(List.of(rows.get(i))) : failure;
		}
		return failures;
	}

	private @Nullable RuntimeException attempt(List<T> rows) {
		try {
			this.writer.write(rows);
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	/**
	 * How many rows wait for the next write.
	 * @return the count
	 */
	int queuedCount() {
		synchronized (this.lock) {
			return this.queued.size();
		}
	}

	/**
	 * Waits while another caller writes this row, or while as many callers write as may,
	 * until this row is written or the way is free for it. Not interruptible: the row is
	 * queued and will be written whether its caller waits or not, and a caller that left
	 * early would report a write that had not happened yet. The wait is one transaction
	 * long.
	 */
	private void awaitTurn(Queued<T> mine) {
		boolean interrupted = false;
		while (!mine.done && (mine.taken || this.writing >= this.maxWriters)) {
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
	 * A queued row with its outcome, guarded by the group's lock.
	 */
	private static final class Queued<T> {

		private final T row;

		/** Whether a writer took the row into its group. */
		private boolean taken;

		private boolean done;

		private @Nullable RuntimeException failure;

		Queued(T row) {
			this.row = row;
		}

		private void rethrow() {
			if (this.failure != null) {
				throw this.failure;
			}
		}

	}

	/**
	 * Writes a group of rows in one transaction.
	 *
	 * @param <T> what a row is made from
	 */
	@FunctionalInterface
	public interface Writer<T> {

		/**
		 * Writes the rows.
		 * @param rows the rows, never empty
		 */
		void write(List<T> rows);

	}

}

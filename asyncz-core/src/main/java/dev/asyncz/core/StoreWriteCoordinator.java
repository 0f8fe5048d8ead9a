package dev.asyncz.core;

import java.util.function.Consumer;

import dev.asyncz.store.TaskStore;

/**
 * Decides when the changes a caller asks for (add, update, pause, resume, reschedule,
 * delete) reach their store, and when what follows them happens: their events and the
 * scheduler's wake-up. Set with {@link SchedulerBuilder#storeWrites}; the default,
 * {@link #IMMEDIATE}, writes at once. The Spring Boot integration ties the writes to the
 * caller's transaction instead, so that a change rolled back with it never happens.
 *
 * <p>
 * The scheduler's own writes (claims, releases, completions) never pass through here.
 */
public interface StoreWriteCoordinator {

	/** Writes at once, on the caller's thread, and lets what follows happen at once. */
	StoreWriteCoordinator IMMEDIATE = new StoreWriteCoordinator() {

		@Override
		public void write(TaskStore store, Runnable write, Runnable then, Consumer<RuntimeException> failed) {
			write.run();
			then.run();
		}

		@Override
		public void afterWrites(Runnable action) {
			action.run();
		}

		@Override
		public boolean writesNow(TaskStore store) {
			return true;
		}

	};

	/**
	 * Applies one change to a store. An implementation runs {@code write} either now on
	 * the caller's thread (its exceptions then reach the caller) or later, once the
	 * caller's work is committed; when it runs later and fails, it hands the failure to
	 * {@code failed} instead and skips {@code then}. {@code then} always runs after the
	 * write is visible to others, and never for a write that was abandoned.
	 * @param store the store written to
	 * @param write the change
	 * @param then what follows the change: its event, the scheduler's wake-up
	 * @param failed told of a later write's failure, which no caller can catch any more
	 */
	void write(TaskStore store, Runnable write, Runnable then, Consumer<RuntimeException> failed);

	/**
	 * Whether a change to {@code store} asked for now, on the calling thread, would be
	 * written at once and followed at once by what follows it, exactly as {@link #write}
	 * with an immediate write does. The scheduler then makes the change itself, without
	 * building the closures that {@link #write} takes: adding a million tasks in a loop
	 * would make millions of them. The default, {@code false}, always goes through
	 * {@link #write}.
	 * @param store the store to be written to
	 * @return true if a change asked for now would be written now
	 */
	default boolean writesNow(TaskStore store) {
		return false;
	}

	/**
	 * Runs {@code action} once the writes asked for before it are visible: now, or after
	 * the caller's work is committed; never if that work is abandoned.
	 * @param action what follows the writes
	 */
	void afterWrites(Runnable action);

	/**
	 * A change run later than its call, as an implementation runs it: the write, then
	 * what follows it — or, when the write fails, {@code failed} instead.
	 * @param write the change
	 * @param then what follows the change
	 * @param failed told of the change's failure
	 * @return the deferred change, to run once
	 */
	static Runnable deferred(Runnable write, Runnable then, Consumer<RuntimeException> failed) {
		return () -> {
			try {
				write.run();
			}
			catch (RuntimeException ex) {
				failed.accept(ex);
				return;
			}
			then.run();
		};
	}

}

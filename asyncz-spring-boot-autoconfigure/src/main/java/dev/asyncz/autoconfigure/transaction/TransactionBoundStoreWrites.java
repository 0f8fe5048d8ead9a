package dev.asyncz.autoconfigure.transaction;

import java.util.function.Consumer;

import dev.asyncz.core.StoreWriteCoordinator;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.TransactionalTaskStore;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties a caller's task changes to the Spring transaction the caller's thread has open. A
 * store that {@link TransactionalTaskStore#joinsCallerTransaction() joins} it writes now,
 * inside it; any other store writes after the commit, or never on a rollback. The events
 * and the scheduler's wake-up follow the commit in both cases, so nothing announces a
 * change that is then rolled back. Without a transaction every change is written at once.
 */
final class TransactionBoundStoreWrites implements StoreWriteCoordinator {

	/**
	 * Set while this class runs work after a commit. The committed transaction's
	 * connection is still bound to the thread then, but nothing written on it would
	 * commit any more: work done there, and what listeners of its events do, runs as if
	 * no transaction were open.
	 */
	private static final ThreadLocal<Boolean> afterCommit = ThreadLocal.withInitial(() -> false);

	/**
	 * Whether the calling thread is inside a Spring transaction whose changes have not
	 * been committed yet.
	 * @return true inside such a transaction
	 */
	static boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive() && !afterCommit.get();
	}

	@Override
	public void write(TaskStore store, Runnable write, Runnable then, Consumer<RuntimeException> failed) {
		if (!inTransaction()) {
			write.run();
			then.run();
		}
		else if (store instanceof TransactionalTaskStore transactional && transactional.joinsCallerTransaction()) {
			write.run();
			runAfterCommit(then);
		}
		else {
			runAfterCommit(StoreWriteCoordinator.deferred(write, then, failed));
		}
	}

	@Override
	public boolean writesNow(TaskStore store) {
		return !inTransaction();
	}

	@Override
	public void afterWrites(Runnable action) {
		if (inTransaction()) {
			runAfterCommit(action);
		}
		else {
			action.run();
		}
	}

	private static void runAfterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				afterCommit.set(true);
				try {
					action.run();
				}
				finally {
					afterCommit.remove();
				}
			}

		});
	}

}

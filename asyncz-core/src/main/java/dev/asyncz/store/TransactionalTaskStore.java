package dev.asyncz.store;

/**
 * A store that can write a caller's changes inside a transaction the caller has open, so
 * that they commit or roll back with the caller's own work. A
 * {@link dev.asyncz.core.StoreWriteCoordinator} asks it before deferring a change to
 * after the commit.
 */
public interface TransactionalTaskStore extends TaskStore {

	/**
	 * Whether a change written now, on the calling thread, joins a transaction the caller
	 * has open (it then commits or rolls back with it) rather than committing on its own.
	 * @return true if the calling thread's changes join its transaction
	 */
	boolean joinsCallerTransaction();

}

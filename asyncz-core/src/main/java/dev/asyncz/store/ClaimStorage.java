package dev.asyncz.store;

import java.util.Collection;
import java.util.Map;

import dev.asyncz.task.Task;

/**
 * The storage commands a durable store writes so that a {@link ClaimLedger} can keep its
 * claims: everything else about claims (which ones this instance holds, what is still to
 * be written, when leases are renewed) is the ledger's.
 *
 * <p>
 * Every command is conditional on the claim: it changes nothing when this instance no
 * longer holds the claim that {@code token} identifies, because the task was updated,
 * removed, or taken over by another instance after its lease expired. A command that
 * cannot reach the storage throws a {@link StoreException}; the ledger then keeps the
 * claim, renewed, and tries again with the next renewal, since a claim left to expire
 * would let another instance run the same fire time again.
 *
 * <p>
 * Commands may be called from several threads at once: the scheduler's, the executors'
 * workers and the ledger's renewal thread.
 *
 * @param <T> what identifies one claim in the storage, such as the row version the claim
 * produced or the run time it was made for
 */
public interface ClaimStorage<T> {

	/**
	 * Extends the leases of the given claims by the lease duration, measured by the
	 * storage's clock rather than this instance's.
	 * @param claims the claims this instance holds, by task id
	 * @return the ids whose claim this instance no longer holds, so the ledger stops
	 * renewing them; empty when the storage cannot tell
	 * @throws StoreException if the storage cannot be reached
	 */
	Collection<String> renew(Map<String, T> claims);

	/**
	 * Ends a claim by storing the task's next state, unless the task was written since it
	 * was claimed (that write stands and only the claim ends).
	 * @param id the task id
	 * @param token the claim
	 * @param next the task's next state
	 * @return whether {@code next} was stored
	 * @throws StoreException if the storage cannot be reached
	 */
	boolean release(String id, T token, Task next);

	/**
	 * Ends the claim on a task whose final run is over by deleting the task, unless it
	 * was written since it was claimed.
	 * @param id the task id
	 * @param token the claim
	 * @throws StoreException if the storage cannot be reached
	 */
	void complete(String id, T token);

}

package dev.asyncz.store;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import dev.asyncz.store.internal.ClaimTimer;
import dev.asyncz.task.Task;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim bookkeeping every durable store shares: which claims this instance holds, the
 * releases and completions that could not be written yet, and the thread that renews the
 * leases and polls for wake-ups. A store composes one ledger and writes only its
 * {@link ClaimStorage storage commands}; its {@link TaskStore} methods then delegate:
 * <ul>
 * <li>{@link TaskStore#acquireDueTasks} records each claim it hands out with
 * {@link #claimed};</li>
 * <li>{@link TaskStore#release} and {@link TaskStore#complete} are {@link #release} and
 * {@link #complete};</li>
 * <li>{@link TaskStore#update} and {@link TaskStore#remove} call {@link #remove(String)},
 * {@link TaskStore#removeAll} calls {@link #removeAll()};</li>
 * <li>{@link TaskStore#start} and {@link TaskStore#shutdown} call {@link #start} and
 * {@link #shutdown}.</li>
 * </ul>
 *
 * <p>
 * <b>Failed writes keep their claim.</b> A release or completion the storage refused
 * (unreachable) is not given up: the claim stays, its lease is renewed, and the write is
 * tried again before every renewal and once more at {@link #shutdown()}. Letting the
 * lease run out instead would have another instance run the same fire time again; that
 * happens only if this instance dies first. Updating or removing the task drops the claim
 * and the write still pending for it: the user's change stands.
 *
 * <p>
 * <b>Renewals.</b> Every third of the lease duration the ledger retries the pending
 * writes, then renews every claim it still holds in one {@link ClaimStorage#renew} call
 * and forgets the claims the storage reports lost. A renewal that fails is logged; if
 * renewals keep failing for a whole lease, other instances may take the tasks over.
 *
 * <p>
 * Thread-safe: the scheduler thread, the executors' workers and the renewal thread use a
 * ledger at once.
 *
 * @param <T> what identifies one claim in the storage (see {@link ClaimStorage})
 */
public final class ClaimLedger<T> {

	private static final Logger logger = LoggerFactory.getLogger(ClaimLedger.class);

	private final String storeType;

	private final Duration leaseDuration;

	private final ClaimStorage<T> storage;

	/**
	 * The claims this instance holds, by task id. A claim is identified by its object,
	 * not by its token: a store may hand the same token out again once a claim ended (a
	 * task released unchanged), and a late cleanup of the old claim must not end the new
	 * one.
	 */
	private final Map<String, Claim<T>> claims = new ConcurrentHashMap<>();

	private final Object lifecycle = new Object();

	private volatile String storeName;

	private @Nullable ClaimTimer timer;

	/**
	 * A ledger for a store; nothing runs until {@link #start}.
	 * @param storeType the kind of store, such as {@code jdbc}: names the renewal thread
	 * and the log messages
	 * @param leaseDuration how long a claim lasts unless renewed
	 * @param storage the store's storage commands
	 */
	public ClaimLedger(String storeType, Duration leaseDuration, ClaimStorage<T> storage) {
		this.storeType = Objects.requireNonNull(storeType, "storeType");
		this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
		this.storage = Objects.requireNonNull(storage, "storage");
		if (leaseDuration.isNegative() || leaseDuration.isZero()) {
			throw new IllegalArgumentException("The lease duration must be positive, not " + leaseDuration);
		}
		this.storeName = storeType + " store";
	}

	/**
	 * Starts the thread named {@code asyncz-<type>-<store name>} that renews the leases
	 * every third of the lease duration and, unless {@code pollInterval} is zero, wakes
	 * the scheduler every {@code pollInterval} (for stores that cannot be told of other
	 * instances' changes, or may miss such news). A thread of an earlier start is stopped
	 * first.
	 * @param context the store's context: its name, and the scheduler to wake
	 * @param pollInterval how often to wake the scheduler, or zero for never
	 */
	public void start(StoreContext context, Duration pollInterval) {
		synchronized (this.lifecycle) {
			stopTimer();
			this.storeName = this.storeType + " store '" + context.storeName() + "'";
			ClaimTimer started = new ClaimTimer("asyncz-" + this.storeType + "-" + context.storeName());
			started.every(this.leaseDuration.dividedBy(3), "renew the leases of " + this.storeName, this::renew);
			if (!pollInterval.isZero()) {
				started.every(pollInterval, "wake the scheduler of " + this.storeName, context.wakeUp());
			}
			this.timer = started;
		}
	}

	/**
	 * Runs a one-off piece of the store's upkeep (such as a look for bad data at start)
	 * on the ledger's thread, after what is already queued there.
	 * @param what what the action does, for the log
	 * @param action the action; a failure is logged
	 * @return the action's completion
	 * @throws IllegalStateException if the ledger is not started
	 */
	public Future<?> inBackground(String what, Runnable action) {
		synchronized (this.lifecycle) {
			if (this.timer == null) {
				throw new IllegalStateException(this.storeName + " is not started");
			}
			return this.timer.once(what, action);
		}
	}

	/**
	 * Stops the renewal thread, then tries the pending releases and completions once
	 * more: their retries rode on the renewals, which end here, and a task left claimed
	 * would be run again by another instance once its lease ran out. Failures are logged.
	 */
	public void shutdown() {
		synchronized (this.lifecycle) {
			stopTimer();
		}
		retryPending();
	}

	/**
	 * Records a claim the store has just made and is about to hand out. A claim this
	 * instance held on the task before (ended by an update, or taken over after its lease
	 * expired) is forgotten.
	 * @param task the task as it will be handed out
	 * @param token what identifies the claim in the storage
	 */
	public void claimed(Task task, T token) {
		this.claims.put(task.id(), new Claim<>(task, Objects.requireNonNull(token, "token")));
	}

	/**
	 * Records a claim the store has just made, and says whether to hand the task out. A
	 * recovered claim on a task this instance still holds a claim on, unchanged since it
	 * was handed out, is this instance's own lease that ran out while the run went on (a
	 * renewal came late, or the database was slow): the claim is taken back under the new
	 * token and not handed out, and the run in progress (or the write still pending after
	 * it) ends it. Handed out again, the same fire time would run a second time here, or
	 * (the run in progress counting against its maximum instances) be put off to a later
	 * time and run again then.
	 * @param task the task as claimed
	 * @param token what identifies the new claim in the storage
	 * @param recovered whether the store took the claim over from an expired lease
	 * @return whether to hand the task out; false when the claim was taken back
	 */
	public boolean claimed(Task task, T token, boolean recovered) {
		Objects.requireNonNull(token, "token");
		if (recovered) {
			Claim<T> held = this.claims.get(task.id());
			if (held != null && held.task.equals(task)) {
				held.token = token;
				if (this.claims.get(task.id()) == held) {
					logger.info("{}: the lease on task '{}' ran out while its run here went on; claimed back, "
							+ "the run goes on", this.storeName, task.id());
					return false;
				}
			}
		}
		claimed(task, token);
		return true;
	}

	/**
	 * Whether this instance holds a claim on the task.
	 * @param id the task id
	 * @return whether it is claimed here
	 */
	public boolean holds(String id) {
		return this.claims.containsKey(id);
	}

	/**
	 * How many claims this instance holds, pending writes included.
	 * @return the count
	 */
	public int size() {
		return this.claims.size();
	}

	/**
	 * Implements {@link TaskStore#release}: ends the claim by writing the task's next
	 * state. When the storage cannot be reached the claim is kept, renewed, and the write
	 * tried again with the renewals; the scheduler is told the task was stored, as it
	 * will be unless the task is changed meanwhile.
	 * @param claimed the task as handed out
	 * @param next the task's next state
	 * @return whether {@code next} was stored (or will be); false when this instance
	 * holds no claim on the task as handed out (the task was updated, removed, or claimed
	 * again since) or the task was written since it was claimed
	 */
	public boolean release(Task claimed, Task next) {
		String id = claimed.id();
		Claim<T> claim = claimOn(claimed);
		if (claim == null) {
			return false;
		}
		try {
			T token;
			boolean stored;
			do {
				// A claim taken back meanwhile (see claimed) has a new token: the write
				// made under the old one changed nothing, and is made again.
				token = claim.token;
				stored = this.storage.release(id, token, next);
			}
			while (!stored && !claim.token.equals(token));
			this.claims.remove(id, claim);
			return stored;
		}
		catch (StoreException ex) {
			claim.pending = new PendingRelease(next);
			logger.warn("{} could not release task '{}'; keeping its claim and trying again: {}", this.storeName, id,
					ex.getMessage());
			return true;
		}
	}

	/**
	 * Implements {@link TaskStore#complete}: ends the claim by deleting the finished
	 * task. When the storage cannot be reached the claim is kept, renewed, and the
	 * deletion tried again with the renewals. Does nothing when this instance holds no
	 * claim on the task as handed out.
	 * @param task the task as handed out
	 */
	public void complete(Task task) {
		String id = task.id();
		Claim<T> claim = claimOn(task);
		if (claim == null) {
			logger.debug("Task '{}' is not claimed by this instance of {}; leaving it", id, this.storeName);
			return;
		}
		try {
			T token;
			do {
				token = claim.token;
				this.storage.complete(id, token);
			}
			while (!claim.token.equals(token));
			this.claims.remove(id, claim);
		}
		catch (StoreException ex) {
			claim.pending = Completion.INSTANCE;
			logger.warn("{} could not remove finished task '{}'; keeping its claim and trying again: {}",
					this.storeName, id, ex.getMessage());
		}
	}

	/**
	 * Forgets the claim on a task together with the release or completion still pending
	 * for it. A store calls this when the task is updated or removed (the change ends the
	 * claim and stands), or set aside as unreadable.
	 * @param id the task id
	 */
	public void remove(String id) {
		this.claims.remove(id);
	}

	/**
	 * Forgets every claim and every pending write: all tasks were removed.
	 */
	public void removeAll() {
		this.claims.clear();
	}

	/**
	 * One renewal: retries the pending completions, then the pending releases, then
	 * renews the leases of every claim still held and forgets those the storage reports
	 * lost. The renewal thread calls this every third of the lease duration; tests may
	 * call it directly. Failures are logged, never thrown.
	 */
	public void renew() {
		retryPending();
		Map<String, Claim<T>> held = new LinkedHashMap<>(this.claims);
		if (held.isEmpty()) {
			return;
		}
		Map<String, T> tokens = new LinkedHashMap<>();
		held.forEach((id, claim) -> tokens.put(id, claim.token));
		Collection<String> lost;
		try {
			lost = this.storage.renew(tokens);
		}
		catch (RuntimeException ex) {
			logger.warn(
					"{} could not renew the leases on {} claimed tasks; other instances may take them over after {}",
					this.storeName, held.size(), this.leaseDuration, ex);
			return;
		}
		for (String id : lost) {
			Claim<T> claim = held.get(id);
			if (claim != null && this.claims.remove(id, claim)) {
				// Its pending write, if any, would change nothing: the claim it was
				// conditional on has ended elsewhere.
				logger.debug("{} lost its claim on task '{}'", this.storeName, id);
			}
		}
	}

	/**
	 * The claim that handed {@code task} out, if this instance still holds it: a run that
	 * outlived its claim (the task was updated and claimed again meanwhile) must not end
	 * the later claim.
	 */
	private @Nullable Claim<T> claimOn(Task task) {
		Claim<T> claim = this.claims.get(task.id());
		return (claim != null && (claim.task == task || claim.task.equals(task))) ? claim : null;
	}

	/**
	 * Retries the pending completions, then the pending releases. Each kind stops at its
	 * first failure: the storage is most likely unreachable, and waiting for it once per
	 * task would hold up the renewal that keeps the claims.
	 */
	private void retryPending() {
		retry(Completion.class, "remove finished task");
		retry(PendingRelease.class, "release task");
	}

	private void retry(Class<? extends Pending> kind, String what) {
		for (Map.Entry<String, Claim<T>> entry : this.claims.entrySet()) {
			String id = entry.getKey();
			Claim<T> claim = entry.getValue();
			Pending pending = claim.pending;
			if (!kind.isInstance(pending)) {
				continue;
			}
			try {
				if (pending instanceof PendingRelease release) {
					this.storage.release(id, claim.token, release.next());
				}
				else {
					this.storage.complete(id, claim.token);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("{} could not {} '{}' yet: {}", this.storeName, what, id, ex.getMessage());
				return;
			}
			this.claims.remove(id, claim);
		}
	}

	private void stopTimer() {
		if (this.timer != null) {
			this.timer.stop();
			this.timer = null;
		}
	}

	/**
	 * A claim this instance holds, with the write still to be made for it.
	 */
	private static final class Claim<T> {

		private final Task task;

		private volatile T token;

		private volatile @Nullable Pending pending;

		Claim(Task task, T token) {
			this.task = task;
			this.token = token;
		}

	}

	private sealed interface Pending permits PendingRelease, Completion {

	}

	/**
	 * A release still to be written.
	 *
	 * @param next the task's next state
	 */
	private record PendingRelease(Task next) implements Pending {

	}

	/**
	 * A finished task still to be deleted.
	 */
	private enum Completion implements Pending {

		INSTANCE

	}

}

package dev.asyncz.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim bookkeeping, over a storage held in maps whose writes can be made to fail.
 * Renewals are driven by calling {@link ClaimLedger#renew()}; no thread is started.
 */
class ClaimLedgerTests {

	private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

	private final FakeStorage storage = new FakeStorage();

	private final ClaimLedger<Long> ledger = new ClaimLedger<>("fake", Duration.ofSeconds(30), this.storage);

	@Test
	void releaseWritesTheNextStateAndEndsTheClaim() {
		Task claimed = claim("a", 1L);
		assertThat(this.ledger.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)))).isTrue();
		assertThat(this.storage.released).containsEntry("a", NOW.plusSeconds(60));
		assertThat(this.ledger.holds("a")).isFalse();
	}

	@Test
	void releaseThatTheStorageRefusesBecauseTheTaskChangedEndsTheClaimAndReportsNothingStored() {
		Task claimed = claim("a", 1L);
		this.storage.stale.add("a");
		assertThat(this.ledger.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)))).isFalse();
		assertThat(this.ledger.holds("a")).isFalse();
	}

	@Test
	void releaseWithoutAClaimWritesNothing() {
		Task task = task("a");
		assertThat(this.ledger.release(task, task.withNextRunTime(NOW.plusSeconds(60)))).isFalse();
		assertThat(this.storage.commands).isEmpty();
	}

	@Test
	void releaseThatFailsKeepsItsClaimAndIsWrittenWithTheNextRenewal() {
		Task claimed = claim("a", 1L);
		this.storage.unreachable = true;
		assertThat(this.ledger.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)))).as("will be stored")
			.isTrue();
		assertThat(this.ledger.holds("a")).isTrue();
		this.storage.unreachable = false;
		this.ledger.renew();
		assertThat(this.storage.released).containsEntry("a", NOW.plusSeconds(60));
		assertThat(this.ledger.holds("a")).isFalse();
	}

	@Test
	void releaseThatKeepsFailingKeepsItsClaimRenewed() {
		Task claimed = claim("a", 1L);
		this.storage.unreachable = true;
		this.ledger.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)));
		this.storage.failing = Set.of("release a");
		this.storage.unreachable = false;
		this.ledger.renew();
		assertThat(this.storage.renewed).containsExactly(Map.of("a", 1L));
		assertThat(this.ledger.holds("a")).isTrue();
	}

	@Test
	void completeDeletesTheFinishedTaskAndEndsTheClaim() {
		Task claimed = claim("a", 7L);
		this.ledger.complete(claimed);
		assertThat(this.storage.commands).containsExactly("complete a@7");
		assertThat(this.ledger.holds("a")).isFalse();
	}

	@Test
	void completingARunWhoseTaskWasClaimedAgainSinceLeavesTheLaterClaim() {
		Task first = claim("a", 1L);
		this.ledger.remove("a");
		Task second = first.withNextRunTime(NOW.plusSeconds(1));
		this.ledger.claimed(second, 2L);
		this.ledger.complete(first);
		assertThat(this.storage.commands).isEmpty();
		this.ledger.complete(second);
		assertThat(this.storage.commands).containsExactly("complete a@2");
	}

	@Test
	void releasingARunWhoseTaskWasClaimedAgainSinceLeavesTheLaterClaim() {
		Task first = claim("a", 1L);
		this.ledger.remove("a");
		Task second = first.withNextRunTime(NOW.plusSeconds(1));
		this.ledger.claimed(second, 2L);
		assertThat(this.ledger.release(first, first.withNextRunTime(NOW.plusSeconds(60)))).isFalse();
		assertThat(this.ledger.holds("a")).isTrue();
		assertThat(this.storage.commands).isEmpty();
	}

	@Test
	void ownClaimRecoveredAfterItsLeaseRanOutIsTakenBackNotHandedOut() {
		claim("a", 1L);
		assertThat(this.ledger.claimed(task("a"), 2L, true)).isFalse();
		assertThat(this.ledger.holds("a")).isTrue();
	}

	@Test
	void runThatHeldATakenBackClaimEndsItUnderTheNewToken() {
		Task claimed = claim("a", 1L);
		this.ledger.claimed(task("a"), 2L, true);
		this.ledger.complete(claimed);
		assertThat(this.storage.commands).containsExactly("complete a@2");
		assertThat(this.ledger.holds("a")).isFalse();
	}

	@Test
	void completionPendingWhenItsClaimIsTakenBackIsRetriedUnderTheNewToken() {
		Task claimed = claim("a", 7L);
		this.storage.unreachable = true;
		this.ledger.complete(claimed);
		this.storage.unreachable = false;
		assertThat(this.ledger.claimed(task("a"), 8L, true)).isFalse();
		this.ledger.renew();
		assertThat(this.storage.commands).containsExactly("complete a@8");
		assertThat(this.ledger.holds("a")).isFalse();
	}

	@Test
	void recoveredClaimOnATaskThatChangedSinceThisInstanceClaimedItIsHandedOut() {
		claim("a", 1L);
		Task changed = task("a").withNextRunTime(NOW.plusSeconds(1));
		assertThat(this.ledger.claimed(changed, 2L, true)).isTrue();
		this.ledger.complete(changed);
		assertThat(this.storage.commands).containsExactly("complete a@2");
	}

	@Test
	void recoveredClaimOnATaskThisInstanceDoesNotHoldIsHandedOut() {
		assertThat(this.ledger.claimed(task("a"), 2L, true)).isTrue();
		assertThat(this.ledger.holds("a")).isTrue();
	}

	@Test
	void completeWithoutAClaimDeletesNothing() {
		this.ledger.complete(task("a"));
		assertThat(this.storage.commands).isEmpty();
	}

	@Test
	void completionThatFailsKeepsItsClaimAndIsRetriedWithTheNextRenewal() {
		Task claimed = claim("a", 7L);
		this.storage.unreachable = true;
		this.ledger.complete(claimed);
		assertThat(this.ledger.holds("a")).isTrue();
		this.storage.unreachable = false;
		this.ledger.renew();
		assertThat(this.storage.commands).as("the retry").containsExactly("complete a@7");
		assertThat(this.ledger.holds("a")).isFalse();
		assertThat(this.storage.renewed).as("nothing left to renew").isEmpty();
	}

	@Test
	void removingATaskDropsItsClaimAndThePendingRelease() {
		Task claimed = claim("a", 1L);
		this.storage.unreachable = true;
		this.ledger.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)));
		this.storage.unreachable = false;
		this.ledger.remove("a");
		this.ledger.renew();
		assertThat(this.storage.released).isEmpty();
		assertThat(this.storage.renewed).isEmpty();
	}

	@Test
	void removingATaskDropsItsPendingCompletion() {
		Task claimed = claim("a", 1L);
		this.storage.unreachable = true;
		this.ledger.complete(claimed);
		this.storage.unreachable = false;
		this.storage.commands.clear();
		this.ledger.remove("a");
		this.ledger.shutdown();
		assertThat(this.storage.commands).isEmpty();
	}

	@Test
	void removingEveryTaskForgetsEveryClaimAndPendingWrite() {
		Task a = claim("a", 1L);
		Task b = claim("b", 2L);
		claim("c", 3L);
		this.storage.unreachable = true;
		this.ledger.release(a, a.withNextRunTime(NOW.plusSeconds(60)));
		this.ledger.complete(b);
		this.storage.unreachable = false;
		this.storage.commands.clear();
		this.ledger.removeAll();
		this.ledger.renew();
		assertThat(this.storage.commands).isEmpty();
		assertThat(this.ledger.size()).isZero();
	}

	@Test
	void shutdownTriesThePendingReleasesAndCompletionsOnceMore() {
		Task a = claim("a", 1L);
		Task b = claim("b", 2L);
		this.storage.unreachable = true;
		this.ledger.release(a, a.withNextRunTime(NOW.plusSeconds(60)));
		this.ledger.complete(b);
		this.storage.unreachable = false;
		this.storage.commands.clear();
		this.ledger.shutdown();
		assertThat(this.storage.commands).containsExactlyInAnyOrder("release a@1", "complete b@2");
		assertThat(this.ledger.size()).isZero();
	}

	@Test
	void shutdownThatStillCannotReachTheStorageKeepsThePendingWritesAndThrowsNothing() {
		Task a = claim("a", 1L);
		this.storage.unreachable = true;
		this.ledger.release(a, a.withNextRunTime(NOW.plusSeconds(60)));
		this.ledger.shutdown();
		assertThat(this.ledger.holds("a")).isTrue();
	}

	@Test
	void pendingReleasesAreStillTriedWhenAPendingCompletionFails() {
		Task a = claim("a", 1L);
		Task b = claim("b", 2L);
		this.storage.unreachable = true;
		this.ledger.complete(a);
		this.ledger.release(b, b.withNextRunTime(NOW.plusSeconds(60)));
		this.storage.unreachable = false;
		this.storage.failing = Set.of("complete a");
		this.ledger.renew();
		assertThat(this.storage.released).containsKey("b");
		assertThat(this.storage.renewed).containsExactly(Map.of("a", 1L));
	}

	@Test
	void renewalExtendsEveryClaimHeldIncludingThoseWithPendingWrites() {
		claim("a", 1L);
		Task b = claim("b", 2L);
		this.storage.unreachable = true;
		this.ledger.complete(b);
		this.storage.failing = Set.of("complete b");
		this.storage.unreachable = false;
		this.ledger.renew();
		assertThat(this.storage.renewed).containsExactly(Map.of("a", 1L, "b", 2L));
	}

	@Test
	void renewalThatFailsKeepsEveryClaimAndThrowsNothing() {
		claim("a", 1L);
		this.storage.unreachable = true;
		this.ledger.renew();
		assertThat(this.ledger.holds("a")).isTrue();
	}

	@Test
	void claimsTheStorageReportsLostAreForgottenWithTheirPendingWrites() {
		claim("a", 1L);
		Task b = claim("b", 2L);
		this.storage.unreachable = true;
		this.ledger.release(b, b.withNextRunTime(NOW.plusSeconds(60)));
		this.storage.unreachable = false;
		this.storage.failing = Set.of("release b");
		this.storage.lost = Set.of("b");
		this.ledger.renew();
		assertThat(this.ledger.holds("a")).isTrue();
		assertThat(this.ledger.holds("b")).isFalse();
		this.storage.failing = Set.of();
		this.storage.lost = Set.of();
		this.ledger.renew();
		assertThat(this.storage.released).as("the lost claim's release is not retried").isEmpty();
		assertThat(this.storage.renewed).last().isEqualTo(Map.of("a", 1L));
	}

	@Test
	void aClaimMadeAgainWhileARenewalRunsIsNotForgottenWithTheOldOne() {
		claim("a", 1L);
		this.storage.lost = Set.of("a");
		this.storage.duringRenewal = (claims) -> this.ledger.claimed(task("a"), 1L);
		this.ledger.renew();
		assertThat(this.ledger.holds("a")).isTrue();
	}

	private Task claim(String id, long token) {
		Task task = task(id);
		this.ledger.claimed(task, token);
		return task;
	}

	private static Task task(String id) {
		return Task.builder().id(id).function("f").trigger(Triggers.at(NOW)).nextRunTime(NOW).build();
	}

	/**
	 * Storage in maps. {@link #unreachable} fails every command; {@link #failing} fails
	 * the named commands ("release a"); {@link #stale} names tasks written since they
	 * were claimed; {@link #lost} names the claims renewals report lost.
	 */
	private static final class FakeStorage implements ClaimStorage<Long> {

		final List<String> commands = new ArrayList<>();

		final Map<String, Instant> released = new HashMap<>();

		final List<Map<String, Long>> renewed = new ArrayList<>();

		boolean unreachable;

		Set<String> failing = Set.of();

		final Set<String> stale = new HashSet<>();

		Set<String> lost = Set.of();

		Consumer<Map<String, Long>> duringRenewal = (claims) -> {
		};

		@Override
		public Collection<String> renew(Map<String, Long> claims) {
			reach("renew");
			this.duringRenewal.accept(claims);
			this.renewed.add(Map.copyOf(claims));
			return this.lost;
		}

		@Override
		public boolean release(String id, Long token, Task next) {
			reach("release " + id);
			this.commands.add("release " + id + "@" + token);
			if (this.stale.contains(id)) {
				return false;
			}
			this.released.put(id, next.nextRunTime());
			return true;
		}

		@Override
		public void complete(String id, Long token) {
			reach("complete " + id);
			this.commands.add("complete " + id + "@" + token);
		}

		private void reach(String command) {
			if (this.unreachable || this.failing.contains(command)) {
				throw new StoreException("storage unreachable for " + command);
			}
		}

	}

}

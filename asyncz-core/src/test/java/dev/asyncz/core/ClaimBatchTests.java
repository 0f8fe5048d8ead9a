package dev.asyncz.core;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.store.DueTask;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many due tasks the scheduler claims from a store at a time.
 */
class ClaimBatchTests {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	private final List<Integer> limits = new CopyOnWriteArrayList<>();

	@Test
	void aMemoryStoreIsClaimedFromAFewTasksAtATimeSoTheFirstRunsOfABurstStartEarly() {
		assertThat(runHundredDueTasks(false)).isEqualTo(100);
		assertThat(this.limits).hasSizeGreaterThan(3).allSatisfy((limit) -> assertThat(limit).isEqualTo(32));
	}

	@Test
	void aPersistentStoreIsClaimedFromAWholeBatchPerQuery() {
		assertThat(runHundredDueTasks(true)).isEqualTo(100);
		assertThat(this.limits).first().isEqualTo(1000);
	}

	private int runHundredDueTasks(boolean persistent) {
		PersistentMemoryStore store = new PersistentMemoryStore() {

			@Override
			public boolean persistent() {
				return persistent;
			}

			@Override
			public List<DueTask> acquireDueTasks(Instant now, int limit) {
				ClaimBatchTests.this.limits.add(limit);
				return super.acquireDueTasks(now, limit);
			}

		};
		try (Scheduler scheduler = Scheduler.builder()
			.clock(new ControllableClock(T0))
			.store("default", store)
			.runOnCaller()
			.build()) {
			scheduler.functions().register("noop", (context) -> null);
			scheduler.start();
			for (int i = 0; i < 100; i++) {
				scheduler.add(TaskRequest.of("noop", Triggers.at(T0)).id("t" + i).build());
			}
			return scheduler.runDueTasks().runs();
		}
	}

}

package dev.asyncz.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.asyncz.event.StoreError;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler hands every caller's change to its {@link StoreWriteCoordinator}, and
 * lets the change's event follow the write wherever the coordinator runs it.
 */
class StoreWriteCoordinatorTests {

	private final HeldWrites held = new HeldWrites();

	private final EventRecorder events = new EventRecorder();

	private final Scheduler scheduler = Scheduler.builder().storeWrites(this.held).build();

	StoreWriteCoordinatorTests() {
		this.scheduler.functions().register("ping", (run) -> null);
		this.scheduler.addListener(this.events);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(true);
	}

	@Test
	void heldAddIsNeitherStoredNorAnnouncedUntilTheCoordinatorWritesIt() {
		this.scheduler.add(ping("report"));
		assertThat(this.scheduler.get("report")).isEmpty();
		assertThat(this.events.all(TaskAdded.class)).isEmpty();
		this.held.release();
		assertThat(this.scheduler.get("report")).isPresent();
		assertThat(this.events.all(TaskAdded.class)).singleElement()
			.satisfies((added) -> assertThat(added.task().id()).isEqualTo("report"));
	}

	@Test
	void abandonedWritesNeverHappen() {
		this.scheduler.add(ping("report"));
		this.held.abandon();
		assertThat(this.scheduler.get("report")).isEmpty();
		assertThat(this.events.all(TaskAdded.class)).isEmpty();
	}

	@Test
	void heldDeleteKeepsTheTaskUntilWritten() {
		this.scheduler.add(ping("report"));
		this.held.release();
		this.scheduler.delete("report");
		assertThat(this.scheduler.get("report")).isPresent();
		this.held.release();
		assertThat(this.scheduler.get("report")).isEmpty();
		assertThat(this.events.all(TaskRemoved.class)).hasSize(1);
	}

	@Test
	void heldWriteThatFailsIsPublishedAsAStoreErrorNamingTheTaskAndAnnouncesNothing() {
		this.scheduler.add(ping("report"));
		this.held.release();
		this.scheduler.add(ping("report"));
		this.held.release();
		assertThat(this.events.all(StoreError.class)).singleElement().satisfies((error) -> {
			assertThat(error.store()).isEqualTo("default");
			assertThat(error.operation()).isEqualTo("write task 'report'");
			assertThat(error.exception()).isInstanceOf(ConflictingIdException.class);
		});
		assertThat(this.events.all(TaskAdded.class)).hasSize(1);
	}

	private static TaskRequest ping(String id) {
		return TaskRequest.of("ping", Triggers.at(Instant.parse("2090-01-01T00:00:00Z"))).id(id).build();
	}

	/** Holds every write until released, as a coordinator tied to a transaction does. */
	private static final class HeldWrites implements StoreWriteCoordinator {

		private final List<Runnable> pending = new ArrayList<>();

		@Override
		public void write(TaskStore store, Runnable write, Runnable then, Consumer<RuntimeException> failed) {
			this.pending.add(StoreWriteCoordinator.deferred(write, then, failed));
		}

		@Override
		public void afterWrites(Runnable action) {
			this.pending.add(action);
		}

		void release() {
			List<Runnable> writes = List.copyOf(this.pending);
			this.pending.clear();
			writes.forEach(Runnable::run);
		}

		void abandon() {
			this.pending.clear();
		}

	}

}

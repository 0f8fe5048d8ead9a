package dev.asyncz.autoconfigure.transaction;

import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis store takes no part in a database transaction: a change made inside one is
 * written after its commit, and never after its rollback.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisTransactionBoundTaskChangesIT {

	private final String prefix = "asyncz-tx-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";

	private final HikariDataSource dataSource = TransactionBoundTaskChangesTests.h2("redis-it");

	private final TransactionTemplate transactions = new TransactionTemplate(
			new DataSourceTransactionManager(this.dataSource));

	private Scheduler scheduler;

	@BeforeEach
	void startScheduler() {
		this.scheduler = Scheduler.builder()
			.store("cache",
					RedisTaskStore.create(LocalServer.REDIS.url(),
							RedisTaskStoreSettings.defaults().withKeyPrefix(this.prefix)))
			.storeWrites(new TransactionBoundStoreWrites())
			.build();
		this.scheduler.functions().register("warm-cache", (run) -> null);
		this.scheduler.start(true);
	}

	@AfterEach
	void stopScheduler() {
		this.scheduler.deleteAll("cache");
		this.scheduler.shutdown(true);
		this.dataSource.close();
	}

	@Test
	void taskAddedInARolledBackTransactionIsNeverStored() {
		this.transactions.executeWithoutResult((status) -> {
			this.scheduler.add(warmCache());
			status.setRollbackOnly();
		});
		assertThat(this.scheduler.get("warm-cache")).isEmpty();
	}

	@Test
	void taskAddedInACommittedTransactionIsStoredAtTheCommit() {
		this.transactions.executeWithoutResult((status) -> {
			this.scheduler.add(warmCache());
			assertThat(this.scheduler.get("warm-cache")).isEmpty();
		});
		assertThat(this.scheduler.get("warm-cache")).isPresent();
	}

	private static TaskRequest warmCache() {
		return TaskRequest.of("warm-cache", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
			.id("warm-cache")
			.store("cache")
			.build();
	}

}

package dev.asyncz.store.mongodb;

import java.time.Duration;

import dev.asyncz.AsynczException;
import dev.asyncz.store.WriteFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MongoTaskStoreSettingsTests {

	@Test
	void defaultsUseTheAsynczTasksCollection() {
		MongoTaskStoreSettings defaults = MongoTaskStoreSettings.defaults();
		assertThat(defaults.collection()).isEqualTo("asyncz_tasks");
		assertThat(defaults.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.claimBatchSize()).isEqualTo(100);
		assertThat(defaults.changeStreams()).isEqualTo(MongoTaskStoreSettings.ChangeStreams.AUTO);
		assertThat(defaults.writeFormat()).isEqualTo(WriteFormat.COMPACT);
	}

	@Test
	void copiesChangeOneValue() {
		MongoTaskStoreSettings changed = MongoTaskStoreSettings.defaults()
			.withCollection("jobs")
			.withLeaseDuration(Duration.ofSeconds(5))
			.withPollInterval(Duration.ofSeconds(1))
			.withClaimBatchSize(10)
			.withChangeStreams(MongoTaskStoreSettings.ChangeStreams.OFF)
			.withWriteFormat(WriteFormat.FULL);
		assertThat(changed).isEqualTo(new MongoTaskStoreSettings("jobs", Duration.ofSeconds(5), Duration.ofSeconds(1),
				10, MongoTaskStoreSettings.ChangeStreams.OFF, WriteFormat.FULL));
	}

	@Test
	void collectionNamesMongoDbRefusesAreRefusedNamingTheValue() {
		for (String bad : new String[] { "", " ", "tasks$", "system.tasks" }) {
			assertThatExceptionOfType(AsynczException.class)
				.isThrownBy(() -> MongoTaskStoreSettings.defaults().withCollection(bad))
				.withMessageContaining("collection")
				.withMessageContaining("'" + bad + "'");
		}
	}

	@Test
	void nonPositiveDurationsAreRefusedNamingTheValue() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> MongoTaskStoreSettings.defaults().withPollInterval(Duration.ZERO))
			.withMessage("pollInterval must be positive, was PT0S");
	}

	@Test
	void claimBatchSizeBelowOneIsRefusedNamingTheValue() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> MongoTaskStoreSettings.defaults().withClaimBatchSize(0))
			.withMessage("claimBatchSize must be at least 1, was 0");
	}

}

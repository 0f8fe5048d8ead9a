package dev.asyncz.store.redis;

import java.time.Duration;

import dev.asyncz.AsynczException;
import dev.asyncz.store.WriteFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisTaskStoreSettingsTests {

	@Test
	void defaultsUseTheAsynczPrefix() {
		RedisTaskStoreSettings defaults = RedisTaskStoreSettings.defaults();
		assertThat(defaults.keyPrefix()).isEqualTo("asyncz:");
		assertThat(defaults.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.batchSize()).isEqualTo(100);
		assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.writeFormat()).isEqualTo(WriteFormat.COMPACT);
	}

	@Test
	void copiesChangeOneValue() {
		RedisTaskStoreSettings changed = RedisTaskStoreSettings.defaults()
			.withKeyPrefix("app:")
			.withLeaseDuration(Duration.ofSeconds(5))
			.withBatchSize(10)
			.withPollInterval(Duration.ofSeconds(1))
			.withCommandTimeout(Duration.ofSeconds(2))
			.withWriteFormat(WriteFormat.FULL);
		assertThat(changed).isEqualTo(new RedisTaskStoreSettings("app:", Duration.ofSeconds(5), 10,
				Duration.ofSeconds(1), Duration.ofSeconds(2), WriteFormat.FULL));
	}

	@Test
	void emptyKeyPrefixIsRefused() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> RedisTaskStoreSettings.defaults().withKeyPrefix(""))
			.withMessageContaining("keyPrefix");
	}

	@Test
	void nonPositiveDurationsAreRefusedNamingTheValue() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> RedisTaskStoreSettings.defaults().withLeaseDuration(Duration.ZERO))
			.withMessage("leaseDuration must be positive, was PT0S");
	}

	@Test
	void batchSizeBelowOneIsRefusedNamingTheValue() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> RedisTaskStoreSettings.defaults().withBatchSize(0))
			.withMessage("batchSize must be at least 1, was 0");
	}

}

package dev.asyncz.autoconfigure.redis;

import dev.asyncz.store.redis.RedisTaskStoreSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisStorePropertiesTests {

	private final RedisStoreProperties properties = new RedisStoreProperties();

	@Test
	void keyPrefixDefaultIsTheStoresDefault() {
		assertThat(this.properties.getKeyPrefix()).isEqualTo(RedisTaskStoreSettings.defaults().keyPrefix());
	}

	@Test
	void writeFormatDefaultIsTheStoresDefault() {
		assertThat(this.properties.getWriteFormat()).isEqualTo(RedisTaskStoreSettings.defaults().writeFormat());
	}

	@Test
	void partitionsDefaultToOneWhichKeepsTheSingleSlotLayout() {
		assertThat(this.properties.getPartitions()).isOne();
	}

	@Test
	void urlLeaseTimeAndPollIntervalDefaultToUnsetSoTheApplicationsConnectionAndTheStoresDefaultsApply() {
		assertThat(this.properties.getUrl()).isNull();
		assertThat(this.properties.getLeaseTime()).isNull();
		assertThat(this.properties.getPollInterval()).isNull();
	}

}

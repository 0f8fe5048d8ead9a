package dev.asyncz.store.redis.internal;

import dev.asyncz.AsynczException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PartitionLayoutTests {

	@Test
	void aSinglePartitionKeepsTheKeysOfTheKeyPrefix() {
		PartitionLayout layout = new PartitionLayout("asyncz:", 1);
		assertThat(layout.prefix(0)).isEqualTo("asyncz:");
		assertThat(layout.partitionOf("any-id")).isZero();
		assertThat(layout.recordKey()).isEqualTo("asyncz:partitions");
	}

	@Test
	void eachOfSeveralPartitionsHasAHashTagOfItsOwn() {
		PartitionLayout layout = new PartitionLayout("asyncz:", 3);
		assertThat(layout.prefix(0)).isEqualTo("{asyncz:0}:");
		assertThat(layout.prefix(2)).isEqualTo("{asyncz:2}:");
	}

	@Test
	void theHashTagOfAKeyPrefixGivesWayToThoseOfThePartitionsAndKeepsTheRecord() {
		PartitionLayout tagged = new PartitionLayout("{asyncz}:", 3);
		assertThat(tagged.prefix(1)).isEqualTo("{asyncz:1}:");
		assertThat(tagged.recordKey()).isEqualTo("asyncz:partitions");
		assertThat(new PartitionLayout("{asyncz}:", 1).recordKey()).isEqualTo(tagged.recordKey());
	}

	@Test
	void thePartitionOfAnIdIsItsCrc32ModuloTheCountForever() {
		// Stored tasks are looked for where these say: the values must never change.
		PartitionLayout three = new PartitionLayout("asyncz:", 3);
		PartitionLayout seven = new PartitionLayout("asyncz:", 7);
		assertThat(three.partitionOf("task-1")).isEqualTo(1);
		assertThat(seven.partitionOf("task-1")).isEqualTo(6);
		assertThat(three.partitionOf("a")).isZero();
		assertThat(seven.partitionOf("newsletter")).isEqualTo(4);
		assertThat(three.partitionOf("{weird}id")).isEqualTo(2);
	}

	@Test
	void aCountOutOfRangeIsRefusedNamingTheRange() {
		assertThatExceptionOfType(AsynczException.class).isThrownBy(() -> new PartitionLayout("asyncz:", 0))
			.withMessage("partitions must be between 1 and 64, was 0");
		assertThatExceptionOfType(AsynczException.class).isThrownBy(() -> new PartitionLayout("asyncz:", 65))
			.withMessage("partitions must be between 1 and 64, was 65");
	}

}

package dev.asyncz.store.redis;

import java.util.List;
import java.util.stream.IntStream;

import dev.asyncz.store.redis.internal.PartitionLayout;

/**
 * The store contract over a store spread over partitions: where each partition keeps its
 * tasks, for the tests that look at the keys themselves.
 */
abstract class PartitionedRedisTaskStoreContractTests extends RedisTaskStoreContractTests {

	/**
	 * How many partitions the store has.
	 * @return the count
	 */
	protected abstract int partitions();

	@Override
	protected List<String> taskPrefixes() {
		PartitionLayout layout = layout();
		return IntStream.range(0, layout.partitions()).mapToObj(layout::prefix).toList();
	}

	@Override
	protected String taskPrefix(String id) {
		PartitionLayout layout = layout();
		return layout.prefix(layout.partitionOf(id));
	}

	private PartitionLayout layout() {
		return new PartitionLayout(prefix(), partitions());
	}

}

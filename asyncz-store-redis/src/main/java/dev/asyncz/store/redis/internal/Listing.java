package dev.asyncz.store.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * Walks a store's task ids in listing order, a page at a time: scheduled tasks by next
 * run time (claimed ones merged in at the run time they were claimed for), then the tasks
 * without a next run time (paused or failed) by id. Ties in the same microsecond order by
 * id, as Redis orders equal scores.
 *
 * <p>
 * An unfiltered walk skips its offset on the server where it can (no claims outstanding);
 * a filtered one has to read every task up to the end of the page, so its cost grows with
 * the offset and with how few tasks match.
 */
public final class Listing {

	private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::runScore)
		.thenComparing(Entry::id, Listing::compareBytes);

	private final RedisClusterCommands<String, String> commands;

	private final RedisKeys keys;

	private final int pageSize;

	/**
	 * A walk over one store.
	 * @param commands the connection
	 * @param keys the store's keys
	 * @param pageSize ids fetched per round trip
	 */
	public Listing(RedisClusterCommands<String, String> commands, RedisKeys keys, int pageSize) {
		this.commands = commands;
		this.keys = keys;
		this.pageSize = pageSize;
	}

	/**
	 * Feeds the scheduled task ids to {@code selection}.
	 * @param selection receives the pages
	 * @return whether the selection wants more (paused tasks come next)
	 */
	public boolean scheduled(Selection selection) {
		List<Entry> claimed = claimed();
		long index = 0;
		if (claimed.isEmpty() && selection.skippable() > 0) {
			index = Math.min(selection.skippable(), this.commands.zcard(this.keys.due()));
			selection.skipped(index);
		}
		int next = 0;
		while (true) {
			List<ScoredValue<String>> page = this.commands.zrangeWithScores(this.keys.due(), index,
					index + this.pageSize - 1);
			index += page.size();
			boolean last = page.size() < this.pageSize;
			List<String> ids = new ArrayList<>(page.size());
			for (ScoredValue<String> value : page) {
				Entry entry = new Entry(value.getValue(), value.getScore());
				while (next < claimed.size() && ORDER.compare(claimed.get(next), entry) < 0) {
					ids.add(claimed.get(next++).id());
				}
				ids.add(entry.id());
			}
			while (last && next < claimed.size()) {
				ids.add(claimed.get(next++).id());
			}
			if (!ids.isEmpty() && !selection.accept(ids)) {
				return false;
			}
			if (last) {
				return true;
			}
		}
	}

	/**
	 * Feeds the ids of tasks without a next run time, paused or failed, to
	 * {@code selection}.
	 * @param selection receives the pages
	 */
	public void paused(Selection selection) {
		long index = selection.skippable();
		selection.skipped(index);
		while (true) {
			List<String> ids = this.commands.zrange(this.keys.paused(), index, index + this.pageSize - 1);
			index += ids.size();
			if ((!ids.isEmpty() && !selection.accept(ids)) || ids.size() < this.pageSize) {
				return;
			}
		}
	}

	private List<Entry> claimed() {
		Map<String, String> info = this.commands.hgetall(this.keys.claimInfo());
		List<Entry> entries = new ArrayList<>(info.size());
		info.forEach((id, value) -> entries.add(new Entry(id, ClaimInfo.parse(value).runScore())));
		entries.sort(ORDER);
		return entries;
	}

	private static int compareBytes(String left, String right) {
		return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
	}

	private record Entry(String id, double runScore) {

	}

	/**
	 * What a walk feeds: decides how much may be skipped unread and takes pages of ids.
	 */
	public interface Selection {

		/**
		 * How many of the next ids may be skipped without reading them.
		 * @return the count; zero when a filter has to see every task
		 */
		long skippable();

		/**
		 * Tells the selection that {@code count} ids were skipped unread.
		 * @param count how many
		 */
		void skipped(long count);

		/**
		 * Takes the next ids in order.
		 * @param ids the ids
		 * @return whether more ids are wanted
		 */
		boolean accept(List<String> ids);

	}

}

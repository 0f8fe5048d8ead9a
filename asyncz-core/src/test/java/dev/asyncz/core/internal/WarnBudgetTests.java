package dev.asyncz.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of warnings is cut to a few lines per window, and the rest are counted.
 */
class WarnBudgetTests {

	private final AtomicLong nanos = new AtomicLong();

	private final WarnBudget budget = new WarnBudget(LoggerFactory.getLogger(WarnBudgetTests.class), 3,
			Duration.ofSeconds(10), "test lines", this.nanos::get);

	@Test
	void theFirstLinesOfAWindowAreWrittenAndTheRestCounted() {
		assertThat(allowed(5)).isEqualTo(3);
		assertThat(this.budget.leftOut()).isEqualTo(2);
	}

	@Test
	void aNewWindowWritesAgainAndStartsCountingAfresh() {
		allowed(5);
		this.nanos.addAndGet(Duration.ofSeconds(10).toNanos());
		assertThat(allowed(4)).isEqualTo(3);
		assertThat(this.budget.leftOut()).isEqualTo(1);
	}

	@Test
	void withinTheWindowNothingMoreIsWritten() {
		allowed(3);
		this.nanos.addAndGet(Duration.ofSeconds(9).toNanos());
		assertThat(allowed(1)).isZero();
	}

	private int allowed(int lines) {
		int allowed = 0;
		for (int i = 0; i < lines; i++) {
			if (this.budget.allow()) {
				allowed++;
			}
		}
		return allowed;
	}

}

package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TriggerPreviewTests {

	private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

	@Test
	void previewListsTheNextFireTimesFromAnInstantIncludingIt() {
		CronTrigger trigger = Triggers.cron("0 8 * * mon-fri", ZoneOffset.UTC);
		assertThat(trigger.nextFireTimes(Instant.parse("2024-01-05T08:00:00Z"), 3)).containsExactly(
				Instant.parse("2024-01-05T08:00:00Z"), Instant.parse("2024-01-08T08:00:00Z"),
				Instant.parse("2024-01-09T08:00:00Z"));
	}

	@Test
	void previewChangesNothing() {
		CronTrigger trigger = Triggers.cron("0 8 * * *", ZoneOffset.UTC);
		CronTrigger copy = Triggers.cron("0 8 * * *", ZoneOffset.UTC);
		assertThat(trigger.nextFireTimes(MONDAY, 5)).isEqualTo(trigger.nextFireTimes(MONDAY, 5));
		assertThat(trigger).isEqualTo(copy);
		assertThat(trigger.nextFireTimeAfter(MONDAY)).contains(Instant.parse("2024-01-01T08:00:00Z"));
	}

	@Test
	void previewEndsWhenTheTriggerFinishes() {
		IntervalTrigger trigger = Triggers.every(Duration.ofHours(1))
			.startingAt(MONDAY)
			.endingAt(MONDAY.plus(Duration.ofHours(2)));
		assertThat(trigger.nextFireTimes(MONDAY, 10)).containsExactly(MONDAY, MONDAY.plus(Duration.ofHours(1)),
				MONDAY.plus(Duration.ofHours(2)));
	}

	@Test
	void previewOfADateTriggerListsItsDateOnlyWhenItIsStillAhead() {
		DateTrigger trigger = Triggers.at(MONDAY);
		assertThat(trigger.nextFireTimes(MONDAY.minusSeconds(1), 5)).containsExactly(MONDAY);
		assertThat(trigger.nextFireTimes(MONDAY.plusSeconds(1), 5)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101, Integer.MAX_VALUE })
	void previewCountOutsideOneToAHundredIsRejected(int count) {
		CronTrigger trigger = Triggers.cron("0 8 * * *", ZoneOffset.UTC);
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> trigger.nextFireTimes(MONDAY, count))
			.withMessageContaining("preview: count " + count + " is out of range 1-100");
	}

	@Test
	void previewOfAHundredIsAccepted() {
		assertThat(Triggers.every(Duration.ofMinutes(1)).startingAt(MONDAY).nextFireTimes(MONDAY, 100)).hasSize(100);
	}

	@Test
	void previewOfTriggersThatNeverAgreeEndsAfterABoundedSearch() {
		AndTrigger never = Triggers.and(Triggers.cron("0 * * * *", ZoneOffset.UTC),
				Triggers.cron("30 * * * *", ZoneOffset.UTC));
		assertThat(never.nextFireTimes(MONDAY, 100)).isEmpty();
	}

	@Test
	void previewStopsWhenATriggerDoesNotMoveForward() {
		Trigger stuck = new Trigger() {

			@Override
			public Optional<Instant> firstFireTime(Instant now) {
				return Optional.of(now);
			}

			@Override
			public Optional<Instant> nextFireTimeAfter(Instant previous) {
				return Optional.of(previous);
			}

			@Override
			public String describe() {
				return "stuck";
			}

		};
		assertThat(stuck.nextFireTimes(MONDAY, 100)).containsExactly(MONDAY);
	}

}

package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompositeTriggerTests {

	private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

	@Test
	void andFiresOnlyWhenAllTriggersAgree() {
		AndTrigger trigger = Triggers.and(Triggers.cron("0 * * * *", ZoneOffset.UTC),
				Triggers.cron("0 0-23/5 * * mon", ZoneOffset.UTC));
		assertThat(FireTimes.following(trigger, MONDAY, 3)).containsExactly(Instant.parse("2024-01-01T05:00:00Z"),
				Instant.parse("2024-01-01T10:00:00Z"), Instant.parse("2024-01-01T15:00:00Z"));
	}

	@Test
	void andOfAnIntervalAndACronFindsTheirCommonTimes() {
		AndTrigger trigger = Triggers.and(Triggers.every(Duration.ofMinutes(40)).startingAt(MONDAY),
				Triggers.cron("0 * * * *", ZoneOffset.UTC));
		assertThat(trigger.firstFireTime(MONDAY)).contains(MONDAY);
		assertThat(trigger.nextFireTimeAfter(MONDAY)).contains(Instant.parse("2024-01-01T02:00:00Z"));
	}

	@Test
	void andFinishesWhenAnyTriggerFinishes() {
		AndTrigger trigger = Triggers.and(Triggers.cron("0 * * * *", ZoneOffset.UTC),
				Triggers.at(Instant.parse("2024-01-01T03:00:00Z")));
		assertThat(trigger.nextFireTimeAfter(MONDAY)).contains(Instant.parse("2024-01-01T03:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-01T03:00:00Z"))).isEmpty();
	}

	@Test
	void andGivesUpAfterItsRoundLimitWhenTriggersNeverAgree() {
		AndTrigger trigger = Triggers.and(Triggers.cron("0 * * * *", ZoneOffset.UTC),
				Triggers.cron("30 * * * *", ZoneOffset.UTC));
		assertThat(trigger.nextFireTimeAfter(MONDAY)).isEmpty();
	}

	@Test
	void orFiresWhenAnyTriggerFires() {
		OrTrigger trigger = Triggers.or(Triggers.cron("0 8 * * *", ZoneOffset.UTC),
				Triggers.cron("0 20 * * *", ZoneOffset.UTC));
		assertThat(FireTimes.following(trigger, MONDAY, 3)).containsExactly(Instant.parse("2024-01-01T08:00:00Z"),
				Instant.parse("2024-01-01T20:00:00Z"), Instant.parse("2024-01-02T08:00:00Z"));
	}

	@Test
	void orFiresOnceWhenTriggersCoincide() {
		OrTrigger trigger = Triggers.or(Triggers.cron("0 * * * *", ZoneOffset.UTC),
				Triggers.cron("0 */2 * * *", ZoneOffset.UTC));
		assertThat(FireTimes.following(trigger, MONDAY, 2)).containsExactly(Instant.parse("2024-01-01T01:00:00Z"),
				Instant.parse("2024-01-01T02:00:00Z"));
	}

	@Test
	void orFinishesWhenAllTriggersHaveFinished() {
		OrTrigger trigger = Triggers.or(Triggers.at(Instant.parse("2024-01-01T01:00:00Z")),
				Triggers.at(Instant.parse("2024-01-01T02:00:00Z")));
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-01T01:00:00Z")))
			.contains(Instant.parse("2024-01-01T02:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-01T02:00:00Z"))).isEmpty();
	}

	@Test
	void compositesNeedAtLeastTwoTriggers() {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> Triggers.and(Triggers.at(MONDAY)))
			.withMessage("and: needs at least two triggers, got 1");
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> new OrTrigger(List.of()))
			.withMessage("or: needs at least two triggers, got 0");
	}

	@Test
	void compositeWithAZonelessChildHasNoZoneUntilGivenOne() {
		OrTrigger trigger = Triggers.or(Triggers.cron("0 8 * * *"),
				Triggers.cron("0 9 * * *", ZoneId.of("Asia/Tokyo")));
		assertThat(trigger.zone()).isNull();
		OrTrigger zoned = trigger.inZone(ZoneId.of("Europe/Paris"));
		assertThat(zoned.triggers()).extracting((child) -> ((ZonedTrigger) child).zone())
			.containsExactly(ZoneId.of("Europe/Paris"), ZoneId.of("Asia/Tokyo"));
		assertThat(zoned.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@Test
	void defaultZoneReachesNestedComposites() {
		AndTrigger trigger = Triggers.and(Triggers.or(Triggers.cron("0 8 * * *"), Triggers.at(MONDAY)),
				Triggers.every(Duration.ofHours(1)));
		AndTrigger zoned = trigger.inZone(ZoneId.of("Europe/Paris"));
		OrTrigger inner = (OrTrigger) zoned.triggers().get(0);
		assertThat(((CronTrigger) inner.triggers().get(0)).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(((IntervalTrigger) zoned.triggers().get(1)).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@Test
	void describesItsChildren() {
		assertThat(
				Triggers.or(Triggers.every(Duration.ofMinutes(10)), Triggers.at(Instant.parse("2027-03-01T08:00:00Z")))
					.describe())
			.isEqualTo("any of [every 10 minutes, once at 2027-03-01T08:00:00Z]");
		assertThat(Triggers.and(Triggers.every(Duration.ofHours(1)), Triggers.cron("0 * * * mon")).describe())
			.isEqualTo("all of [every 1 hour, cron '0 * * * mon']");
	}

}

package dev.asyncz.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring dialect fires when Spring's own {@code CronExpression} does, fire time for
 * fire time, around every daylight-saving change of 2024 in zones with one-hour,
 * half-hour and midnight changes.
 */
class SpringCronFidelityTests {

	private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Australia/Sydney",
			"Australia/Lord_Howe", "America/Santiago");

	private static final List<String> EXPRESSIONS = List.of("0 30 2 * * *", "0 30 1 * * *", "0 45 1 * * *",
			"0 15 2,3 * * *", "0 */15 * * * *", "0 */10 * * * *", "0 0 * * * *", "*/20 * 0-3 * * *", "0 0 0 * * *",
			"0 30 0 * * *", "0 30 23 * * *", "0 45 1,2 * * MON-FRI", "0 0 2 L * *", "@hourly");

	static Stream<Arguments> aroundEveryChange() {
		List<Arguments> cases = new ArrayList<>();
		for (String zone : ZONES) {
			ZoneOffsetTransition transition = ZoneId.of(zone)
				.getRules()
				.nextTransition(Instant.parse("2024-01-01T00:00:00Z"));
			while (transition.getInstant().isBefore(Instant.parse("2025-01-01T00:00:00Z"))) {
				for (String expression : EXPRESSIONS) {
					cases.add(Arguments.of(zone, expression, transition.getInstant().minusSeconds(5 * 3600)));
				}
				transition = ZoneId.of(zone).getRules().nextTransition(transition.getInstant());
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} ''{1}'' from {2}")
	@MethodSource("aroundEveryChange")
	void springDialectFiresWhenSpringsCronExpressionDoes(String zone, String expression, Instant from) {
		CronExpression spring = CronExpression.parse(expression);
		List<Instant> expected = new ArrayList<>();
		ZonedDateTime time = from.minusNanos(1).atZone(ZoneId.of(zone));
		while (expected.size() < Trigger.MAX_PREVIEW) {
			ZonedDateTime next = spring.next(time);
			if (!next.isAfter(time)) {
				// Spring stalls here (see the test below); compare up to that point
				break;
			}
			time = next;
			expected.add(time.toInstant());
		}
		CronTrigger trigger = Triggers.cron(CronDialect.SPRING, expression, ZoneId.of(zone));
		List<Instant> actual = trigger.nextFireTimes(from, Trigger.MAX_PREVIEW);
		assertThat(actual).hasSize(Trigger.MAX_PREVIEW).isSorted().doesNotHaveDuplicates();
		assertThat(actual.subList(0, expected.size())).isEqualTo(expected);
	}

	@Test
	void springDialectMovesOnWhereSpringsCronExpressionWouldRepeatATime() {
		// Lord Howe falls back from 02:00 +11:00 to 01:30 +10:30 on 2024-04-07. After
		// 01:00 +11:00 Spring answers 01:00 +11:00 again, which would run the task over
		// and over; the next wall time that exists, 02:00 +10:30, runs instead.
		ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
		Instant one = Instant.parse("2024-04-06T14:00:00Z");
		assertThat(CronExpression.parse("0 0 * * * *").next(one.atZone(lordHowe)).toInstant()).isEqualTo(one);
		assertThat(Triggers.cron("0 0 * * * *", lordHowe).nextFireTimeAfter(one))
			.contains(Instant.parse("2024-04-06T15:30:00Z"));
	}

}

package dev.asyncz.trigger;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quartz dialect fires when Quartz's own {@code CronExpression} does, fire time for
 * fire time, around every daylight-saving change of 2024 in zones with one-hour,
 * half-hour and midnight changes, and for the day-of-month forms only Quartz has.
 */
class QuartzCronFidelityTests {

	private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Australia/Sydney",
			"Australia/Lord_Howe", "America/Santiago");

	private static final List<String> EXPRESSIONS = List.of("0 30 2 * * ?", "0 30 1 * * ?", "0 45 1 * * ?",
			"0 15 2,3 * * ?", "0 */15 * * * ?", "0 */10 * * * ?", "0 0 * * * ?", "*/20 * 0-3 * * ?", "0 0 0 * * ?",
			"0 30 0 * * ?", "0 30 23 * * ?", "0 45 1,2 ? * MON-FRI", "0 0 2 L * ?", "0 0/59 * * * ?");

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
	void quartzDialectFiresWhenQuartzsCronExpressionDoes(String zone, String expression, Instant from)
			throws ParseException {
		assertThat(
				Triggers.cron(CronDialect.QUARTZ, expression, ZoneId.of(zone)).nextFireTimes(from, Trigger.MAX_PREVIEW))
			.isEqualTo(quartz(expression, zone, from));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 12 L-3W * ?", "0 0 12 L-0W * ?", "0 0 12 L-30W * ?", "0 0 12 LW * ?",
			"0 0 12 L-3 * ?", "0 0 12 1W * ?", "0 0 12 31W * ?", "0 0 12 15W * ?", "0 0 12 ? * 6L", "0 0 12 ? * 2#5" })
	void quartzDayFormsFireWhenQuartzsDo(String expression) throws ParseException {
		Instant from = Instant.parse("2024-01-01T00:00:00Z");
		assertThat(Triggers.cron(CronDialect.QUARTZ, expression, ZoneId.of("UTC")).nextFireTimes(from, 60))
			.isEqualTo(quartz(expression, "UTC", from).subList(0, 60));
	}

	private static List<Instant> quartz(String expression, String zone, Instant from) throws ParseException {
		CronExpression quartz = new CronExpression(expression);
		quartz.setTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)));
		List<Instant> times = new ArrayList<>();
		Date time = Date.from(from.minusMillis(1));
		while (times.size() < Trigger.MAX_PREVIEW) {
			time = quartz.getTimeAfter(time);
			times.add(time.toInstant());
		}
		return times;
	}

}

package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntervalTriggerTests {

	private static final Instant START = Instant.parse("2027-03-01T08:00:00Z");

	private final IntervalTrigger tenMinutes = Triggers.every(Duration.ofMinutes(10)).startingAt(START);

	@Test
	void withoutStartFirstFiresOneIntervalAfterNow() {
		Instant now = Instant.parse("2027-01-01T00:00:00Z");
		assertThat(Triggers.every(Duration.ofMinutes(10)).firstFireTime(now)).contains(now.plusSeconds(600));
	}

	@Test
	void withoutStartFiresOneIntervalAfterThePrevious() {
		Instant previous = Instant.parse("2027-01-01T00:07:00Z");
		assertThat(Triggers.every(Duration.ofMinutes(10)).nextFireTimeAfter(previous))
			.contains(previous.plusSeconds(600));
	}

	@Test
	void futureStartIsTheFirstFireTime() {
		assertThat(this.tenMinutes.firstFireTime(START.minusSeconds(3600))).contains(START);
	}

	@Test
	void startEqualToNowIsTheFirstFireTime() {
		assertThat(this.tenMinutes.firstFireTime(START)).contains(START);
	}

	@ParameterizedTest
	@CsvSource({ "2027-03-01T08:00:00Z, 2027-03-01T08:00:00Z", "2027-03-01T08:00:01Z, 2027-03-01T08:10:00Z",
			"2027-03-01T08:09:59.999999999Z, 2027-03-01T08:10:00Z", "2027-03-01T08:10:00Z, 2027-03-01T08:10:00Z" })
	void firstFireTimeAfterStartIsTheNextGridPointAtOrAfterNow(Instant now, Instant expected) {
		assertThat(this.tenMinutes.firstFireTime(now)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2027-03-01T08:00:00Z, 2027-03-01T08:10:00Z", "2027-03-01T08:03:17Z, 2027-03-01T08:10:00Z",
			"2027-03-01T08:09:59Z, 2027-03-01T08:10:00Z", "2027-02-01T00:00:00Z, 2027-03-01T08:00:00Z" })
	void nextFireTimeIsTheNextGridPointStrictlyAfterThePrevious(Instant previous, Instant expected) {
		assertThat(this.tenMinutes.nextFireTimeAfter(previous)).contains(expected);
	}

	@Test
	void taskMissedForThreeHundredYearsGetsItsNextGridPointAtOnce() {
		IntervalTrigger trigger = Triggers.every(Duration.ofSeconds(7))
			.startingAt(Instant.parse("1900-01-01T00:00:00Z"));
		Instant now = Instant.parse("2200-06-15T12:34:56.5Z");
		Instant next = trigger.nextFireTimeAfter(now).orElseThrow();
		assertThat(next).isAfter(now);
		assertThat(Duration.between(now, next)).isLessThanOrEqualTo(Duration.ofSeconds(7));
		assertThat(Duration.between(Instant.parse("1900-01-01T00:00:00Z"), next).getSeconds() % 7).isZero();
	}

	@Test
	void oneDayIntervalIsTwentyFourHoursOfElapsedTimeAcrossDaylightSaving() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		Instant beforeChange = Instant.parse("2027-03-27T07:00:00Z");
		IntervalTrigger daily = Triggers.every(Duration.ofDays(1)).startingAt(beforeChange).inZone(paris);
		assertThat(daily.nextFireTimeAfter(beforeChange)).contains(Instant.parse("2027-03-28T07:00:00Z"));
	}

	@Test
	void neverFiresAfterTheEnd() {
		IntervalTrigger trigger = this.tenMinutes.endingAt(START.plusSeconds(1200));
		assertThat(trigger.nextFireTimeAfter(START.plusSeconds(600))).contains(START.plusSeconds(1200));
		assertThat(trigger.nextFireTimeAfter(START.plusSeconds(1200))).isEmpty();
		assertThat(trigger.firstFireTime(START.plusSeconds(1201))).isEmpty();
	}

	@Test
	void weeksDaysHoursMinutesAndSecondsAddUp() {
		assertThat(Triggers.every(1, 2, 3, 4, 5).interval())
			.isEqualTo(Duration.ofDays(9).plusHours(3).plusMinutes(4).plusSeconds(5));
	}

	@ParameterizedTest
	@CsvSource({ "PT0S", "-PT1M" })
	void intervalMustBePositive(Duration interval) {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> Triggers.every(interval))
			.withMessageContaining("interval")
			.withMessageContaining(interval.toString());
	}

	@Test
	void endBeforeStartIsRejected() {
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> this.tenMinutes.endingAt(START.minusSeconds(1)))
			.withMessageContaining("end")
			.withMessageContaining("before start");
	}

	@Test
	void negativeJitterIsRejected() {
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> this.tenMinutes.withJitter(Duration.ofSeconds(-1)))
			.withMessageContaining("jitter: PT-1S");
	}

	@Test
	void jitteredFireTimesStayWithinTheJitterOfTheGrid() {
		IntervalTrigger trigger = this.tenMinutes.withJitter(Duration.ofSeconds(30));
		for (int i = 0; i < 1000; i++) {
			assertThat(trigger.nextFireTimeAfter(START.plusSeconds(1)).orElseThrow()).isBetween(START.plusSeconds(600),
					START.plusSeconds(630));
		}
	}

	@Test
	void jitterDoesNotDriftBecauseTheNextFireTimeComesFromTheGrid() {
		IntervalTrigger trigger = this.tenMinutes.withJitter(Duration.ofSeconds(30));
		Instant fire = trigger.firstFireTime(START).orElseThrow();
		for (int n = 1; n <= 1000; n++) {
			fire = trigger.nextFireTimeAfter(fire).orElseThrow();
			Instant grid = START.plus(Duration.ofMinutes(10L * n));
			assertThat(fire).isBetween(grid, grid.plusSeconds(30));
		}
	}

	@RepeatedTest(20)
	void jitterNeverPushesAFireTimePastTheEnd() {
		IntervalTrigger trigger = this.tenMinutes.endingAt(START.plusSeconds(605)).withJitter(Duration.ofMinutes(5));
		for (int i = 0; i < 50; i++) {
			assertThat(trigger.nextFireTimeAfter(START).orElseThrow()).isBetween(START.plusSeconds(600),
					START.plusSeconds(605));
		}
	}

	@Test
	void jitterNeverReturnsATimeAtOrBeforeThePrevious() {
		IntervalTrigger trigger = this.tenMinutes.withJitter(Duration.ofMinutes(9));
		Instant previous = START.plusSeconds(600 + 8 * 60);
		for (int i = 0; i < 1000; i++) {
			assertThat(trigger.nextFireTimeAfter(previous).orElseThrow()).isAfter(previous);
		}
	}

	@Test
	void inZoneKeepsFireTimesAndRecordsTheZone() {
		IntervalTrigger zoned = this.tenMinutes.inZone(ZoneId.of("Europe/Paris"));
		assertThat(zoned.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(zoned.nextFireTimeAfter(START)).isEqualTo(this.tenMinutes.nextFireTimeAfter(START));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "PT10M | every 10 minutes", "PT1H30M | every 1 hour 30 minutes",
			"P14D | every 2 weeks", "PT1S | every 1 second", "P1DT0.5S | every 1 day 500 ms" })
	void describesTheIntervalInWords(Duration interval, String expected) {
		assertThat(Triggers.every(interval).describe()).isEqualTo(expected);
	}

	@Test
	void describesStartEndAndJitterInItsZone() {
		assertThat(this.tenMinutes.endingAt(START.plusSeconds(3600))
			.withJitter(Duration.ofSeconds(30))
			.inZone(ZoneId.of("Europe/Paris"))
			.describe()).isEqualTo(
					"every 10 minutes from 2027-03-01T09:00+01:00 until 2027-03-01T10:00+01:00 with up to 30 seconds jitter");
	}

	@Test
	void intervalShorterThanAMillisecondIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> Triggers.every(Duration.ofNanos(1)))
			.withMessageStartingWith("interval: PT0.000000001S is shorter than the shortest interval");
	}

	@Test
	void intervalLongerThanACenturyIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> Triggers.every(Duration.ofSeconds(Long.MAX_VALUE)))
			.withMessageStartingWith("interval: ")
			.withMessageContaining("longer than the longest interval");
	}

	@Test
	void oneShotOutsideWhatStoresCanHoldIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> Triggers.at(Instant.MAX))
			.withMessageStartingWith("runAt: +1000000000-12-31T23:59:59.999999999Z is outside");
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> Triggers.at(Instant.EPOCH.minusSeconds(40_000_000_000L)));
	}

}

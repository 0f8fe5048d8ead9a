package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.asyncz.store.TaskCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TriggerJsonTests {

	private static final Instant START = Instant.parse("2027-03-01T08:00:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final TriggerJson json = new TriggerJson();

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Trigger> everyTriggerType() {
		return Stream.of(Triggers.at(START), Triggers.every(Duration.ofMinutes(10)),
				Triggers.every(Duration.ofHours(1))
					.startingAt(START)
					.endingAt(START.plus(Duration.ofDays(30)))
					.withJitter(Duration.ofSeconds(30))
					.inZone(PARIS),
				Triggers.cron("0 8 * * mon-fri"), Triggers.cron("30 0 8 * * *", PARIS),
				Triggers.cron(CronDialect.QUARTZ, "0 0 12 ? * 1 2027-2030", PARIS)
					.startingAt(START)
					.endingAt(START.plus(Duration.ofDays(365)))
					.withJitter(Duration.ofMinutes(2))
					.withDstPolicy(DstGapPolicy.SKIP, DstOverlapPolicy.BOTH),
				Triggers.cronFields().dayOfWeek("mon-fri").hour("8").day("last fri").build(),
				Triggers.cronFields()
					.year("2027")
					.week("10")
					.zone(PARIS)
					.startDate(START)
					.endDate(START.plus(Duration.ofDays(1)))
					.jitter(Duration.ofSeconds(5))
					.dstPolicy(DstGapPolicy.SKIP, DstOverlapPolicy.FIRST)
					.build(),
				Triggers.and(Triggers.every(Duration.ofMinutes(30)).startingAt(START), Triggers.cron("0 * * * *")),
				Triggers.or(Triggers.at(START),
						Triggers.and(Triggers.cron("0 8 * * *"), Triggers.cron("0 * * * mon"))));
	}

	@ParameterizedTest
	@MethodSource("everyTriggerType")
	void everyTriggerTypeSurvivesARoundTrip(Trigger trigger) {
		String text = this.json.toJson(trigger).toString();
		Trigger read = this.json.fromJson(this.mapper.readTree(text));
		assertThat(read).isEqualTo(trigger);
		assertThat(read.describe()).isEqualTo(trigger.describe());
		assertThat(read.nextFireTimeAfter(START).isPresent()).isEqualTo(trigger.nextFireTimeAfter(START).isPresent());
	}

	@Test
	void cronIsWrittenWithItsDialectExpressionAndPolicies() {
		assertThat(this.json.toJson(Triggers.cron("0 8 * * mon-fri", PARIS)).toString()).isEqualTo(
				"{\"type\":\"cron\",\"dialect\":\"CRONTAB\",\"expression\":\"0 8 * * mon-fri\",\"zone\":\"Europe/Paris\","
						+ "\"gapPolicy\":\"SHIFT_BY_GAP_LENGTH\",\"overlapPolicy\":\"BOTH\"}");
	}

	@ParameterizedTest
	@CsvSource({ "RUN_AT_END_OF_GAP, FIRST", "SKIP, BOTH", "SHIFT_BY_GAP_LENGTH, SECOND", "SKIP, SECOND" })
	void storedCronKeepsThePoliciesItWasStoredWith(DstGapPolicy gap, DstOverlapPolicy overlap) {
		for (CronTrigger trigger : List.of(Triggers.cron("30 2 * * *", PARIS).withDstPolicy(gap, overlap),
				Triggers.cron("0 30 2 * * *", PARIS).withDstPolicy(gap, overlap),
				Triggers.cron(CronDialect.QUARTZ, "0 30 2 * * ?", PARIS).withDstPolicy(gap, overlap),
				Triggers.cronFields().hour("2").minute("30").zone(PARIS).dstPolicy(gap, overlap).build())) {
			CronTrigger read = (CronTrigger) this.json
				.fromJson(this.mapper.readTree(this.json.toJson(trigger).toString()));
			assertThat(read.gapPolicy()).isEqualTo(gap);
			assertThat(read.overlapPolicy()).isEqualTo(overlap);
			assertThat(read.nextFireTimes(Instant.parse("2024-03-30T00:00:00Z"), 3))
				.isEqualTo(trigger.nextFireTimes(Instant.parse("2024-03-30T00:00:00Z"), 3));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"type\":\"cron\",\"dialect\":\"CRONTAB\",\"expression\":\"30 2 * * *\",\"zone\":\"Europe/Paris\"}",
			"{\"type\":\"cron\",\"dialect\":\"SPRING\",\"expression\":\"0 30 2 * * *\"}",
			"{\"type\":\"cron\",\"fields\":{\"hour\":\"2\",\"minute\":\"30\"}}" })
	void cronWithoutPoliciesIsReadWithTheBehaviourBeforeDialectDefaults(String text) {
		CronTrigger read = (CronTrigger) this.json.fromJson(this.mapper.readTree(text));
		assertThat(read.gapPolicy()).isEqualTo(DstGapPolicy.RUN_AT_END_OF_GAP);
		assertThat(read.overlapPolicy()).isEqualTo(DstOverlapPolicy.FIRST);
	}

	@Test
	void cronFieldsAreWrittenAsAnObject() {
		assertThat(
				this.json.toJson(Triggers.cronFields().hour("8").dayOfWeek("mon-fri").build()).get("fields").toString())
			.isEqualTo("{\"dayOfWeek\":\"mon-fri\",\"hour\":\"8\"}");
	}

	@Test
	void intervalIsWrittenWithIsoDurationsAndInstants() {
		assertThat(this.json
			.toJson(Triggers.every(Duration.ofMinutes(10)).startingAt(START).withJitter(Duration.ofSeconds(5)))
			.toString()).isEqualTo(
					"{\"type\":\"interval\",\"interval\":\"PT10M\",\"start\":\"2027-03-01T08:00:00Z\",\"jitter\":\"PT5S\"}");
	}

	@Test
	void compositesAreWrittenWithTheirChildren() {
		assertThat(this.json.toJson(Triggers.or(Triggers.at(START), Triggers.every(Duration.ofMinutes(1)))).toString())
			.isEqualTo("{\"type\":\"or\",\"triggers\":[{\"type\":\"date\",\"runAt\":\"2027-03-01T08:00:00Z\"},"
					+ "{\"type\":\"interval\",\"interval\":\"PT1M\"}]}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"type\":\"java.lang.Runtime\"} | unknown trigger type 'java.lang.Runtime': known types are [and, cron, date, interval, or]",
			"{\"runAt\":\"2027-03-01T08:00:00Z\"} | trigger JSON must be an object with a string 'type'",
			"[1, 2] | trigger JSON must be an object with a string 'type'",
			"{\"type\":\"date\"} | trigger type 'date': field 'runAt' is missing",
			"{\"type\":\"date\",\"runAt\":\"tomorrow\"} | trigger type 'date': field 'runAt' 'tomorrow' is not an ISO-8601 instant",
			"{\"type\":\"interval\",\"interval\":\"10m\"} | trigger type 'interval': field 'interval' '10m' is not an ISO-8601 duration",
			"{\"type\":\"interval\",\"interval\":\"PT0S\"} | interval: PT0S must be positive",
			"{\"type\":\"interval\",\"interval\":\"PT1M\",\"zone\":\"Mars/Olympus\"} | trigger type 'interval': field 'zone' 'Mars/Olympus' is not a zone id",
			"{\"type\":\"interval\",\"interval\":60} | trigger type 'interval': field 'interval' must be a string, got 60",
			"{\"type\":\"cron\",\"dialect\":\"UNIX\",\"expression\":\"0 8 * * *\"} | trigger type 'cron': field 'dialect' 'UNIX' is not one of [CRONTAB, SPRING, QUARTZ]",
			"{\"type\":\"cron\",\"dialect\":\"CRONTAB\",\"expression\":\"0 24 * * *\"} | hour: 24 is out of range 0-23 in '0 24 * * *'",
			"{\"type\":\"cron\",\"dialect\":\"CRONTAB\"} | trigger type 'cron': field 'expression' a cron trigger needs 'dialect' and 'expression', or 'fields'",
			"{\"type\":\"cron\",\"fields\":{\"hour\":\"24\"}} | hour: 24 is out of range 0-23",
			"{\"type\":\"cron\",\"fields\":{\"hours\":\"8\"}} | unknown cron field 'hours'",
			"{\"type\":\"cron\",\"fields\":[]} | trigger type 'cron': field 'fields' must be an object",
			"{\"type\":\"cron\",\"dialect\":\"CRONTAB\",\"expression\":\"@daily\",\"gapPolicy\":\"LATER\"} | trigger type 'cron': field 'gapPolicy' 'LATER' is not one of [RUN_AT_END_OF_GAP, SKIP, SHIFT_BY_GAP_LENGTH]",
			"{\"type\":\"and\"} | trigger type 'and': field 'triggers' must be an array of triggers",
			"{\"type\":\"or\",\"triggers\":[{\"type\":\"date\",\"runAt\":\"2027-03-01T08:00:00Z\"}]} | or: needs at least two triggers, got 1",
			"{\"type\":\"or\",\"triggers\":[{\"type\":\"nope\"},{\"type\":\"nope\"}]} | unknown trigger type 'nope'" })
	void unreadableJsonIsRejectedNamingTheTypeOrField(String text, String message) {
		JsonNode node = this.mapper.readTree(text);
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> this.json.fromJson(node))
			.withMessageContaining(message);
	}

	@Test
	void userTriggerTypeRegisteredWithACodecRoundTrips() {
		TriggerJson json = new TriggerJson().register("never", Never.class, new TriggerJson.Codec<>() {

			@Override
			public void write(Never trigger, ObjectNode node, TriggerJson triggers) {
				node.put("reason", trigger.reason());
			}

			@Override
			public Never read(JsonNode node, TriggerJson triggers) {
				return new Never(node.get("reason").asString());
			}

		});
		JsonNode written = json.toJson(new Never("holiday"));
		assertThat(written.toString()).isEqualTo("{\"type\":\"never\",\"reason\":\"holiday\"}");
		assertThat(json.fromJson(written)).isEqualTo(new Never("holiday"));
	}

	@Test
	void userRecordTriggerRegisteredByClassIsBoundByJackson() {
		TriggerJson json = new TriggerJson().register("fixed", Fixed.class);
		Fixed trigger = new Fixed(START, Duration.ofMinutes(5));
		JsonNode written = json.toJson(trigger);
		assertThat(written.get("type").asString()).isEqualTo("fixed");
		assertThat(json.fromJson(this.mapper.readTree(written.toString()))).isEqualTo(trigger);
	}

	@Test
	void userTriggerNestedInACompositeUsesItsRegistration() {
		TriggerJson json = new TriggerJson().register("fixed", Fixed.class);
		OrTrigger trigger = Triggers.or(new Fixed(START, Duration.ofMinutes(5)), Triggers.at(START));
		assertThat(json.fromJson(json.toJson(trigger))).isEqualTo(trigger);
	}

	@Test
	void typeNamesCannotBeRegisteredTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TriggerJson().register("cron", Fixed.class))
			.withMessageContaining("'cron' is already registered");
	}

	@Test
	void unregisteredTriggerClassCannotBeWritten() {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> this.json.toJson(new Never("x")))
			.withMessageContaining(Never.class.getName())
			.withMessageContaining("TriggerJson.register");
	}

	@Test
	void taskCodecWritesAndReadsTriggersThroughIt() {
		TaskCodec codec = new TaskCodec();
		Trigger trigger = Triggers.cron("0 8 * * *", PARIS).withJitter(Duration.ofSeconds(3));
		assertThat(codec.readTrigger(codec.writeTrigger(trigger))).isEqualTo(trigger);
	}

	record Never(String reason) implements Trigger {

		@Override
		public Optional<Instant> firstFireTime(Instant now) {
			return Optional.empty();
		}

		@Override
		public Optional<Instant> nextFireTimeAfter(Instant previous) {
			return Optional.empty();
		}

		@Override
		public String describe() {
			return "never (" + this.reason + ")";
		}

	}

	record Fixed(Instant at, Duration every) implements Trigger {

		@Override
		public Optional<Instant> firstFireTime(Instant now) {
			return Optional.of(this.at);
		}

		@Override
		public Optional<Instant> nextFireTimeAfter(Instant previous) {
			return Optional.of(previous.plus(this.every));
		}

		@Override
		public String describe() {
			return "fixed";
		}

	}

}

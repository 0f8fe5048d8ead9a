package dev.asyncz.trigger;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes triggers as JSON objects with a stable {@code "type"} name ({@code date},
 * {@code interval}, {@code cron}, {@code and}, {@code or}) and their parameters (instants
 * and durations in ISO-8601, zone ids, enum names), and reads them back. Reading looks
 * the type name up among the registered types: it never loads or instantiates a class
 * named by the data. Other trigger types are added with {@link #register}. Safe to share
 * between threads; register types before use.
 * <p>
 * For example {@code {"type":"cron","dialect":"CRONTAB","expression":"0 8 * * mon-fri",
 * "zone":"Europe/Paris","gapPolicy":"SHIFT_BY_GAP_LENGTH","overlapPolicy":"BOTH"}}. A
 * cron trigger is always written with both daylight-saving policies, so it is read back
 * with the policies it had even where its dialect's default changes. A cron object
 * without them (written by hand) is read with {@link DstGapPolicy#RUN_AT_END_OF_GAP} and
 * {@link DstOverlapPolicy#FIRST}, the behaviour before each dialect had its own default,
 * so that no stored task changes its fire times silently; give the policies to get
 * another.
 */
public final class TriggerJson {

	private static final String TYPE = "type";

	/** The mapper given, or {@code null} for the {@link SharedMapper shared default}. */
	private final @Nullable JsonMapper mapper;

	private final Map<String, Registration<?>> byType = new ConcurrentHashMap<>();

	private final Map<Class<?>, Registration<?>> byClass = new ConcurrentHashMap<>();

	/**
	 * A codec for the built-in trigger types. Types registered later use a default
	 * mapper, one shared by every such codec and built on first use: the built-in types
	 * need none, so building a codec costs no mapper.
	 */
	public TriggerJson() {
		this.mapper = null;
		registerBuiltIns();
	}

	/**
	 * A codec for the built-in trigger types, using {@code mapper} for types registered
	 * with {@link #register(String, Class)}.
	 * @param mapper the mapper
	 */
	public TriggerJson(JsonMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper");
		registerBuiltIns();
	}

	private void registerBuiltIns() {
		register("date", DateTrigger.class, new DateCodec());
		register("interval", IntervalTrigger.class, new IntervalCodec());
		register("cron", CronTrigger.class, new CronCodec());
		register("and", AndTrigger.class, new CompositeCodec<>(AndTrigger::triggers, AndTrigger::new));
		register("or", OrTrigger.class, new CompositeCodec<>(OrTrigger::triggers, OrTrigger::new));
	}

	/**
	 * Registers a trigger type with its own codec.
	 * @param <T> the trigger class
	 * @param type the stable name written into the JSON
	 * @param triggerClass the trigger class (exactly; subclasses need their own
	 * registration)
	 * @param codec writes and reads the parameters
	 * @return this
	 * @throws IllegalArgumentException if the type name or class is already registered
	 */
	public <T extends Trigger> TriggerJson register(String type, Class<T> triggerClass, Codec<T> codec) {
		Registration<T> registration = new Registration<>(type, triggerClass, codec);
		if (this.byType.putIfAbsent(type, registration) != null) {
			throw new IllegalArgumentException("Trigger type '" + type + "' is already registered");
		}
		if (this.byClass.putIfAbsent(triggerClass, registration) != null) {
			this.byType.remove(type);
			throw new IllegalArgumentException(triggerClass.getName() + " is already registered");
		}
		return this;
	}

	/**
	 * Registers a trigger type whose parameters Jackson can bind, such as a record of
	 * strings, numbers, instants and durations. The class comes from this call, never
	 * from the data.
	 * @param <T> the trigger class
	 * @param type the stable name written into the JSON
	 * @param triggerClass the trigger class
	 * @return this
	 * @throws IllegalArgumentException if the type name or class is already registered
	 */
	public <T extends Trigger> TriggerJson register(String type, Class<T> triggerClass) {
		return register(type, triggerClass, new BoundCodec<>(mapper(), triggerClass));
	}

	/**
	 * Writes a trigger.
	 * @param trigger the trigger
	 * @return a JSON object with its {@code type} and parameters
	 * @throws InvalidTriggerException if its class is not registered
	 */
	public ObjectNode toJson(Trigger trigger) {
		Registration<?> registration = this.byClass.get(trigger.getClass());
		if (registration == null) {
			throw new InvalidTriggerException("No JSON type is registered for trigger class "
					+ trigger.getClass().getName() + "; register one with TriggerJson.register");
		}
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put(TYPE, registration.type());
		registration.write(trigger, json, this);
		return json;
	}

	/**
	 * Reads a trigger written by {@link #toJson}.
	 * @param json a JSON object with a registered {@code type}
	 * @return the trigger
	 * @throws InvalidTriggerException naming the type, or the field that is missing or
	 * invalid
	 */
	public Trigger fromJson(JsonNode json) {
		JsonNode type = json.get(TYPE);
		if (!json.isObject() || type == null || !type.isString()) {
			throw new InvalidTriggerException("trigger JSON must be an object with a string 'type'");
		}
		Registration<?> registration = this.byType.get(type.asString());
		if (registration == null) {
			throw new InvalidTriggerException("unknown trigger type '" + type.asString() + "': known types are "
					+ new TreeSet<>(this.byType.keySet()));
		}
		try {
			return registration.codec().read(json, this);
		}
		catch (InvalidTriggerException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidTriggerException("trigger type '" + type.asString() + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes and reads the parameters of one trigger type.
	 *
	 * @param <T> the trigger class
	 */
	public interface Codec<T extends Trigger> {

		/**
		 * Adds the trigger's parameters to {@code json}, which already holds its
		 * {@code type}.
		 * @param trigger the trigger
		 * @param json the object to fill
		 * @param triggers this codec, for nested triggers
		 */
		void write(T trigger, ObjectNode json, TriggerJson triggers);

		/**
		 * Reads a trigger back.
		 * @param json the object, including its {@code type}
		 * @param triggers this codec, for nested triggers
		 * @return the trigger
		 * @throws InvalidTriggerException naming the field that is missing or invalid
		 */
		T read(JsonNode json, TriggerJson triggers);

	}

	private record Registration<T extends Trigger>(String type, Class<T> triggerClass, Codec<T> codec) {

		void write(Trigger trigger, ObjectNode json, TriggerJson triggers) {
			this.codec.write(this.triggerClass.cast(trigger), json, triggers);
		}

	}

	private static final class DateCodec implements Codec<DateTrigger> {

		@Override
		public void write(DateTrigger trigger, ObjectNode json, TriggerJson triggers) {
			json.put("runAt", trigger.runAt().toString());
		}

		@Override
		public DateTrigger read(JsonNode json, TriggerJson triggers) {
			Params params = new Params("date", json);
			return new DateTrigger(params.require("runAt", params.instant("runAt")));
		}

	}

	private static final class IntervalCodec implements Codec<IntervalTrigger> {

		@Override
		public void write(IntervalTrigger trigger, ObjectNode json, TriggerJson triggers) {
			json.put("interval", trigger.interval().toString());
			putOptional(json, "start", trigger.start());
			putOptional(json, "end", trigger.end());
			if (!trigger.jitter().isZero()) {
				json.put("jitter", trigger.jitter().toString());
			}
			putOptional(json, "zone", trigger.zone());
		}

		@Override
		public IntervalTrigger read(JsonNode json, TriggerJson triggers) {
			Params params = new Params("interval", json);
			IntervalTrigger trigger = IntervalTrigger.of(params.require("interval", params.duration("interval")))
				.startingAt(params.instant("start"))
				.endingAt(params.instant("end"))
				.withJitter(orZero(params.duration("jitter")));
			ZoneId zone = params.zone();
			return (zone != null) ? trigger.inZone(zone) : trigger;
		}

	}

	private static final class CronCodec implements Codec<CronTrigger> {

		@Override
		public void write(CronTrigger trigger, ObjectNode json, TriggerJson triggers) {
			if (trigger.expression() != null) {
				json.put("dialect", String.valueOf(trigger.dialect()));
				json.put("expression", trigger.expression());
			}
			else {
				ObjectNode fields = json.putObject("fields");
				trigger.fields().forEach(fields::put);
			}
			putOptional(json, "zone", trigger.zone());
			putOptional(json, "start", trigger.start());
			putOptional(json, "end", trigger.end());
			if (!trigger.jitter().isZero()) {
				json.put("jitter", trigger.jitter().toString());
			}
			json.put("gapPolicy", trigger.gapPolicy().name());
			json.put("overlapPolicy", trigger.overlapPolicy().name());
		}

		@Override
		public CronTrigger read(JsonNode json, TriggerJson triggers) {
			Params params = new Params("cron", json);
			// Every cron trigger written so far names its policies. One that does not was
			// written by hand or before policies were stored, when the only behaviour was
			// the one below: reading it so keeps its fire times from changing silently.
			DstGapPolicy gap = params.enumValue("gapPolicy", DstGapPolicy.class, DstGapPolicy.RUN_AT_END_OF_GAP);
			DstOverlapPolicy overlap = params.enumValue("overlapPolicy", DstOverlapPolicy.class,
					DstOverlapPolicy.FIRST);
			JsonNode fields = json.get("fields");
			if (fields != null) {
				if (!fields.isObject()) {
					throw params.invalid("fields", "must be an object of field name to expression");
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> field : fields.properties()) {
					if (!field.getValue().isString() && !field.getValue().isIntegralNumber()) {
						throw params.invalid("fields." + field.getKey(), "must be a string");
					}
					values.put(field.getKey(), field.getValue().asString());
				}
				return CronTrigger.ofFields(values, params.zone(), params.instant("start"), params.instant("end"),
						orZero(params.duration("jitter")), gap, overlap);
			}
			CronDialect dialect = params.enumValue("dialect", CronDialect.class, null);
			String expression = params.string("expression");
			if (dialect == null || expression == null) {
				throw params.invalid("expression", "a cron trigger needs 'dialect' and 'expression', or 'fields'");
			}
			return CronTrigger.of(dialect, expression, params.zone())
				.startingAt(params.instant("start"))
				.endingAt(params.instant("end"))
				.withJitter(orZero(params.duration("jitter")))
				.withDstPolicy(gap, overlap);
		}

	}

	private static final class CompositeCodec<T extends Trigger> implements Codec<T> {

		private final Function<T, List<Trigger>> children;

		private final Function<List<Trigger>, T> factory;

		CompositeCodec(Function<T, List<Trigger>> children, Function<List<Trigger>, T> factory) {
			this.children = children;
			this.factory = factory;
		}

		@Override
		public void write(T trigger, ObjectNode json, TriggerJson triggers) {
			ArrayNode array = json.putArray("triggers");
			this.children.apply(trigger).forEach((child) -> array.add(triggers.toJson(child)));
		}

		@Override
		public T read(JsonNode json, TriggerJson triggers) {
			JsonNode array = json.get("triggers");
			if (array == null || !array.isArray()) {
				throw new Params(json.get(TYPE).asString(), json).invalid("triggers", "must be an array of triggers");
			}
			List<Trigger> children = new ArrayList<>();
			array.forEach((child) -> children.add(triggers.fromJson(child)));
			return this.factory.apply(children);
		}

	}

	private static final class BoundCodec<T extends Trigger> implements Codec<T> {

		private final JsonMapper mapper;

		private final Class<T> triggerClass;

		BoundCodec(JsonMapper mapper, Class<T> triggerClass) {
			this.mapper = mapper;
			this.triggerClass = triggerClass;
		}

		@Override
		public void write(T trigger, ObjectNode json, TriggerJson triggers) {
			JsonNode tree = this.mapper.valueToTree(trigger);
			tree.properties().forEach((entry) -> json.set(entry.getKey(), entry.getValue()));
		}

		@Override
		public T read(JsonNode json, TriggerJson triggers) {
			ObjectNode parameters = ((ObjectNode) json).deepCopy();
			parameters.remove(TYPE);
			try {
				return this.mapper.treeToValue(parameters, this.triggerClass);
			}
			catch (JacksonException ex) {
				throw new InvalidTriggerException(
						"trigger type '" + json.get(TYPE).asString() + "': " + ex.getOriginalMessage(), ex);
			}
		}

	}

	// Reads optional parameters, naming the type and field in every error.
	private record Params(String type, JsonNode json) {

		@Nullable String string(String field) {
			JsonNode value = this.json.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isString()) {
				throw invalid(field, "must be a string, got " + value);
			}
			return value.asString();
		}

		@Nullable Instant instant(String field) {
			return parse(field, "an ISO-8601 instant such as 2027-03-01T08:00:00Z", Instant::parse);
		}

		@Nullable Duration duration(String field) {
			return parse(field, "an ISO-8601 duration such as PT10M", Duration::parse);
		}

		@Nullable ZoneId zone() {
			return parse("zone", "a zone id such as Europe/Paris", ZoneId::of);
		}

		<E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type, @Nullable E fallback) {
			String expected = "one of " + Arrays.toString(type.getEnumConstants());
			return parse(field, expected, (text) -> Enum.valueOf(type, text), fallback);
		}

		private <V> @Nullable V parse(String field, String expected, Function<String, V> parser) {
			return parse(field, expected, parser, null);
		}

		private <V> @Nullable V parse(String field, String expected, Function<String, V> parser, @Nullable V fallback) {
			String text = string(field);
			if (text == null) {
				return fallback;
			}
			try {
				return parser.apply(text);
			}
			catch (DateTimeException | IllegalArgumentException ex) {
				throw invalid(field, "'" + text + "' is not " + expected);
			}
		}

		<V> V require(String field, @Nullable V value) {
			if (value == null) {
				throw invalid(field, "is missing");
			}
			return value;
		}

		InvalidTriggerException invalid(String field, String problem) {
			return new InvalidTriggerException("trigger type '" + this.type + "': field '" + field + "' " + problem);
		}

	}

	private static Duration orZero(@Nullable Duration duration) {
		return (duration != null) ? duration : Duration.ZERO;
	}

	private static void putOptional(ObjectNode json, String field, @Nullable Object value) {
		if (value != null) {
			json.put(field, value.toString());
		}
	}

	private JsonMapper mapper() {
		return (this.mapper != null) ? this.mapper : SharedMapper.INSTANCE;
	}

	/**
	 * Holds the shared default mapper: the JVM builds it when the holder is first used,
	 * once, whichever thread gets there first.
	 */
	private static final class SharedMapper {

		static final JsonMapper INSTANCE = JsonMapper.builder().build();

	}

}

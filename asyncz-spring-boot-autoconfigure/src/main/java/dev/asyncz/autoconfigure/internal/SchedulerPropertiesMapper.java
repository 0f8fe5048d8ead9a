package dev.asyncz.autoconfigure.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import dev.asyncz.autoconfigure.AsynczProperties;
import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.core.SchedulerBuilder;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Applies {@link AsynczProperties} to a {@link SchedulerBuilder}: scalar settings, task
 * defaults, and the named stores and executors. Every value the scheduler cannot use
 * fails with an {@link InvalidAsynczPropertyException} naming the property.
 */
public final class SchedulerPropertiesMapper {

	/**
	 * Store types that ship as separate modules: for each, a class that must be on the
	 * class path and the artifact that brings it.
	 */
	private static final Map<String, Map<String, String>> OPTIONAL_STORE_MODULES = Map.of("jdbc",
			orderedMap("dev.asyncz.store.jdbc.JdbcTaskStore", "dev.asyncz:asyncz-store-jdbc",
					"org.springframework.boot.jdbc.EmbeddedDatabaseConnection",
					"org.springframework.boot:spring-boot-jdbc (or spring-boot-starter-jdbc)"),
			"redis",
			orderedMap("dev.asyncz.store.redis.RedisTaskStore", "dev.asyncz:asyncz-store-redis",
					"io.lettuce.core.RedisClient", "io.lettuce:lettuce-core"),
			"mongodb", orderedMap("dev.asyncz.store.mongodb.MongoTaskStore", "dev.asyncz:asyncz-store-mongodb",
					"com.mongodb.client.MongoClient", "org.mongodb:mongodb-driver-sync"));

	private static final List<String> EXECUTOR_TYPES = List.of("thread-pool", "virtual", "bean");

	private static final String RETRY = "asyncz.task-defaults.retry.";

	private final AsynczProperties properties;

	private final Map<String, TaskStoreFactory> storeFactories;

	private final ListableBeanFactory beanFactory;

	private final Environment environment;

	private final SchedulerExecutorFactory executors;

	/**
	 * Creates a mapper.
	 * @param properties the properties
	 * @param storeFactories the available store factories
	 * @param beanFactory where executor and store beans are looked up
	 * @param environment where the properties come from
	 */
	public SchedulerPropertiesMapper(AsynczProperties properties, List<TaskStoreFactory> storeFactories,
			ListableBeanFactory beanFactory, Environment environment) {
		this.properties = properties;
		this.storeFactories = byType(storeFactories);
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.executors = new SchedulerExecutorFactory(beanFactory, environment);
	}

	private static Map<String, TaskStoreFactory> byType(List<TaskStoreFactory> factories) {
		Map<String, TaskStoreFactory> byType = new LinkedHashMap<>();
		for (TaskStoreFactory factory : factories) {
			TaskStoreFactory previous = byType.putIfAbsent(normalize(factory.type()), factory);
			if (previous != null) {
				throw new IllegalStateException("Two task store factories build type '" + factory.type() + "': "
						+ previous.getClass().getName() + " and " + factory.getClass().getName());
			}
		}
		return byType;
	}

	/**
	 * Applies the properties.
	 * @param builder the builder to configure
	 */
	public void applyTo(SchedulerBuilder builder) {
		builder.zone(this.properties.getTimezone());
		builder.maxWait(positive("asyncz.max-wait", this.properties.getMaxWait()));
		Long maxTasks = this.properties.getMaxTasks();
		if (maxTasks != null) {
			builder.maxTasks(atLeastOne("asyncz.max-tasks", maxTasks));
		}
		builder.taskDefaults(taskDefaults(this.properties.getTaskDefaults(), misfireLimitRemoved(), classLoader()));
		dstPolicy(this.properties.getTaskDefaults(), builder);
		Duration failedTaskRetention = this.properties.getFailedTaskRetention();
		if (failedTaskRetention != null) {
			builder.failedTaskRetention(positive("asyncz.failed-task-retention", failedTaskRetention));
		}
		builder.stuckTaskThreshold(positive("asyncz.stuck-task-threshold", this.properties.getStuckTaskThreshold()));
		builder.shutdownTimeout(positive("asyncz.shutdown.await-termination-period",
				this.properties.getShutdown().getAwaitTerminationPeriod()));
		refuseStoresWithoutType();
		this.properties.getStores().forEach((name, store) -> builder.store(name, store(name, store)));
		this.properties.getExecutors().forEach((name, executor) -> builder.executor(name, executor(name, executor)));
		if (!this.properties.getExecutors().containsKey("default")) {
			builder.executor("default",
					this.executors.defaultExecutor(new AsynczProperties.Executor().getMaxWorkers()));
		}
	}

	/**
	 * Whether the misfire grace time is set to an empty value, which means no limit. The
	 * binder skips empty durations and would leave the one-minute default, so the
	 * environment is asked directly.
	 */
	private boolean misfireLimitRemoved() {
		String grace = this.environment.getProperty("asyncz.task-defaults.misfire-grace-time");
		return grace != null && grace.isBlank();
	}

	private static void dstPolicy(AsynczProperties.TaskDefaults properties, SchedulerBuilder builder) {
		DstGapPolicy gap = properties.getDstGapPolicy();
		DstOverlapPolicy overlap = properties.getDstOverlapPolicy();
		if (gap == null && overlap == null) {
			return;
		}
		if (gap == null || overlap == null) {
			String missing = (gap == null) ? "dst-gap-policy" : "dst-overlap-policy";
			throw new InvalidAsynczPropertyException("asyncz.task-defaults." + missing, null,
					"a scheduler-wide daylight-saving policy needs both dst-gap-policy and dst-overlap-policy",
					"Set asyncz.task-defaults." + missing + " to one of "
							+ Arrays.toString((gap == null) ? DstGapPolicy.values() : DstOverlapPolicy.values())
							+ ", or remove the other one to keep each dialect's behaviour.");
		}
		builder.dstPolicy(gap, overlap);
	}

	private static TaskOptions taskDefaults(AsynczProperties.TaskDefaults properties, boolean noMisfireLimit,
			@Nullable ClassLoader classLoader) {
		Duration grace = noMisfireLimit ? null : properties.getMisfireGraceTime();
		if (grace != null && grace.isNegative()) {
			throw new InvalidAsynczPropertyException("asyncz.task-defaults.misfire-grace-time", grace.toString(),
					"a grace time cannot be negative",
					"Set a duration of zero or more, such as 1m, or leave it empty to run tasks no matter how late.");
		}
		int maxInstances = (int) atLeastOne("asyncz.task-defaults.max-instances", properties.getMaxInstances());
		Duration timeout = properties.getTimeout();
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new InvalidAsynczPropertyException("asyncz.task-defaults.timeout", timeout.toString(),
					"a timeout must be positive",
					"Set a positive duration such as 30s or 10m, or leave it unset for runs without a time limit.");
		}
		return new TaskOptions(properties.isCoalesce(), maxInstances, (grace != null) ? grace : TaskOptions.NO_LIMIT,
				properties.getMisfirePolicy(), retryPolicy(properties.getRetry(), classLoader),
				(timeout != null) ? timeout : TaskOptions.NO_LIMIT);
	}

	/**
	 * The retry policy {@code asyncz.task-defaults.retry.*} describes.
	 * @param retry the properties
	 * @param classLoader where the exception types are loaded from
	 * @return the policy
	 * @throws InvalidAsynczPropertyException naming the first property out of range, or
	 * an exception type that cannot be loaded
	 */
	static RetryPolicy retryPolicy(AsynczProperties.Retry retry, @Nullable ClassLoader classLoader) {
		int maxAttempts = (int) atLeastOne(RETRY + "max-attempts", retry.getMaxAttempts());
		Duration initialDelay = nonNegative(RETRY + "initial-delay", retry.getInitialDelay());
		Duration maxDelay = nonNegative(RETRY + "max-delay", retry.getMaxDelay());
		double multiplier = retry.getMultiplier();
		if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
			throw new InvalidAsynczPropertyException(RETRY + "multiplier", Double.toString(multiplier),
					"the multiplier must be at least 1",
					"Set 1 for equal waits, or more, such as 2 to double each wait.");
		}
		double jitter = retry.getJitter();
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new InvalidAsynczPropertyException(RETRY + "jitter", Double.toString(jitter),
					"the jitter must be between 0 and 1",
					"Set a fraction of each wait such as 0.1 (up to 10 % earlier or later), or 0 for none.");
		}
		return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter,
				exceptionTypes(RETRY + "retry-on", retry.getRetryOn(), classLoader),
				exceptionTypes(RETRY + "no-retry-on", retry.getNoRetryOn(), classLoader));
	}

	/**
	 * Checks that each name is an exception type the application can load: a misspelt
	 * name would otherwise never match, silently.
	 */
	private static List<String> exceptionTypes(String key, List<String> names, @Nullable ClassLoader classLoader) {
		List<String> types = new ArrayList<>(names.size());
		for (int i = 0; i < names.size(); i++) {
			String indexedKey = key + "[" + i + "]";
			String name = (names.get(i) != null) ? names.get(i).trim() : "";
			String advice = "Write the fully qualified class name of an exception on the class path, such as "
					+ "java.io.IOException, or remove the entry.";
			Class<?> type;
			try {
				type = ClassUtils.forName(name, classLoader);
			}
			catch (ClassNotFoundException | LinkageError | IllegalArgumentException ex) {
				throw new InvalidAsynczPropertyException(indexedKey, name, "there is no such class on the class path",
						advice);
			}
			if (!Throwable.class.isAssignableFrom(type)) {
				throw new InvalidAsynczPropertyException(indexedKey, name,
						"the class is not an exception (a java.lang.Throwable)", advice);
			}
			types.add(type.getName());
		}
		return types;
	}

	/**
	 * The application's class loader, which a filtered class loader in a test replaces.
	 */
	private @Nullable ClassLoader classLoader() {
		return (this.beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable.getBeanClassLoader()
				: getClass().getClassLoader();
	}

	/**
	 * Refuses the keys of a store that has no {@code type}: it is a memory store, which
	 * takes no other key. The properties binding leaves such a store out altogether,
	 * since none of its keys is one of {@link AsynczProperties.Store}'s.
	 */
	private void refuseStoresWithoutType() {
		for (String name : EnvironmentTaskStoreBinding.storeNames(this.environment)) {
			if (!this.properties.getStores().containsKey(name)) {
				new EnvironmentTaskStoreBinding(name, new AsynczProperties.Store().getType(), this.environment)
					.refuseKeysUnlessBound();
			}
		}
	}

	private TaskStore store(String name, AsynczProperties.Store store) {
		String key = "asyncz.stores." + name + ".type";
		TaskStoreFactory factory = this.storeFactories.get(normalize(store.getType()));
		if (factory == null) {
			List<String> missing = missingArtifacts(normalize(store.getType()));
			if (!missing.isEmpty()) {
				String artifacts = String.join(" and ", missing);
				throw new InvalidAsynczPropertyException(key, store.getType(),
						"that store type needs " + artifacts + ", which " + ((missing.size() > 1) ? "are" : "is")
								+ " not on the class path",
						"Add the dependency " + artifacts + ", or set '" + key + "' to one of: " + knownStoreTypes()
								+ ".");
			}
			throw new InvalidAsynczPropertyException(key, store.getType(), "no such store type",
					"Set '" + key + "' to one of: " + knownStoreTypes() + ". " + missingStoreModules());
		}
		EnvironmentTaskStoreBinding binding = new EnvironmentTaskStoreBinding(name, factory.type(), this.environment);
		TaskStore built = factory.create(binding, this.beanFactory);
		try {
			binding.refuseKeysUnlessBound();
		}
		catch (InvalidAsynczPropertyException ex) {
			built.shutdown();
			throw ex;
		}
		return built;
	}

	private String knownStoreTypes() {
		return String.join(", ", this.storeFactories.keySet());
	}

	private String missingStoreModules() {
		String missing = OPTIONAL_STORE_MODULES.keySet()
			.stream()
			.filter((type) -> !this.storeFactories.containsKey(type))
			.sorted()
			.map((type) -> Map.entry(type, missingArtifacts(type)))
			.filter((entry) -> !entry.getValue().isEmpty())
			.map((entry) -> entry.getKey() + " (add " + String.join(" and ", entry.getValue()) + ")")
			.collect(Collectors.joining(", "));
		return missing.isEmpty() ? "" : "Other types need a dependency: " + missing + ".";
	}

	/**
	 * The artifacts a store type needs that are absent, asked of the application's class
	 * loader so that a filtered class loader in a test sees what an application without
	 * them would.
	 */
	private List<String> missingArtifacts(String type) {
		Map<String, String> required = OPTIONAL_STORE_MODULES.getOrDefault(type, Map.of());
		ClassLoader classLoader = classLoader();
		return required.entrySet()
			.stream()
			.filter((entry) -> !ClassUtils.isPresent(entry.getKey(), classLoader))
			.map(Map.Entry::getValue)
			.toList();
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

	private SchedulerExecutor executor(String name, AsynczProperties.Executor executor) {
		String prefix = "asyncz.executors." + name + ".";
		return switch (normalize(executor.getType())) {
			case "thread-pool" ->
				this.executors.threadPool(name, (int) atLeastOne(prefix + "max-workers", executor.getMaxWorkers()));
			case "virtual" -> {
				requireVirtualThreads(prefix + "type");
				yield this.executors.virtualThreads();
			}
			case "bean" -> executorBean(prefix + "bean", executor.getBean());
			default -> throw new InvalidAsynczPropertyException(prefix + "type", executor.getType(),
					"no such executor type", "Set '" + prefix + "type' to one of: " + String.join(", ", EXECUTOR_TYPES)
							+ " (thread-pool with max-workers, virtual on Java 21 or later, bean with the name of an Executor bean).");
		};
	}

	private static void requireVirtualThreads(String key) {
		if (!SchedulerExecutors.virtualThreadsAvailable()) {
			throw new InvalidAsynczPropertyException(key, "virtual",
					"virtual threads need Java 21 or later, and this application runs on Java "
							+ Runtime.version().feature(),
					"Run on Java 21 or later, or set '" + key + "' to thread-pool (with max-workers) or bean.");
		}
	}

	private SchedulerExecutor executorBean(String key, @Nullable String beanName) {
		if (!StringUtils.hasText(beanName)) {
			throw new InvalidAsynczPropertyException(key, null,
					"an executor of type bean needs the name of an Executor bean",
					"Set '" + key + "' to one of the application's Executor beans: " + executorBeanNames() + ".");
		}
		try {
			return SchedulerExecutors.of(this.beanFactory.getBean(beanName, Executor.class), beanName);
		}
		catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException ex) {
			throw new InvalidAsynczPropertyException(key, beanName,
					"there is no java.util.concurrent.Executor bean of that name",
					"Set '" + key + "' to one of the application's Executor beans (" + executorBeanNames()
							+ "), or define an Executor bean named '" + beanName + "'.");
		}
	}

	private String executorBeanNames() {
		String[] names = this.beanFactory.getBeanNamesForType(Executor.class, false, false);
		return (names.length > 0) ? String.join(", ", names) : "there are none";
	}

	private static Duration positive(String key, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidAsynczPropertyException(key, duration.toString(), "the duration must be positive",
					"Set a positive duration such as 30s or 1m.");
		}
		return duration;
	}

	private static Duration nonNegative(String key, Duration duration) {
		if (duration.isNegative()) {
			throw new InvalidAsynczPropertyException(key, duration.toString(), "the duration must not be negative",
					"Set a duration of zero or more, such as 10s.");
		}
		return duration;
	}

	private static long atLeastOne(String key, long value) {
		if (value < 1) {
			throw new InvalidAsynczPropertyException(key, Long.toString(value), "the value must be at least 1",
					"Set a whole number of 1 or more.");
		}
		return value;
	}

	private static String normalize(String type) {
		return type.trim().toLowerCase(Locale.ROOT);
	}

}

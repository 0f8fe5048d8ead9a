package dev.asyncz.autoconfigure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.MaxTasksExceededException;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerStarted;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.CronTrigger;
import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class AsynczAutoConfigurationTests {

	private static final Instant T0 = ControllableClockConfiguration.T0;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class));

	@Test
	void schedulerHasDefaultMemoryStoreAndThreadPoolExecutor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Scheduler.class);
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.stores()).containsOnlyKeys("default");
			assertThat(scheduler.executors()).containsOnlyKeys("default");
			assertThat(scheduler.executors().get("default").description()).contains("10");
			assertThat(scheduler.zone()).isEqualTo(ZoneOffset.UTC);
			assertThat(scheduler.maxWait()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void schedulerIsNotStartedByItsFactoryMethod() {
		this.contextRunner.withUserConfiguration(StateAtCreationConfiguration.class).run((context) -> {
			assertThat(context.getBean(StateRecorder.class).stateAtCreation).containsExactly(SchedulerState.STOPPED);
		});
	}

	@Test
	void schedulerRunsOnceTheContextHasStartedAndStopsWhenItCloses() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
			context.close();
			assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
		});
	}

	@Test
	void startupDelayPostponesTheStartWithoutHoldingUpTheContext() {
		this.contextRunner.withPropertyValues("asyncz.startup-delay=1h").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Scheduler.class).state()).isEqualTo(SchedulerState.STOPPED);
		});
	}

	@Test
	void schedulerStartsAfterTheStartupDelay() {
		this.contextRunner.withPropertyValues("asyncz.startup-delay=100ms")
			.run((context) -> await().atMost(Duration.ofSeconds(30))
				.until(() -> context.getBean(Scheduler.class).state() == SchedulerState.RUNNING));
	}

	@Test
	void closingDuringTheStartupDelayNeverStartsTheScheduler() {
		this.contextRunner.withPropertyValues("asyncz.startup-delay=1h").run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			context.close();
			assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
		});
	}

	@Test
	void enabledFalseCreatesNoScheduler() {
		this.contextRunner.withPropertyValues("asyncz.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Scheduler.class)
				.doesNotHaveBean(AsynczProperties.class));
	}

	@Test
	void withoutAsynczCoreOnTheClassPathThereIsNoScheduler() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Scheduler.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Scheduler.class));
	}

	@Test
	void applicationSchedulerReplacesTheAutoConfiguredOneAndIsStarted() {
		this.contextRunner.withUserConfiguration(OwnSchedulerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Scheduler.class);
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler).isSameAs(context.getBean(OwnSchedulerConfiguration.class).scheduler);
			assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
		});
	}

	@Test
	void applicationSchedulerThatIsAlreadyRunningIsLeftRunning() {
		this.contextRunner.withUserConfiguration(StartedSchedulerConfiguration.class)
			.run((context) -> assertThat(context.getBean(Scheduler.class).state()).isEqualTo(SchedulerState.RUNNING));
	}

	@Test
	void timezoneAndMaxWaitAreApplied() {
		this.contextRunner.withPropertyValues("asyncz.timezone=Europe/Paris", "asyncz.max-wait=5s").run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
			assertThat(scheduler.maxWait()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void taskDefaultsApplyToTasksThatLeaveThemUnset() {
		this.contextRunner
			.withPropertyValues("asyncz.task-defaults.coalesce=false", "asyncz.task-defaults.max-instances=3",
					"asyncz.task-defaults.misfire-grace-time=30s")
			.run((context) -> {
				Task task = addOneShot(context.getBean(Scheduler.class));
				assertThat(task.options().coalesce()).isFalse();
				assertThat(task.options().maxInstances()).isEqualTo(3);
				assertThat(task.options().misfireGraceTime()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void withoutPropertiesTasksTakeTheStandardOptions() {
		this.contextRunner.run((context) -> assertThat(addOneShot(context.getBean(Scheduler.class)).options())
			.isEqualTo(TaskOptions.STANDARD));
	}

	@Test
	void taskDefaultsMisfirePolicyTimeoutAndRetryApplyToTasksThatLeaveThemUnset() {
		this.contextRunner
			.withPropertyValues("asyncz.task-defaults.misfire-policy=skip-if-late", "asyncz.task-defaults.timeout=30s",
					"asyncz.task-defaults.retry.max-attempts=5", "asyncz.task-defaults.retry.initial-delay=1s",
					"asyncz.task-defaults.retry.multiplier=1.5", "asyncz.task-defaults.retry.max-delay=1m",
					"asyncz.task-defaults.retry.jitter=0", "asyncz.task-defaults.retry.retry-on=java.io.IOException",
					"asyncz.task-defaults.retry.no-retry-on[0]=java.io.FileNotFoundException")
			.run((context) -> {
				TaskOptions options = addOneShot(context.getBean(Scheduler.class)).options();
				assertThat(options.misfirePolicy()).isEqualTo(MisfirePolicy.SKIP_IF_LATE);
				assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(options.retry())
					.isEqualTo(new RetryPolicy(5, Duration.ofSeconds(1), 1.5, Duration.ofMinutes(1), 0,
							List.of(IOException.class.getName()), List.of(FileNotFoundException.class.getName())));
			});
	}

	@Test
	void emptyTimeoutMeansNoLimit() {
		this.contextRunner.withPropertyValues("asyncz.task-defaults.timeout=")
			.run((context) -> assertThat(addOneShot(context.getBean(Scheduler.class)).options().hasTimeout())
				.isFalse());
	}

	@Test
	void retryOnNamesANestedClassTheWayJavaWritesIt() {
		this.contextRunner
			.withPropertyValues("asyncz.task-defaults.retry.retry-on=" + Unreachable.class.getCanonicalName())
			.run((context) -> assertThat(addOneShot(context.getBean(Scheduler.class)).options().retry().retryOn())
				.containsExactly(Unreachable.class.getName()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			asyncz.task-defaults.timeout=0s                 | asyncz.task-defaults.timeout             | 'PT0S'
			asyncz.task-defaults.timeout=-5s                | asyncz.task-defaults.timeout             | 'PT-5S'
			asyncz.task-defaults.misfire-grace-time=-1s     | asyncz.task-defaults.misfire-grace-time  | 'PT-1S'
			asyncz.task-defaults.retry.max-attempts=0       | asyncz.task-defaults.retry.max-attempts  | '0'
			asyncz.task-defaults.retry.initial-delay=-1s    | asyncz.task-defaults.retry.initial-delay | 'PT-1S'
			asyncz.task-defaults.retry.max-delay=-1m        | asyncz.task-defaults.retry.max-delay     | 'PT-1M'
			asyncz.task-defaults.retry.multiplier=0.5       | asyncz.task-defaults.retry.multiplier    | '0.5'
			asyncz.task-defaults.retry.jitter=1.5           | asyncz.task-defaults.retry.jitter        | '1.5'
			asyncz.task-defaults.retry.jitter=-0.1          | asyncz.task-defaults.retry.jitter        | '-0.1'
			asyncz.failed-task-retention=0s                 | asyncz.failed-task-retention             | 'PT0S'
			""")
	void outOfRangeTaskDefaultFailsNamingThePropertyAndTheValue(String property, String key, String value) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(propertyFailure(context).getDescription()).contains("Property '" + key + "'",
					value));
	}

	@Test
	void retryOnAClassThatDoesNotExistFailsNamingTheEntry() {
		this.contextRunner
			.withPropertyValues("asyncz.task-defaults.retry.retry-on=java.io.IOException,com.example.Transient")
			.run((context) -> {
				FailureAnalysis analysis = propertyFailure(context);
				assertThat(analysis.getDescription()).contains("asyncz.task-defaults.retry.retry-on[1]",
						"'com.example.Transient'", "no such class");
				assertThat(analysis.getAction()).contains("fully qualified class name");
			});
	}

	@Test
	void noRetryOnAClassThatIsNotAnExceptionFailsNamingTheEntry() {
		this.contextRunner.withPropertyValues("asyncz.task-defaults.retry.no-retry-on=java.lang.String")
			.run((context) -> assertThat(propertyFailure(context).getDescription())
				.contains("asyncz.task-defaults.retry.no-retry-on[0]", "'java.lang.String'", "not an exception"));
	}

	@Test
	void failedTaskRetentionIsAccepted() {
		this.contextRunner.withPropertyValues("asyncz.failed-task-retention=7d")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Scheduler.class));
	}

	@Test
	void taskDefaultsDstPolicyAppliesToCronTasksThatKeepTheirOrigins() {
		this.contextRunner
			.withPropertyValues("asyncz.task-defaults.dst-gap-policy=skip",
					"asyncz.task-defaults.dst-overlap-policy=first")
			.run((context) -> {
				Task task = context.getBean(Scheduler.class)
					.add(TaskRequest.of("noop", (run) -> null, Triggers.cron("30 2 * * *")).build());
				assertThat(task.trigger()).isInstanceOfSatisfying(CronTrigger.class, (cron) -> {
					assertThat(cron.gapPolicy()).isEqualTo(DstGapPolicy.SKIP);
					assertThat(cron.overlapPolicy()).isEqualTo(DstOverlapPolicy.FIRST);
				});
			});
	}

	@Test
	void dstGapPolicyWithoutOverlapPolicyFailsNamingTheMissingKey() {
		this.contextRunner.withPropertyValues("asyncz.task-defaults.dst-gap-policy=skip")
			.run((context) -> assertThat(propertyFailure(context).getDescription())
				.contains("asyncz.task-defaults.dst-overlap-policy"));
	}

	@Test
	void emptyMisfireGraceTimeMeansNoLimit() {
		this.contextRunner.withPropertyValues("asyncz.task-defaults.misfire-grace-time=").run((context) -> {
			assertThat(addOneShot(context.getBean(Scheduler.class)).options().misfireGraceTime())
				.isEqualTo(TaskOptions.NO_LIMIT);
		});
	}

	@Test
	void maxTasksLimitsHowManyTasksTheSchedulerHolds() {
		this.contextRunner.withPropertyValues("asyncz.max-tasks=1").run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			addOneShot(scheduler);
			assertThatExceptionOfType(MaxTasksExceededException.class).isThrownBy(() -> addOneShot(scheduler));
		});
	}

	@Test
	void namedStoresAndExecutorsAreBuiltFromProperties() {
		this.contextRunner.withUserConfiguration(ExecutorBeanConfiguration.class)
			.withPropertyValues("asyncz.stores.default.type=memory", "asyncz.stores.scratch.type=memory",
					"asyncz.executors.default.type=thread-pool", "asyncz.executors.default.max-workers=3",
					"asyncz.executors.blocking.type=bean", "asyncz.executors.blocking.bean=myExecutor")
			.run((context) -> {
				Scheduler scheduler = context.getBean(Scheduler.class);
				assertThat(scheduler.stores()).containsOnlyKeys("default", "scratch");
				assertThat(scheduler.executors()).containsOnlyKeys("default", "blocking");
				assertThat(scheduler.executors().get("default").description()).contains("3");
				assertThat(scheduler.executors().get("blocking").description()).contains("myExecutor");
			});
	}

	@Test
	void executorOfTypeBeanHandsRunsToThatBean() {
		this.contextRunner.withUserConfiguration(ExecutorBeanConfiguration.class, ControllableClockConfiguration.class)
			.withPropertyValues("asyncz.executors.default.type=bean", "asyncz.executors.default.bean=myExecutor")
			.run((context) -> {
				CountDownLatch ran = new CountDownLatch(1);
				context.getBean(Scheduler.class).add(TaskRequest.of("count", countDown(ran), Triggers.at(T0)).build());
				assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
				assertThat(context.getBean(ExecutorBeanConfiguration.class).executed).hasSize(1);
			});
	}

	@Test
	void customizersAreAppliedInOrderAfterTheProperties() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("asyncz.max-wait=5s")
			.run((context) -> assertThat(context.getBean(Scheduler.class).maxWait()).isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void clockQualifiedWithAsynczClockIsTheSchedulersClock() {
		this.contextRunner.withUserConfiguration(ControllableClockConfiguration.class).run((context) -> {
			assertThat(context.getBean(Scheduler.class).clock()).isSameAs(context.getBean("asynczClock"));
		});
	}

	@Test
	void clockWithoutTheQualifierIsNotUsed() {
		this.contextRunner.withBean("clock", Clock.class, () -> new ControllableClock(T0))
			.run((context) -> assertThat(context.getBean(Scheduler.class).clock())
				.isNotSameAs(context.getBean("clock")));
	}

	@Test
	void unknownStoreTypeFailsNamingThePropertyAndTheKnownTypes() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.type=mongo").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.stores.durable.type", "'mongo'",
					"no such store type");
			assertThat(analysis.getAction()).contains("memory");
		});
	}

	@Test
	void storeTypeWhoseModuleIsAbsentNamesTheDependencyToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("dev.asyncz.store.jdbc", "dev.asyncz.store.redis"))
			.withPropertyValues("asyncz.stores.durable.type=jdbc")
			.run((context) -> {
				FailureAnalysis analysis = propertyFailure(context);
				assertThat(analysis.getDescription()).contains("asyncz.stores.durable.type", "'jdbc'");
				assertThat(analysis.getAction()).contains("dev.asyncz:asyncz-store-jdbc", "memory");
			});
	}

	@Test
	void unknownExecutorTypeFailsNamingThePropertyAndTheAcceptedTypes() {
		this.contextRunner.withPropertyValues("asyncz.executors.default.type=fork-join").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.executors.default.type", "'fork-join'");
			assertThat(analysis.getAction()).contains("thread-pool", "virtual", "bean");
		});
	}

	@Test
	void executorBeanThatDoesNotExistFailsListingTheExecutorBeans() {
		this.contextRunner.withUserConfiguration(ExecutorBeanConfiguration.class)
			.withPropertyValues("asyncz.executors.blocking.type=bean", "asyncz.executors.blocking.bean=nope")
			.run((context) -> {
				FailureAnalysis analysis = propertyFailure(context);
				assertThat(analysis.getDescription()).contains("asyncz.executors.blocking.bean", "'nope'");
				assertThat(analysis.getAction()).contains("myExecutor");
			});
	}

	@Test
	void executorOfTypeBeanWithoutABeanNameFails() {
		this.contextRunner.withPropertyValues("asyncz.executors.blocking.type=bean").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.executors.blocking.bean", "is not set");
		});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsBeforeJava21FailWithAClearMessage() {
		this.contextRunner.withPropertyValues("asyncz.executors.default.type=virtual").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.executors.default.type", "'virtual'", "Java 21");
			assertThat(analysis.getAction()).contains("thread-pool");
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsFromJava21AreAnExecutor() {
		this.contextRunner.withPropertyValues("asyncz.executors.default.type=virtual")
			.run((context) -> assertThat(context.getBean(Scheduler.class).executors()).containsKey("default"));
	}

	@Test
	void nonPositiveMaxWorkersFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.executors.default.max-workers=0")
			.run((context) -> assertThat(propertyFailure(context).getDescription())
				.contains("asyncz.executors.default.max-workers", "'0'"));
	}

	@Test
	void nonPositiveMaxWaitFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.max-wait=0s")
			.run((context) -> assertThat(propertyFailure(context).getDescription()).contains("asyncz.max-wait"));
	}

	@Test
	void schedulerEventsArePublishedAsApplicationEvents() {
		this.contextRunner.withUserConfiguration(EventRecorder.class).run((context) -> {
			addOneShot(context.getBean(Scheduler.class));
			List<SchedulerEvent> events = context.getBean(EventRecorder.class).events;
			assertThat(events).hasAtLeastOneElementOfType(SchedulerStarted.class)
				.hasAtLeastOneElementOfType(TaskAdded.class);
		});
	}

	@Test
	void eventListenersReceiveOnlyTheEventTypeTheyAskFor() {
		this.contextRunner.withUserConfiguration(TaskAddedRecorder.class).run((context) -> {
			addOneShot(context.getBean(Scheduler.class));
			assertThat(context.getBean(TaskAddedRecorder.class).events).singleElement().isInstanceOf(TaskAdded.class);
		});
	}

	@Test
	void failingEventListenerDoesNotStopTasks() {
		this.contextRunner.withUserConfiguration(FailingListener.class).run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			CountDownLatch ran = new CountDownLatch(2);
			for (int i = 0; i < 2; i++) {
				scheduler.add(TaskRequest.of("count", countDown(ran), Triggers.at(Instant.now())).build());
			}
			assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> context.getBean(FailingListener.class).failures.size() >= 2);
		});
	}

	static class Unreachable extends IOException {

		private static final long serialVersionUID = 1L;

	}

	private static TaskCallable countDown(CountDownLatch latch) {
		return (run) -> {
			latch.countDown();
			return null;
		};
	}

	private static Task addOneShot(Scheduler scheduler) {
		return scheduler
			.add(TaskRequest.of("noop", (run) -> null, Triggers.at(T0.plus(Duration.ofDays(3650)))).build());
	}

	private static FailureAnalysis propertyFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidAsynczPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class StateAtCreationConfiguration {

		@Bean
		static StateRecorder stateRecorder() {
			return new StateRecorder();
		}

	}

	static class StateRecorder implements BeanPostProcessor {

		final List<SchedulerState> stateAtCreation = new CopyOnWriteArrayList<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof Scheduler scheduler) {
				this.stateAtCreation.add(scheduler.state());
			}
			return bean;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSchedulerConfiguration {

		final Scheduler scheduler = Scheduler.builder().build();

		@Bean
		Scheduler ownScheduler() {
			return this.scheduler;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StartedSchedulerConfiguration {

		@Bean
		Scheduler ownScheduler() {
			Scheduler scheduler = Scheduler.builder().build();
			scheduler.start();
			return scheduler;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExecutorBeanConfiguration {

		final List<Runnable> executed = new CopyOnWriteArrayList<>();

		@Bean
		Executor myExecutor() {
			return (runnable) -> {
				this.executed.add(runnable);
				runnable.run();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		SchedulerBuilderCustomizer second() {
			return (builder) -> builder.maxWait(Duration.ofSeconds(3));
		}

		@Bean
		@Order(1)
		SchedulerBuilderCustomizer first() {
			return (builder) -> builder.maxWait(Duration.ofSeconds(2));
		}

	}

	static class EventRecorder {

		final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(SchedulerEvent event) {
			this.events.add(event);
		}

	}

	static class TaskAddedRecorder {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskAdded event) {
			this.events.add(event);
		}

	}

	static class FailingListener {

		final List<TaskExecuted> failures = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskExecuted event) {
			this.failures.add(event);
			throw new IllegalStateException("listener fails on purpose");
		}

	}

}

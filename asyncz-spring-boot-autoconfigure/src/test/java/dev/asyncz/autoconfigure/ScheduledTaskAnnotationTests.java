package dev.asyncz.autoconfigure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.DateTrigger;
import dev.asyncz.trigger.IntervalTrigger;
import dev.asyncz.trigger.Triggers;
import jakarta.annotation.PostConstruct;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScheduledTaskAnnotationTests {

	private static final Instant T0 = ControllableClockConfiguration.T0;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class))
		.withUserConfiguration(ControllableClockConfiguration.class);

	private final ApplicationContextRunner configurable = this.contextRunner.withBean("jobs", Configurable.class);

	@Test
	void taskIdDefaultsToBeanNameDotMethodName() {
		this.configurable.withPropertyValues("t.interval=10m")
			.run((context) -> assertThat(task(context, "jobs.run").function()).isEqualTo("jobs.run"));
	}

	@Test
	void placeholdersAreResolvedInEveryStringAttribute() {
		this.configurable
			.withPropertyValues("t.id=report", "t.name=Daily report", "t.interval=10m", "t.zone=Europe/Paris",
					"t.initial-delay=30s", "t.end-date=2027-06-01T00:00:00Z", "t.jitter=1s", "t.store=scratch",
					"t.executor=slow", "t.coalesce=false", "t.misfire-grace-time=45s", "t.misfire-policy=RUN_ONCE",
					"t.timeout=2m", "t.retry-initial-delay=3s", "t.retry-max-delay=4m",
					"asyncz.stores.scratch.type=memory", "asyncz.executors.slow.type=thread-pool")
			.run((context) -> {
				Task task = task(context, "report");
				assertThat(task.name()).isEqualTo("Daily report");
				assertThat(task.store()).isEqualTo("scratch");
				assertThat(task.executor()).isEqualTo("slow");
				assertThat(task.options().coalesce()).isFalse();
				assertThat(task.options().misfireGraceTime()).isEqualTo(Duration.ofSeconds(45));
				assertThat(task.options().misfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
				assertThat(task.options().timeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(task.options().retry().initialDelay()).isEqualTo(Duration.ofSeconds(3));
				assertThat(task.options().retry().maxDelay()).isEqualTo(Duration.ofMinutes(4));
				assertThat(task.trigger()).isInstanceOfSatisfying(IntervalTrigger.class,
						(trigger) -> assertThat(trigger.zone()).isEqualTo(ZoneId.of("Europe/Paris")));
				assertThat(task.nextRunTime()).isBetween(T0.plusSeconds(30), T0.plusSeconds(31));
			});
	}

	@Test
	void intervalTaskFirstRunsAtStartupAndThenEveryInterval() {
		this.configurable.withPropertyValues("t.interval=10m").run((context) -> {
			Configurable jobs = context.getBean(Configurable.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> jobs.runs.size() == 1);
			context.getBean(ControllableClock.class).advance(Duration.ofMinutes(10));
			await().atMost(Duration.ofSeconds(30)).until(() -> jobs.runs.size() == 2);
			assertThat(jobs.runs).extracting(TaskContext::scheduledRunTime)
				.containsExactly(T0, T0.plus(Duration.ofMinutes(10)));
		});
	}

	@Test
	void onStartRunsTheMethodOnceWhenTheSchedulerStarts() {
		this.configurable.withPropertyValues("t.on=start").run((context) -> {
			Configurable jobs = context.getBean(Configurable.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> jobs.runs.size() == 1);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> context.getBean(Scheduler.class).get("jobs.run").isEmpty());
			context.getBean(ControllableClock.class).advance(Duration.ofDays(1));
			assertThat(jobs.runs).hasSize(1);
		});
	}

	@Test
	void onShutdownRunsTheMethodWhenTheContextCloses() {
		Configurable[] jobs = new Configurable[1];
		this.configurable.withPropertyValues("t.on=shutdown").run((context) -> {
			jobs[0] = context.getBean(Configurable.class);
			assertThat(task(context, "jobs.run").paused()).isTrue();
			assertThat(jobs[0].runs).isEmpty();
		});
		assertThat(jobs[0].runs).hasSize(1);
	}

	@Test
	void onTogetherWithCronFailsNamingBoth() {
		this.configurable.withPropertyValues("t.on=start", "t.cron=0 8 * * *")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(on, cron)"));
	}

	@Test
	void onWithAnUnknownMomentFailsNamingTheAcceptedOnes() {
		this.configurable.withPropertyValues("t.on=reboot").run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("@ScheduledTask(on)", "\"reboot\"");
			assertThat(analysis.getAction()).contains("start or shutdown");
		});
	}

	@Test
	void initialDelayPostponesTheFirstRun() {
		this.configurable.withPropertyValues("t.interval=10m", "t.initial-delay=PT2M")
			.run((context) -> assertThat(task(context, "jobs.run").nextRunTime()).isEqualTo(T0.plusSeconds(120)));
	}

	@Test
	void cronTaskRunsInItsZone() {
		this.configurable.withPropertyValues("t.cron=0 8 * * *", "t.zone=Europe/Paris")
			.run((context) -> assertThat(task(context, "jobs.run").nextRunTime())
				.isEqualTo(Instant.parse("2027-01-01T07:00:00Z")));
	}

	@Test
	void cronTaskWithoutZoneRunsInTheConfiguredTimezone() {
		this.configurable.withPropertyValues("t.cron=0 8 * * *", "asyncz.timezone=America/New_York")
			.run((context) -> assertThat(task(context, "jobs.run").nextRunTime())
				.isEqualTo(Instant.parse("2027-01-01T13:00:00Z")));
	}

	@Test
	void startDateAloneIsASingleRun() {
		this.configurable.withPropertyValues("t.start-date=2027-03-01T08:00:00Z").run((context) -> {
			Task task = task(context, "jobs.run");
			assertThat(task.trigger()).isEqualTo(new DateTrigger(Instant.parse("2027-03-01T08:00:00Z")));
		});
	}

	@Test
	void localStartDateIsReadInTheTasksZone() {
		this.configurable.withPropertyValues("t.start-date=2027-03-01T08:00", "t.zone=Europe/Paris")
			.run((context) -> assertThat(task(context, "jobs.run").nextRunTime())
				.isEqualTo(Instant.parse("2027-03-01T07:00:00Z")));
	}

	@Test
	void methodTakingTaskContextReceivesTheRunsContext() {
		this.configurable.withPropertyValues("t.id=now", "t.start-date=2027-01-01T00:00:00Z").run((context) -> {
			Configurable jobs = context.getBean(Configurable.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> jobs.runs.size() == 1);
			assertThat(jobs.runs.get(0).taskId()).isEqualTo("now");
			assertThat(jobs.runs.get(0).scheduledRunTime()).isEqualTo(T0);
		});
	}

	@Test
	void repeatedAnnotationsAddOneTaskEach() {
		this.contextRunner.withBean("twice", Twice.class).run((context) -> {
			assertThat(task(context, "morning").nextRunTime()).isEqualTo(Instant.parse("2027-03-01T08:00:00Z"));
			assertThat(task(context, "evening").nextRunTime()).isEqualTo(Instant.parse("2027-03-01T20:00:00Z"));
		});
	}

	@Test
	void optionsWithoutPlaceholdersAreApplied() {
		this.contextRunner.withBean("options", Options.class).run((context) -> {
			Task task = task(context, "options");
			assertThat(task.options().maxInstances()).isEqualTo(3);
			assertThat(task.options().misfireGraceTime()).isEqualTo(TaskOptions.NO_LIMIT);
			assertThat(task.paused()).isTrue();
		});
	}

	@Test
	void deliveryOptionsAreApplied() {
		this.contextRunner.withBean("delivery", Delivery.class).run((context) -> {
			TaskOptions options = task(context, "delivery").options();
			assertThat(options.misfirePolicy()).isEqualTo(MisfirePolicy.SKIP_IF_LATE);
			assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(options.retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(1), 3, Duration.ofMinutes(1), 0,
					List.of(IOException.class.getName()), List.of(FileNotFoundException.class.getName())));
		});
	}

	@Test
	void taskWithoutDeliveryAttributesTakesTheConfiguredDefaults() {
		this.configurable
			.withPropertyValues("t.interval=10m", "asyncz.task-defaults.timeout=5m",
					"asyncz.task-defaults.retry.max-attempts=1")
			.run((context) -> {
				TaskOptions options = task(context, "jobs.run").options();
				assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(5));
				assertThat(options.retry().maxAttempts()).isEqualTo(1);
				assertThat(options.misfirePolicy()).isEqualTo(MisfirePolicy.RUN_IF_WITHIN_GRACE);
			});
	}

	@Test
	void retryAttributesLeftUnsetComeFromTheConfiguredRetryPolicy() {
		this.contextRunner.withBean("partial", PartialRetry.class)
			.withPropertyValues("asyncz.task-defaults.retry.initial-delay=2s", "asyncz.task-defaults.retry.jitter=0")
			.run((context) -> assertThat(task(context, "partial").options().retry()).isEqualTo(
					new RetryPolicy(5, Duration.ofSeconds(2), 2, Duration.ofMinutes(10), 0, List.of(), List.of())));
	}

	@Test
	void onAFunctionWithDefaultsTheTaskTakesThemAndCompletesItsRetryFromTheFunctions() {
		this.contextRunner.withBean("exports", Exports.class).run((context) -> {
			TaskOptions options = task(context, "export").options();
			assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(options.retry()).isEqualTo(new RetryPolicy(7, Duration.ofSeconds(5), 2, Duration.ofMinutes(10),
					0.1, List.of(IOException.class.getName()), List.of()));
		});
	}

	@Test
	void timeoutNoneMeansNoLimit() {
		this.configurable.withPropertyValues("t.interval=10m", "t.timeout=none", "asyncz.task-defaults.timeout=5m")
			.run((context) -> assertThat(task(context, "jobs.run").options().hasTimeout()).isFalse());
	}

	@Test
	void misfirePolicyThatIsNotOneFailsNamingTheAcceptedOnes() {
		this.configurable.withPropertyValues("t.interval=10m", "t.misfire-policy=later").run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("@ScheduledTask(misfirePolicy)",
					"\"later\" is not a misfire policy");
			assertThat(analysis.getAction()).contains("run-if-within-grace, run-once or skip-if-late");
		});
	}

	@Test
	void zeroTimeoutFails() {
		this.configurable.withPropertyValues("t.interval=10m", "t.timeout=0s")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(timeout)",
					"must be positive"));
	}

	@Test
	void negativeRetryDelayFails() {
		this.configurable.withPropertyValues("t.interval=10m", "t.retry-initial-delay=-1s")
			.run((context) -> assertThat(failure(context).getDescription())
				.contains("@ScheduledTask(retryInitialDelay)", "must not be negative"));
	}

	@Test
	void retryMaxAttemptsBelowOneFails() {
		this.contextRunner.withBean("noAttempts", NoAttempts.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(retryMaxAttempts)",
					"at least 1, was 0"));
	}

	@Test
	void retryMultiplierBelowOneFails() {
		this.contextRunner.withBean("shrinking", ShrinkingWaits.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(retryMultiplier)",
					"at least 1, was 0.5"));
	}

	@Test
	void retryJitterAboveOneFails() {
		this.contextRunner.withBean("wild", WildJitter.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(retryJitter)",
					"between 0 and 1, was 2.0"));
	}

	@Test
	void annotatedTaskReplacesATaskWithTheSameIdByDefault() {
		this.contextRunner.withBean(Existing.class).withBean("replacing", Replacing.class).run((context) -> {
			assertThat(task(context, "kept").trigger()).isInstanceOf(IntervalTrigger.class);
		});
	}

	@Test
	void annotatedTaskWithoutReplaceExistingLeavesTheExistingTask() {
		this.contextRunner.withBean(Existing.class).withBean("notReplacing", NotReplacing.class).run((context) -> {
			assertThat(task(context, "kept").trigger()).isInstanceOf(DateTrigger.class);
		});
	}

	@Test
	void classProxiedBeanIsCalledThroughItsProxy() {
		this.configurable.withUserConfiguration(ProxyConfiguration.class)
			.withPropertyValues("t.start-date=2027-01-01T00:00:00Z")
			.run((context) -> {
				assertThat(AopUtils.isCglibProxy(context.getBean("jobs"))).isTrue();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> context.getBean(ProxyConfiguration.class).intercepted.get() == 1);
			});
	}

	@Test
	void interfaceProxiedBeanIsCalledThroughItsProxy() {
		this.contextRunner.withBean("jobs", InterfaceJob.class)
			.withUserConfiguration(ProxyConfiguration.class)
			.run((context) -> {
				assertThat(AopUtils.isJdkDynamicProxy(context.getBean("jobs"))).isTrue();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> context.getBean(ProxyConfiguration.class).intercepted.get() == 1);
			});
	}

	@Test
	void cronAndIntervalTogetherFailNamingBothAttributes() {
		this.configurable.withPropertyValues("t.cron=0 8 * * *", "t.interval=10m")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(cron, interval)",
					"both given", "\"0 8 * * *\"", "\"10m\""));
	}

	@Test
	void noScheduleFailsNamingTheMissingAttributes() {
		this.configurable.run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("@ScheduledTask(cron, interval)", "no schedule");
			assertThat(analysis.getAction()).contains("cron", "interval", "startDate");
		});
	}

	@Test
	void intervalThatIsNotADurationFails() {
		this.configurable.withPropertyValues("t.interval=10 minutes")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(interval)",
					"\"10 minutes\" is not a duration"));
	}

	@Test
	void zeroIntervalFails() {
		this.configurable.withPropertyValues("t.interval=0s")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(interval)",
					"must be positive"));
	}

	@Test
	void invalidCronExpressionFails() {
		this.configurable.withPropertyValues("t.cron=every morning")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(cron)",
					"\"every morning\""));
	}

	@Test
	void unknownZoneFails() {
		this.configurable.withPropertyValues("t.interval=10m", "t.zone=Mars/Olympus")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(zone)",
					"\"Mars/Olympus\" is not a time zone"));
	}

	@Test
	void startDateThatIsNotADateFails() {
		this.configurable.withPropertyValues("t.start-date=next monday")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(startDate)",
					"\"next monday\" is not a date"));
	}

	@Test
	void endDateOnASingleRunFails() {
		this.configurable.withPropertyValues("t.start-date=2027-03-01", "t.end-date=2027-04-01")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(endDate)",
					"single run"));
	}

	@Test
	void jitterOnASingleRunFails() {
		this.configurable.withPropertyValues("t.start-date=2027-03-01", "t.jitter=5s")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(jitter)",
					"single run"));
	}

	@Test
	void initialDelayTogetherWithStartDateFails() {
		this.configurable.withPropertyValues("t.interval=10m", "t.start-date=2027-03-01", "t.initial-delay=1m")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(initialDelay)",
					"startDate"));
	}

	@Test
	void initialDelayWithoutCronOrIntervalFails() {
		this.configurable.withPropertyValues("t.initial-delay=1m")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(initialDelay)",
					"without cron or interval"));
	}

	@Test
	void coalesceThatIsNotABooleanFails() {
		this.configurable.withPropertyValues("t.interval=10m", "t.coalesce=yes")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(coalesce)",
					"\"yes\" is not true or false"));
	}

	@Test
	void misfireGraceTimeThatIsNotADurationFails() {
		this.configurable.withPropertyValues("t.interval=10m", "t.misfire-grace-time=soon")
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(misfireGraceTime)",
					"\"soon\" is not a duration"));
	}

	@Test
	void unknownStoreFailsListingTheConfiguredStores() {
		this.configurable.withPropertyValues("t.interval=10m", "t.store=durable").run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("@ScheduledTask(store)", "\"durable\"");
			assertThat(analysis.getAction()).contains("[default]", "asyncz.stores.durable");
		});
	}

	@Test
	void unknownExecutorFailsListingTheConfiguredExecutors() {
		this.configurable.withPropertyValues("t.interval=10m", "t.executor=blocking").run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("@ScheduledTask(executor)", "\"blocking\"");
			assertThat(analysis.getAction()).contains("[default]", "asyncz.executors.blocking");
		});
	}

	@Test
	void maxInstancesBelowOneFails() {
		this.contextRunner.withBean("zero", ZeroInstances.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(maxInstances)",
					"at least 1, was 0"));
	}

	@Test
	void methodWithOtherParametersFails() {
		this.contextRunner.withBean("withArgs", WithArguments.class).run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("WithArguments.report()", "bean 'withArgs'", "parameters",
					"java.lang.String");
			assertThat(analysis.getAction()).contains("TaskContext", "@TaskFunction");
		});
	}

	@Test
	void twoTasksWithTheSameIdFail() {
		this.contextRunner.withBean("sameIds", SameIds.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(id)",
					"\"sameIds.report\""));
	}

	@Test
	void unresolvablePlaceholderFails() {
		this.contextRunner.withBean("unresolvable", Unresolvable.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@ScheduledTask(interval)",
					"${missing.interval}"));
	}

	private static Task task(AssertableApplicationContext context, String id) {
		assertThat(context).hasNotFailed();
		return context.getBean(Scheduler.class).get(id).orElseThrow(() -> new AssertionError("No task " + id));
	}

	private static FailureAnalysis failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidTaskMethodFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		assertThat(analysis.getDescription()).contains("of bean '");
		return analysis;
	}

	static class Configurable {

		final List<TaskContext> runs = new CopyOnWriteArrayList<>();

		@ScheduledTask(id = "${t.id:}", name = "${t.name:}", cron = "${t.cron:}", zone = "${t.zone:}",
				interval = "${t.interval:}", initialDelay = "${t.initial-delay:}", startDate = "${t.start-date:}",
				endDate = "${t.end-date:}", jitter = "${t.jitter:}", store = "${t.store:}", executor = "${t.executor:}",
				coalesce = "${t.coalesce:}", misfireGraceTime = "${t.misfire-grace-time:}",
				misfirePolicy = "${t.misfire-policy:}", timeout = "${t.timeout:}",
				retryInitialDelay = "${t.retry-initial-delay:}", retryMaxDelay = "${t.retry-max-delay:}",
				on = "${t.on:}")
		public void run(TaskContext context) {
			this.runs.add(context);
		}

	}

	static class Twice {

		@ScheduledTask(id = "morning", startDate = "2027-03-01T08:00:00Z")
		@ScheduledTask(id = "evening", startDate = "2027-03-01T20:00:00Z")
		void remind() {
		}

	}

	static class Options {

		@ScheduledTask(id = "options", interval = "1h", maxInstances = 3, misfireGraceTime = "none", paused = true)
		void run() {
		}

	}

	static class Delivery {

		@ScheduledTask(id = "delivery", interval = "1h", misfirePolicy = "skip-if-late", timeout = "30s",
				retryMaxAttempts = 5, retryInitialDelay = "1s", retryMultiplier = 3, retryMaxDelay = "1m",
				retryJitter = 0, retryOn = IOException.class, noRetryOn = FileNotFoundException.class)
		void run() {
		}

	}

	static class PartialRetry {

		@ScheduledTask(id = "partial", interval = "1h", retryMaxAttempts = 5)
		void run() {
		}

	}

	static class Exports {

		@TaskFunction(value = "export", timeout = "2m", retryMaxAttempts = 3, retryInitialDelay = "5s",
				retryOn = IOException.class)
		@ScheduledTask(id = "export", interval = "1h", retryMaxAttempts = 7)
		void export() {
		}

	}

	static class NoAttempts {

		@ScheduledTask(interval = "1h", retryMaxAttempts = 0)
		void run() {
		}

	}

	static class ShrinkingWaits {

		@ScheduledTask(interval = "1h", retryMultiplier = 0.5)
		void run() {
		}

	}

	static class WildJitter {

		@ScheduledTask(interval = "1h", retryJitter = 2)
		void run() {
		}

	}

	static class Existing {

		private final Scheduler scheduler;

		Existing(Scheduler scheduler) {
			this.scheduler = scheduler;
		}

		@PostConstruct
		void addKeptTask() {
			this.scheduler.add(TaskRequest.of("kept", (context) -> null, Triggers.at(T0.plus(Duration.ofDays(100))))
				.id("kept")
				.build());
		}

	}

	static class Replacing {

		@ScheduledTask(id = "kept", interval = "1h")
		void run() {
		}

	}

	static class NotReplacing {

		@ScheduledTask(id = "kept", interval = "1h", replaceExisting = false)
		void run() {
		}

	}

	interface Job {

		void report();

	}

	static class InterfaceJob implements Job {

		@Override
		@ScheduledTask(startDate = "2027-01-01T00:00:00Z")
		public void report() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyConfiguration {

		final AtomicInteger intercepted = new AtomicInteger();

		@Bean
		static BeanPostProcessor proxyJobs(ProxyConfiguration configuration) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!beanName.equals("jobs")) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.setProxyTargetClass(!(bean instanceof Job));
					factory.addAdvice((MethodInterceptor) (invocation) -> {
						configuration.intercepted.incrementAndGet();
						return invocation.proceed();
					});
					return factory.getProxy();
				}

			};
		}

	}

	static class ZeroInstances {

		@ScheduledTask(interval = "1h", maxInstances = 0)
		void run() {
		}

	}

	static class WithArguments {

		@ScheduledTask(interval = "1h")
		void report(String recipient) {
		}

	}

	static class SameIds {

		@ScheduledTask(interval = "1h")
		@ScheduledTask(interval = "2h")
		void report() {
		}

	}

	static class Unresolvable {

		@ScheduledTask(interval = "${missing.interval}")
		void run() {
		}

	}

}

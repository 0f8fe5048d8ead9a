package dev.asyncz.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.asyncz.AsynczException;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store type from outside: a {@link TaskStoreFactory} bean of the application's own,
 * whose keys are bound without any change to {@link AsynczProperties}; and the keys a
 * store type does not know.
 */
class TaskStoreFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class))
		.withUserConfiguration(GreetingStoreConfiguration.class)
		.withPropertyValues("asyncz.stores.mine.type=custom");

	@Test
	void storeTypeOfTheApplicationsOwnFactoryGetsItsKeysBound() {
		this.contextRunner.withPropertyValues("asyncz.stores.mine.greeting=hi", "asyncz.stores.mine.pause=2m")
			.run((context) -> {
				GreetingStoreFactory factory = context.getBean(GreetingStoreFactory.class);
				assertThat(context.getBean(Scheduler.class).stores()).containsKey("mine");
				assertThat(factory.built).containsExactly("mine");
				assertThat(factory.properties).singleElement().satisfies((properties) -> {
					assertThat(properties.getGreeting()).isEqualTo("hi");
					assertThat(properties.getPause()).isEqualTo(Duration.ofMinutes(2));
				});
			});
	}

	@Test
	void keysLeftUnsetKeepTheDefaultsOfTheStoreTypesPropertiesClass() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(GreetingStoreFactory.class).properties).singleElement()
				.satisfies((properties) -> {
					assertThat(properties.getGreeting()).isEqualTo("hello");
					assertThat(properties.getPause()).isNull();
				}));
	}

	@Test
	void storeKeysAreBoundTheSpringBootWayWithRelaxedNamesAndPlaceholders() {
		this.contextRunner
			.withPropertyValues("app.greeting=bonjour", "asyncz.stores.mine.greeting=${app.greeting}",
					"asyncz.stores.mine.PAUSE=30s")
			.run((context) -> assertThat(context.getBean(GreetingStoreFactory.class).properties).singleElement()
				.satisfies((properties) -> {
					assertThat(properties.getGreeting()).isEqualTo("bonjour");
					assertThat(properties.getPause()).isEqualTo(Duration.ofSeconds(30));
				}));
	}

	@Test
	void storeKeysAreBoundFromEnvironmentVariables() {
		this.contextRunner
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("ASYNCZ_STORES_MINE_GREETING", "hey", "ASYNCZ_STORES_MINE_PAUSE", "5s"))))
			.run((context) -> assertThat(context.getBean(GreetingStoreFactory.class).properties).singleElement()
				.satisfies((properties) -> {
					assertThat(properties.getGreeting()).isEqualTo("hey");
					assertThat(properties.getPause()).isEqualTo(Duration.ofSeconds(5));
				}));
	}

	@Test
	void misspeltKeyFailsNamingTheFullKeyAndTheKeysTheStoreTypeTakes() {
		this.contextRunner.withPropertyValues("asyncz.stores.mine.greting=hi").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.stores.mine.greting", "'hi'", "custom",
					"no such key");
			assertThat(analysis.getAction()).contains("type, greeting, pause", "asyncz.stores.mine.type");
		});
	}

	@Test
	void valueThatDoesNotConvertFailsNamingTheFullKeyAndWhatItAccepts() {
		this.contextRunner.withPropertyValues("asyncz.stores.mine.pause=soon").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.stores.mine.pause", "'soon'", "not a duration");
			assertThat(analysis.getAction()).contains("30s");
		});
	}

	@Test
	void valueTheStoreRejectsIsReportedUnderItsFullKey() {
		this.contextRunner.withPropertyValues("asyncz.stores.mine.greeting=").run((context) -> {
			FailureAnalysis analysis = propertyFailure(context);
			assertThat(analysis.getDescription()).contains("asyncz.stores.mine.greeting", "a greeting cannot be empty");
			assertThat(analysis.getAction()).isEqualTo("Say something, such as hi.");
		});
	}

	@Test
	void memoryStoreRefusesKeysOfOtherStoreTypes() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.scratch.type=memory", "asyncz.stores.scratch.table-prefix=x")
			.run((context) -> {
				FailureAnalysis analysis = propertyFailure(context);
				assertThat(analysis.getDescription()).contains("asyncz.stores.scratch.table-prefix", "memory");
				assertThat(analysis.getAction()).contains("no key but type", "asyncz.stores.scratch.type");
			});
	}

	@Test
	void storeWithKeysButNoTypeIsAMemoryStoreAndRefusesThem() {
		this.contextRunner.withPropertyValues("asyncz.stores.scratch.greeting=hi")
			.run((context) -> assertThat(propertyFailure(context).getDescription())
				.contains("asyncz.stores.scratch.greeting", "memory"));
	}

	private static FailureAnalysis propertyFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidAsynczPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class GreetingStoreConfiguration {

		@Bean
		GreetingStoreFactory greetingStoreFactory() {
			return new GreetingStoreFactory();
		}

	}

	/**
	 * A store type of the application's own, with keys AsynczProperties knows nothing of.
	 */
	static class GreetingStoreFactory implements TaskStoreFactory {

		final List<String> built = new ArrayList<>();

		final List<GreetingStoreProperties> properties = new ArrayList<>();

		@Override
		public String type() {
			return "custom";
		}

		@Override
		public TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory) {
			GreetingStoreProperties bound = store.bind(GreetingStoreProperties.class);
			store.checked("greeting", bound.getGreeting(), "Say something, such as hi.", () -> {
				if (bound.getGreeting().isEmpty()) {
					throw new AsynczException("a greeting cannot be empty");
				}
				return bound.getGreeting();
			});
			this.built.add(store.name());
			this.properties.add(bound);
			return new MemoryTaskStore();
		}

	}

	public static class GreetingStoreProperties {

		private String greeting = "hello";

		private @Nullable Duration pause;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

		public @Nullable Duration getPause() {
			return this.pause;
		}

		public void setPause(@Nullable Duration pause) {
			this.pause = pause;
		}

	}

}

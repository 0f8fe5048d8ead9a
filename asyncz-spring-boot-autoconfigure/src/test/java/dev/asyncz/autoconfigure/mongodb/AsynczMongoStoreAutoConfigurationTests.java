package dev.asyncz.autoconfigure.mongodb;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.internal.DefaultScheduler;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.store.mongodb.MongoTaskStore;
import dev.asyncz.store.mongodb.MongoTaskStoreSettings;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mongodb store auto-configuration, over an in-process server that speaks the MongoDB
 * wire protocol.
 */
class AsynczMongoStoreAutoConfigurationTests {

	private static MongoServer server;

	private static String uri;

	private final String collection = "asyncz_wiring_" + UUID.randomUUID().toString().substring(0, 8);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AsynczMongoStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withPropertyValues("asyncz.stores.durable.type=mongodb",
				"asyncz.stores.durable.collection=" + this.collection);

	@BeforeAll
	static void startServer() {
		server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
	}

	@AfterAll
	static void stopServer() {
		server.shutdownNow();
	}

	@Test
	void withoutAUriTheStoreSharesTheApplicationsMongoClientAndDatabase() {
		this.contextRunner.withUserConfiguration(ApplicationClient.class)
			.withPropertyValues("spring.mongodb.database=shop")
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				assertThat(context.getBean(MongoClient.class)
					.getDatabase("shop")
					.getCollection(this.collection)
					.countDocuments()).isOne();
			});
	}

	@Test
	void withoutAUriTheStoreSharesTheClientSpringBootBuildsFromSpringMongodbUri() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
					AsynczMongoStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
			.withPropertyValues("asyncz.stores.durable.type=mongodb",
					"asyncz.stores.durable.collection=" + this.collection, "spring.mongodb.uri=" + uri + "/inventory")
			.run((context) -> {
				assertThat(context).hasSingleBean(MongoClient.class);
				addTask(context.getBean(Scheduler.class));
				try (MongoClient client = MongoClients.create(uri)) {
					assertThat(client.getDatabase("inventory").getCollection(this.collection).countDocuments()).isOne();
				}
			});
	}

	@Test
	void databaseKeyChoosesTheDatabaseOfTheApplicationsClient() {
		this.contextRunner.withUserConfiguration(ApplicationClient.class)
			.withPropertyValues("asyncz.stores.durable.database=jobs")
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				assertThat(context.getBean(MongoClient.class)
					.getDatabase("jobs")
					.getCollection(this.collection)
					.countDocuments()).isOne();
			});
	}

	@Test
	void uriConnectsTheStoreToThatServerAndDatabase() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.uri=" + uri + "/own").run((context) -> {
			addTask(context.getBean(Scheduler.class));
			try (MongoClient client = MongoClients.create(uri)) {
				assertThat(client.getDatabase("own").getCollection(this.collection).countDocuments()).isOne();
			}
		});
	}

	@Test
	void collectionLeaseTimePollIntervalAndWriteFormatAreTheStoresSettings() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.durable.uri=" + uri + "/own", "asyncz.stores.durable.lease-time=45s",
					"asyncz.stores.durable.poll-interval=2s", "asyncz.stores.durable.write-format=full")
			.run((context) -> {
				MongoTaskStoreSettings settings = ((MongoTaskStore) ((DefaultScheduler) context
					.getBean(Scheduler.class)).storeObjects().get("durable")).settings();
				assertThat(settings.collection()).isEqualTo(this.collection);
				assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(45));
				assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.changeStreams()).isEqualTo(MongoTaskStoreSettings.ChangeStreams.AUTO);
				assertThat(settings.writeFormat()).isEqualTo(WriteFormat.FULL);
			});
	}

	@Test
	void changeStreamsOffTurnsTheStoresChangeStreamOff() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.durable.uri=" + uri + "/own", "asyncz.stores.durable.change-streams=off")
			.run((context) -> assertThat(
					((MongoTaskStore) ((DefaultScheduler) context.getBean(Scheduler.class)).storeObjects()
						.get("durable")).settings().changeStreams())
				.isEqualTo(MongoTaskStoreSettings.ChangeStreams.OFF));
	}

	@Test
	void changeStreamsOutsideItsValuesFailsListingThem() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.durable.uri=" + uri + "/own",
					"asyncz.stores.durable.change-streams=sometimes")
			.run((context) -> {
				InvalidAsynczPropertyException failure = propertyFailure(context);
				assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.change-streams");
				assertThat(failure.getMessage()).contains("'sometimes'");
				assertThat(failure.getAction()).contains("auto, off");
			});
	}

	@Test
	void withoutTheDriverMongodbStoreFailsSayingToAddIt() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.mongodb")).run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.type");
			assertThat(failure.getMessage()).contains("'mongodb'", "org.mongodb:mongodb-driver-sync");
			assertThat(failure.getAction()).contains("Add the dependency org.mongodb:mongodb-driver-sync")
				.doesNotContain("asyncz-store-mongodb");
		});
	}

	@Test
	void withoutTheStoreModuleMongodbStoreFailsSayingToAddItAndTheDriver() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.mongodb", "dev.asyncz.store.mongodb"))
			.run((context) -> assertThat(propertyFailure(context).getAction())
				.contains("dev.asyncz:asyncz-store-mongodb and org.mongodb:mongodb-driver-sync"));
	}

	@Test
	void withoutAUriOrAnApplicationClientTheStoreFailsNamingTheUriKey() {
		this.contextRunner.run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.uri");
			assertThat(failure.getAction()).contains("spring-boot-starter-mongodb");
		});
	}

	@Test
	void uriThatIsNotAConnectionStringFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.uri=http://localhost:27017/app").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.uri");
			assertThat(failure.getMessage()).contains("not a MongoDB connection string");
			assertThat(failure.getAction()).contains("mongodb://");
		});
	}

	@Test
	void uriWithoutADatabaseFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.uri=" + uri).run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.uri");
			assertThat(failure.getMessage()).contains("names no database");
		});
	}

	@Test
	void collectionThatIsNotACollectionNameFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.collection=tasks$")
			.run((context) -> assertThat(propertyFailure(context).getProperty())
				.isEqualTo("asyncz.stores.durable.collection"));
	}

	private static void addTask(Scheduler scheduler) {
		scheduler.functions().register("refresh", (run) -> null);
		scheduler.add(TaskRequest.of("refresh", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
			.id("refresh-1")
			.store("durable")
			.build());
	}

	private static InvalidAsynczPropertyException propertyFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidAsynczPropertyException.class);
		return (InvalidAsynczPropertyException) NestedExceptionUtils.getRootCause(context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationClient {

		@Bean(destroyMethod = "close")
		MongoClient mongoClient() {
			return MongoClients.create(uri);
		}

	}

}

package dev.asyncz.autoconfigure.mongodb;

import java.time.Duration;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.TaskStoreBinding;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.mongodb.MongoTaskStore;
import dev.asyncz.store.mongodb.MongoTaskStoreSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds stores of type {@code mongodb}: a store with a {@code uri} has a client of its
 * own, closed with the store; any other uses the application's {@link MongoClient} bean,
 * which the application closes.
 */
final class MongoTaskStoreFactory implements TaskStoreFactory {

	private static final String DURATION_ACTION = "Set a positive duration, such as 30s.";

	/** The database Spring Boot's MongoDB support uses when nothing names one. */
	private static final String BOOT_DEFAULT_DATABASE = "test";

	private final ObjectProvider<MongoClient> applicationClient;

	private final Environment environment;

	/**
	 * Creates the factory.
	 * @param applicationClient the application's client, for stores without a {@code uri}
	 * @param environment where the application's {@code spring.mongodb.*} settings are
	 */
	MongoTaskStoreFactory(ObjectProvider<MongoClient> applicationClient, Environment environment) {
		this.applicationClient = applicationClient;
		this.environment = environment;
	}

	@Override
	public String type() {
		return "mongodb";
	}

	@Override
	public TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory) {
		MongoStoreProperties properties = store.bind(MongoStoreProperties.class);
		MongoTaskStoreSettings settings = settings(store, properties);
		String uri = properties.getUri();
		if (StringUtils.hasText(uri)) {
			String key = store.key("uri");
			String action = "Write mongodb://host:port/database or mongodb+srv://host/database, such as "
					+ "mongodb://localhost:27017/app; or unset '" + key + "' to use the application's MongoClient.";
			try {
				new ConnectionString(uri.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAsynczPropertyException(key, uri,
						"not a MongoDB connection string (" + ex.getMessage() + ")", action);
			}
			return store.checked("uri", uri, action, () -> MongoTaskStore.create(uri.trim(), settings));
		}
		MongoClient client = this.applicationClient.getIfAvailable();
		if (client == null) {
			String key = store.key("uri");
			throw new InvalidAsynczPropertyException(key, null, "the application has no MongoClient bean to share",
					"Set '" + key + "' to a connection string such as mongodb://localhost:27017/app, or add "
							+ "org.springframework.boot:spring-boot-starter-mongodb so the application has a MongoClient.");
		}
		String database = database(properties.getDatabase());
		return store.checked("database", database, "Set a MongoDB database name, such as app.",
				() -> MongoTaskStore.create(client.getDatabase(database), settings));
	}

	private String database(@Nullable String configured) {
		if (StringUtils.hasText(configured)) {
			return configured.trim();
		}
		String database = this.environment.getProperty("spring.mongodb.database");
		if (StringUtils.hasText(database)) {
			return database;
		}
		String uri = this.environment.getProperty("spring.mongodb.uri");
		if (StringUtils.hasText(uri)) {
			try {
				String fromUri = new ConnectionString(uri).getDatabase();
				if (StringUtils.hasText(fromUri)) {
					return fromUri;
				}
			}
			catch (IllegalArgumentException ex) {
				// Spring Boot reports a malformed spring.mongodb.uri when it builds the
				// client.
			}
		}
		return BOOT_DEFAULT_DATABASE;
	}

	private static MongoTaskStoreSettings settings(TaskStoreBinding store, MongoStoreProperties properties) {
		String collection = properties.getCollection();
		MongoTaskStoreSettings withCollection = store.checked("collection", collection,
				"Set a collection name, such as asyncz_tasks, that no other store in the same database uses.",
				() -> MongoTaskStoreSettings.defaults()
					.withCollection(collection)
					.withChangeStreams(properties.getChangeStreams())
					.withWriteFormat(properties.getWriteFormat()));
		Duration leaseTime = properties.getLeaseTime();
		MongoTaskStoreSettings withLease = (leaseTime != null) ? store.checked("lease-time", leaseTime, DURATION_ACTION,
				() -> withCollection.withLeaseDuration(leaseTime)) : withCollection;
		Duration pollInterval = properties.getPollInterval();
		return (pollInterval != null) ? store.checked("poll-interval", pollInterval, DURATION_ACTION,
				() -> withLease.withPollInterval(pollInterval)) : withLease;
	}

}

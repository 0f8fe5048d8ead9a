package dev.asyncz.autoconfigure.mongodb;

import dev.asyncz.autoconfigure.ClaimingStoreProperties;
import dev.asyncz.store.mongodb.MongoTaskStoreSettings.ChangeStreams;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a store of type {@code mongodb}, under {@code asyncz.stores.<name>}.
 */
public class MongoStoreProperties extends ClaimingStoreProperties {

	/**
	 * MongoDB connection string of a mongodb store, naming the database, such as
	 * mongodb://localhost:27017/app. Unset means the application's MongoClient bean.
	 */
	private @Nullable String uri;

	/**
	 * Database of a mongodb store that uses the application's MongoClient. Unset means
	 * spring.mongodb.database, else the database of spring.mongodb.uri, else test.
	 */
	private @Nullable String database;

	/**
	 * Collection holding the tasks of a mongodb store.
	 */
	private String collection = "asyncz_tasks";

	/**
	 * Whether a mongodb store watches its collection with a change stream, to wake the
	 * scheduler as soon as another instance adds or releases an earlier task: auto (where
	 * the server is a replica set or sharded cluster) or off. It polls either way.
	 */
	private ChangeStreams changeStreams = ChangeStreams.AUTO;

	public @Nullable String getUri() {
		return this.uri;
	}

	public void setUri(@Nullable String uri) {
		this.uri = uri;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public void setDatabase(@Nullable String database) {
		this.database = database;
	}

	public String getCollection() {
		return this.collection;
	}

	public void setCollection(String collection) {
		this.collection = collection;
	}

	public ChangeStreams getChangeStreams() {
		return this.changeStreams;
	}

	public void setChangeStreams(ChangeStreams changeStreams) {
		this.changeStreams = changeStreams;
	}

}

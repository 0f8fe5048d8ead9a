package dev.asyncz.autoconfigure;

import dev.asyncz.store.TaskStore;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the task stores of one type named in {@code asyncz.stores.<name>.type}. Each
 * store module contributes a factory bean for its type; the auto-configuration picks the
 * factory whose {@link #type()} matches and fails at startup, listing the known types,
 * when none does.
 * <p>
 * A store type owns its keys: the factory binds {@code asyncz.stores.<name>.*} (all but
 * {@code type}) to a properties class of its own through the {@link TaskStoreBinding} it
 * is given, so that a new type needs nothing from {@link AsynczProperties}:
 *
 * <pre class="code">
 * public TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory) {
 *     MongoStoreProperties properties = store.bind(MongoStoreProperties.class);
 *     return new MongoTaskStore(client(beanFactory), properties.getCollection());
 * }
 * </pre>
 */
public interface TaskStoreFactory {

	/**
	 * The store type this factory builds, as written in
	 * {@code asyncz.stores.<name>.type}.
	 * @return the type name, such as {@code memory} or {@code jdbc}
	 */
	String type();

	/**
	 * Builds one store.
	 * @param store the store's name and keys: bind them with
	 * {@link TaskStoreBinding#bind(Class)}, and name them in messages with
	 * {@link TaskStoreBinding#key(String)}
	 * @param beanFactory where to find the beans the store needs (a DataSource, a Redis
	 * connection)
	 * @return the store, not yet started: the scheduler starts it
	 * @throws InvalidAsynczPropertyException if a key is unknown or its value unusable
	 */
	TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory);

}

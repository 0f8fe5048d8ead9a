package dev.asyncz.autoconfigure;

import dev.asyncz.store.TaskStore;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the task stores of one type named in {@code asyncz.stores.<name>.type}. Each
 * store module contributes a factory bean for its type; the auto-configuration picks the
 * factory whose {@link #type()} matches and fails at startup, listing the known types,
 * when none does.
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
	 * @param name the store's name, for messages and for property names such as
	 * {@code asyncz.stores.<name>.data-source}
	 * @param properties the store's properties
	 * @param beanFactory where to find the beans the store needs (a DataSource, a Redis
	 * connection)
	 * @return the store, not yet started: the scheduler starts it
	 * @throws InvalidAsynczPropertyException if a property names something unusable
	 */
	TaskStore create(String name, AsynczProperties.Store properties, ListableBeanFactory beanFactory);

}

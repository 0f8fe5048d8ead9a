package dev.asyncz.autoconfigure.jdbc;

import java.time.Duration;
import javax.sql.DataSource;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.TaskStoreBinding;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.store.jdbc.TransactionConnections;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.util.StringUtils;

/**
 * Builds stores of type {@code jdbc}. The tables are created, when
 * {@code initialize-schema} asks for it, as the store is built: the scheduler is built
 * after Spring Boot's database initialisation (see
 * {@link SchedulerDependsOnDatabaseInitializationDetector}), and before anything can add
 * a task.
 */
final class JdbcTaskStoreFactory implements TaskStoreFactory {

	@Override
	public String type() {
		return "jdbc";
	}

	@Override
	public TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory) {
		JdbcStoreProperties properties = store.bind(JdbcStoreProperties.class);
		JdbcTaskStoreSettings settings = settings(store, properties);
		DataSource dataSource = dataSource(store.key("data-source"), properties.getDataSource(), beanFactory);
		TransactionConnections transactions = beanFactory.getBeanProvider(TransactionConnections.class)
			.getIfAvailable(() -> TransactionConnections.NONE);
		JdbcTaskStore jdbcStore = new JdbcTaskStore(dataSource, settings, transactions);
		if (initializeSchema(properties.getInitializeSchema(), dataSource)) {
			jdbcStore.initializeSchema();
		}
		return jdbcStore;
	}

	private static JdbcTaskStoreSettings settings(TaskStoreBinding store, JdbcStoreProperties properties) {
		JdbcTaskStoreSettings.Builder builder = JdbcTaskStoreSettings.builder()
			.writeFormat(properties.getWriteFormat());
		String tablePrefix = properties.getTablePrefix();
		store.checked("table-prefix", tablePrefix,
				"Use a letter, then letters, digits or underscores, at most 30 characters, such as asyncz_.",
				() -> builder.tablePrefix(tablePrefix).build());
		Duration leaseTime = properties.getLeaseTime();
		if (leaseTime != null) {
			store.checked("lease-time", leaseTime, "Set a duration of at least 1s, such as 60s.",
					() -> builder.leaseDuration(leaseTime).build());
		}
		Duration pollInterval = properties.getPollInterval();
		if (pollInterval != null) {
			store.checked("poll-interval", pollInterval,
					"Set a duration of zero or more, such as 5s; zero turns polling off.",
					() -> builder.pollInterval(pollInterval).build());
		}
		return builder.build();
	}

	private static DataSource dataSource(String key, @Nullable String beanName, ListableBeanFactory beanFactory) {
		if (StringUtils.hasText(beanName)) {
			try {
				return beanFactory.getBean(beanName, DataSource.class);
			}
			catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException ex) {
				throw new InvalidAsynczPropertyException(key, beanName, "there is no DataSource bean of that name",
						dataSourceAdvice(key, beanFactory));
			}
		}
		DataSource dataSource = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
		if (dataSource != null) {
			return dataSource;
		}
		String[] names = dataSourceNames(beanFactory);
		if (names.length == 0) {
			throw new InvalidAsynczPropertyException(key, null,
					"a jdbc store needs a DataSource, and the application has none",
					"Add a DataSource (spring-boot-starter-jdbc with a JDBC driver and spring.datasource.url, or a "
							+ "DataSource bean), or set '" + key + "' to the name of a DataSource bean.");
		}
		throw new InvalidAsynczPropertyException(key, null,
				"the application has several DataSource beans and none of them is primary",
				"Set '" + key + "' to one of: " + String.join(", ", names) + "; or mark one of them @Primary.");
	}

	private static String dataSourceAdvice(String key, ListableBeanFactory beanFactory) {
		String[] names = dataSourceNames(beanFactory);
		if (names.length == 0) {
			return "The application has no DataSource bean: add one (or spring-boot-starter-jdbc with "
					+ "spring.datasource.url), or unset '" + key + "' once it has one.";
		}
		return "Set '" + key + "' to one of the application's DataSource beans: " + String.join(", ", names) + ".";
	}

	private static String[] dataSourceNames(ListableBeanFactory beanFactory) {
		return BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, DataSource.class);
	}

	private static boolean initializeSchema(JdbcStoreProperties.InitializeSchema mode, DataSource dataSource) {
		return switch (mode) {
			case ALWAYS -> true;
			case NEVER -> false;
			// As Boot's own script initialisation: in-memory H2, HSQLDB or Derby, not a
			// file database.
			case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(dataSource);
		};
	}

}

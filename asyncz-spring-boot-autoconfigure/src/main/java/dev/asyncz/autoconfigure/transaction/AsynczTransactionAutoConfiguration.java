package dev.asyncz.autoconfigure.transaction;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.SchedulerBuilderCustomizer;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.TransactionConnections;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Auto-configuration that ties task changes made inside a Spring transaction to it
 * ({@code asyncz.transactions.enabled}, on by default): a jdbc store on the transaction's
 * DataSource writes them in the transaction, other stores after the commit, and their
 * events follow the commit. Needs spring-tx on the class path; without it every change is
 * written at once.
 */
@AutoConfiguration(before = AsynczAutoConfiguration.class)
@ConditionalOnClass({ Scheduler.class, TransactionSynchronizationManager.class })
@ConditionalOnBooleanProperty(name = "asyncz.transactions.enabled", matchIfMissing = true)
public final class AsynczTransactionAutoConfiguration {

	@Bean
	SchedulerBuilderCustomizer asynczTransactionBoundStoreWrites() {
		return (builder) -> builder.storeWrites(new TransactionBoundStoreWrites());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTaskStore.class, ConnectionHolder.class })
	static class JdbcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TransactionConnections asynczTransactionConnections() {
			return new SpringTransactionConnections();
		}

	}

}

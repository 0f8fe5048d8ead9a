package dev.asyncz.autoconfigure.jdbc;

import java.util.Set;

import dev.asyncz.core.Scheduler;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * A {@link DependsOnDatabaseInitializationDetector} that makes every {@link Scheduler}
 * bean wait for the application's database initialisation (SQL scripts, Flyway,
 * Liquibase): building a jdbc store may create its tables, and it reads them as soon as
 * the scheduler starts.
 */
class SchedulerDependsOnDatabaseInitializationDetector
		extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(Scheduler.class);
	}

}

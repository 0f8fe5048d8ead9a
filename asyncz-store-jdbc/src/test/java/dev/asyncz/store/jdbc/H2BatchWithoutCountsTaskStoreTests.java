package dev.asyncz.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC store on H2 behind a driver that, like drivers rewriting a batch into one
 * statement, answers every batch with {@link Statement#SUCCESS_NO_INFO} instead of
 * per-row counts: claims then learn which rows they won by reading them back.
 */
class H2BatchWithoutCountsTaskStoreTests extends JdbcTaskStoreContractTests {

	private static HikariDataSource pool;

	private static DataSource dataSource;

	@BeforeAll
	static void openDatabase() {
		pool = TestDataSources.pool("jdbc:h2:mem:asyncz-no-counts;DB_CLOSE_DELAY=-1", "h2-no-counts", null);
		dataSource = proxy(DataSource.class, pool, (target, method, args) -> {
			Object result = method.invoke(target, args);
			return (result instanceof Connection connection) ? withoutBatchCounts(connection) : result;
		});
	}

	@AfterAll
	static void closeDatabase() {
		pool.close();
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

	@Override
	protected JdbcDialect expectedDialect() {
		return JdbcDialect.H2;
	}

	private static Connection withoutBatchCounts(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			Object result = method.invoke(target, args);
			if (result instanceof PreparedStatement statement) {
				return proxy(PreparedStatement.class, statement, (inner, call, callArgs) -> {
					Object value = call.invoke(inner, callArgs);
					if (call.getName().equals("executeBatch")) {
						int[] counts = new int[((int[]) value).length];
						Arrays.fill(counts, Statement.SUCCESS_NO_INFO);
						return counts;
					}
					return value;
				});
			}
			return result;
		});
	}

	private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
		InvocationHandler invocation = (proxy, method, args) -> {
			try {
				return handler.handle(target, method, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocation));
	}

	@FunctionalInterface
	private interface Handler<T> {

		Object handle(T target, Method method, Object[] args) throws Throwable;

	}

}

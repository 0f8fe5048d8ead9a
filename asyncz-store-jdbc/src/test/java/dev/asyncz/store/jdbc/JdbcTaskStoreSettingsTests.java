package dev.asyncz.store.jdbc;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks on {@link JdbcTaskStoreSettings}.
 */
class JdbcTaskStoreSettingsTests {

	@Test
	void defaultsAreTheDocumentedValues() {
		JdbcTaskStoreSettings settings = JdbcTaskStoreSettings.defaults();
		assertThat(settings.tablePrefix()).isEqualTo("asyncz_");
		assertThat(settings.dialect()).isNull();
		assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.claimBatchSize()).isEqualTo(100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "asyncz_", "app1_", "Jobs", "a" })
	void identifierPrefixesAreAccepted(String prefix) {
		assertThat(JdbcTaskStoreSettings.builder().tablePrefix(prefix).build().tablePrefix()).isEqualTo(prefix);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1abc_", "_x", "x; DROP TABLE users; --", "app.tasks_", "app-", "a b", "\"quoted\"",
			"averyveryveryveryverylongprefix_" })
	void prefixesThatAreNotPlainIdentifiersAreRejectedByName(String prefix) {
		assertThatExceptionOfType(JdbcStoreSettingsException.class)
			.isThrownBy(() -> JdbcTaskStoreSettings.builder().tablePrefix(prefix).build())
			.withMessageContaining("'" + prefix + "'");
	}

	@Test
	void leaseShorterThanASecondIsRejected() {
		assertThatExceptionOfType(JdbcStoreSettingsException.class)
			.isThrownBy(() -> JdbcTaskStoreSettings.builder().leaseDuration(Duration.ofMillis(500)).build())
			.withMessageContaining("PT0.5S");
	}

	@Test
	void negativePollIntervalIsRejected() {
		assertThatExceptionOfType(JdbcStoreSettingsException.class)
			.isThrownBy(() -> JdbcTaskStoreSettings.builder().pollInterval(Duration.ofSeconds(-1)).build())
			.withMessageContaining("PT-1S");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1001 })
	void claimBatchSizeOutsideOneToAThousandIsRejected(int size) {
		assertThatExceptionOfType(JdbcStoreSettingsException.class)
			.isThrownBy(() -> JdbcTaskStoreSettings.builder().claimBatchSize(size).build())
			.withMessageContaining(String.valueOf(size));
	}

	@Test
	void unsupportedDatabaseIsNamed() {
		assertThatExceptionOfType(JdbcStoreSettingsException.class)
			.isThrownBy(() -> JdbcDialect.fromProductName("Oracle"))
			.withMessageContaining("'Oracle'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PostgreSQL", "MariaDB", "MySQL", "H2" })
	void supportedDatabasesAreRecognised(String productName) {
		assertThat(JdbcDialect.fromProductName(productName)).isNotNull();
	}

}

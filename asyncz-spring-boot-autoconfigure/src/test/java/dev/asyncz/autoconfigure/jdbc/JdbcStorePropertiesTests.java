package dev.asyncz.autoconfigure.jdbc;

import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcStorePropertiesTests {

	private final JdbcStoreProperties properties = new JdbcStoreProperties();

	@Test
	void tablePrefixDefaultIsTheStoresDefault() {
		assertThat(this.properties.getTablePrefix()).isEqualTo(JdbcTaskStoreSettings.defaults().tablePrefix());
	}

	@Test
	void leaseTimeAndPollIntervalDefaultToUnsetSoTheStoresDefaultsApply() {
		assertThat(this.properties.getLeaseTime()).isNull();
		assertThat(this.properties.getPollInterval()).isNull();
	}

	@Test
	void writeFormatDefaultIsTheStoresDefault() {
		assertThat(this.properties.getWriteFormat()).isEqualTo(JdbcTaskStoreSettings.defaults().writeFormat());
	}

	@Test
	void schemaIsCreatedOnlyForAnEmbeddedDatabaseByDefault() {
		assertThat(this.properties.getInitializeSchema()).isEqualTo(JdbcStoreProperties.InitializeSchema.EMBEDDED);
	}

}

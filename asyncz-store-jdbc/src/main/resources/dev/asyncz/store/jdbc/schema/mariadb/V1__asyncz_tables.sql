-- Version 1 of the asyncz task table for MariaDB 10.6+ and MySQL 8+, in the Flyway naming scheme: the
-- store's initialize-schema runs it too, so a table made by either is the same. Tables and indexes start
-- with "asyncz_": replace that with the store's table prefix if it has another one.
-- Never edited once released: a later column comes in a new version script (V2__..., V3__...) as a
-- plain ALTER TABLE ... ADD COLUMN, which initialize-schema runs only where the column is missing.
-- Times are UTC DATETIME(6) values (TIMESTAMP would end in 2038).
CREATE TABLE IF NOT EXISTS asyncz_tasks (
	id VARCHAR(255) NOT NULL,
	name VARCHAR(1000) NOT NULL,
	function_name VARCHAR(255) NOT NULL,
	arguments_json LONGTEXT NOT NULL,
	trigger_json TEXT NOT NULL,
	executor VARCHAR(255) NOT NULL,
	options_json LONGTEXT NOT NULL,
	next_run_time DATETIME(6) NULL,
	state VARCHAR(16) NOT NULL,
	claimed_by VARCHAR(255) NULL,
	lease_until DATETIME(6) NULL,
	version BIGINT NOT NULL,
	quarantine_reason VARCHAR(1000) NULL,
	quarantined_at DATETIME(6) NULL,
	failure_json TEXT NULL,
	PRIMARY KEY (id),
	INDEX asyncz_tasks_next_run_time_idx (next_run_time, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

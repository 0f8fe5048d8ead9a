-- asyncz task table for MariaDB 10.6+ and MySQL 8+. Tables and indexes start with "asyncz_"; the
-- store's initializeSchema() replaces that prefix with the configured table prefix. Times are UTC
-- DATETIME(6) values (TIMESTAMP would end in 2038).
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

-- How the runs of a task's current fire time failed. Tables created before the column existed get it
-- here; initializeSchema() skips this statement where the table has it already.
-- MySQL has no ADD COLUMN IF NOT EXISTS: on MySQL, add the column to such a table by hand.
ALTER TABLE asyncz_tasks ADD COLUMN IF NOT EXISTS failure_json TEXT NULL;

-- When a row was quarantined, by the scheduler's clock; added to tables created before the column
-- existed, as above.
ALTER TABLE asyncz_tasks ADD COLUMN IF NOT EXISTS quarantined_at DATETIME(6) NULL;

-- asyncz task table for H2 2.x. Tables and indexes start with "asyncz_"; the store's
-- initializeSchema() replaces that prefix with the configured table prefix.
CREATE TABLE IF NOT EXISTS asyncz_tasks (
	id VARCHAR(255) NOT NULL PRIMARY KEY,
	name VARCHAR(1000) NOT NULL,
	function_name VARCHAR(255) NOT NULL,
	arguments_json CHARACTER LARGE OBJECT NOT NULL,
	trigger_json CHARACTER LARGE OBJECT NOT NULL,
	executor VARCHAR(255) NOT NULL,
	options_json CHARACTER LARGE OBJECT NOT NULL,
	next_run_time TIMESTAMP(6) WITH TIME ZONE,
	state VARCHAR(16) NOT NULL,
	claimed_by VARCHAR(255),
	lease_until TIMESTAMP(6) WITH TIME ZONE,
	version BIGINT NOT NULL,
	quarantine_reason VARCHAR(1000),
	quarantined_at TIMESTAMP(6) WITH TIME ZONE,
	failure_json CHARACTER LARGE OBJECT
);

CREATE INDEX IF NOT EXISTS asyncz_tasks_next_run_time_idx ON asyncz_tasks (next_run_time, id);

-- How the runs of a task's current fire time failed. Tables created before the column existed get it
-- here; initializeSchema() skips this statement where the table has it already.
ALTER TABLE asyncz_tasks ADD COLUMN IF NOT EXISTS failure_json CHARACTER LARGE OBJECT;

-- When a row was quarantined, by the scheduler's clock; added to tables created before the column
-- existed, as above.
ALTER TABLE asyncz_tasks ADD COLUMN IF NOT EXISTS quarantined_at TIMESTAMP(6) WITH TIME ZONE;

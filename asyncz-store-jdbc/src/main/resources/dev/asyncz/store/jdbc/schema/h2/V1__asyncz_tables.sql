-- Version 1 of the asyncz task table for H2 2.x, in the Flyway naming scheme: the
-- store's initialize-schema runs it too, so a table made by either is the same. Tables and indexes start
-- with "asyncz_": replace that with the store's table prefix if it has another one.
-- Never edited once released: a later column comes in a new version script (V2__..., V3__...) as a
-- plain ALTER TABLE ... ADD COLUMN, which initialize-schema runs only where the column is missing.
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

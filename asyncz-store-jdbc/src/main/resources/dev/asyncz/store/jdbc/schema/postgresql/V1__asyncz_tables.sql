-- Version 1 of the asyncz task table for PostgreSQL, in the Flyway naming scheme: the
-- store's initialize-schema runs it too, so a table made by either is the same. Tables and indexes start
-- with "asyncz_": replace that with the store's table prefix if it has another one.
-- Never edited once released: a later column comes in a new version script (V2__..., V3__...) as a
-- plain ALTER TABLE ... ADD COLUMN, which initialize-schema runs only where the column is missing.
-- fillfactor 80 leaves room in every page so that claiming a row (state, owner, lease and
-- version, none of them indexed) is a heap-only update that touches no index: about a third more
-- executions/s on a busy table, for a quarter more disk per waiting task.
CREATE TABLE IF NOT EXISTS asyncz_tasks (
	id VARCHAR(255) NOT NULL PRIMARY KEY,
	name VARCHAR(1000) NOT NULL,
	function_name VARCHAR(255) NOT NULL,
	arguments_json TEXT NOT NULL,
	trigger_json TEXT NOT NULL,
	executor VARCHAR(255) NOT NULL,
	options_json TEXT NOT NULL,
	next_run_time TIMESTAMP WITH TIME ZONE,
	state VARCHAR(16) NOT NULL,
	claimed_by VARCHAR(255),
	lease_until TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	quarantine_reason VARCHAR(1000),
	quarantined_at TIMESTAMP WITH TIME ZONE,
	failure_json TEXT
) WITH (fillfactor = 80);

CREATE INDEX IF NOT EXISTS asyncz_tasks_next_run_time_idx ON asyncz_tasks (next_run_time, id);

-- The dashboard's search by id prefix (id LIKE 'prefix%'). The primary key's index serves such a LIKE
-- only when the column's collation is "C" (not even "C.UTF-8" counts), so this index compares bytes
-- whatever the database's collation. A claim never changes the id, so claims stay heap-only updates.
CREATE INDEX IF NOT EXISTS asyncz_tasks_id_prefix_idx ON asyncz_tasks (id varchar_pattern_ops);


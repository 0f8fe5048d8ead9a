-- Version 2 of the asyncz task table for PostgreSQL: the id-prefix index that version 1 created for the
-- dashboard's search by id prefix is dropped. It cost every add an index entry and every waiting task
-- about 40 bytes, for an operator's search that reads the table without it (a rare prefix in a large
-- table reads every row). Where that search matters more, create the index under another name, which
-- this script leaves alone, e.g.:
--   CREATE INDEX CONCURRENTLY asyncz_tasks_id_search_idx ON asyncz_tasks (id varchar_pattern_ops);
-- initializeSchema() runs this script after version 1 and then leaves out version 1's CREATE INDEX, so
-- a new table never builds the index only to drop it.
DROP INDEX IF EXISTS asyncz_tasks_id_prefix_idx;

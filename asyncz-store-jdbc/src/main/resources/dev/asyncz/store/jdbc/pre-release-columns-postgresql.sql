-- PostgreSQL: columns that tables created by builds before the first release lack. initializeSchema()
-- adds each one after the versioned scripts, only where the table does not have it (the ALTER TABLE
-- would lock the table even then). Flyway and Liquibase users never need this file: the version 1
-- script creates the table with these columns.
ALTER TABLE asyncz_tasks ADD COLUMN failure_json TEXT;
ALTER TABLE asyncz_tasks ADD COLUMN quarantined_at TIMESTAMP WITH TIME ZONE;

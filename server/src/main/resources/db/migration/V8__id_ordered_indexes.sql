-- Ids are UUIDv7 (RecognitionIds, since V1): the first 48 bits are the milliseconds of created_at (which the server
-- truncates to milliseconds), written as the first 12 hex digits, and the text of the ids sorts as the numbers do
-- (lower-case hex digits at fixed places, under the C collation and the usual language ones alike). So "ORDER BY id"
-- is "ORDER BY created_at, id", and the primary key already holds the rows in the order recognitions_created (V1)
-- did: the listing and the retention job's oldest rows walk the primary key instead, and one B-tree fewer changes
-- per stored recognition (again on commit, and on H2 again when its pages are written out). A client's listing and
-- oldest rows walk (owner, id), the same order as recognitions_owner's (owner, created_at, id) without the time.
-- DROP INDEX and CREATE INDEX are read alike by H2 and PostgreSQL.
DROP INDEX IF EXISTS recognitions_created;
DROP INDEX IF EXISTS recognitions_owner;
CREATE INDEX recognitions_owner_id ON recognitions (owner, id);

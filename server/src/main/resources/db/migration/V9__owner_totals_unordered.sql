-- The per-client totals (V7) lose their (bytes, owner) index. H2 updates a row by taking it out of every index of
-- its table and putting it back, so each client total an insert raised changed that index twice more, and the commit
-- and H2's page writer went over those entries again: in the writer alone 20-30% of its CPU per stored row
-- (docs/benchmarks.md, issue 13). The retention job no longer needs it: it reads by primary key the totals its
-- instance's inserts raised, and scans the table (clients over their share, the largest holders) only at start-up
-- and every store.retention.full-scan-interval, which also sees what other instances stored.
-- DROP INDEX is read alike by H2 and PostgreSQL.
DROP INDEX IF EXISTS owner_stored_bytes_bytes;

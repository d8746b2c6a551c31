-- Bytes each client holds (the sum of its rows' stored_bytes), which the retention job compares with
-- store.retention.max-bytes-per-client and uses to evict the largest holders first when the store is over
-- store.retention.max-bytes. Kept, like stored_bytes_total, by the transactions that insert and delete recognitions;
-- a client's row goes when its last recognition does. Rows stored before owners were recorded (owner NULL, V2) are
-- one holder, named by the empty string, which no client key (64 hex characters) can be.
CREATE TABLE owner_stored_bytes (
    owner VARCHAR(64) NOT NULL PRIMARY KEY,
    bytes BIGINT      NOT NULL
);
INSERT INTO owner_stored_bytes (owner, bytes)
    SELECT COALESCE(owner, ''), SUM(stored_bytes) FROM recognitions GROUP BY COALESCE(owner, '');

-- The largest holders first, and those over their share: a backward walk of this index, never a scan of the table.
CREATE INDEX owner_stored_bytes_bytes ON owner_stored_bytes (bytes, owner);

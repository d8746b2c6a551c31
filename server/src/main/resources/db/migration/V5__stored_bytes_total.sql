-- The total of recognitions.stored_bytes, which the retention job compares with store.retention.max-bytes. Summing
-- the column read every row of the table once a minute (on H2, every stored image with it); the transactions that
-- insert and delete recognitions add and subtract their rows' bytes here instead, so every instance sharing the
-- database reads the same committed total. Sixteen slots rather than one row, so that instances committing at the
-- same moment rarely wait for each other's lock on it: each transaction adds to one slot, the total is their sum.
-- RecognitionStore.TOTAL_SLOTS names the count.
CREATE TABLE stored_bytes_total (
    slot  INTEGER NOT NULL PRIMARY KEY,
    bytes BIGINT  NOT NULL
);
INSERT INTO stored_bytes_total (slot, bytes) SELECT 0, COALESCE(SUM(stored_bytes), 0) FROM recognitions;
INSERT INTO stored_bytes_total (slot, bytes) VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0),
    (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0);

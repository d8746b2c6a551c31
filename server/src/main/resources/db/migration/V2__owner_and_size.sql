-- Who may read a recognition: the hex SHA-256 of the anonymous client id that posted it (never the id itself, so a
-- copy of the database does not unlock anyone's drawings). Rows stored before this migration have no owner and are
-- visible to the admin token only.
ALTER TABLE recognitions ADD COLUMN owner VARCHAR(64);

-- Bytes each row holds in its images and texts, summed by the retention job (store.retention.max-bytes) without
-- reading the blobs. The backfill is the same sum RecognitionStore.storedBytes computes for new rows.
ALTER TABLE recognitions ADD COLUMN stored_bytes BIGINT DEFAULT 0 NOT NULL;
UPDATE recognitions SET stored_bytes = OCTET_LENGTH(input_pixels) + COALESCE(OCTET_LENGTH(original_image), 0)
    + OCTET_LENGTH(readings) + OCTET_LENGTH(text);

-- One client's listing, newest first.
CREATE INDEX recognitions_owner ON recognitions (owner, created_at, id);

-- Digital ink is kept as its JSON in original_image, typed application/vnd.mathsketch.ink+json (issue 13): 35
-- characters, more than the 32 V1 allowed. SET DATA TYPE is standard SQL, read alike by H2 and PostgreSQL.
ALTER TABLE recognitions ALTER COLUMN content_type SET DATA TYPE VARCHAR(64);

-- mode = 'expression' (mode=expression, issue 17) is longer than the 8 characters V1 allowed.
-- SET DATA TYPE is standard SQL, read alike by H2 and PostgreSQL.
ALTER TABLE recognitions ALTER COLUMN mode SET DATA TYPE VARCHAR(16);

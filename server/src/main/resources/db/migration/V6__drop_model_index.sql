-- recognitions_model (V1) served no query: the listings filter by model with "(:model = '' OR model_name = :model)",
-- which neither H2 nor PostgreSQL answers from an index, and the per-model statistics read every row anyway. Every
-- insert still paid for it: one more B-tree changed per stored recognition, again when its transaction commits, and
-- on H2 once more when its pages are written out. DROP INDEX is read alike by H2 and PostgreSQL.
DROP INDEX IF EXISTS recognitions_model;

-- One row per recognition. The same SQL runs on H2 (2.x) and PostgreSQL: BYTEA is an H2 alias of BINARY VARYING,
-- unbounded VARCHAR holds JSON text on both.
CREATE TABLE recognitions (
    id               CHAR(36)                 NOT NULL PRIMARY KEY,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    mode             VARCHAR(8)               NOT NULL,
    text             VARCHAR                  NOT NULL,
    confidence       DOUBLE PRECISION         NOT NULL,
    readings         VARCHAR                  NOT NULL,
    input_pixels     BYTEA                    NOT NULL,
    original_image   BYTEA,
    content_type     VARCHAR(32),
    model_name       VARCHAR(200)             NOT NULL,
    model_version    VARCHAR(100)             NOT NULL,
    engine           VARCHAR(32)              NOT NULL,
    device           VARCHAR(32)              NOT NULL,
    preprocess_nanos BIGINT                   NOT NULL,
    queue_nanos      BIGINT                   NOT NULL,
    inference_nanos  BIGINT                   NOT NULL,
    postprocess_nanos BIGINT                  NOT NULL,
    feedback_label   VARCHAR,
    feedback_at      TIMESTAMP WITH TIME ZONE
);

-- Newest-first cursor pagination walks this index.
CREATE INDEX recognitions_created ON recognitions (created_at, id);
CREATE INDEX recognitions_model ON recognitions (model_name, model_version);

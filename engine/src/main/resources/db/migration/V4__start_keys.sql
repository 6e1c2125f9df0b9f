-- Idempotency keys of instance starts: a start repeated with the same key returns the first
-- instance instead of starting another. Rows are removed after the retention time.
CREATE TABLE baton_start_key (
    idempotency_key  VARCHAR(255) NOT NULL PRIMARY KEY,
    process_key      VARCHAR(255) NOT NULL,
    request_hash     VARCHAR(64)  NOT NULL,
    instance_id      VARCHAR(64),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX baton_start_key_created ON baton_start_key (created_at);

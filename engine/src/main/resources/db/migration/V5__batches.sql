-- Operations a person started on many instances at once (cancel, retry, migrate, ...): who, when,
-- why, how many, and the Camunda batches that do the work. Progress is read from Camunda's batch
-- tables, so every node answers the same.
CREATE TABLE baton_batch (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    type             VARCHAR(32)  NOT NULL,
    total            BIGINT       NOT NULL,
    started_by       VARCHAR(255),
    started_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason           VARCHAR(4000),
    canceled         BOOLEAN      NOT NULL,
    -- progress when it was canceled: Camunda forgets a deleted batch's jobs
    done_at_cancel   BIGINT,
    failed_at_cancel BIGINT
);
CREATE INDEX baton_batch_started ON baton_batch (started_at);

-- The Camunda batches of one operation (a retry has up to two: jobs and external tasks).
CREATE TABLE baton_batch_part (
    batch_id          VARCHAR(36) NOT NULL REFERENCES baton_batch (id) ON DELETE CASCADE,
    camunda_batch_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (batch_id, camunda_batch_id)
);

-- Worker registry: one row per worker id that ever polled, with counters that nodes add to.
CREATE TABLE baton_worker (
    worker_id          VARCHAR(255)  NOT NULL PRIMARY KEY,
    topics             VARCHAR(4000) NOT NULL,
    first_seen         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    remote_address     VARCHAR(64),
    long_poll_millis   BIGINT        NOT NULL,
    fetched            BIGINT        NOT NULL,
    completed          BIGINT        NOT NULL,
    failed             BIGINT        NOT NULL,
    bpmn_errors        BIGINT        NOT NULL
);

-- Worker credentials: only a SHA-256 hash of each key is kept; revoked rows stay for the record.
CREATE TABLE baton_worker_credential (
    worker_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    topics      VARCHAR(4000) NOT NULL,
    key_hash    VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(255),
    revoked_at  TIMESTAMP(6) WITH TIME ZONE
);

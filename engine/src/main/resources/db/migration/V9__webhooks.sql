-- Webhooks (webhooks/): an administrator registers a URL; the secret is kept as given, because
-- every delivery is signed with it (HMAC-SHA256), and is never answered again.
CREATE TABLE baton_webhook (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    -- null: every process
    process_key VARCHAR(255),
    -- comma-separated event types; null: every type
    event_types VARCHAR(255),
    secret      VARCHAR(256)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(255)
);

-- One row per event and matching webhook, inserted in the publisher round's transaction that
-- deletes (or marks) the event's outbox row. A sender claims a PENDING row whose next_attempt_at
-- has come with a conditional update (attempts unchanged), and only when no row of the same
-- webhook and instance with a lower sequence is still PENDING: in order per webhook and instance.
CREATE TABLE baton_webhook_delivery (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    webhook_id          VARCHAR(36)  NOT NULL,
    event_id            VARCHAR(36)  NOT NULL,
    event_type          VARCHAR(32)  NOT NULL,
    process_instance_id VARCHAR(64),
    sequence            BIGINT       NOT NULL,
    body                VARCHAR(8000) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INTEGER      NOT NULL,
    next_attempt_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_status         INTEGER,
    last_error          VARCHAR(1000),
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at        TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT baton_webhook_delivery_webhook FOREIGN KEY (webhook_id)
        REFERENCES baton_webhook (id) ON DELETE CASCADE
);
CREATE INDEX baton_webhook_delivery_due ON baton_webhook_delivery (status, next_attempt_at);
CREATE INDEX baton_webhook_delivery_order
    ON baton_webhook_delivery (webhook_id, process_instance_id, sequence);
CREATE INDEX baton_webhook_delivery_list ON baton_webhook_delivery (webhook_id, status, sequence);

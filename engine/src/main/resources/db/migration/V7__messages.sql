-- Messages sent to Baton (POST /api/messages, AMQP queue baton.messages) that carry a messageId or
-- wait for their process: the unique message_id makes a repeat answer the first outcome; a WAITING
-- message is delivered by the first node whose conditional update (state = 'WAITING') claims it,
-- in the transaction of its correlation. Rows other than WAITING are removed after the retention.
CREATE TABLE baton_message (
    id                    VARCHAR(36)     NOT NULL PRIMARY KEY,
    message_id            VARCHAR(255)    NOT NULL,
    name                  VARCHAR(255)    NOT NULL,
    business_key          VARCHAR(255),
    -- JSON objects as sent, checked by the variable policy at arrival and again at delivery
    correlation_variables VARCHAR(1000000),
    variables             VARCHAR(1000000),
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP(6) WITH TIME ZONE,
    state                 VARCHAR(16)     NOT NULL,
    instance_id           VARCHAR(64),
    delivered_at          TIMESTAMP(6) WITH TIME ZONE,
    -- the engine user (and groups) it was sent as: a stored message correlates as its sender
    sent_by               VARCHAR(255),
    sent_by_groups        VARCHAR(4000),
    CONSTRAINT baton_message_message_id UNIQUE (message_id)
);
CREATE INDEX baton_message_state_name ON baton_message (state, name, created_at);
CREATE INDEX baton_message_created ON baton_message (created_at);

-- Who deployed a diagram through Baton's API, when, and the note they gave.
CREATE TABLE baton_deployment_note (
    deployment_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    deployed_by   VARCHAR(255),
    deployed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    note          VARCHAR(2000)
);

-- Rows that a transaction locks (SELECT ... FOR UPDATE) to run one at a time on every node.
-- 'administrators': changes that may take away an administrator (users/AdministratorsLock), so two
-- administrators demoting each other at once cannot leave none.
CREATE TABLE baton_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO baton_lock (name) VALUES ('administrators');

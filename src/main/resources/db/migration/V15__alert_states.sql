-- Alerts (module alerts, docs/alerts.md): one row per condition, so an alert fires once per crossing across
-- restarts and instances. A condition fires when an UPDATE ... WHERE NOT active (or the first INSERT) changes its row.
CREATE TABLE alert_states (
    alert_key   varchar(200) PRIMARY KEY,
    type        varchar(40)  NOT NULL CHECK (type IN ('LOW_BALANCE', 'NUMBERS_STUCK', 'SYNC_DRIFT', 'JOB_FAILED')),
    active      boolean      NOT NULL,
    message     varchar(1000) NOT NULL,
    fired_at    timestamptz  NOT NULL,
    resolved_at timestamptz,
    updated_at  timestamptz  NOT NULL,
    CHECK (active OR resolved_at IS NOT NULL)
);

CREATE INDEX alert_states_active ON alert_states (fired_at DESC) WHERE active;

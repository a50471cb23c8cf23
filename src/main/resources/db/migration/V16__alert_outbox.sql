-- Alert notifications waiting to be delivered (webhook, e-mail): written in the transaction that fires or resolves
-- an alert, delivered by a scheduled poller with backoff, so a notification survives a restart and never holds up a
-- request. A row is claimed by moving next_attempt_at past a lease (FOR UPDATE SKIP LOCKED), so two instances never
-- send the same attempt.
CREATE TABLE alert_outbox (
    id              bigserial    PRIMARY KEY,
    channel         varchar(20)  NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    alert_key       varchar(200) NOT NULL,
    event           varchar(20)  NOT NULL CHECK (event IN ('FIRED', 'RESOLVED')),
    payload         text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz  NOT NULL,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    last_error      varchar(500)
);

CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE delivered_at IS NULL AND abandoned_at IS NULL;

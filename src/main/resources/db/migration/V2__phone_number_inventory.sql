-- The inventory of phone numbers and their lifecycle (DESIGN.md "Lifecycle and invariants").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE phone_numbers (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state                VARCHAR(16)  NOT NULL
                         CHECK (state IN ('PURCHASING', 'ACTIVE', 'RELEASING', 'RELEASED', 'FAILED')),
    twilio_sid           VARCHAR(34)  CHECK (twilio_sid ~ '^PN[0-9a-fA-F]{32}$'),
    e164                 VARCHAR(16)  CHECK (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    requested_area_code  VARCHAR(3)   CHECK (requested_area_code ~ '^[0-9]{3}$'),
    friendly_name        VARCHAR(64),
    voice_enabled        BOOLEAN      NOT NULL DEFAULT FALSE,
    sms_enabled          BOOLEAN      NOT NULL DEFAULT FALSE,
    mms_enabled          BOOLEAN      NOT NULL DEFAULT FALSE,
    fax_enabled          BOOLEAN      NOT NULL DEFAULT FALSE,
    voice_url            VARCHAR(2048),
    voice_method         VARCHAR(4)   CHECK (voice_method IN ('GET', 'POST')),
    voice_fallback_url   VARCHAR(2048),
    sms_url              VARCHAR(2048),
    sms_method           VARCHAR(4)   CHECK (sms_method IN ('GET', 'POST')),
    sms_fallback_url     VARCHAR(2048),
    status_callback      VARCHAR(2048),
    client_id            BIGINT       REFERENCES clients (id),
    idempotency_key      VARCHAR(100) UNIQUE,
    request_fingerprint  VARCHAR(200),
    failure_code         INTEGER,
    failure_reason       VARCHAR(500),
    purchased_at         TIMESTAMPTZ,
    released_at          TIMESTAMPTZ,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              BIGINT       NOT NULL DEFAULT 0,
    -- a purchase names the number or an area code
    CHECK (e164 IS NOT NULL OR requested_area_code IS NOT NULL),
    -- a number Twilio sold us always has its SID and E.164 value
    CHECK (state IN ('PURCHASING', 'FAILED') OR (twilio_sid IS NOT NULL AND e164 IS NOT NULL)),
    CHECK ((state = 'RELEASED') = (released_at IS NOT NULL)),
    CHECK (state <> 'RELEASED' OR client_id IS NULL)
);

-- Invariant 1: at most one live (not released, not failed) row per number and per SID.
CREATE UNIQUE INDEX phone_numbers_live_e164 ON phone_numbers (e164)
    WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING');
CREATE UNIQUE INDEX phone_numbers_live_sid ON phone_numbers (twilio_sid)
    WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING');

-- Console and API lists: filtered by client and/or state, sorted, paged.
CREATE INDEX phone_numbers_created ON phone_numbers (created_at DESC, id DESC);
CREATE INDEX phone_numbers_state_created ON phone_numbers (state, created_at DESC, id DESC);
CREATE INDEX phone_numbers_client_created ON phone_numbers (client_id, created_at DESC, id DESC);
CREATE INDEX phone_numbers_e164 ON phone_numbers (e164, id);
CREATE INDEX phone_numbers_e164_trgm ON phone_numbers USING gin (e164 gin_trgm_ops);
CREATE INDEX phone_numbers_friendly_trgm ON phone_numbers USING gin (lower(friendly_name) gin_trgm_ops);
-- Recovery scans the few rows stuck between states.
CREATE INDEX phone_numbers_in_flight ON phone_numbers (updated_at) WHERE state IN ('PURCHASING', 'RELEASING');

-- Who had which number when: appended, never overwritten.
CREATE TABLE number_assignments (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_number_id  BIGINT      NOT NULL REFERENCES phone_numbers (id),
    client_id        BIGINT      NOT NULL REFERENCES clients (id),
    assigned_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    assigned_by      VARCHAR(254) NOT NULL,
    unassigned_at    TIMESTAMPTZ,
    unassigned_by    VARCHAR(254),
    CHECK (unassigned_at IS NULL OR unassigned_at >= assigned_at)
);

CREATE UNIQUE INDEX number_assignments_open ON number_assignments (phone_number_id) WHERE unassigned_at IS NULL;
CREATE INDEX number_assignments_number ON number_assignments (phone_number_id, assigned_at);
CREATE INDEX number_assignments_client ON number_assignments (client_id, assigned_at);

-- The append-only audit trail (DESIGN.md invariant 6).
CREATE TABLE audit_events (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor            VARCHAR(254) NOT NULL,
    action           VARCHAR(32)  NOT NULL,
    outcome          VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED', 'UNKNOWN')),
    phone_number_id  BIGINT,
    e164             VARCHAR(16),
    twilio_sid       VARCHAR(34),
    client_id        BIGINT,
    other_client_id  BIGINT,
    before_state     JSONB,
    after_state      JSONB,
    twilio_code      INTEGER,
    detail           VARCHAR(1000)
);

CREATE INDEX audit_events_time ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_e164 ON audit_events (e164, occurred_at DESC);
CREATE INDEX audit_events_client ON audit_events (client_id, occurred_at DESC);
CREATE INDEX audit_events_other_client ON audit_events (other_client_id, occurred_at DESC);
CREATE INDEX audit_events_action ON audit_events (action, occurred_at DESC);

CREATE RULE audit_events_no_update AS ON UPDATE TO audit_events DO INSTEAD NOTHING;
CREATE RULE audit_events_no_delete AS ON DELETE TO audit_events DO INSTEAD NOTHING;

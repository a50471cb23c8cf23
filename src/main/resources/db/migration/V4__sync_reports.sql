-- Sync with Twilio (DESIGN.md invariant 7): one row per check, so every instance and the dashboard
-- see the same latest result. The lists are capped (the counts are not).
CREATE TABLE sync_reports (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at             TIMESTAMPTZ  NOT NULL,
    finished_at            TIMESTAMPTZ  NOT NULL,
    run_by                 VARCHAR(254) NOT NULL,
    checked                BIGINT       NOT NULL CHECK (checked >= 0),
    untracked_count        BIGINT       NOT NULL CHECK (untracked_count >= 0),
    missing_count          BIGINT       NOT NULL CHECK (missing_count >= 0),
    webhooks_differ_count  BIGINT       NOT NULL CHECK (webhooks_differ_count >= 0),
    untracked              JSONB        NOT NULL,
    missing                JSONB        NOT NULL,
    webhooks_differ        JSONB        NOT NULL,
    CHECK (finished_at >= started_at)
);

CREATE INDEX sync_reports_latest ON sync_reports (finished_at DESC, id DESC);

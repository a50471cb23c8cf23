-- Sync also reports active numbers whose friendly name in Twilio is not the one the inventory holds (the
-- name of their client), and a failed purchase keeps which problem it was, so an idempotent replay repeats
-- exactly that answer (with Twilio's code only when Twilio sent one).
ALTER TABLE sync_reports
    ADD COLUMN names_differ_count BIGINT NOT NULL DEFAULT 0 CHECK (names_differ_count >= 0),
    ADD COLUMN names_differ       JSONB  NOT NULL DEFAULT '[]';

ALTER TABLE phone_numbers
    ADD COLUMN failure_problem VARCHAR(40);

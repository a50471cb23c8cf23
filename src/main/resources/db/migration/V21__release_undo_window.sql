-- A release scheduled with an undo window (ADR 0031): the number stays ACTIVE and routed
-- until release_scheduled_at; Undo clears both columns; the sweep releases due numbers.
ALTER TABLE phone_numbers ADD COLUMN release_scheduled_at timestamptz;
ALTER TABLE phone_numbers ADD COLUMN release_scheduled_by text;

CREATE INDEX phone_numbers_release_due ON phone_numbers (release_scheduled_at)
    WHERE release_scheduled_at IS NOT NULL;

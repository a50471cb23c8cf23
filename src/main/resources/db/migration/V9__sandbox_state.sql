-- The in-app Twilio emulator's account (sandbox mode), in its own schema: see docs/adr/0014.
-- The emulator keeps its state in memory and writes each request's changes through to these tables in one
-- transaction; the revision row is locked by every write, so instances take turns and notice each other's changes.
CREATE SCHEMA IF NOT EXISTS sandbox;

CREATE TABLE sandbox.state (
    id                SMALLINT      PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    main_account_sid  VARCHAR(34)   NOT NULL CHECK (main_account_sid ~ '^AC[0-9a-fA-F]{32}$'),
    revision          BIGINT        NOT NULL,
    balance           NUMERIC(14, 4) NOT NULL,
    purchases         INTEGER       NOT NULL CHECK (purchases >= 0),
    preload_cursor    INTEGER       NOT NULL CHECK (preload_cursor >= 0)
);

-- One row per record of the emulator (subaccount, owned number, address, Messaging Service, sender), as the JSON of
-- the emulator's record type; seq keeps the order records were first saved, which Twilio's lists follow.
CREATE TABLE sandbox.resources (
    seq   BIGINT      GENERATED ALWAYS AS IDENTITY,
    kind  VARCHAR(16) NOT NULL CHECK (kind IN ('ACCOUNT', 'NUMBER', 'ADDRESS', 'SERVICE', 'SENDER')),
    key   VARCHAR(34) NOT NULL,
    body  JSONB       NOT NULL,
    PRIMARY KEY (kind, key)
);

CREATE INDEX sandbox_resources_order ON sandbox.resources (seq);
-- A number belongs to one account at a time.
CREATE UNIQUE INDEX sandbox_resources_number ON sandbox.resources ((body ->> 'phoneNumber')) WHERE kind = 'NUMBER';

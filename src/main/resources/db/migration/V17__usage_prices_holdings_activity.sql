-- The usage module (docs/adr/0025): prices, who held which number when, last traffic, daily figures for the charts.

-- Twilio's monthly number prices per country and type, fetched at most once a day per country.
CREATE TABLE usage_price_cache (
    iso_country   VARCHAR(2)     NOT NULL CHECK (iso_country ~ '^[A-Z]{2}$'),
    number_type   VARCHAR(16)    NOT NULL CHECK (number_type IN ('LOCAL', 'TOLL_FREE', 'MOBILE')),
    monthly_price NUMERIC(12, 4) NOT NULL CHECK (monthly_price >= 0),
    currency      VARCHAR(3)     NOT NULL,
    fetched_at    TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (iso_country, number_type)
);

-- The price each number was bought at (its country's and type's price on the day it was recorded; NULL until priced,
-- priced_at is the last attempt).
CREATE TABLE usage_number_prices (
    number_id     BIGINT         PRIMARY KEY REFERENCES phone_numbers (id) ON DELETE CASCADE,
    e164          VARCHAR(16)    NOT NULL,
    iso_country   VARCHAR(2),
    number_type   VARCHAR(16)    CHECK (number_type IN ('LOCAL', 'TOLL_FREE', 'MOBILE')),
    monthly_price NUMERIC(12, 4),
    currency      VARCHAR(3),
    acquired_at   TIMESTAMPTZ    NOT NULL,
    released_at   TIMESTAMPTZ,
    priced_at     TIMESTAMPTZ,
    CHECK ((monthly_price IS NULL) = (currency IS NULL))
);

CREATE INDEX usage_number_prices_unpriced ON usage_number_prices (number_id) WHERE monthly_price IS NULL;
CREATE INDEX usage_number_prices_live ON usage_number_prices (number_id) WHERE released_at IS NULL;

-- Which client held which number from when until when: the basis of the cost report.
CREATE TABLE usage_holdings (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number_id   BIGINT      NOT NULL REFERENCES phone_numbers (id) ON DELETE CASCADE,
    client_id   BIGINT      NOT NULL REFERENCES clients (id),
    held_from   TIMESTAMPTZ NOT NULL,
    held_until  TIMESTAMPTZ,
    CHECK (held_until IS NULL OR held_until >= held_from)
);

CREATE UNIQUE INDEX usage_holdings_open ON usage_holdings (number_id) WHERE held_until IS NULL;
CREATE INDEX usage_holdings_period ON usage_holdings (held_from, held_until);
CREATE INDEX usage_holdings_client ON usage_holdings (client_id, held_from);

-- Back-fill from the inventory's assignment history (the one time this module reads it).
INSERT INTO usage_holdings (number_id, client_id, held_from, held_until)
SELECT phone_number_id, client_id, assigned_at, unassigned_at FROM number_assignments ORDER BY id;

-- Numbers bought before prices were kept: the app's back-fill works out their country and type and prices them.
INSERT INTO usage_number_prices (number_id, e164, acquired_at, released_at)
SELECT id, e164, COALESCE(purchased_at, created_at), released_at FROM phone_numbers
WHERE e164 IS NOT NULL AND state IN ('ACTIVE', 'RELEASING', 'RELEASED');

-- The last inbound call and message of each number, written in batches by the activity buffer.
CREATE TABLE usage_activity (
    number_id        BIGINT      PRIMARY KEY REFERENCES phone_numbers (id) ON DELETE CASCADE,
    last_call_at     TIMESTAMPTZ,
    last_message_at  TIMESTAMPTZ
);

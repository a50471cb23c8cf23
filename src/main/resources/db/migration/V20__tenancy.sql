-- Tenancy (issue 12, ADR 0027): where each number lives in Twilio, and each client's Twilio
-- resources (subaccount, Messaging Service, Address, Bundle).

-- The Twilio account that owns a number: NULL is the main account. A transfer between
-- accounts records its target first (intent); recovery and the lost-answer path look in
-- both accounts to resolve it.
ALTER TABLE phone_numbers
    ADD COLUMN account_sid          VARCHAR(34) CHECK (account_sid ~ '^AC[0-9a-fA-F]{32}$'),
    ADD COLUMN transfer_to_account  VARCHAR(34) CHECK (transfer_to_account ~ '^AC[0-9a-fA-F]{32}$'),
    ADD COLUMN transfer_to_client   BIGINT REFERENCES clients (id);

CREATE INDEX phone_numbers_in_transfer ON phone_numbers (updated_at) WHERE transfer_to_account IS NOT NULL;
CREATE INDEX phone_numbers_account ON phone_numbers (account_sid, id) WHERE state = 'ACTIVE';

-- A client's Twilio resources. account_sid NULL: no subaccount (yet); account_claimed_at is
-- the intent of a creation in flight, so two instances never create two subaccounts.
CREATE TABLE client_tenancy (
    client_id              BIGINT       PRIMARY KEY REFERENCES clients (id),
    account_sid            VARCHAR(34)  UNIQUE CHECK (account_sid ~ '^AC[0-9a-fA-F]{32}$'),
    account_name           VARCHAR(64),
    account_claimed_at     TIMESTAMPTZ,
    messaging_enabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    messaging_service_sid  VARCHAR(34)  CHECK (messaging_service_sid ~ '^MG[0-9a-fA-F]{32}$'),
    service_claimed_at     TIMESTAMPTZ,
    address_sid            VARCHAR(34)  CHECK (address_sid ~ '^AD[0-9a-fA-F]{32}$'),
    address_iso_country    VARCHAR(2)   CHECK (address_iso_country ~ '^[A-Z]{2}$'),
    bundle_sid             VARCHAR(34)  CHECK (bundle_sid ~ '^BU[0-9a-fA-F]{32}$'),
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);

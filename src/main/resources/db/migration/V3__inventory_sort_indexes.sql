-- Every sort of the inventory list has an index it can walk in either direction
-- (the orders use PostgreSQL's default NULLS placement, which these indexes match).
CREATE INDEX phone_numbers_friendly_sort ON phone_numbers (lower(friendly_name), id);
CREATE INDEX phone_numbers_purchased ON phone_numbers (purchased_at, id);
CREATE INDEX phone_numbers_state_sort ON phone_numbers (state, id);
CREATE INDEX phone_numbers_state_e164 ON phone_numbers (state, e164, id);
CREATE INDEX phone_numbers_client_e164 ON phone_numbers (client_id, e164, id);

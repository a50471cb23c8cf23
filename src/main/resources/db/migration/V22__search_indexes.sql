-- A search for the start of a number listed newest first ("+1 415 55", "(415) 55") collects the
-- range of live numbers that start so and sorts it (ADR 0034): with the creation time and id in the
-- index that reads no row, so its cost is the range's entries, not the rows behind them. The index
-- stays the guard of invariant 1 (one live row per number): unique on e164 alone.
DROP INDEX phone_numbers_live_e164;
CREATE UNIQUE INDEX phone_numbers_live_e164 ON phone_numbers (e164) INCLUDE (created_at, id)
    WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING');

-- Client names are found by a GiST trigram index instead of a GIN one (ADR 0034): a GIN index reads the
-- whole posting list of every trigram of the text, so a name that shares most of them with many
-- others ("Bench Client 001234" among 100,000 "Bench Client …", a franchise's "Store #0042") or a broad
-- text ("client") reads them all — 6 ms and 400 buffers for one match at 100,000 names, 27 ms for
-- "client" — where a GiST index with a 256-byte signature descends to the names that have them all
-- (0.1 ms, 25 buffers; 0.7 ms for the first 201 of "client").
DROP INDEX clients_name_trgm;
CREATE INDEX clients_name_trgm ON clients USING gist (lower(name) gist_trgm_ops(siglen = 256));

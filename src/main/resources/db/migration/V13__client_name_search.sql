-- Inventory search by client name (issue 10, docs/adr/0021): "acme" finds the numbers of every client whose
-- name contains it, through a trigram index like the ones on e164 and friendly_name (V2).
CREATE INDEX clients_name_trgm ON clients USING gin (lower(name) gin_trgm_ops);

-- A job item's payload is what its kind needs to do it (for adopt: Twilio's description of the number), written and read
-- only by the kind, never queried: text instead of JSONB saves parsing each on insert and printing it on read (100,000
-- of each per adopt of 100,000 numbers; docs/benchmarks.md section 8). Items that have ended well let go of it (see
-- JobRepository.record), so a finished job keeps its outcomes, not the work.
ALTER TABLE job_items ALTER COLUMN payload TYPE text USING payload::text;

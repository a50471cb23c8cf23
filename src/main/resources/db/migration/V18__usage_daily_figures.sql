-- One row per day for the dashboard's charts (docs/adr/0026): the inventory by state at the day's last snapshot,
-- and the day's purchases, releases and lifecycle steps by outcome.
CREATE TABLE usage_days (
    day            DATE    PRIMARY KEY,
    assigned       BIGINT,
    unassigned     BIGINT,
    in_flight      BIGINT,
    purchases      BIGINT  NOT NULL DEFAULT 0 CHECK (purchases >= 0),
    releases       BIGINT  NOT NULL DEFAULT 0 CHECK (releases >= 0),
    steps          BIGINT  NOT NULL DEFAULT 0 CHECK (steps >= 0),
    step_failures  BIGINT  NOT NULL DEFAULT 0 CHECK (step_failures >= 0)
);

-- Back-fill the last 90 days from the inventory and the audit trail.
INSERT INTO usage_days (day)
SELECT d::date FROM generate_series(current_date - 90, current_date, interval '1 day') AS d;

UPDATE usage_days u SET purchases = p.n
FROM (SELECT (purchased_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM phone_numbers
      WHERE purchased_at IS NOT NULL GROUP BY 1) p
WHERE u.day = p.day;

UPDATE usage_days u SET releases = r.n
FROM (SELECT (released_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM phone_numbers
      WHERE released_at IS NOT NULL GROUP BY 1) r
WHERE u.day = r.day;

UPDATE usage_days u SET steps = s.n, step_failures = s.failed
FROM (SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
             count(*) FILTER (WHERE outcome <> 'SUCCEEDED') AS failed
      FROM audit_events WHERE occurred_at >= current_date - 90 GROUP BY 1) s
WHERE u.day = s.day;

-- Owned and assigned at the end of each day, from running sums of what came and went.
UPDATE usage_days u SET assigned = a.held, unassigned = GREATEST(o.owned - a.held, 0), in_flight = 0
FROM (SELECT d.day,
             (SELECT count(*) FROM phone_numbers p
              WHERE p.purchased_at < d.day + 1 AND (p.released_at IS NULL OR p.released_at >= d.day + 1)) AS owned
      FROM usage_days d) o,
     (SELECT d.day,
             (SELECT count(*) FROM number_assignments n
              WHERE n.assigned_at < d.day + 1 AND (n.unassigned_at IS NULL OR n.unassigned_at >= d.day + 1)) AS held
      FROM usage_days d) a
WHERE u.day = o.day AND u.day = a.day;

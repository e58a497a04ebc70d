-- reports/charge_sources_empty: what would have given a selection with no
-- charges its charges (R24): the usage logs (an event up to $as_of in the
-- period, of the user and product, naming the team or none: R12 may resolve
-- it to the team) or the vendor's export (its first to last billed day with
-- a team, R24, reaches into the period). app/reports/sources.py says "none"
-- in the words of the source that covers the selection.
-- Filters as reports/charge_sources ($since/$until: instants, [since, until)).
-- Grain: one row.
SELECT
    EXISTS (
        SELECT 1 FROM events e
        WHERE e.ts <= $as_of
          AND ($since IS NULL OR e.ts >= $since)
          AND ($until IS NULL OR e.ts < $until)
          AND ($user_id IS NULL OR e.user_id = $user_id)
          AND ($product_id IS NULL OR e.product_id = $product_id)
          AND ($team IS NULL OR e.team_id IS NULL OR e.team_id IN (SELECT team_id FROM teams WHERE team = $team))
    ) AS logs,
    coalesce((
        SELECT min(v.day) <= CAST($as_of AS DATE)
               AND ($until IS NULL OR CAST(min(v.day) AS TIMESTAMPTZ) < $until)
               AND ($since IS NULL OR CAST(max(v.day) AS TIMESTAMPTZ) + INTERVAL 1 DAY > $since)
        FROM vendor_usage v
        WHERE NOT v.aggregate AND v.team_id IS NOT NULL
    ), false) AS billed;

-- reports/balances: each team's tokens at $as_of and how long they last
-- (data contract `balances`).
-- Rules: R15 (balance = remaining tokens of the packs valid at $as_of),
-- R13 (validity), R21 (burn over the trailing 30 days, runway, tokens at
-- risk), R4 (everything as of $as_of).
-- Decisions (README / docs/architecture.md):
--   burn_30d     = tokens of charges whose window opened in
--                  ($as_of - 30 days, $as_of] (exactly 30 days);
--   runway_days  = floor(balance / (burn_30d / 30)), whole days the balance
--                  lasts at that burn; NULL (empty) when burn_30d is 0;
--                  expiries are not subtracted (expiring_90d shows them);
--   next_expiry  = earliest expires_on of a valid pack with tokens left;
--   expiring_90d = remaining tokens of valid packs whose validity ends at
--                  or before $as_of + 90 days.
-- Every team of the store is listed (0 when it has no valid pack).
-- Filter: $team (team name). No period: a balance is a point in time.
-- Grain: one row per team, sorted by team.
WITH team_sel AS (
    SELECT team_id, team FROM teams WHERE $team IS NULL OR team = $team
),
valid AS (
    SELECT p.pack_id, p.team_id, p.tokens, p.expires_on, p.valid_until
    FROM v_packs p
    WHERE p.team_id IN (SELECT team_id FROM team_sel)
      AND p.valid_from <= $as_of AND $as_of < p.valid_until
),
drawn AS (
    SELECT a.pack_id, sum(a.tokens) AS consumed
    FROM allocations a
    JOIN charges c ON c.charge_id = a.charge_id
    WHERE c.window_start <= $as_of
      AND a.pack_id IN (SELECT pack_id FROM valid)
    GROUP BY a.pack_id
),
state AS (
    SELECT v.team_id, v.expires_on, v.valid_until,
           v.tokens - coalesce(d.consumed, 0) AS remaining
    FROM valid v LEFT JOIN drawn d ON d.pack_id = v.pack_id
),
per_team AS (
    SELECT team_id,
           sum(remaining) AS balance,
           min(expires_on) FILTER (WHERE remaining > 0) AS next_expiry,
           sum(remaining) FILTER (WHERE valid_until <= $as_of + INTERVAL 90 DAY) AS expiring_90d
    FROM state GROUP BY team_id
),
burn AS (
    SELECT c.team_id, sum(c.tokens) AS burn_30d
    FROM charges c
    WHERE c.team_id IN (SELECT team_id FROM team_sel)
      AND c.window_start > $as_of - INTERVAL 30 DAY
      AND c.window_start <= $as_of
    GROUP BY c.team_id
)
SELECT CAST(t.team AS VARCHAR)                      AS team,
       CAST(coalesce(pt.balance, 0) AS BIGINT)      AS balance,
       CAST(coalesce(b.burn_30d, 0) AS BIGINT)      AS burn_30d,
       CAST(CASE WHEN coalesce(b.burn_30d, 0) > 0
                 THEN (30 * coalesce(pt.balance, 0)) // b.burn_30d END AS BIGINT) AS runway_days,
       CAST(pt.next_expiry AS DATE)                 AS next_expiry,
       CAST(coalesce(pt.expiring_90d, 0) AS BIGINT) AS expiring_90d
FROM team_sel t
LEFT JOIN per_team pt ON pt.team_id = t.team_id
LEFT JOIN burn b      ON b.team_id = t.team_id
ORDER BY team;

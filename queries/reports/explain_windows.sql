-- reports/explain_windows: the windows charged, and those denied for
-- insufficient balance, to the user and product, overlapping [$from, $to),
-- opened by $as_of.
-- Rules: R9 (a window [u, u + 24 h) opens when active use reaches past the
-- previous window by more than 5 min), R10 (rate in force at u), R12 (team
-- of the session active at u), R16 (denied: balance below the rate; nothing
-- charged), R4.
-- opening_run: the run during which the window opened (run_start <= u <= run_end).
-- balance_then (denied windows only): the balance the engine weighed the
-- rate against (R16): the billed team's balance at u (v_team_balances, R15)
-- plus what the charges applied after the denial drew at u itself, since
-- R16 applies the charges of one instant by user name, then product code,
-- whichever the source (a billed charge, R24, never shares an instant with
-- a logged window of its team: the team's session covers that day).
-- Grain: one row per window (charged or denied), by opening instant.
WITH me AS (
    SELECT u.user_name, p.product
    FROM users u, products p
    WHERE u.user_id = $user_id AND p.product_id = $product_id
), w AS (
    SELECT c.window_start, c.window_end, CAST('charged' AS VARCHAR) AS outcome,
           c.team_id, c.tokens, c.charge_id, c.session_key
    FROM charges c
    WHERE c.user_id = $user_id AND c.product_id = $product_id AND c.window_start <= $as_of
    UNION ALL
    SELECT d.ts, d.ts + INTERVAL 24 HOUR, 'denied', d.team_id, 0, NULL, d.session_key
    FROM denials d
    WHERE d.user_id = $user_id AND d.product_id = $product_id AND d.ts <= $as_of
      AND d.reason = 'insufficient_balance'
)
SELECT CAST(w.window_start AS TIMESTAMPTZ) AS window_start,
       CAST(w.window_end AS TIMESTAMPTZ)   AS window_end,
       CAST(w.outcome AS VARCHAR)          AS outcome,
       CAST(t.team AS VARCHAR)             AS team,
       CAST(w.tokens AS BIGINT)            AS tokens,
       CAST(r.tokens_per_day AS BIGINT)    AS rate,
       CAST(r.effective_from AS DATE)      AS rate_from,
       CAST((SELECT min(x.run_no) FROM int_runs($as_of) x
             WHERE x.user_id = $user_id AND x.product_id = $product_id
               AND x.run_start <= w.window_start AND w.window_start <= x.run_end) AS BIGINT) AS opening_run,
       CAST(k.session_id AS VARCHAR)       AS session_id,
       CAST(w.charge_id AS BIGINT)         AS charge_id,
       CAST(CASE WHEN w.outcome = 'denied' THEN
           (SELECT b.balance FROM v_team_balances(w.window_start) b WHERE b.team_id = w.team_id)
           + (SELECT coalesce(sum(a.tokens), 0)
              FROM charges c2
              JOIN allocations a ON a.charge_id = c2.charge_id
              LEFT JOIN users u2 ON u2.user_id = c2.user_id
              LEFT JOIN products p2 ON p2.product_id = c2.product_id
              WHERE c2.team_id = w.team_id AND c2.window_start = w.window_start
                AND (u2.user_name > (SELECT user_name FROM me)
                     OR (u2.user_name = (SELECT user_name FROM me) AND p2.product > (SELECT product FROM me))))
       END AS BIGINT)                      AS balance_then
FROM w
LEFT JOIN teams t ON t.team_id = w.team_id
LEFT JOIN sessions k ON k.session_key = w.session_key
LEFT JOIN stg_rate_periods r
       ON r.product_id = $product_id
      AND rate_in_force(w.window_start, r.period_start, r.period_end)
WHERE ($from IS NULL OR w.window_end > $from)
  AND ($to IS NULL OR w.window_start < $to)
ORDER BY window_start, outcome;

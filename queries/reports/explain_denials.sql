-- reports/explain_denials: every denial of the user and product in
-- [$from, $to), by $as_of, with the session it concerns.
-- Rules: R16 (insufficient_balance: ts = the instant the window would have
-- opened), R12 (team_unresolved), R12b (unknown_product), R18
-- (unsupported_platform), R17 (not_assigned); R18b one reason per session.
-- Grain: one row per denial, by ts.
SELECT CAST(d.ts AS TIMESTAMPTZ)      AS ts,
       CAST(d.reason AS VARCHAR)      AS reason,
       CAST(t.team AS VARCHAR)        AS team,
       CAST(k.session_id AS VARCHAR)  AS session_id
FROM denials d
LEFT JOIN teams t    ON t.team_id = d.team_id
LEFT JOIN sessions k ON k.session_key = d.session_key
WHERE d.user_id = $user_id AND d.product_id = $product_id AND d.ts <= $as_of
  AND ($from IS NULL OR d.ts >= $from)
  AND ($to IS NULL OR d.ts < $to)
ORDER BY ts, reason;

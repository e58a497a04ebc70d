-- v_team_balances(as_of): each team's tokens at an instant.
-- Rules: R15 (balance = remaining tokens of the packs valid at as_of), R13
-- (expired packs count nothing, their rest is forfeited), R21 (tokens at
-- risk: next_expiry = earliest expires_on of a valid pack with tokens left;
-- expiring_90d = remaining tokens of valid packs whose validity ends at or
-- before as_of + 90 days), R4.
-- purchased = tokens of the packs valid at as_of (the share left is
-- balance / purchased). Teams without packs are listed with 0.
-- Grain: one row per team.
CREATE OR REPLACE MACRO v_team_balances(as_of) AS TABLE
SELECT CAST(t.team_id AS INTEGER) AS team_id,
       CAST(t.team AS VARCHAR) AS team,
       CAST(coalesce(sum(s.remaining) FILTER (WHERE s.valid_now), 0) AS BIGINT) AS balance,
       CAST(coalesce(sum(s.tokens) FILTER (WHERE s.valid_now), 0) AS BIGINT) AS purchased,
       CAST(coalesce(sum(s.consumed), 0) AS BIGINT) AS consumed,
       CAST(coalesce(sum(s.forfeited), 0) AS BIGINT) AS forfeited,
       CAST(min(s.expires_on) FILTER (WHERE s.valid_now AND s.remaining > 0) AS DATE) AS next_expiry,
       CAST(coalesce(sum(s.remaining) FILTER (
                WHERE s.valid_now
                  AND s.valid_until <= CAST(as_of AS TIMESTAMPTZ) + INTERVAL 90 DAY), 0) AS BIGINT)
           AS expiring_90d
FROM teams t
LEFT JOIN v_pack_state(as_of) s ON s.team_id = t.team_id
GROUP BY t.team_id, t.team;

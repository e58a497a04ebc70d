-- Packs whose pack_id is seen again with different content (R13: a pack's
-- identity is its pack_id): a later line of the file that differs from the
-- first, or a line that differs from the pack already stored, is rejected
-- with a reason naming the conflict. The same content again is a duplicate.
-- Grain: one row per rejected line.
CREATE OR REPLACE TEMP TABLE conflicts AS
WITH good AS (
    SELECT line, pack_id, team, tokens, purchased_on, price, currency,
           {'team': team, 'tokens': tokens, 'purchased_on': purchased_on,
            'price': price, 'currency': currency} AS content
    FROM checked WHERE reason IS NULL
), firsts AS (
    SELECT pack_id, min(line) AS first_line, arg_min(content, line) AS content
    FROM good GROUP BY pack_id
), found AS (
    SELECT g.line, 2 AS rank, 'pack_id ' || g.pack_id || ' appears again with different content (first on line '
               || f.first_line || ')' AS reason
    FROM good g JOIN firsts f USING (pack_id)
    WHERE g.line > f.first_line AND g.content IS DISTINCT FROM f.content
    UNION ALL
    SELECT g.line, 1 AS rank, 'pack_id ' || g.pack_id || ' is already stored with different content (team '
               || t.team || ', tokens ' || p.tokens || ', purchased_on ' || p.purchased_on
               || ', price ' || coalesce(CAST(p.price AS VARCHAR), 'none') || ' ' || p.currency || ')'
    FROM good g
    JOIN packs p ON p.pack_id = g.pack_id
    JOIN teams t ON t.team_id = p.team_id
    WHERE {'team': t.team, 'tokens': p.tokens, 'purchased_on': p.purchased_on,
           'price': p.price, 'currency': p.currency} IS DISTINCT FROM g.content
)
-- a conflict with the store is named before one inside the file
SELECT line, arg_min(reason, rank) AS reason FROM found GROUP BY line;

-- Rates given twice for the same product and effective_from (R10: one rate
-- per product from each date) with different content: the later line is
-- rejected. The same content again is a duplicate. Grain: one row per rejected line.
CREATE OR REPLACE TEMP TABLE conflicts AS
WITH good AS (
    SELECT line, product, effective_from,
           {'name': name, 'kind': kind, 'host': host, 'tokens_per_day': tokens_per_day,
            'idle_detection_since': idle_detection_since, 'linux': linux, 'source': source} AS content
    FROM checked WHERE reason IS NULL
), firsts AS (
    SELECT product, effective_from, min(line) AS first_line, arg_min(content, line) AS content
    FROM good GROUP BY product, effective_from
)
SELECT g.line, 'rate of ' || g.product || ' from ' || g.effective_from
           || ' appears again with different content (first on line ' || f.first_line || ')' AS reason
FROM good g JOIN firsts f USING (product, effective_from)
WHERE g.line > f.first_line AND g.content IS DISTINCT FROM f.content;

-- The keys of a JSON lines file that the contract does not name for its kind
-- (warned about, kept nowhere). $1: the kind's column names. Grain: one row per key.
SELECT DISTINCT k
FROM (SELECT unnest(try(json_keys(decode(raw)))) AS k
      FROM src_lines
      WHERE try(decode(raw)) IS NOT NULL AND try(json_valid(decode(raw)))
        AND try(json_type(decode(raw))) = 'OBJECT')
WHERE NOT list_contains($1, k)
ORDER BY k;

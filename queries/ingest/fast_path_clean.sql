-- Do all rows staged by a fast path pass the kind's checks, and does no
-- name of the file hold a NUL byte (src_native.sql says why names are
-- looked into here)? Only then its result stands (else the exact reader
-- reads the file again). Grain: one row.
SELECT count(reason) = 0
   AND NOT EXISTS (SELECT 1 FROM file_names WHERE contains(name, chr(0)))
FROM checked;

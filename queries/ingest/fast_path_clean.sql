-- Do all rows staged by a fast path pass the kind's checks? Only then its
-- result stands (else the exact reader reads the file again). Grain: one row.
SELECT count(reason) = 0 FROM checked;

-- One row of the import ledger per file. $1..$8: import_id, file,
-- content_hash, kind, rows, accepted, duplicates, rejected. Grain: one row.
INSERT INTO imports VALUES ($1, $2, $3, $4, now(), $5, $6, $7, $8);

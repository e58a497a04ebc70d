-- dashboard/imports_total: how many files were ever imported (the Imports
-- pane says so when none falls in the period). Grain: one row.
SELECT count(*) FROM imports;

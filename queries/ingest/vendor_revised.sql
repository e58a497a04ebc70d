-- How many of the file's identities revise a stored value (R24). Grain: one row.
SELECT count(*) FILTER (WHERE effect = 'revised') FROM vendor_new;

-- engine/has_billed_usage: whether any vendor row could become a charge
-- (R24): the engine skips the coverage query otherwise. Grain: one row.
SELECT EXISTS (SELECT 1 FROM vendor_usage WHERE NOT aggregate AND tokens > 0);

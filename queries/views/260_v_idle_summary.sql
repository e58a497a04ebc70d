-- v_idle_summary(as_of): how much of each user's product time idle detection paused.
-- Rules: R5 (span), R6 (active / idle-paused), contract report `idle`.
-- Decision: every session counts here, excluded ones too (this is about
-- use, not billing).
-- Grain: one row per user x product.
CREATE OR REPLACE MACRO v_idle_summary(as_of) AS TABLE
SELECT CAST(a.user_id AS INTEGER) AS user_id,
       CAST(u.user_name AS VARCHAR) AS user_name,
       CAST(a.product_id AS INTEGER) AS product_id,
       CAST(p.product AS VARCHAR) AS product,
       CAST(count(*) AS BIGINT) AS sessions,
       CAST(sum(a.span_seconds) AS DOUBLE) AS span_seconds,
       CAST(sum(a.active_seconds) AS DOUBLE) AS active_seconds,
       CAST(sum(a.idle_seconds) AS DOUBLE) AS idle_seconds
FROM int_session_activity(as_of) a
JOIN users u ON u.user_id = a.user_id
JOIN products p ON p.product_id = a.product_id
GROUP BY a.user_id, u.user_name, a.product_id, p.product;

-- Does one identity (session_id, event, instant: data contract; the instant
-- in UTC whatever offset it was written with, R1) occur in
-- staged rows that would be stored differently (another user, team,
-- product, version, device or os)? Then the file's first such row wins
-- (store_events.sql), and a fast path, which groups the rows and loses
-- their order (group_events.sql), stands down for the exact path, which
-- keeps it. Rows equal in everything are duplicates whatever their order.
-- Asked only when a (session, event) is in more than one group
-- (pairs_in_one_group.sql).
-- Grain: one row.
SELECT EXISTS (
    SELECT 1 FROM accepted_events
    GROUP BY session_l, event_l, ts
    HAVING count(DISTINCT (user_l, team_l, product_l, version_l, device_l, os_l)) > 1
);

-- store/drop_replaced_views: the event-based models are table macros taking
-- their as-of (and period); a store opened by an older flexdash still holds
-- views of the same names, which would answer without the arguments.
-- Grain: none (DDL).
DROP VIEW IF EXISTS v_vendor_gaps;
DROP VIEW IF EXISTS v_reconcile;
DROP VIEW IF EXISTS v_daily_totals;
DROP VIEW IF EXISTS v_team_balances;
DROP VIEW IF EXISTS v_idle_summary;
DROP VIEW IF EXISTS v_plugin_autostarts;
DROP VIEW IF EXISTS v_device_limit;
DROP VIEW IF EXISTS v_concurrent_use;
DROP VIEW IF EXISTS v_pack_state;
DROP VIEW IF EXISTS int_runs;
DROP VIEW IF EXISTS int_session_activity;
DROP VIEW IF EXISTS int_active_intervals;
DROP VIEW IF EXISTS int_session_exclusions;
DROP VIEW IF EXISTS int_session_team;
DROP VIEW IF EXISTS int_sessions;
DROP VIEW IF EXISTS stg_events;

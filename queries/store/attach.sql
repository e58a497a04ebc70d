-- Attach the store file for writing (takes its lock; app/store.py retries
-- while another process holds it). $1: the store's path. Grain: statement.
ATTACH ? AS store;

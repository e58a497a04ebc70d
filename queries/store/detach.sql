-- Back to the connection's own in-memory catalog, and let go of the store
-- and its lock. Grain: statement.
USE memory;
DETACH DATABASE IF EXISTS store;

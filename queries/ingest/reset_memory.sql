-- Give the connection its default memory limit back after an import (the
-- engine's recompute runs on the same connection). Grain: statement.
RESET memory_limit;

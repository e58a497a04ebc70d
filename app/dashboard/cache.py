"""A small in-memory cache of the panes' data, so that going back to a team,
period or pane seen a moment ago shows it without opening the store again.

An entry is only good for the exact store files it was read from (the
reader's signature: an import changes it) and the exact instant (R4): with
"now" following the clock, each load has a new instant and never hits.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

DEFAULT_ENTRIES = 48  # 6 panes x 8 recent filter sets; frames of at most a few MB each


class PaneCache:
    """Least recently used, bounded, safe to use from worker threads."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES):
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

"""The dashboard's in-memory cache of pane data (app/dashboard/cache.py):
bounded, least recently used out first, cleared on an explicit refresh."""

from app.dashboard.cache import PaneCache


def test_a_miss_is_none_and_a_hit_is_the_stored_value():
    cache = PaneCache(max_entries=2)
    assert cache.get(("usage", "Design")) is None
    cache.put(("usage", "Design"), "frame-1")
    assert cache.get(("usage", "Design")) == "frame-1"
    # another store signature (an import happened): another key, a miss
    assert cache.get(("usage", "Design", "sig-2")) is None


def test_the_least_recently_used_entry_goes_first():
    cache = PaneCache(max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recently used
    cache.put("c", 3)  # over the bound: "b" goes
    assert cache.get("b") is None
    assert cache.get("a") == 1
    assert cache.get("c") == 3
    assert len(cache) == 2


def test_clear_forgets_everything():
    cache = PaneCache()
    cache.put("a", 1)
    cache.clear()
    assert cache.get("a") is None
    assert len(cache) == 0

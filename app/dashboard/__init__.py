"""The dashboard's data layer: what each pane shows, as polars frames and
dataclasses. No Textual here (the core never imports it): the TUI in
``app/tui`` only renders what these functions return, and tests call them
directly.

Every function takes an open connection (see :mod:`app.dashboard.reader`
for the short read-only connections the live dashboard uses) and a
:class:`Filters` (the injected clock ``as_of``, the team, the period).
"""

from app.dashboard.filters import Filters
from app.dashboard.reader import StoreReader

__all__ = ["Filters", "StoreReader"]

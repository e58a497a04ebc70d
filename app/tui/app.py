"""The dashboard app and its factory (``make_app``, as posting's make_posting):
the CLI and the tests build the same app from a store path, a clock and
settings.

Data flow: every DuckDB read runs in a thread worker on a short read-only
connection (``StoreReader``); results come back through ``call_from_thread``.
A refresh loop re-arms itself after each poll (never a stacking interval):
it looks at the store's files (no lock taken) and reloads the visible pane
when they changed. A busy store keeps the last data on screen with an
"updating" mark. Worker errors become notifications in one place.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import polars as pl
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, Select
from textual.worker import Worker, WorkerState, get_current_worker

from app import store_guard, textsafe
from app.dashboard import Filters, StoreReader
from app.dashboard import panes as core
from app.dashboard.cache import PaneCache
from app.dashboard.filters import WARN_BELOW_PERCENT
from app.errors import FlexdashError, StoreBusy
from app.timeutil import now_utc
from app.tui.commands import DashboardCommands
from app.tui.screens.help import HelpScreen
from app.tui.screens.why import WhyScreen
from app.tui.widgets.filter_bar import FilterBar
from app.tui.widgets.frame_table import prepare, warm_up
from app.tui.widgets.key_bar import KeyBar
from app.tui.widgets.panes import PANES, ChooseTeam, EmptyStore, OpenWhy, Pane

DEFAULT_REFRESH_SECONDS = 2.0
BUSY_RETRY_SECONDS = 1.0
NOW_RELOAD_SECONDS = 60.0  # with as_of = now, reload even if nothing was imported


class FlexdashApp(App):
    CSS_PATH = "flexdash.tcss"
    TITLE = "flexdash"
    AUTO_FOCUS = None  # the visible pane's table takes focus once it has rows
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (120, "-wide")]  # the screen's class
    COMMANDS = App.COMMANDS | {DashboardCommands}
    BINDINGS: ClassVar = [
        *[Binding(str(i + 1), f"show('{p.pane_id}')", p.title) for i, p in enumerate(PANES[:9])],
        # every pane's first letter; past the ninth, the only key, so the footer shows it
        *[Binding(p.pane_id[0], f"show('{p.pane_id}')", p.title, show=i >= 9) for i, p in enumerate(PANES)],
        Binding("t", "open_team_list", "Team"),
        Binding("d", "focus_filter('since')", "Period"),
        Binding("ctrl+r", "refresh", "Refresh"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    pane: reactive[str] = reactive("balances", init=False)
    busy: reactive[bool] = reactive(False, init=False)
    empty: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        db_path: str | Path,
        *,
        as_of: datetime | None = None,
        team: str | None = None,
        since=None,
        until=None,
        warn_below: float = WARN_BELOW_PERCENT,
        refresh_seconds: float = DEFAULT_REFRESH_SECONDS,
        theme: str = "textual-dark",
        cursor_blink: bool = True,
        as_of_note: str | None = None,
    ) -> None:
        super().__init__()
        self.as_of_note = as_of_note  # why "now" is fixed (the demo: the end of its data)
        self._cursor_blink = cursor_blink
        self.db_path = Path(db_path)
        self.reader = StoreReader(self.db_path)
        self.fixed_as_of = as_of  # None: "now", read at each load (R4)
        start = as_of or now_utc()
        base = Filters.default(start, team=team, warn_below=warn_below)
        self.filters = base.with_(since=since or base.since, until=until or base.until)
        self.refresh_seconds = refresh_seconds
        self.initial_theme = theme
        self.pane_classes = PANES
        self.known_teams: list[str] = []
        self._loaded: dict[str, tuple[tuple, tuple]] = {}  # pane -> (filter key, store signature)
        # (pane, filter key, as_of, store signature) -> (state, teams, source, data)
        self._cache = PaneCache()
        self._poll_timer: Timer | None = None
        self._last_load_at: datetime | None = None
        # pane -> (filter key, time.perf_counter()) of the last paint of its
        # data on screen (what the admin sees; tests/benchmarks/bench_tui.py)
        self.painted: dict[str, tuple[tuple, float]] = {}
        # the same when every row is there (a long pane paints its first rows first)
        self.painted_all: dict[str, tuple[tuple, float]] = {}

    # --- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        f = self.filters
        yield FilterBar(team=f.team, since=f.since, until=f.until, as_of_text=self._as_of_text(), id="filters")
        with ContentSwitcher(initial="balances", id="panes"):
            for pane_cls in PANES:
                yield pane_cls(id=pane_cls.pane_id)
            yield EmptyStore(str(self.db_path), id="empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.theme = self.initial_theme
        if not self._cursor_blink:  # snapshots: a blinking cursor is not stable
            for box in self.query(Input):
                box.cursor_blink = False
        self.load_pane("balances")
        self._warm_up()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        """Runs in a thread, beside the first load: the tables' one-time costs."""
        warm_up()

    def _as_of_text(self) -> str:
        if self.fixed_as_of is not None:
            note = f" ({self.as_of_note})" if self.as_of_note else ""
            return f"as of {self.fixed_as_of.astimezone(UTC):%Y-%m-%d %H:%M} UTC{note}"
        return "as of now (UTC)"

    def current_filters(self) -> Filters:
        """The filters with ``as_of`` resolved: fixed, or the current instant."""
        if self.fixed_as_of is not None:
            return self.filters
        return self.filters.with_(as_of=now_utc())

    def pane_widget(self, pane_id: str) -> Pane:
        return self.query_one(f"#{pane_id}", Pane)

    # --- reactive state -> classes ------------------------------------------

    def watch_pane(self, pane_id: str) -> None:
        if not self.empty:
            self.query_one("#panes", ContentSwitcher).current = pane_id
        if not self.pane_widget(pane_id).focus_main():
            self.set_focus(None)  # nothing to focus yet: _show focuses the table
        if self._needs_load(pane_id):
            self.load_pane(pane_id)
        else:  # prefetched: on screen at the next refresh
            self.call_after_refresh(self._mark_painted, pane_id, _key(self.filters))

    def watch_busy(self, busy: bool) -> None:
        self.query_one(FilterBar).busy = busy

    def watch_empty(self, empty: bool) -> None:
        self.query_one("#panes", ContentSwitcher).current = "empty" if empty else self.pane
        self.screen.set_class(empty, "-empty")

    # --- actions ------------------------------------------------------------

    def action_show(self, pane_id: str) -> None:
        if self.screen is not self.screen_stack[0]:
            self.pop_screen()
        self.pane = pane_id

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        pane_cls = next(p for p in PANES if p.pane_id == self.pane)
        self.push_screen(HelpScreen(pane_cls, PANES))

    def action_focus_filter(self, which: str) -> None:
        self.query_one(f"#{which}").focus()

    def action_open_team_list(self) -> None:
        self.query_one(FilterBar).open_team_list()

    def action_leave_field(self) -> None:
        """Esc in a filter field: the keys go back to the pane's table."""
        self.focus_pane()

    def focus_pane(self) -> None:
        """Focus the visible pane's table, or nothing (keys reach the app)."""
        if self.empty or not self.pane_widget(self.pane).focus_main():
            self.set_focus(None)

    def action_refresh(self) -> None:
        self._loaded.clear()
        self._cache.clear()  # an explicit refresh reads the store again
        self.load_pane(self.pane)

    def set_team(self, team: str | None) -> None:
        self._set_filters(self.filters.with_(team=team))

    def set_period_days(self, days: int) -> None:
        last = self.current_filters().as_of.date()
        self._set_filters(self.filters.with_(since=last - timedelta(days=days - 1), until=last))

    def _set_filters(self, filters: Filters) -> None:
        if filters == self.filters:
            return
        self.filters = filters
        self.query_one(FilterBar).set_values(filters.team, filters.since, filters.until)
        self.load_pane(self.pane)

    def on_filter_bar_changed(self, event: FilterBar.Changed) -> None:
        self._set_filters(self.filters.with_(team=event.team, since=event.since, until=event.until))
        if isinstance(self.focused, Select):  # a team chosen from the list: back to the table
            self.focus_pane()

    def on_choose_team(self, event: ChooseTeam) -> None:
        self.set_team(event.team)

    def on_open_why(self, event: OpenWhy) -> None:
        self.push_screen(WhyScreen(event.user, event.product, event.day))

    # --- loading --------------------------------------------------------------

    def _stale(self, pane_id: str) -> bool:
        loaded = self._loaded.get(pane_id)
        return loaded is None or loaded[1] != self.reader.signature()

    def load_pane(self, pane_id: str) -> None:
        pane = self.pane_widget(pane_id)
        if pane_id not in self._loaded:
            pane.loading = True
        self._load(pane_id, self.current_filters())

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, pane_id: str, filters: Filters) -> None:
        """Runs in a thread: the visible pane's data."""
        self._fetch_and_post(pane_id, filters, visible=True)

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def _prefetch(self, pane_id: str, filters: Filters) -> None:
        """Runs in a thread: a hidden pane's data, so that switching to it
        shows it at once (a 10 M-event store takes seconds for some panes)."""
        self._fetch_and_post(pane_id, filters, visible=False)

    def _fetch_and_post(self, pane_id: str, filters: Filters, *, visible: bool) -> None:
        """The only place the panes' data is read (in a worker thread).
        ``visible``: the pane on screen (it gets the "updating" mark when the
        store is busy, and a long one its first rows first), else a prefetch."""
        worker = get_current_worker()
        pane_cls = next(p for p in PANES if p.pane_id == pane_id)
        signature = self.reader.signature()
        cache_key = (pane_id, _key(filters), filters.as_of, signature)
        hit = self._cache.get(cache_key)
        if hit is not None:  # the same store files and instant: the same data (R4)
            if not worker.is_cancelled:
                self.call_from_thread(self._show, pane_id, filters, signature, *hit)
            return
        try:
            with self.reader.read(filters.as_of) as con:
                state = core.store_state(con)
                teams = core.teams(con)
                # R24: where the charges come from, on the connection that reads them
                source = core.source_label(con, filters) if pane_cls.charges_source and not state.empty else None
                if state.empty:
                    data = None
                elif visible and pane_cls.fetch_head is not None:
                    # the visible pane's first rows on screen, then all of them
                    data, complete = pane_cls.fetch_head(con, filters)
                    if not complete:
                        if worker.is_cancelled:
                            return
                        self.call_from_thread(
                            self._show, pane_id, filters, signature, state, teams, source, data, False
                        )
                        data = pane_cls.fetch(con, filters)
                else:
                    data = pane_cls.fetch(con, filters)
        except StoreBusy:
            if visible and not worker.is_cancelled:
                self.call_from_thread(self._store_busy)
            return  # a prefetch just stops: the refresh loop comes back
        if isinstance(data, pl.DataFrame) and data.height > 1000:
            prepare(data)  # the big tables' Arrow copy, here rather than on the UI thread
        self._cache.put(cache_key, (state, teams, source, data))
        if not worker.is_cancelled:
            self.call_from_thread(self._show, pane_id, filters, signature, state, teams, source, data)

    def _needs_load(self, pane_id: str) -> bool:
        loaded = self._loaded.get(pane_id)
        return loaded is None or loaded[0] != _key(self.filters) or loaded[1] != self.reader.signature()

    def _prefetch_next(self) -> None:
        """Load the next hidden pane that is out of date, one at a time."""
        if self.empty:
            return
        for pane_cls in PANES:
            if pane_cls.pane_id != self.pane and self._needs_load(pane_cls.pane_id):
                self._prefetch(pane_cls.pane_id, self.current_filters())
                return

    def _show(
        self,
        pane_id: str,
        filters: Filters,
        signature: tuple,
        state: core.StoreState,
        teams: list[str],
        source: str | None,
        data: Any,
        complete: bool = True,
    ) -> None:
        """Show a pane's data (on the UI thread). ``complete``: False for the
        first rows of a long pane, the rest on their way (Pane.fetch_head)."""
        self.busy = False
        self.known_teams = teams
        if self.filters.team and teams and self.filters.team not in teams:
            same = [t for t in teams if t.lower() == self.filters.team.lower()]
            if not same:  # an admin typo (--team): say so and show every team, never an empty grid
                self.notify(
                    f"unknown team '{textsafe.show(self.filters.team)}'; the teams are: {textsafe.listing(teams)}",
                    severity="warning",
                    timeout=8,
                    markup=False,  # names are data, never markup
                )
            self.filters = self.filters.with_(team=same[0] if same else None)  # --team CIVIL is civil
            self.query_one(FilterBar).set_values(self.filters.team, self.filters.since, self.filters.until)
            self.load_pane(self.pane)
            return
        self.query_one(FilterBar).set_teams(teams, self.filters.team)
        pane = self.pane_widget(pane_id)
        pane.loading = False
        self.empty = state.empty
        if not state.empty:
            pane.show_source(source)
            pane.show(data, complete)
            if pane_id == self.pane and self.focused is None:
                self.call_after_refresh(pane.focus_main)
        if pane_id == self.pane:
            self.call_after_refresh(self._mark_painted, pane_id, _key(filters), complete)
        if not complete:
            return  # loaded, polled and prefetched from when the rest is shown
        self._loaded[pane_id] = (_key(filters), signature)
        self._last_load_at = filters.as_of
        self._arm_poll(self.refresh_seconds)
        # Prefetch once this pane is painted: started at once, the hidden
        # panes' workers and their rendering competed with the first screen
        # for the GIL and the 2 cores (10 M events: 2.8 s instead of ~1 s).
        self.call_after_refresh(self._prefetch_next)

    def _mark_painted(self, pane_id: str, key: tuple, complete: bool = True) -> None:
        self.painted[pane_id] = (key, time.perf_counter())
        if complete:
            self.painted_all[pane_id] = self.painted[pane_id]

    def _store_busy(self) -> None:
        self.busy = True  # keep the last data; the poll retries
        self._arm_poll(BUSY_RETRY_SECONDS)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors become a notification (never a traceback)."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        error = store_guard.damaged(error, self.db_path) or error  # a damaged file is said as such
        if isinstance(error, FlexdashError):
            message = str(error)
        else:
            message = f"could not read the store: {type(error).__name__}: {error}"
        # messages quote names from input: shown, never read as markup
        self.notify(
            textsafe.show(message, 2000, newlines=True), title="flexdash", severity="error", timeout=8, markup=False
        )
        for pane in self.query(Pane):
            pane.loading = False
        self.busy = False
        self._arm_poll(self.refresh_seconds)

    # --- the refresh loop ------------------------------------------------------

    def _arm_poll(self, seconds: float) -> None:
        """One timer at a time, armed after each poll finishes (dolphie)."""
        if self._poll_timer is not None:
            self._poll_timer.stop()
        self._poll_timer = self.set_timer(seconds, self._poll)

    def _poll(self) -> None:
        self._poll_timer = None
        due_now = (
            self.fixed_as_of is None
            and self._last_load_at is not None
            and (now_utc() - self._last_load_at).total_seconds() >= NOW_RELOAD_SECONDS
        )
        if self.busy or due_now or self._stale(self.pane):
            self.load_pane(self.pane)  # re-arms when it finishes
        else:
            self._arm_poll(self.refresh_seconds)


def _key(f: Filters) -> tuple:
    """What a pane's data depends on besides the store (as_of moves with "now")."""
    return (f.team, f.since, f.until, f.warn_below)


def make_app(
    db_path: str | Path,
    *,
    as_of: datetime | None = None,
    team: str | None = None,
    since=None,
    until=None,
    warn_below: float = WARN_BELOW_PERCENT,
    theme: str = "textual-dark",
    refresh_seconds: float = DEFAULT_REFRESH_SECONDS,
    cursor_blink: bool = True,
    as_of_note: str | None = None,
) -> FlexdashApp:
    """The dashboard on the store at ``db_path``. ``as_of`` fixes "now" for the
    whole app (R4; snapshots use it); None follows the clock."""
    return FlexdashApp(
        db_path,
        as_of=as_of,
        team=team,
        since=since,
        until=until,
        warn_below=warn_below,
        refresh_seconds=refresh_seconds,
        theme=theme,
        cursor_blink=cursor_blink,
        as_of_note=as_of_note,
    )

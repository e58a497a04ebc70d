"""The team selector and the period, shared by every pane, and the status
line (as of, the "updating" mark)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label, Select

from app import textsafe

ALL_TEAMS = "__all__"


def _prompt(team: str) -> Text:
    """A team as the selector lists it: a name from input, never markup."""
    return Text(textsafe.show(team))


class FilterBar(Horizontal):
    """Posts :class:`FilterBar.Changed` with a validated team and period."""

    class Changed(Message):
        def __init__(self, team: str | None, since: date | None, until: date | None) -> None:
            super().__init__()
            self.team = team
            self.since = since
            self.until = until

    busy: reactive[bool] = reactive(False)
    # Esc gives the keys back to the pane (1-6, q...): a field never keeps them
    BINDINGS: ClassVar = [Binding("escape", "app.leave_field", "Back to the table", show=False)]

    def __init__(self, *, team: str | None, since: date | None, until: date | None, as_of_text: str, **kw):
        super().__init__(**kw)
        self._team = team
        self._since = since
        self._until = until
        self._as_of_text = as_of_text
        self._teams: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label("Team", classes="filter-label", id="team-label")
        options = [(_prompt(t), t) for t in ([self._team] if self._team else [])]
        yield Select(
            [("All teams", ALL_TEAMS), *options],
            value=self._team or ALL_TEAMS,
            allow_blank=False,
            compact=True,  # one line: the panes keep the rows (80x24)
            id="team",
        )
        yield Label("from", classes="filter-label")
        since = self._since.isoformat() if self._since else ""
        yield Input(since, placeholder="YYYY-MM-DD", compact=True, id="since")
        yield Label("to", classes="filter-label")
        until = self._until.isoformat() if self._until else ""
        yield Input(until, placeholder="YYYY-MM-DD", compact=True, id="until")
        yield Label(self._as_of_text, id="as-of")
        yield Label("⟳ updating", id="updating")

    def watch_busy(self, busy: bool) -> None:
        self.set_class(busy, "-busy")

    def open_team_list(self) -> None:
        """Focus the team selector with its list open (the `t` key)."""
        select = self.query_one("#team", Select)
        select.focus()
        select.action_show_overlay()

    def set_teams(self, teams: list[str], current: str | None) -> None:
        """Offer ``teams`` (keeps the current choice); no Changed event."""
        if teams == self._teams:
            return
        self._teams = list(teams)
        select = self.query_one("#team", Select)
        with self.prevent(Select.Changed):
            select.set_options([("All teams", ALL_TEAMS), *[(_prompt(t), t) for t in teams]])
            select.value = current if current in teams else ALL_TEAMS

    def set_values(self, team: str | None, since: date | None, until: date | None) -> None:
        """Reflect filters changed elsewhere (command palette, Balances)."""
        select = self.query_one("#team", Select)
        with self.prevent(Select.Changed, Input.Changed):
            if team and team not in self._teams:
                self.set_teams([*self._teams, team], team)
            select.value = team or ALL_TEAMS
            self.query_one("#since", Input).value = since.isoformat() if since else ""
            self.query_one("#until", Input).value = until.isoformat() if until else ""
        self._since, self._until = since, until

    def _restore_period(self) -> None:
        """Show the period in force again (typed text that was not a period is dropped)."""
        with self.prevent(Input.Changed):
            for widget_id, value in (("since", self._since), ("until", self._until)):
                box = self.query_one(f"#{widget_id}", Input)
                box.value = value.isoformat() if value else ""
                box.remove_class("-invalid")

    def _parse(self, widget_id: str) -> tuple[bool, date | None]:
        box = self.query_one(f"#{widget_id}", Input)
        text = box.value.strip()
        if not text:
            box.remove_class("-invalid")
            return True, None
        try:
            value = date.fromisoformat(text)
        except ValueError:
            box.add_class("-invalid")
            # what was typed is shown as text ("[/b]" would break Textual's markup)
            self.notify(f"not a date: '{textsafe.show(text)}' (expected YYYY-MM-DD)", severity="warning", markup=False)
            return False, None
        box.remove_class("-invalid")
        return True, value

    def _emit(self) -> bool:
        """Post the filters the bar holds; False (and a warning) when they are not a period."""
        ok_since, since = self._parse("since")
        ok_until, until = self._parse("until")
        if not (ok_since and ok_until):
            return False
        if since and until and since > until:
            self.notify("the period starts after it ends", severity="warning")
            return False
        value = self.query_one("#team", Select).value
        team = None if value in (ALL_TEAMS, Select.BLANK) else str(value)
        self._since, self._until = since, until
        self.post_message(self.Changed(team, since, until))
        return True

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._emit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._emit()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a date box applies what it holds, as Enter does; what cannot
        be applied (not a date, a period that ends before it starts) gives way
        to the period in force, so the bar never shows a period that is not on screen."""
        event.stop()
        shown = tuple(self.query_one(f"#{i}", Input).value.strip() for i in ("since", "until"))
        in_force = tuple(d.isoformat() if d else "" for d in (self._since, self._until))
        if shown != in_force and not self._emit():
            self._restore_period()

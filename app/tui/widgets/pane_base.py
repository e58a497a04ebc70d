"""What every pane is: the messages it posts, its `/` filter, and the
contract the app drives it by (fetch in a worker, show on the UI thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from app import textsafe
from app.tui.help import PaneHelp
from app.tui.widgets.frame_table import FrameTable


class OpenWhy(Message):
    """Ask the app to open the why view of a user and product."""

    def __init__(self, user: str, product: str, day=None) -> None:
        super().__init__()
        self.user = user
        self.product = product
        self.day = day


class ChooseTeam(Message):
    def __init__(self, team: str) -> None:
        super().__init__()
        self.team = team


class PaneFilter(Input):
    """The `/` filter of a pane's tables: hidden until asked for, and while
    it holds text it stays in view (k9s, lazygit)."""


class Pane(Vertical):
    pane_id: ClassVar[str]
    title: ClassVar[str]
    fetch: ClassVar[Callable[..., Any]]  # (con, filters) -> data, in a thread
    # A pane whose data can be long: the app first fetches and shows its
    # first rows, fetch_head(con, filters) -> (rows, complete), then, unless
    # complete, all of them (issue 4: a whole year of usage is 280,000 rows
    # at 10 M events).
    fetch_head: ClassVar[Callable[..., Any] | None] = None
    help: ClassVar[PaneHelp | None] = None  # what the help screen (?) says of this pane
    # A pane showing charges, or numbers made of them, says where they come
    # from for the team and period (R24): the line above its title.
    charges_source: ClassVar[bool] = False
    BINDINGS: ClassVar = [
        Binding("slash", "filter", "Filter"),
        Binding("escape", "leave_filter", "Back to the table", show=False),
    ]

    def show(self, data: Any, complete: bool = True) -> None:
        """``complete``: False while only the first rows are there."""
        raise NotImplementedError

    def on_mount(self) -> None:
        titles = self.query(".pane-title")
        if self.charges_source and titles:  # in the blank row above the title
            titles.first().add_class("-after-source")
            self.mount(Static("", id=f"{self.pane_id}-source", classes="pane-source"), before=titles.first())
        tables = self.query(FrameTable)
        if tables:  # every pane with a table gets the filter, above its first table
            box = PaneFilter(
                placeholder="filter: the rows holding this text, any case  (Enter or Esc: back to the table)",
                id=f"{self.pane_id}-filter",
                classes="pane-filter",
            )
            self.mount(box, before=tables.first())

    def show_source(self, source: str | None) -> None:
        """The source line (app.dashboard.panes.source_label); team names are
        data, shown as text, never markup."""
        for line in self.query(".pane-source").results(Static):
            line.update(textsafe.rich_text(f"charges: {source}", max_len=None) if source else "")

    def focus_main(self) -> bool:
        """Focus the pane's main table; False when it has none yet."""
        for table in self.query(FrameTable):
            return table.focus_table()
        return False

    def action_filter(self) -> None:
        for box in self.query(PaneFilter):
            box.add_class("-shown")
            box.focus()

    def action_leave_filter(self) -> None:
        """Esc: from the filter back to the table; on the table, clear the filter."""
        for box in self.query(PaneFilter):
            if box.has_focus:
                box.set_class(bool(box.value), "-shown")
            elif box.value:
                box.value = ""
                box.remove_class("-shown")
        if not self.focus_main():
            self.screen.set_focus(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, PaneFilter):
            event.stop()
            for table in self.query(FrameTable):
                table.set_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, PaneFilter):
            event.stop()
            self.action_leave_filter()

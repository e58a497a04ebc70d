"""The why view: why one user and product was charged or denied."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from app import textsafe
from app.dashboard.why import WhyData, load_why
from app.tui.widgets.key_bar import KeyBar


class WhyScreen(Screen):
    BINDINGS: ClassVar = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, user: str, product: str, day: date | None = None) -> None:
        super().__init__()
        self.user = user
        self.product = product
        self.day = day

    def compose(self) -> ComposeResult:
        # names as written, never read as markup
        yield Static(
            Text(f"Why: {textsafe.show(self.user)} · {textsafe.show(self.product)}"),
            id="why-title",
            classes="pane-title",
        )
        with VerticalScroll(id="why-body"):
            yield Static("Loading…", id="why-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#why-body").loading = True
        self.load()

    @work(thread=True, exclusive=True, group="why", exit_on_error=False)
    def load(self) -> None:
        app = self.app
        filters = app.current_filters()
        with app.reader.read(filters.as_of) as con:
            data = load_why(con, filters, self.user, self.product, self.day)
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self.show, data)

    def show(self, data: WhyData) -> None:
        self.query_one("#why-body").loading = False
        self.query_one("#why-title", Static).update(Text(data.title))
        # plain text from explain: shown as is, never read as markup
        self.query_one("#why-text", Static).update(Text(data.text))

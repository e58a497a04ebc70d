"""The help screen (`?`, F1): every key of the pane in view, what each
column means, the rules it applies in plain words (rule ids explained),
where the data comes from, and every pane with its key."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from app.tui.help import GLOBAL_KEYS, RULES, TIMES, PaneHelp


def help_text(pane_cls, panes: list) -> str:
    """The help of ``pane_cls`` as markup (every text escaped)."""
    info: PaneHelp | None = pane_cls.help
    lines = [f"[b $accent]{escape(pane_cls.title)}[/]"]
    if info is None:
        lines += ["", "This pane has no help yet."]
    else:
        lines += [escape(info.what), ""]
        if info.keys:
            lines.append("[b]Keys of this pane[/]")
            lines += [f"  [b]{escape(k)}[/]  {escape(v)}" for k, v in info.keys.items()]
            lines.append("")
        if info.columns:
            lines.append("[b]Columns[/]")
            lines += [f"  [b]{escape(k)}[/]  {escape(v)}" for k, v in info.columns.items()]
            lines.append("")
        if info.rules:
            lines.append("[b]Rules it applies[/]")
            lines += [f"  [b]{r}[/]  {escape(RULES.get(r, ''))}" for r in info.rules]
            lines.append("")
        if info.source:
            lines += ["[b]Where the data comes from[/]", f"  {escape(info.source)}", ""]
    lines.append("[b]Panes[/]")
    lines += [
        (f"  [b]{i + 1}[/] or [b]{p.pane_id[0]}[/]  " if i < 9 else f"  [b]{p.pane_id[0]}[/]  ") + escape(p.title)
        for i, p in enumerate(panes)
    ]
    lines += ["", "[b]Keys everywhere[/]"]
    lines += [f"  [b]{escape(k)}[/]  {escape(v)}" for k, v in GLOBAL_KEYS.items()]
    lines += ["", escape(TIMES), "", "[b]Rule ids[/] (../shared/spec/flex-rules.md has the exact rules)"]
    lines += [f"  [b]{r}[/]  {escape(text)}" for r, text in RULES.items()]
    return "\n".join(lines)


class HelpScreen(ModalScreen):
    BINDINGS: ClassVar = [Binding("escape,question_mark,f1,q", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-body {
        width: 100;
        max-width: 100%;
        height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, pane_cls, panes: list) -> None:
        super().__init__()
        self.pane_cls = pane_cls
        self.panes = panes

    def compose(self) -> ComposeResult:
        body = VerticalScroll(id="help-body")
        body.border_title = "Help  (Esc closes, arrows scroll)"
        with body:
            yield Static(help_text(self.pane_cls, self.panes), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

"""The key bar at the bottom of every screen: the active key bindings as one
line of text.

Textual's Footer rebuilds one widget per key (and re-applies CSS to each) on
every focus change; a pane switch moves the focus, and on a 10 M-event store
that rebuild was about a fifth of the switch (profiled with the pilot). One
Static updated with a line of text does the same job.
"""

from __future__ import annotations

from rich.markup import escape
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """Every key is clickable (it runs as if pressed). On a narrow terminal
    the pane keys fold into one "1-N panes" and the rest keep their words
    while they fit; the quit key always shows."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
        link-style: bold;
        link-color: $footer-key-foreground;
        link-style-hover: bold reverse;
        link-background-hover: $footer-background;
        link-color-hover: $footer-key-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        if self.is_attached:
            self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        self.update(self.line(screen))

    def _entries(self, screen: Screen) -> list[tuple[str, str, str, bool]]:
        """(key, shown key, description, enabled) of each shown binding, once
        per action (the first key), in the order Textual lists them (focused
        widget first), the palette last."""
        active = screen.active_bindings
        palette = self.app.COMMAND_PALETTE_BINDING
        seen: set[str] = set()
        out = []
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if not binding.show or binding.action in seen or key == palette:
                continue
            seen.add(binding.action)
            out.append((key, self.app.get_key_display(binding), binding.description, enabled))
        if self.app.ENABLE_COMMAND_PALETTE and palette in active:
            binding = active[palette][1]
            out.append((palette, self.app.get_key_display(binding), binding.description, True))
        return out

    def line(self, screen: Screen) -> str:
        entries = self._entries(screen)
        room = (self.size.width or self.app.size.width) - 2
        full = [self._shown(*e) for e in entries]
        if not room or _width(full) <= room:
            return "  ".join(full)
        # fold the pane keys (1..N): the help screen (?) names each
        panes = [e for e in entries if e[0].isdigit()]
        rest = [e for e in entries if not e[0].isdigit()]
        folded = [f"[b $footer-key-foreground]1-{len(panes)}[/] panes"] if panes else []
        parts = folded + [self._shown(*e) for e in rest]
        keep_words = len(parts)
        while _width(parts) > room and keep_words > 0:  # the last keys lose their words first
            keep_words -= 1
            parts = folded + [
                self._shown(*e) if i + len(folded) < keep_words or e[0] == "q" else self._shown(*e, words=False)
                for i, e in enumerate(rest)
            ]
        return "  ".join(parts)

    def _shown(self, key: str, display: str, description: str, enabled: bool = True, *, words: bool = True) -> str:
        """A binding as the bar shows it: its key in bold, its description;
        a click on it runs it as if the key were pressed."""
        # the key is a link (the bar's link colour is the key colour)
        text = f"[@click=app.simulate_key({key!r})]{escape(display)}[/]" + (f" {escape(description)}" if words else "")
        return text if enabled else f"[dim]{text}[/]"


def _width(parts: list[str]) -> int:
    """Cells the parts take on screen, two blanks between them."""
    return sum(Content.from_markup(p).cell_length for p in parts) + 2 * max(len(parts) - 1, 0)

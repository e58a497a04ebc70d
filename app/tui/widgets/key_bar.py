"""The key bar at the bottom of every screen: the active key bindings as one
line of text.

Textual's Footer rebuilds one widget per key (and re-applies CSS to each) on
every focus change; a pane switch moves the focus, and on a 10 M-event store
that rebuild was about a fifth of the switch (profiled with the pilot). One
Static updated with a line of text does the same job.
"""

from __future__ import annotations

from rich.markup import escape
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        self.update(self.line(screen))

    def line(self, screen: Screen) -> str:
        """Each shown binding once per action (the first key), in the order
        Textual lists them (focused widget first), the palette last."""
        active = screen.active_bindings
        palette = self.app.COMMAND_PALETTE_BINDING
        seen: set[str] = set()
        parts: list[str] = []
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if not binding.show or binding.action in seen or key == palette:
                continue
            seen.add(binding.action)
            text = self._shown(binding)
            parts.append(text if enabled else f"[dim]{text}[/]")
        if self.app.ENABLE_COMMAND_PALETTE and palette in active:
            parts.append(self._shown(active[palette][1]))
        return "  ".join(parts)

    def _shown(self, binding) -> str:
        """A binding as the bar shows it: its key in bold, its description."""
        keys = escape(self.app.get_key_display(binding))
        return f"[b $footer-key-foreground]{keys}[/] {escape(binding.description)}"

"""The Textual dashboard (issue 4). Built by :func:`app.tui.app.make_app`;
only ``app.tui_command`` imports this package, lazily."""

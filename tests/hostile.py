"""Hostile names shared by the output-path tests: each must reach the
terminal as plain characters (textsafe.show), never as an instruction."""

from __future__ import annotations

CLEAR = "a\x1b[2Jb"  # ESC [2J clears the screen
TITLE = "a\x1b]0;pwned\x07b"  # ESC ] 0;title BEL sets the window title
MARKUP = "[bold red]x"  # Rich would print x in bold red
UNMATCHED = "[/bold]x"  # Rich raises MarkupError on it
BIDI = "abc\u202etxt.exe"  # RIGHT-TO-LEFT OVERRIDE reverses what follows
ZERO_WIDTH = "ad\u200bmin"  # looks like "admin"
HUGE = "t" * 100_000 + "end"  # 100 KB name

NAMES = {
    "clear": CLEAR,
    "title": TITLE,
    "markup": MARKUP,
    "unmatched": UNMATCHED,
    "bidi": BIDI,
    "zero_width": ZERO_WIDTH,
    "huge": HUGE,
}

# what must never appear in terminal output
RAW_DANGERS = ("\x1b", "\x07", "\u202e", "\u200b", "\x9b")


def assert_safe(out: str, *, max_chars: int = 20_000) -> None:
    """No raw control/bidi/zero-width character, and no 100 KB name."""
    for ch in RAW_DANGERS:
        assert ch not in out, f"raw {ch!r} reached the output"
    assert "t" * 5_000 not in out, "a 100 KB name was printed whole"
    assert len(out) < max_chars, f"output is {len(out)} characters"


def shown_as(name: str) -> str:
    """How a name of NAMES reads once shown (hand-written, not computed by textsafe)."""
    return {
        CLEAR: "a\\x1b[2Jb",
        TITLE: "a\\x1b]0;pwned\\x07b",
        MARKUP: "[bold red]x",
        UNMATCHED: "[/bold]x",
        BIDI: "abc\\u202etxt.exe",
        ZERO_WIDTH: "ad\\u200bmin",
    }[name]

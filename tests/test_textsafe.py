"""app.textsafe: text from input made safe to show (issue 13)."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.table import Table

from app import textsafe
from tests import hostile


@pytest.mark.parametrize("kind", ["clear", "title", "markup", "unmatched", "bidi", "zero_width"])
def test_show_makes_every_hostile_name_visible(kind):
    name = hostile.NAMES[kind]
    assert textsafe.show(name) == hostile.shown_as(name)


def test_plain_names_are_unchanged():
    for name in ("ana@firm.example", "Équipe génie civil", "東京チーム", "C:\\logs\\a.csv", "a b", ""):
        assert textsafe.show(name) == name


def test_c1_controls_nbsp_and_separators_are_visible():
    # CSI (0x9b) starts an escape sequence on some terminals; NBSP looks like a space
    assert textsafe.show("a\x9b2Jb") == "a\\x9b2Jb"
    assert textsafe.show("a\u00a0b") == "a\\xa0b"
    assert textsafe.show("a\u2028b\ufeff") == "a\\u2028b\\ufeff"
    assert textsafe.show("a\nb\tc\r") == "a\\nb\\tc\\r"
    assert textsafe.show("a\x00b\x7f") == "a\\x00b\\x7f"


def test_newlines_kept_only_when_asked():
    assert textsafe.show("one\ntwo\x1b", max_len=None, newlines=True) == "one\ntwo\\x1b"


def test_long_text_is_cut_with_an_ellipsis():
    out = textsafe.show(hostile.HUGE, max_len=40)
    assert out == "t" * 39 + "…"
    assert textsafe.show("abcde", max_len=5) == "abcde"
    assert textsafe.show("abcdef", max_len=5) == "abcd…"
    # the escape counts towards the length: "\x1b" is 4 characters shown
    assert textsafe.show("\x1b\x1b", max_len=5) == "\\x1b…"
    assert len(textsafe.show(hostile.HUGE)) == textsafe.MAX_LEN
    assert textsafe.show(hostile.HUGE, max_len=None) == hostile.HUGE


def test_none_and_numbers():
    assert textsafe.show(None) == ""
    assert textsafe.show(42) == "42"


def _render(*cells) -> str:
    console = Console(file=io.StringIO(), width=200, color_system="truecolor", force_terminal=True)
    table = Table()
    table.add_column("name")
    for cell in cells:
        table.add_row(textsafe.rich_text(cell))
    console.print(table)
    console.print(textsafe.markup(hostile.UNMATCHED), textsafe.markup(hostile.MARKUP))
    return console.file.getvalue()


def test_rich_text_and_markup_are_never_parsed():
    out = _render(*hostile.NAMES.values())
    assert "[/bold]x" in out and "[bold red]x" in out
    # the only escape sequences are Rich's own styling (SGR: ESC [ ... m)
    assert not re.search(r"\x1b(?!\[[0-9;]*m)", out)
    assert "\x07" not in out and "\u202e" not in out and "\u200b" not in out


def test_listing_shows_each_name_and_at_most_max_items():
    names = [hostile.CLEAR, hostile.HUGE, "c", "d"]
    # 4 names, 3 listed: "and 1 more"
    assert textsafe.listing(names, max_items=3, max_len=10) == "a\\x1b[2Jb, ttttttttt…, c and 1 more"
    assert textsafe.listing(["a", "b"]) == "a, b"


def test_needs_show_finds_what_show_changes():
    import polars as pl

    values = [*hostile.NAMES.values(), "plain", "Équipe", "a\u00a0b", "a\u2028b", "\x9b", None]
    got = textsafe.needs_show(pl.Series(values, dtype=pl.String)).to_list()
    assert got == [v is not None and textsafe.show(v) != v for v in values]
    # 30 characters of 3 bytes each: 90 bytes, over 80, yet shown unchanged; flagged, harmless
    assert textsafe.needs_show(pl.Series(["東" * 30]), 80).to_list() == [True]
    assert textsafe.show("東" * 30) == "東" * 30


@pytest.mark.parametrize("name", [*hostile.NAMES.values(), "[$var]", "[@click=app.quit]x", "a\\", "\\[b]", "x]y"])
def test_textual_markup_reads_back_as_the_shown_name(name):
    from textual.content import Content  # the tests may import Textual; app.textsafe does not

    assert Content.from_markup(textsafe.textual_markup(name, None)).plain == textsafe.show(name, None)


def test_lone_surrogates_are_shown_and_print_anywhere():
    # bytes that were not UTF-8, kept by surrogateescape: printing them raw raises UnicodeEncodeError
    shown = textsafe.show("a\udcffb")
    assert shown == "a\\udcffb"
    shown.encode("utf-8")  # does not raise

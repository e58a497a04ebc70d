"""Text from input, made safe to show: names are data, never instructions
to the terminal.

A user, team, product, device or file name (and a rejected line's raw text)
comes from files anyone on the network may have written. Before such text
reaches a terminal, a table or a message it goes through :func:`show`:

* every character Python does not call printable is written as its escape:
  control characters (``ESC`` -> ``\\x1b``, ``BEL`` -> ``\\x07``, C1 ``CSI``
  -> ``\\x9b``, newline -> ``\\n``), bidi overrides and isolates
  (``U+202E`` -> ``\\u202e``), zero-width and other format characters
  (``U+200B``, ``U+FEFF``, soft hyphen), line/paragraph separators, spaces
  other than the plain one (``U+00A0``), unassigned and private-use code
  points, lone surrogates;
* text longer than ``max_len`` characters is cut and ends with ``…``.

Rich parses ``[bold]`` in strings; :func:`rich_text` gives a ``Text`` that is
never parsed, and :func:`markup` escapes for the rare place that needs a
markup string. JSON and CSV output never go through here: they keep values
exactly (the data contract).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape as _escape_markup
from rich.text import Text

if TYPE_CHECKING:  # needs_show only calls the Series' methods: commands without frames never load polars
    import polars as pl

MAX_LEN = 80  # a name in a table cell or a message; longer is cut with an ellipsis
ELLIPSIS = "…"

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def show(text: object, max_len: int | None = MAX_LEN, *, newlines: bool = False) -> str:
    """``text`` as plain characters a terminal only displays, at most
    ``max_len`` characters long (``None``: no limit). ``newlines=True``
    keeps line feeds (our own multi-line messages); every other
    non-printable character is shown as its escape."""
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    if max_len is not None:
        max_len = max(max_len, 1)
        s_head = s[: max_len + 1]  # escapes only lengthen: no need to look further
    else:
        s_head = s
    if not s_head.isprintable():
        parts = []
        for line in s_head.split("\n") if newlines else (s_head,):
            parts.append(line if line.isprintable() else "".join(c if c.isprintable() else _visible(c) for c in line))
        out = "\n".join(parts)
    else:
        out = s_head
    if max_len is not None and (len(out) > max_len or len(s) > len(s_head)):
        return out[: max_len - 1] + ELLIPSIS
    return out


# the characters show() escapes (not printable: \p{C}, separators but the
# plain space), in the Rust regex syntax polars takes
_UNPRINTABLE = r"[\p{C}\p{Z}--[ ]]"


def needs_show(values: pl.Series, max_len: int | None = MAX_LEN) -> pl.Series:
    """Which text values :func:`show` may change (a boolean Series: every one
    it changes, and a few long in bytes but not in characters), found without
    Python per value: a big frame maps only those, once each."""
    needs = values.str.contains(_UNPRINTABLE)
    if max_len is not None:
        needs = needs | (values.str.len_bytes() > max_len)  # bytes >= characters, and 15x quicker to count
    return needs.fill_null(False)


def listing(names, max_items: int = 20, max_len: int | None = MAX_LEN) -> str:
    """Names for a message ("a, b, c and 12 more"): each shown and cut, at
    most ``max_items`` of them, so a message stays a few lines whatever
    the store holds."""
    names = list(names)
    out = ", ".join(show(n, max_len) for n in names[:max_items])
    if len(names) > max_items:
        out += f" and {len(names) - max_items:,} more"
    return out


def rich_text(text: object, max_len: int | None = MAX_LEN, *, style: str = "") -> Text:
    """:func:`show` as a Rich ``Text``: added to a table or printed, it is
    never parsed as markup (``[/bold]x`` stays those characters)."""
    return Text(show(text, max_len), style=style, no_wrap=False)


def markup(text: object, max_len: int | None = MAX_LEN) -> str:
    """:func:`show`, escaped for a string that Rich parses as markup."""
    return _escape_markup(show(text, max_len))


def textual_markup(text: object, max_len: int | None = MAX_LEN) -> str:
    """:func:`show`, escaped for a string that Textual parses as its own
    markup (a Static, the command palette): every ``[`` opens nothing, so
    ``[$var]`` and ``[@click=...]`` stay text too (textual.markup.escape
    leaves them)."""
    return show(text, max_len).replace("[", "\\[")

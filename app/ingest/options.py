"""How a file is read: the import options that decide which rows are good
(R2 ``--assume-tz``, ``--encoding``), recorded with each import so that a
file whose rows were refused can be read again under other options
(data contract "Bad input": the advice in a reject's reason must work).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import NamedTuple

from app.errors import UsageError
from app.timeutil import parse_zone

# Python codec name -> the name shown in messages. Single-byte encodings
# only (and UTF-8): lines are cut at the byte 0x0A before decoding.
ENCODINGS = {"utf-8": "UTF-8", "cp1252": "cp1252", "iso8859-1": "Latin-1", "iso8859-15": "Latin-9"}
ENCODING_HELP = "utf-8 (default), cp1252 (Windows), latin-1, latin-9"


def parse_encoding(name: str | None) -> str:
    """The codec name of ``--encoding`` (``windows-1252`` is ``cp1252``)."""
    if name is None:
        return "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        codec = None
    if codec not in ENCODINGS:
        raise UsageError(f"unsupported encoding: {name!r} (expected {ENCODING_HELP})")
    return codec


@dataclass(frozen=True)
class ReadOptions:
    """The options that decide a row's fate; ``retry_rejected`` reads a
    file again whose rows were refused even when they are unchanged."""

    assume_tz: str | None = None
    encoding: str = "utf-8"
    retry_rejected: bool = False
    # the options the admin gave (the others are defaults a read-again may take from the earlier import)
    given: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, assume_tz: str | None = None, encoding: str | None = None, retry_rejected: bool = False):
        zone = parse_zone(assume_tz).key if assume_tz is not None else None  # a usage error for an unknown zone
        given = frozenset(n for n, v in (("assume_tz", assume_tz), ("encoding", encoding)) if v is not None)
        return cls(zone, parse_encoding(encoding), retry_rejected, given)

    def after(self, earlier_key: str) -> ReadOptions:
        """The options for reading again content an import under ``earlier_key``
        decided: what the admin gave now, else what decided it then, so that
        ``--retry-rejected`` alone refuses no row that import accepted (a row
        it read with --assume-tz is not refused again for want of a zone)."""
        then = dict(part.split("=", 1) for part in earlier_key.split(";") if "=" in part)
        assume_tz = self.assume_tz if "assume_tz" in self.given else (then.get("assume_tz") or None)
        encoding = self.encoding if "encoding" in self.given else then.get("encoding", self.encoding)
        if encoding not in ENCODINGS:  # a key this flexdash did not write: the defaults
            encoding = self.encoding
        return ReadOptions(assume_tz, encoding, self.retry_rejected, self.given)

    def key(self) -> str:
        """What ``import_options.options`` records (equal keys: the same rows refused)."""
        return f"assume_tz={self.assume_tz or ''};encoding={self.encoding}"

    @property
    def encoding_label(self) -> str:
        return ENCODINGS[self.encoding]


DEFAULT_KEY = ReadOptions().key()  # imports recorded before options were


class Earlier(NamedTuple):
    """The latest import of the same content (queries/ingest/find_import.sql)."""

    kind: str
    rows: int
    rejected: int
    options: str


def read_again(earlier: Earlier, options: ReadOptions) -> bool:
    """Whether content imported before is read again: only when some of its
    rows were refused, and the options that refused them differ (or the
    admin asks with ``--retry-rejected``). Else it is skipped (data
    contract: re-importing a file changes nothing)."""
    return earlier.rejected > 0 and (options.retry_rejected or earlier.options != options.after(earlier.options).key())

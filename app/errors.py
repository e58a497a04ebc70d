"""Errors an admin can cause, and the exit codes the CLI maps them to.

Exit codes (documented in README.md):
  0  success
  1  unexpected internal error (a bug: please report it)
  2  usage error (bad arguments)
  3  some input rows were rejected (everything else landed)
  4  unreadable input (nothing from the invocation landed)
  5  store busy (could not get the write lock in time)
  6  store unusable: its folder is a file, or the file is not a flexdash (DuckDB) store
  7  store written by a newer flexdash (left untouched)
  8  no such store (only import and demo create one)
  9  report reconcile found differences between the vendor's bill and the charges (R24)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_UNREADABLE = 4
EXIT_BUSY = 5
EXIT_STORE_UNUSABLE = 6
EXIT_STORE_NEWER = 7
EXIT_NO_STORE = 8
EXIT_DIFFERENCES = 9


class FlexdashError(Exception):
    """An error with a message meant for the admin, and its exit code."""

    exit_code = EXIT_INTERNAL


class UsageError(FlexdashError):
    exit_code = EXIT_USAGE


class UnreadableInput(FlexdashError):
    """A file cannot be read at all: nothing from the invocation lands."""

    exit_code = EXIT_UNREADABLE


class StoreBusy(FlexdashError):
    """Another process holds the store's lock."""

    exit_code = EXIT_BUSY


class StoreUnusable(FlexdashError):
    """The store path cannot hold a store: its folder is a file, or the file
    there is not a DuckDB store (or not flexdash's)."""

    exit_code = EXIT_STORE_UNUSABLE


class StoreTooNew(FlexdashError):
    """The store's schema is newer than this flexdash knows: never written to."""

    exit_code = EXIT_STORE_NEWER


class NoSuchStore(FlexdashError):
    """A command that reads a store was given one that does not exist."""

    exit_code = EXIT_NO_STORE

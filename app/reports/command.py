"""Placeholder until this command is built (see docs/architecture.md)."""

from __future__ import annotations

from app.errors import FlexdashError


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    raise FlexdashError("this command is not built yet")

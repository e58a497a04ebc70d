"""Fixtures of the import's tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app import tempdirs


@pytest.fixture
def tmpdir_(tmp_path, monkeypatch) -> Path:
    """The system's temporary directory, for this test alone."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(tempdirs, "_process_folders", {})  # this process's store folder: made there too
    return folder

"""The import summary of the data contract: keys, order, and the invariant
rows = accepted + duplicates + rejected checked before anything is printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from pydantic import ValidationError

from app.ingest.summary import FileSummary, summaries_json


@dataclass
class _Result:
    file: str
    kind: str
    rows: int
    accepted: int
    duplicates: int
    rejected: int

    def as_json(self) -> dict:
        return dict(self.__dict__)


def test_summary_keeps_the_contract_keys_in_order():
    out = json.loads(summaries_json([_Result("a.csv", "events", 10, 7, 2, 1)]))
    assert out == [{"file": "a.csv", "kind": "events", "rows": 10, "accepted": 7, "duplicates": 2, "rejected": 1}]
    assert list(out[0]) == ["file", "kind", "rows", "accepted", "duplicates", "rejected"]


def test_a_row_that_went_missing_is_refused():
    with pytest.raises(ValidationError, match="a row went missing"):
        FileSummary(file="a.csv", kind="events", rows=10, accepted=7, duplicates=2, rejected=0)


def test_negative_counts_are_refused():
    with pytest.raises(ValidationError):
        FileSummary(file="a.csv", kind="events", rows=0, accepted=1, duplicates=-1, rejected=0)

"""The import summary scripts depend on (data contract, `import --format json`).

A pydantic model, so that the contract's invariant, rows = accepted +
duplicates + rejected ("every row read is accepted, a duplicate, or
rejected"), is checked on every summary we print rather than trusted.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, NonNegativeInt, TypeAdapter, model_validator


class FileSummary(BaseModel):
    """One imported file, in the contract's keys and order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    kind: str
    rows: NonNegativeInt
    accepted: NonNegativeInt
    duplicates: NonNegativeInt
    rejected: NonNegativeInt
    # vendor_usage: accepted rows that replaced another export's tokens for
    # the same (team, user, product, day) (R24); absent for the other kinds
    revised: NonNegativeInt | None = None

    @model_validator(mode="after")
    def _every_row_accounted_for(self) -> FileSummary:
        if self.rows != self.accepted + self.duplicates + self.rejected:
            raise ValueError(
                f"{self.file}: {self.rows} rows read but {self.accepted} accepted + "
                f"{self.duplicates} duplicates + {self.rejected} rejected: a row went missing"
            )
        return self


_SUMMARIES = TypeAdapter(list[FileSummary])


def summaries_json(results) -> str:
    """The contract's JSON list for import results (objects with ``as_json()``)."""
    summaries = [FileSummary(**r.as_json()) for r in results]
    return _SUMMARIES.dump_json(summaries, indent=2, exclude_none=True).decode()

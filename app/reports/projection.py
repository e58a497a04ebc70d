"""The draw-down replayed forward on a projected demand (R21 with R13, R14,
R16). Pure: whole UTC days as integers (days since the epoch), no database.

Each projected day holds charges (tokens each, in R16 order) as runs of
equal charges ``(tokens, count)``. A charge draws from the packs valid that day (R13: from purchase day 00:00 until the
expiry day 00:00) that are not empty, in draw order (R14: the packs come
sorted by draw_rank); it is denied when their sum is below it (R16).
Tokens left in a pack on its expiry day are forfeited (R13).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Pack:
    pack_id: str
    tokens: int  # original size (R14 order is the caller's)
    valid_from: int  # day
    valid_until: int  # day, exclusive
    remaining: float


@dataclass
class Outcome:
    runs_out_on: int | None  # first day the balance is below the highest rate
    forfeited: dict[str, float] = field(default_factory=dict)  # pack -> tokens expired unused
    forfeit_day: dict[str, int] = field(default_factory=dict)
    balance: list[float] = field(default_factory=list)  # end of each projected day
    denied: float = 0.0  # tokens of denied charges


def replay(packs: list[Pack], days: list[list[tuple[float, int]]], start_day: int, highest_rate: float) -> Outcome:
    """``days[k]``: the charges of day ``start_day + k`` as runs
    ``(tokens, count)``. The packs' ``remaining`` are consumed (pass copies
    to keep them)."""
    out = Outcome(None)
    for k, runs in enumerate(days):
        day = start_day + k
        _expire(packs, day, out)
        valid = [p for p in packs if p.valid_from <= day < p.valid_until and p.remaining > 0]
        total = sum(p.remaining for p in valid)
        if out.runs_out_on is None and total < highest_rate:
            out.runs_out_on = day
        first = 0  # packs before it are empty
        for amount, count in runs:
            if amount <= 0:
                continue
            # equal charges: those the balance covers are drawn; once one is
            # refused (R16) the rest are too (the balance did not move)
            drawn = min(count, int((total + 1e-9) // amount))
            out.denied += (count - drawn) * amount
            left = drawn * amount
            total -= left
            while left > 1e-9 and first < len(valid):
                p = valid[first]
                take = min(p.remaining, left)
                p.remaining -= take
                left -= take
                if p.remaining <= 1e-9:
                    first += 1
        out.balance.append(total)
        if out.runs_out_on is None and total < highest_rate:
            out.runs_out_on = day
    _expire(packs, start_day + len(days), out)
    return out


def _expire(packs: list[Pack], day: int, out: Outcome) -> None:
    for p in packs:
        if p.valid_until <= day and p.remaining > 0 and p.pack_id not in out.forfeited:
            out.forfeited[p.pack_id] = p.remaining
            out.forfeit_day[p.pack_id] = p.valid_until
            p.remaining = 0.0

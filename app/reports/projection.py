"""The draw-down replayed forward on a projected demand (R21 with R13, R14,
R16). Pure: whole UTC days as integers (days since the epoch), no database.

Each projected day holds charges (tokens each, in R16 order) as runs of
equal charges ``(tokens, count)``. A charge draws from the packs valid that
day (R13: from purchase day 00:00 until the expiry day 00:00) that are not
empty, in draw order (R14: the packs come sorted by draw_rank); it is denied
when their sum is below it (R16). The draws are the engine's own
(app/engine/drawdown.py TeamPacks, on days instead of microseconds): one
definition of which pack a charge draws from. Tokens left in a pack on its
expiry day are forfeited (R13).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.engine.drawdown import TeamPacks


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
    # tokens left in packs already expired are forfeited as the replay starts (R13)
    _expire(packs, start_day, out)
    team = TeamPacks(
        [p.valid_from for p in packs],
        [p.valid_until for p in packs],
        [p.remaining for p in packs],
        list(range(len(packs))),
    )
    for k, runs in enumerate(days):
        day = start_day + k
        total = team.balance(day)  # R15
        if out.runs_out_on is None and total < highest_rate:
            out.runs_out_on = day
        for amount, count in runs:
            if amount <= 0:
                continue
            # equal charges: those the balance covers are drawn (R14, in one
            # draw: the same packs as one by one); once one is refused (R16)
            # the rest are too (the balance did not move)
            drawn = min(count, int((total + 1e-9) // amount))
            out.denied += (count - drawn) * amount
            if drawn:  # never more than the balance (the 1e-9 above is rounding)
                team.draw(day, min(drawn * amount, team.balance(day)))
            total -= drawn * amount
        out.balance.append(total)
        if out.runs_out_on is None and total < highest_rate:
            out.runs_out_on = day
    for p, left in zip(packs, team.remaining, strict=True):
        p.remaining = left
    _expire(packs, start_day + len(days), out)
    return out


def _expire(packs: list[Pack], day: int, out: Outcome) -> None:
    """R13: a pack whose validity ended by ``day`` forfeits what it holds
    (never drawn after its expiry, so what it holds at the end)."""
    for p in packs:
        if p.valid_until <= day and p.remaining > 0 and p.pack_id not in out.forfeited:
            out.forfeited[p.pack_id] = p.remaining
            out.forfeit_day[p.pack_id] = p.valid_until
            p.remaining = 0.0

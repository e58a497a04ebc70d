"""Pack draw-down (R13, R14, R15, R16) on numpy arrays.

Packs of a team are laid end to end in draw order (R14: expiry, size,
pack_id) along a cumulative capacity axis. With one-year validity, packs
expire in draw order, and in the usual case they are also bought in draw
order, so at any instant the valid packs are a contiguous stretch of that
axis: consumption is a pointer P moving along it (measured.md). At a
charge at t of r tokens:

    P = max(P, end of the packs expired by t)   # R13: the rest is forfeited
    balance = end of the packs bought by t - P  # R15
    if balance < r: denied (R16) else P += r    # R14: split across packs

Without denials this is P_i = max(P_{i-1}, E_i) + r_i, which a running
maximum solves at once. It is exact for every charge up to a team's first
denial; after one, later windows change (R16), so such teams are finished
by :class:`TeamPacks`, the scalar version, one charge at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Packs:
    """All packs, sorted by (team, draw_rank)."""

    team_id: np.ndarray
    pack_id: np.ndarray  # object array of str
    tokens: np.ndarray
    valid_from: np.ndarray  # us, purchased_on 00:00 UTC (R13)
    valid_until: np.ndarray  # us, exclusive (R13)


@dataclass(frozen=True)
class Draws:
    ok: np.ndarray  # per charge: drawn (True) or denied by the pointer model
    pack_index: np.ndarray  # per allocation: index into Packs
    charge_index: np.ndarray  # per allocation: index into the charges
    tokens: np.ndarray  # per allocation


def teams_out_of_purchase_order(packs: Packs) -> np.ndarray:
    """Teams whose draw order is not also purchase order (e.g. a pack bought
    on 29 February expires with the ones bought on 28 February and may rank
    first): the pointer model does not hold there; use the scalar path."""
    if len(packs.team_id) < 2:
        return np.zeros(0, dtype=packs.team_id.dtype)
    same = packs.team_id[1:] == packs.team_id[:-1]
    back = same & (packs.valid_from[1:] < packs.valid_from[:-1])
    return np.unique(packs.team_id[1:][back])


def vector_draw(packs: Packs, team: np.ndarray, at: np.ndarray, rate: np.ndarray) -> Draws:
    """The pointer model for charges sorted by (team, instant, R16 order).
    Exact until each team's first ``ok == False``."""
    n = len(team)
    empty = np.zeros(0, dtype=np.int64)
    if len(packs.team_id) == 0 or n == 0:  # no packs: every window is denied (R16)
        return Draws(np.zeros(n, dtype=bool), empty, empty, empty)
    cap_end = np.cumsum(packs.tokens.astype(np.int64))
    cap_start = cap_end - packs.tokens
    # Per team: first pack index and the capacity before it.
    teams_with_packs, first_pack = np.unique(packs.team_id, return_index=True)
    pos = np.searchsorted(teams_with_packs, team)
    pos_c = np.minimum(pos, max(len(teams_with_packs) - 1, 0))
    has_packs = teams_with_packs[pos_c] == team
    base = np.where(has_packs, cap_start[first_pack[pos_c]], 0)
    lo = np.where(has_packs, first_pack[pos_c], 0)
    # Within a team valid_until is sorted (draw order starts with expiry);
    # valid_from is sorted where the pointer model is used.
    pack_team_seq = np.searchsorted(teams_with_packs, packs.team_id).astype(np.int64)
    team_seq = pos_c.astype(np.int64)
    bought = _count_upto(packs.valid_from, pack_team_seq, lo, team_seq, has_packs, at)
    expired = _count_upto(packs.valid_until, pack_team_seq, lo, team_seq, has_packs, at)
    avail_end = np.where(bought > 0, cap_end[np.maximum(lo + bought - 1, 0)], base)
    expired_end = np.where(expired > 0, cap_end[np.maximum(lo + expired - 1, 0)], base)
    rate = rate.astype(np.int64)
    # P_i = C_i + max_{j<=i}(E_j - C_{j-1}), per team (segmented max).
    c = np.cumsum(rate)
    c_prev = c - rate
    seg = np.r_[True, team[1:] != team[:-1]]
    seg_no = np.cumsum(seg) - 1
    seg_c0 = c_prev[seg][seg_no]  # team-local cumulative sums
    c_loc, c_prev_loc = c - seg_c0, c_prev - seg_c0
    big = int(cap_end[-1]) + int(c[-1]) + 1
    v = expired_end - c_prev_loc + seg_no * big
    p_after = np.maximum.accumulate(v) - seg_no * big + c_loc
    p_before = p_after - rate
    ok = p_after <= avail_end
    # Allocations: the stretch [p_before, p_after) cut at pack boundaries.
    idx = np.flatnonzero(ok)
    first = np.searchsorted(cap_end, p_before[idx], side="right")
    last = np.searchsorted(cap_end, p_after[idx] - 1, side="right")
    pieces = last - first + 1
    charge_index = np.repeat(idx, pieces)
    offs = np.arange(pieces.sum()) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    pack_index = np.repeat(first, pieces) + offs
    amount = np.minimum(p_after[charge_index], cap_end[pack_index]) - np.maximum(
        p_before[charge_index], cap_start[pack_index]
    )
    return Draws(ok, pack_index, charge_index, amount)


def _count_upto(values, pack_team_seq, lo, team_seq, has_packs, at) -> np.ndarray:
    """Per charge, how many packs of its team have values <= at (each
    team's slice of ``values`` sorted): one searchsorted on team-major keys."""
    if len(at) == 0 or len(values) == 0:
        return np.zeros(len(at), dtype=np.int64)
    t0 = int(min(values.min(), at.min()))
    span = int(max(values.max(), at.max())) - t0 + 1
    if (int(pack_team_seq.max()) + 1) * span >= 2**62:
        raise OverflowError("too many teams for int64 time keys")
    keys = pack_team_seq * span + (values - t0)
    q = team_seq * span + (at - t0)
    return np.where(has_packs, np.searchsorted(keys, q, side="right") - lo, 0)


class TeamPacks:
    """One team's packs for the scalar path (R13-R16), in draw order."""

    __slots__ = ("valid_from", "valid_until", "remaining", "index")

    def __init__(self, valid_from: list[int], valid_until: list[int], tokens: list[int], index: list[int]):
        self.valid_from = valid_from
        self.valid_until = valid_until
        self.remaining = list(tokens)
        self.index = index

    def balance(self, t: int) -> int:
        """R15: remaining tokens of the packs valid at t."""
        return sum(r for f, u, r in zip(self.valid_from, self.valid_until, self.remaining) if f <= t < u)

    def draw(self, t: int, rate: int) -> list[tuple[int, int]] | None:
        """R14/R16: (pack index, tokens) drawn at t, or None when the balance
        is below the rate (nothing is drawn)."""
        if self.balance(t) < rate:
            return None
        need = rate
        out = []
        for k, (f, u) in enumerate(zip(self.valid_from, self.valid_until)):
            if need == 0:
                break
            if f <= t < u and self.remaining[k] > 0:
                take = min(need, self.remaining[k])
                self.remaining[k] -= take
                need -= take
                out.append((self.index[k], take))
        return out

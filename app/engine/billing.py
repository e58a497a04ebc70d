"""Charges, allocations and insufficient-balance denials from the views.

Reads the billable active intervals (app/engine/intervals.py, the same as
the view int_active_intervals), the rates and the packs as arrays, then:

1. runs (R7) and windows without denials (R8, R9), vectorised;
2. the billed team and session of each window (R12) and its rate (R10);
3. the draw-down of every team at once (R13, R14) by the pointer model;
4. teams where a denial happened (R16), teams with billed charges (the
   vendor's days no log covers, app/engine/billed.py), and every team
   linked to them through a user x product billing several teams, are
   recomputed one window at a time in one walk in time order, billed
   charges at the start of their day, because a denial moves that group's
   later windows.

The as-of instant (R4) is compute's argument, passed to every model it reads.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from app import sql
from app.engine.batches import GroupBatches
from app.engine.billed import Billed, load_billed, merge_billed
from app.engine.drawdown import Packs, TeamPacks, teams_out_of_purchase_order, vector_draw
from app.engine.intervals import load_billable
from app.engine.windows import GroupWalk, Intervals


@dataclass
class Results:
    """Windows that were charged, their draws, and denied windows; every
    instant in microseconds. Charges are sorted in R16 order."""

    charge_start: np.ndarray
    charge_user: np.ndarray
    charge_product: np.ndarray
    charge_team: np.ndarray
    charge_tokens: np.ndarray
    charge_session: np.ndarray
    alloc_charge: np.ndarray  # index into the charges
    alloc_pack: np.ndarray  # object array of pack_id
    alloc_tokens: np.ndarray
    denial_ts: np.ndarray
    denial_user: np.ndarray
    denial_product: np.ndarray
    denial_team: np.ndarray
    denial_session: np.ndarray


def _fetch(con, name: str) -> dict[str, np.ndarray]:
    return con.execute(sql.load(name)).fetchnumpy()


def _i64(a) -> np.ndarray:
    return np.asarray(a, dtype=np.int64)


class Rates:
    """R10: the rate of a product at an instant."""

    def __init__(self, product_id, effective_us, tokens):
        self.by_product: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.lists: dict[int, tuple[list[int], list[int]]] = {}  # for the scalar path
        product_id = _i64(product_id)
        for pid in np.unique(product_id):
            sel = product_id == pid
            self.by_product[int(pid)] = (_i64(effective_us)[sel], _i64(tokens)[sel])
            self.lists[int(pid)] = (_i64(effective_us)[sel].tolist(), _i64(tokens)[sel].tolist())

    def at(self, product: np.ndarray, u: np.ndarray) -> np.ndarray:
        out = np.zeros(len(u), dtype=np.int64)
        for pid, (eff, tok) in self.by_product.items():
            sel = product == pid
            if sel.any():
                # Before the first effective_from the first row applies (stg_rate_periods).
                k = np.maximum(np.searchsorted(eff, u[sel], side="right") - 1, 0)
                out[sel] = tok[k]
        return out

    def one(self, product: int, u: int) -> int:
        eff, tok = self.lists[product]
        return tok[max(bisect_right(eff, u) - 1, 0)]


def compute(con, as_of: datetime | None = None, *, force_scalar: bool = False, max_key: int | None = None) -> Results:
    """The results as of ``as_of`` (R4: events up to it; None: every stored
    event): the charges of the logs and the vendor's billed days no log
    covers (R24, app/engine/billed.py), drawn in one walk in time order
    per team (R14). ``force_scalar`` walks every group
    one window at a time, ``max_key`` shrinks the key space to force batches
    of groups (tests check that the results do not change)."""
    billed = load_billed(con, as_of)  # None without vendor usage: the logs' path alone
    return _compute(con, as_of, billed, force_scalar=force_scalar, max_key=max_key)


def _compute(con, as_of: datetime | None, billed: Billed | None, *, force_scalar: bool, max_key: int | None) -> Results:
    rate_raw = _fetch(con, "engine/rates")
    pack_raw = _fetch(con, "engine/packs")
    rates = Rates(rate_raw["product_id"], rate_raw["effective_us"], rate_raw["tokens_per_day"])
    packs = Packs(
        _i64(pack_raw["team_id"]),
        np.asarray(pack_raw["pack_id"], dtype=object),
        _i64(pack_raw["tokens"]),
        _i64(pack_raw["valid_from_us"]),
        _i64(pack_raw["valid_until_us"]),
    )
    billable = load_billable(con, as_of)
    iv = billable.intervals
    group_user, group_product = billable.group_user, billable.group_product
    n_groups = len(group_user)
    if len(iv.group) == 0:
        if billed is None:
            return _empty()
        s = _scalar(iv, None, {}, packs, np.zeros(len(packs.tokens), dtype=np.int64), None, group_product, None, billed)
        return merge_billed(
            _empty(), billed, s["b_alloc_charge"], packs.pack_id[s["b_alloc_pack"]], s["b_alloc_tokens"]
        )
    keys = GroupBatches(n_groups, int(iv.start.min()), int(iv.end.max()), max_key)

    runs = keys.runs(iv)
    w_group, w_u = keys.windows(runs)
    w_iv = keys.session_at(iv, w_group, w_u)
    if len(w_iv) and w_iv.min() < 0:  # a window always opens inside an active interval
        raise AssertionError("engine: a window opened outside every active interval")
    w_team = iv.team_id[w_iv]
    w_rate = rates.at(group_product[w_group], w_u)

    # Pointer-model draw-down, charges in (team, instant, R16 order).
    order = np.lexsort((w_group, w_u, w_team))
    draws = vector_draw(packs, w_team[order], w_u[order], w_rate[order])
    dirty_teams = set(np.unique(w_team[order][~draws.ok]).tolist())
    unordered = set(teams_out_of_purchase_order(packs).tolist()) & set(np.unique(w_team).tolist())
    dirty_teams |= unordered
    if billed is not None:  # R14: their windows draw after the billed days, in one walk
        dirty_teams |= set(np.unique(billed.team).tolist())
    dirty_groups = _close_over_shared_groups(iv, dirty_teams, n_groups)
    if force_scalar:
        dirty_groups[:] = True
    # Up to the earliest denial of all (R16 order) no window moved, so the
    # vectorised windows and draws before it are exact everywhere: dirty
    # groups resume from there. Teams out of purchase order resume at once.
    # Billed charges draw at the start of their day, before any window at
    # that instant: their teams' windows before the first of them are exact.
    before = np.zeros(len(w_u), dtype=bool)
    if not force_scalar and not unordered and not draws.ok.all():
        denied = order[~draws.ok]
        first = denied[np.lexsort((w_group[denied], w_u[denied]))[0]]
        before = (w_u < w_u[first]) | ((w_u == w_u[first]) & (w_group < w_group[first]))
        if billed is not None:
            before &= w_u < billed.start.min()
    elif not force_scalar and not unordered and billed is not None:
        before = w_u < billed.start.min()

    # Clean groups, and every window before the resume point: exact.
    clean_window = ~dirty_groups[w_group] | before
    clean_sorted = clean_window[order]
    keep_alloc = clean_sorted[draws.charge_index]
    c_idx = order[clean_sorted]  # windows in (team, u, grp) order
    # Map sorted-charge positions to window indices for the allocations.
    a_window = order[draws.charge_index[keep_alloc]]
    a_pack = draws.pack_index[keep_alloc]
    a_tokens = draws.tokens[keep_alloc]

    # Dirty groups: one window at a time from their first window not kept
    # (R16 feedback), with the packs as the kept draws left them.
    pending = np.flatnonzero(~clean_window)  # sorted by (group, u)
    heads = pending[np.r_[True, w_group[pending][1:] != w_group[pending][:-1]]] if len(pending) else pending
    start = {
        g: (k, u)
        for g, k, u in zip(
            w_group[heads].tolist(), keys.run_index_at(runs, w_group[heads], w_u[heads]).tolist(), w_u[heads].tolist()
        )
    }
    consumed = np.bincount(a_pack, weights=a_tokens, minlength=len(packs.tokens)).astype(np.int64)
    s = _scalar(iv, runs, start, packs, consumed, rates, group_product, keys, billed)

    # Assemble, in R16 order (opening instant, then user name, product code).
    cg = np.r_[w_group[c_idx], s["group"]]
    cu = np.r_[w_u[c_idx], s["u"]]
    ct = np.r_[w_team[c_idx], s["team"]]
    cr = np.r_[w_rate[c_idx], s["rate"]]
    cs = np.r_[iv.session_key[w_iv[c_idx]], s["session"]]
    final = np.lexsort((cg, cu))
    position = np.empty(len(final), dtype=np.int64)
    position[final] = np.arange(len(final))
    # Allocation rows: clean ones point at window indices, scalar ones at
    # positions in the scalar list (offset by the clean count).
    window_to_clean = np.full(len(w_u), -1, dtype=np.int64)
    window_to_clean[c_idx] = np.arange(len(c_idx))
    alloc_charge = np.r_[position[window_to_clean[a_window]], position[len(c_idx) + s["alloc_charge"]]]
    alloc_pack = np.r_[a_pack, s["alloc_pack"]].astype(np.int64)
    alloc_tokens = np.r_[a_tokens, s["alloc_tokens"]]
    a_order = np.lexsort((alloc_pack, alloc_charge))
    # Draw order within a charge = pack index order (packs sorted by draw_rank).
    results = Results(
        charge_start=cu[final],
        charge_user=group_user[cg[final]],
        charge_product=group_product[cg[final]],
        charge_team=ct[final],
        charge_tokens=cr[final],
        charge_session=cs[final],
        alloc_charge=alloc_charge[a_order],
        alloc_pack=packs.pack_id[alloc_pack[a_order]],
        alloc_tokens=alloc_tokens[a_order],
        denial_ts=s["deny_u"],
        denial_user=group_user[s["deny_group"]],
        denial_product=group_product[s["deny_group"]],
        denial_team=s["deny_team"],
        denial_session=s["deny_session"],
    )
    if billed is None:
        return results
    return merge_billed(results, billed, s["b_alloc_charge"], packs.pack_id[s["b_alloc_pack"]], s["b_alloc_tokens"])


def _close_over_shared_groups(iv: Intervals, dirty_teams: set[int], n_groups: int) -> np.ndarray:
    """Groups to recompute one window at a time: every group that can bill
    a dirty team, closed over groups that bill several teams (a denial in
    one team moves that group's windows, hence another team's charges)."""
    dirty = np.zeros(n_groups, dtype=bool)
    if not dirty_teams:
        return dirty
    pairs = _group_team_pairs(iv.group, iv.team_id)
    teams = set(dirty_teams)
    while True:
        hit = np.isin(pairs[:, 1], list(teams))
        groups = np.unique(pairs[hit, 0])
        more = set(pairs[np.isin(pairs[:, 0], groups), 1].tolist())
        if more <= teams:
            dirty[groups] = True
            return dirty
        teams |= more


def _group_team_pairs(group: np.ndarray, team: np.ndarray) -> np.ndarray:
    """Distinct (group, team) rows, sorted (one 1-D unique on a packed key)."""
    width = int(team.max()) + 1
    packed = np.unique(group * width + team)
    return np.stack([packed // width, packed % width], axis=1)


def _scalar(iv, runs, start, packs, consumed, rates, group_product, keys, billed=None) -> dict[str, np.ndarray]:
    out = {
        k: []
        for k in (
            "group",
            "u",
            "team",
            "rate",
            "alloc_charge",
            "alloc_pack",
            "alloc_tokens",
            "deny_u",
            "deny_group",
            "deny_team",
            "b_alloc_charge",
            "b_alloc_pack",
            "b_alloc_tokens",
        )
    }
    if start or billed is not None:
        _walk(iv, runs, start, packs, consumed, rates, group_product, keys, out, billed)
    res = {k: np.asarray(v, dtype=np.int64) for k, v in out.items()}
    if keys is None:  # no log windows at all: billed charges only
        res["session"] = res["deny_session"] = np.zeros(0, dtype=np.int64)
        return res
    res["session"] = iv.session_key[keys.session_at(iv, res["group"], res["u"])]
    res["deny_session"] = iv.session_key[keys.session_at(iv, res["deny_group"], res["deny_u"])]
    return res


def _walk(iv, runs, start, packs, consumed, rates, group_product, keys, out, billed: Billed | None = None) -> None:
    """R9 + R14 + R16 one window at a time over the groups of ``start``
    (group -> (run index, opening instant) of its next window), in R16
    order across all of them (a heap on (opening instant, group)), with the
    billed charges (R24) drawn in the same walk at the start of their day
    (heap entries with a negative group: first at their instant, which no
    logged window of their team shares, since a window at u means a session
    of its team spans u's day and so no billed charge of that team that day:
    the draws follow R16 order as charge_id numbers it, merge_billed)."""
    groups = np.array(sorted(start), dtype=np.int64)
    team_of = {}  # group -> its only team, or None when it bills several
    if len(groups):
        sel = np.isin(iv.group, groups)
        for g, t in _group_team_pairs(iv.group[sel], iv.team_id[sel]).tolist():
            team_of[g] = t if g not in team_of else None
    walks, heap = {}, []
    if len(groups):
        bounds = np.searchsorted(runs.group, [groups, groups + 1])
        for g, lo, hi in zip(groups.tolist(), bounds[0].tolist(), bounds[1].tolist()):
            run, u = start[g]
            walks[g] = GroupWalk(runs.start[lo:hi].tolist(), runs.end[lo:hi].tolist(), run - lo, u)
            heap.append((u, g))
    n_billed = 0 if billed is None else len(billed)
    if n_billed:
        heap.extend((u, i - n_billed) for i, u in enumerate(billed.start.tolist()))
        billed_team, billed_tokens = billed.team.tolist(), billed.tokens.tolist()
    heapq.heapify(heap)
    team_packs: dict[int, TeamPacks] = {}
    left = packs.tokens - consumed
    for t in np.unique(packs.team_id).tolist():
        sel_t = np.flatnonzero(packs.team_id == t)
        team_packs[t] = TeamPacks(
            packs.valid_from[sel_t].tolist(), packs.valid_until[sel_t].tolist(), left[sel_t].tolist(), sel_t.tolist()
        )
    no_packs = TeamPacks([], [], [], [])
    while heap:
        u, g = heapq.heappop(heap)
        if g < 0:  # a billed charge: never denied, it draws what is left (R14, R24)
            i = g + n_billed
            tp = team_packs.get(billed_team[i], no_packs)
            need = min(billed_tokens[i], tp.balance(u))
            for pack_index, tokens in (tp.draw(u, need) or []) if need > 0 else []:
                out["b_alloc_charge"].append(i)
                out["b_alloc_pack"].append(pack_index)
                out["b_alloc_tokens"].append(tokens)
            continue
        team = team_of[g]
        if team is None:
            team = int(iv.team_id[keys.session_at(iv, np.array([g]), np.array([u]))[0]])
        rate = rates.one(int(group_product[g]), u)
        drawn = team_packs.get(team, no_packs).draw(u, rate)
        walk = walks[g]
        if drawn is None:
            out["deny_u"].append(u)
            out["deny_group"].append(g)
            out["deny_team"].append(team)
            walk.denied()
        else:
            k = len(out["u"])
            out["group"].append(g)
            out["u"].append(u)
            out["team"].append(team)
            out["rate"].append(rate)
            for pack_index, tokens in drawn:
                out["alloc_charge"].append(k)
                out["alloc_pack"].append(pack_index)
                out["alloc_tokens"].append(tokens)
            walk.charged()
        if walk.u is not None:
            heapq.heappush(heap, (walk.u, g))


def _empty() -> Results:
    e = np.zeros(0, dtype=np.int64)
    return Results(e, e, e, e, e, e, e, np.zeros(0, dtype=object), e, e, e, e, e, e)

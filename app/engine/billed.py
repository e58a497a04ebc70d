"""Working from the vendor's export alone (R24): the billed days no usage log
covers become charges, drawn from the packs by R14 at the start of the day.

Every (team, UTC day) of the vendor's usage export that no event of that
team covers gives one charge per user and product, at the day's 00:00 UTC,
with the billed tokens and no session (so ``v_charge_source`` calls it
``billed``). The engine (app/engine/billing.py) draws them in the same
time-ordered walk as the logs' windows of their team (R14, R16 order), so a
window after a billed day sees the packs the billed charge left, and is
denied (R16) when they cannot cover it. A billed charge was allowed by the
vendor, so it is never denied: one the packs cannot cover in full draws what
is left. Downstream (balances, burn, forecast, subscriptions, chargeback)
reads ``charges`` and ``allocations`` as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from app import sql
from app.store import scalar

NO_SESSION = -1  # a billed charge has no session: stored as NULL (recompute._register)


@dataclass(frozen=True)
class Billed:
    """The billed charges, in R16 order (instant, user name, product code)."""

    start: np.ndarray  # us, the day's 00:00 UTC
    user: np.ndarray
    product: np.ndarray
    team: np.ndarray
    tokens: np.ndarray
    user_place: np.ndarray  # by user id: place in user-name order (R16)
    product_place: np.ndarray  # by product id: place in product-code order (R16)

    def __len__(self) -> int:
        return len(self.start)


def load_billed(con, as_of: datetime | None) -> Billed | None:
    """The billed charges as of ``as_of`` (R4), or None when there are none
    (a store without vendor usage pays one EXISTS query)."""
    if not scalar(con, sql.load("engine/has_billed_usage")):
        return None
    raw = con.execute(sql.load("engine/billed_usage"), {"as_of": as_of}).fetchnumpy()
    if len(raw["start_us"]) == 0:
        return None
    i64 = lambda name: np.asarray(raw[name], dtype=np.int64)  # noqa: E731
    places = con.execute(sql.load("engine/name_places")).fetchnumpy()
    return Billed(
        i64("start_us"),
        i64("user_id"),
        i64("product_id"),
        i64("team_id"),
        i64("tokens"),
        _by_id(places, "user"),
        _by_id(places, "product"),
    )


def _by_id(places: dict, kind: str) -> np.ndarray:
    """An array indexed by dense id (from 1) giving the place in name order."""
    sel = np.asarray(places["kind"]) == kind
    ids = np.asarray(places["id"], dtype=np.int64)[sel]
    out = np.zeros(int(ids.max(initial=0)) + 1, dtype=np.int64)
    out[ids] = np.asarray(places["place"], dtype=np.int64)[sel]
    return out


def merge_billed(results, billed: Billed, alloc_charge, alloc_pack_id, alloc_tokens):
    """``results`` (the logs' charges in R16 order, their draws final) with
    the billed charges and their draws (``alloc_charge`` indexes ``billed``)
    merged in R16 order: by instant, then user name, then product code,
    whichever the source (charge_id numbers them so); the logs' charge first
    only where instant, user and product are the same (two teams)."""
    n_logs, n_billed = len(results.charge_start), len(billed)
    start = np.r_[results.charge_start, billed.start]
    user = np.r_[results.charge_user, billed.user]
    product = np.r_[results.charge_product, billed.product]
    order = np.lexsort((np.arange(n_logs + n_billed), billed.product_place[product], billed.user_place[user], start))
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    charge = np.r_[position[results.alloc_charge], position[n_logs + np.asarray(alloc_charge, dtype=np.int64)]]
    pack = np.r_[results.alloc_pack, np.asarray(alloc_pack_id, dtype=object)].astype(object)
    tokens = np.r_[results.alloc_tokens, np.asarray(alloc_tokens, dtype=np.int64)].astype(np.int64)
    # a charge is either the logs' or billed: within one, its draws are already in pack order
    a_order = np.argsort(charge, kind="stable")
    return type(results)(
        charge_start=start[order],
        charge_user=user[order],
        charge_product=product[order],
        charge_team=np.r_[results.charge_team, billed.team][order],
        charge_tokens=np.r_[results.charge_tokens, billed.tokens][order],
        charge_session=np.r_[results.charge_session, np.full(n_billed, NO_SESSION, dtype=np.int64)][order],
        alloc_charge=charge[a_order],
        alloc_pack=pack[a_order],
        alloc_tokens=tokens[a_order],
        denial_ts=results.denial_ts,
        denial_user=results.denial_user,
        denial_product=results.denial_product,
        denial_team=results.denial_team,
        denial_session=results.denial_session,
    )

"""Working from the vendor's export alone (R24): the billed days no usage log
covers become charges, drawn from the packs by R14 at the start of the day.

The engine computes the charges of the logs first (R5-R16). Then every
(team, UTC day) of the vendor's usage export that no event of that team
covers gives one charge per user and product, at the day's 00:00 UTC, with
the billed tokens and no session (so ``v_charge_source`` calls it
``billed``). In a team with such charges the draws of all its charges, from
the logs and billed, are redone in time order (R14). The logs' windows and
R16 denials are those of the logs alone; a billed charge was allowed by the
vendor, so it is never denied: one the packs cannot cover in full draws what
is left. Downstream (balances, burn, forecast, subscriptions, chargeback)
reads ``charges`` and ``allocations`` as before.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from app import sql
from app.engine.drawdown import Packs, TeamPacks
from app.store import scalar

NO_SESSION = -1  # a billed charge has no session: stored as NULL (recompute._register)


def add_billed(con, results, packs: Packs, as_of: datetime | None):
    """``results`` (the logs' charges as of ``as_of``, in R16 order) with the
    billed charges merged in, and the draws of the teams they touch redone."""
    if not scalar(con, sql.load("engine/has_billed_usage")):
        return results
    billed = con.execute(sql.load("engine/billed_usage"), {"as_of": as_of}).fetchnumpy()
    n_billed = len(billed["start_us"])
    if n_billed == 0:
        return results
    n_logs = len(results.charge_start)
    start = np.r_[results.charge_start, np.asarray(billed["start_us"], dtype=np.int64)]
    user = np.r_[results.charge_user, np.asarray(billed["user_id"], dtype=np.int64)]
    product = np.r_[results.charge_product, np.asarray(billed["product_id"], dtype=np.int64)]
    team = np.r_[results.charge_team, np.asarray(billed["team_id"], dtype=np.int64)]
    tokens = np.r_[results.charge_tokens, np.asarray(billed["tokens"], dtype=np.int64)]
    session = np.r_[results.charge_session, np.full(n_billed, NO_SESSION, dtype=np.int64)]
    # R16 order by instant; at one instant the logs' charges, then the billed
    # ones (each list is already in user, product order)
    order = np.lexsort((np.arange(n_logs + n_billed), start))
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))

    touched = set(np.unique(team[n_logs:]).tolist())
    keep = ~np.isin(results.charge_team[results.alloc_charge], list(touched))
    a_charge = [position[results.alloc_charge[keep]]]
    a_pack = [results.alloc_pack[keep]]
    a_tokens = [results.alloc_tokens[keep]]
    for t in sorted(touched):
        c, p, k = _redraw(packs, t, order, team, start, tokens)
        a_charge.append(position[c])
        a_pack.append(p)
        a_tokens.append(k)
    alloc_charge = np.concatenate(a_charge).astype(np.int64)
    alloc_pack = np.concatenate(a_pack).astype(object)
    alloc_tokens = np.concatenate(a_tokens).astype(np.int64)
    rank = {pid: i for i, pid in enumerate(packs.pack_id.tolist())}
    a_order = np.lexsort((np.array([rank[p] for p in alloc_pack], dtype=np.int64), alloc_charge))
    return type(results)(
        charge_start=start[order],
        charge_user=user[order],
        charge_product=product[order],
        charge_team=team[order],
        charge_tokens=tokens[order],
        charge_session=session[order],
        alloc_charge=alloc_charge[a_order],
        alloc_pack=alloc_pack[a_order],
        alloc_tokens=alloc_tokens[a_order],
        denial_ts=results.denial_ts,
        denial_user=results.denial_user,
        denial_product=results.denial_product,
        denial_team=results.denial_team,
        denial_session=results.denial_session,
    )


def _redraw(packs: Packs, team_id: int, order, team, start, tokens):
    """R14 for every charge of one team in time order: (charge index,
    pack_id, tokens) per draw; a charge short of tokens draws what is left."""
    sel = np.flatnonzero(packs.team_id == team_id)
    tp = TeamPacks(
        packs.valid_from[sel].tolist(), packs.valid_until[sel].tolist(), packs.tokens[sel].tolist(), sel.tolist()
    )
    charges, pack_ids, amounts = [], [], []
    for i in order[team[order] == team_id].tolist():
        t = int(start[i])
        need = min(int(tokens[i]), tp.balance(t))
        if need <= 0:
            continue
        for k, took in tp.draw(t, need) or []:
            charges.append(i)
            pack_ids.append(packs.pack_id[k])
            amounts.append(took)
    return (
        np.asarray(charges, dtype=np.int64),
        np.asarray(pack_ids, dtype=object),
        np.asarray(amounts, dtype=np.int64),
    )

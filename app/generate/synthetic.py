"""Synthetic data sets of any size for benchmarks (``flexdash generate``).

Vectorised with numpy: users x days -> sessions -> events, in chunks of
about a million events so memory stays flat, written with polars (CSV, and
Parquet through pyarrow). Deterministic: the same arguments give the same
bytes. The shape follows the sample logs: sessions with a login, activities
a few minutes apart with now and then a gap over 15 minutes (R6), a logout
that is sometimes missing (R5), several products per user, days off, several
teams, some rows naming no team (R12); packs sized so that balances last,
except the last team's, which runs dry (R16).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from app.generate.formats import ASSIGNMENT_COLUMNS, EVENT_COLUMNS, PACK_COLUMNS, format_offset, write_csv
from app.resources import data_dir

CHUNK_EVENTS = 1_000_000
MEAN_GAP = 300.0  # seconds between activities: P(gap > 15 min) = e^-3, about 5 %
SLOTS = 3  # products per user
SLOT_P = np.array([0.55, 0.25, 0.10])  # chance of using each slot's product on a working day
MISSING_LOGOUT = 0.03
NO_TEAM = 0.05  # sessions whose rows leave `team` empty
TEAM_NAMES = [
    "architecture",
    "civil",
    "visualisation",
    "structures",
    "mep",
    "interiors",
    "landscape",
    "bim-services",
    "surveying",
    "product-design",
    "manufacturing",
    "media",
]
MAX_TEAMS = 50
OFFICE_OFFSETS = [60, -300, 0, 120, -240, 330, 540, -480, 60, 0, 600, -180]  # minutes
OS_NAMES = ["windows", "macos", "linux"]
KINDS = np.array(["login", "activity", "logout"])
# Product popularity among the shipped rates (others get a small weight).
POPULAR = {
    "RVT": 10,
    "ACAD": 9,
    "C3D": 5,
    "ACADLT": 5,
    "NAVMAN": 3,
    "NAVSIM": 2,
    "INVNTOR": 4,
    "3DSMAX": 3,
    "MAYA": 3,
    "FUSION": 3,
    "RVTFAB": 1,
}
# Expected events per user and calendar day under the model below; used
# only to turn --events into a number of users.
EVENTS_PER_USER_DAY = 29.0  # measured: 9.43 M events for 3600 users x 90 days


@dataclass(frozen=True)
class Plan:
    users: int
    days: int
    seed: int
    end: date = date(2026, 11, 20)

    @property
    def start(self) -> date:
        return self.end - timedelta(days=self.days - 1)

    @property
    def teams(self) -> int:
        """About one team per 40 users, at least 3, at most MAX_TEAMS."""
        return int(min(MAX_TEAMS, max(3, self.users // 40)))


def users_for_events(events: int, days: int) -> int:
    return max(3, round(events / (days * EVENTS_PER_USER_DAY)))


def team_name(i: int) -> str:
    return TEAM_NAMES[i] if i < len(TEAM_NAMES) else f"team-{i + 1:02d}"


def _catalog() -> list[dict]:
    """Products of the shipped rate table (latest row of each)."""
    with open(data_dir() / "rates.csv", newline="", encoding="utf-8") as f:
        rows = {r["product"]: r for r in csv.DictReader(f)}
    return list(rows.values())


class _Population:
    """Per-user habits, drawn once for the whole data set."""

    def __init__(self, plan: Plan, rng: np.random.Generator) -> None:
        cat = _catalog()
        n = plan.users
        self.products = np.array([r["product"] for r in cat])
        self.rates = np.array([int(r["tokens_per_day"]) for r in cat])
        linux_ok = np.array([r["linux"] == "true" for r in cat])
        weight = np.array([POPULAR.get(p, 1) for p in self.products], dtype=float)
        self.team = np.minimum(rng.integers(0, plan.teams, n), plan.teams - 1)
        self.offset = np.array(OFFICE_OFFSETS * (plan.teams // len(OFFICE_OFFSETS) + 1))[self.team]
        self.os = rng.choice(3, n, p=[0.88, 0.08, 0.04])
        self.slot_product = np.empty((n, SLOTS), dtype=np.int64)
        for os_kind, allowed in ((0, np.ones_like(linux_ok)), (1, np.ones_like(linux_ok)), (2, linux_ok)):
            who = np.flatnonzero(self.os == os_kind)
            w = weight * allowed
            # SLOTS distinct products per user: Gumbel top-k of the weights
            with np.errstate(divide="ignore"):  # weight 0 -> never drawn
                keys = np.log(w)[None, :] - np.log(-np.log(rng.random((who.size, w.size))))
            self.slot_product[who] = np.argsort(-keys, axis=1)[:, :SLOTS]
        self.slot_p = SLOT_P[None, :] * rng.uniform(0.5, 1.6, (n, SLOTS))
        years = rng.choice(np.array([2023, 2024, 2025, 2026]), (n, SLOTS), p=[0.1, 0.2, 0.35, 0.35])
        minor = rng.random((n, SLOTS)) < 0.3
        self.versions = np.array([str(y) + (".1" if m else "") for y, m in zip(years.ravel(), minor.ravel())]).reshape(
            n, SLOTS
        )
        self.version_ids = {v: i for i, v in enumerate(sorted(set(self.versions.ravel())))}
        self.version_code = np.vectorize(self.version_ids.get, otypes=[np.int64])(self.versions)
        self.away = rng.uniform(0.05, 0.2, n)  # share of working days off


def _sessions(plan: Plan, pop: _Population, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Every session of the data set, sorted by its login instant."""
    n, d = plan.users, plan.days
    day0 = np.datetime64(plan.start.isoformat(), "s").astype(np.int64)
    weekday = (np.arange(d) + plan.start.weekday()) % 7
    user = np.repeat(np.arange(n), d)
    day = np.tile(np.arange(d), n)
    workday = weekday[day] < 5
    present = np.where(workday, rng.random(n * d) >= pop.away[user], rng.random(n * d) < 0.02)
    u, dd = user[present], day[present]
    used = rng.random((u.size, SLOTS)) < pop.slot_p[u]
    rows, slot = np.nonzero(used)
    su, sd = u[rows], dd[rows]
    m = su.size
    local = np.where(slot == 0, 8 * 3600 + rng.integers(0, 7200, m), 9 * 3600 + rng.integers(0, 7 * 3600, m))
    quick = rng.random(m) < 0.05
    length = np.where(
        quick,
        rng.integers(60, 480, m),
        np.minimum(rng.triangular(1800, 3 * 3600, 9 * 3600, m).astype(np.int64), 19 * 3600 - local),
    )
    start = day0 + sd.astype(np.int64) * 86400 + local - pop.offset[su].astype(np.int64) * 60
    laptop = rng.random(m) < 0.08
    order = np.lexsort((slot, su, start))
    out = {
        "user": su,
        "slot": slot,
        "start": start,
        "length": length.astype(np.int64),
        "n_act": rng.poisson(length / MEAN_GAP),
        "logout": rng.random(m) >= MISSING_LOGOUT,
        "device": np.where(laptop, n + su, su),
        "no_team": rng.random(m) < NO_TEAM,
    }
    return {k: v[order] for k, v in out.items()}


def _chunk_events(s: dict[str, np.ndarray], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Event rows of a run of sessions: login, sorted activities strictly
    inside the session, then the logout if there is one."""
    n_act = s["n_act"]
    count = 1 + n_act + s["logout"]
    total = int(count.sum())
    sess = np.repeat(np.arange(count.size), count)
    first = np.cumsum(count) - count
    pos = np.arange(total) - first[sess]
    kind = np.where(pos == 0, 0, 1)
    kind[(pos == count[sess] - 1) & s["logout"][sess]] = 2
    # Activities: order statistics of uniforms via normalised exponential sums (O(n)).
    is_act = kind == 1
    a_sess = sess[is_act]
    gaps = rng.exponential(1.0, is_act.sum() + count.size)
    seg = np.repeat(np.arange(count.size), n_act + 1)
    cum = np.cumsum(gaps)
    seg_start = np.cumsum(n_act + 1) - (n_act + 1)
    base = np.concatenate(([0.0], cum))[seg_start]
    seg_total = cum[seg_start + n_act] - base
    inner = np.ones(cum.size, dtype=bool)
    inner[seg_start + n_act] = False  # the last exponential only closes the segment
    frac = (cum - base[seg])[inner] / seg_total[seg][inner]
    act_t = 1 + np.floor(frac * np.maximum(s["length"][a_sess] - 2, 0)).astype(np.int64)
    # Strictly increasing seconds inside a session: an event's identity is
    # (session_id, event, ts), two activities in one second would collide.
    big = np.int64(10**7)
    idx = np.arange(act_t.size)
    act_t = np.maximum.accumulate(act_t - idx + a_sess * big) + idx - a_sess * big
    offset = np.zeros(total, dtype=np.int64)
    offset[is_act] = act_t
    offset[kind == 2] = s["length"][sess[kind == 2]]
    keep = offset <= s["length"][sess]
    keep &= (kind != 1) | (offset < s["length"][sess])
    ts = s["start"][sess] + offset
    sel = np.flatnonzero(keep)
    order = sel[np.argsort(ts[sel], kind="stable")]
    return {"sess": sess[order], "kind": kind[order], "ts": ts[order]}


def _session_ids(rng: np.random.Generator, k: int) -> np.ndarray:
    """k UUID-shaped ids (36 characters, like real exports)."""
    hexchars = np.frombuffer(b"0123456789abcdef", dtype="S1")
    b = rng.integers(0, 256, (k, 16), dtype=np.uint8)
    digits = np.empty((k, 32), dtype="S1")
    digits[:, 0::2], digits[:, 1::2] = hexchars[b >> 4], hexchars[b & 15]
    dash = np.full((k, 1), b"-", dtype="S1")
    parts = [digits[:, :8], dash, digits[:, 8:12], dash, digits[:, 12:16], dash, digits[:, 16:20], dash, digits[:, 20:]]
    return np.ascontiguousarray(np.hstack(parts)).view("S36").ravel().astype("U36")


class _Strings:
    """The text of every code, built once; event columns are gathers."""

    def __init__(self, plan: Plan, pop: _Population) -> None:
        n = plan.users
        self.user = pl.Series([f"user{i:06d}@generated.example" for i in range(n)])
        self.team = pl.Series([team_name(t) for t in range(plan.teams)] + [""])
        self.device = pl.Series([f"WS-{i:06d}" for i in range(n)] + [f"LT-{i:06d}" for i in range(n)])
        self.product = pl.Series(list(pop.products))
        versions = sorted(pop.version_ids, key=pop.version_ids.get)
        self.version = pl.Series(versions)
        self.os = pl.Series(OS_NAMES)
        self.kind = pl.Series(list(KINDS))
        offsets = sorted(set(OFFICE_OFFSETS))
        index = {o: i for i, o in enumerate(offsets)}
        self.user_offset_code = np.array([index[int(o)] for o in pop.offset], dtype=np.int64)
        self.offset = pl.Series([format_offset(o) for o in offsets])
        # ts text = day text + time-of-day text + offset: three gathers, much
        # cheaper than strftime on every row
        first = (np.datetime64(plan.start.isoformat(), "D") - np.timedelta64(2, "D")).astype(np.int64)
        self.day0 = int(first)
        self.day = pl.Series([f"{np.datetime64(int(d), 'D')}T" for d in range(first, first + plan.days + 5)])
        self.time_of_day = pl.from_epoch(pl.Series(np.arange(86400)), time_unit="s").dt.strftime("%H:%M:%S")


def _frame(plan, pop, text: _Strings, s: dict, ev: dict, ids: np.ndarray) -> pl.DataFrame:
    sess = ev["sess"]
    user = s["user"][sess]
    slot = s["slot"][sess]
    team = np.where(s["no_team"][sess], plan.teams, pop.team[user])
    product = pop.slot_product[user, slot]
    version_code = pop.version_code[user, slot]
    local = ev["ts"] + pop.offset[user].astype(np.int64) * 60
    return pl.DataFrame(
        {
            "ts": text.day.gather(local // 86400 - text.day0)
            + text.time_of_day.gather(local % 86400)
            + text.offset.gather(text.user_offset_code[user]),
            "event": text.kind.gather(ev["kind"]),
            "session_id": pl.Series(ids).gather(sess),
            "user": text.user.gather(user),
            "team": text.team.gather(team),
            "product": text.product.gather(product),
            "version": text.version.gather(version_code),
            "device": text.device.gather(s["device"][sess]),
            "os": text.os.gather(pop.os[user]),
        }
    )


def _packs(plan: Plan, pop: _Population, s: dict) -> list[tuple]:
    """Enough tokens for every team but the last, which gets about 70 % of its
    use and runs dry late in the period (R16). Each team also has an old pack
    that expires inside the period (R13); main packs come several a day (R14)."""
    charged = s["length"] > 300  # one window per user, product and day, roughly (R8, R9)
    team = pop.team[s["user"]]
    rate = pop.rates[pop.slot_product[s["user"], s["slot"]]]
    need = np.bincount(team, weights=rate * charged, minlength=plan.teams)
    rows = []
    old_day = plan.start - timedelta(days=365 - plan.days // 3)
    main_day = plan.start - timedelta(days=20)
    # the old pack is drawn first until it expires (R14): count what it covers
    old_expiry = np.datetime64((old_day.replace(year=old_day.year + 1)).isoformat(), "s").astype(np.int64)
    before = np.bincount(team, weights=rate * charged * (s["start"] < old_expiry), minlength=plan.teams)
    for t in range(plan.teams):
        target = need[t] * (0.7 if t == plan.teams - 1 else 1.25) - min(500, before[t])
        sizes = [500]  # the old pack, expiring a third into the period
        left = target
        for size in (5000, 1000, 500, 100):
            while left >= size:
                sizes.append(size)
                left -= size
        if left > 0 or len(sizes) == 1:
            sizes.append(100)
        for k, size in enumerate(sizes):
            day = old_day if k == 0 else main_day
            rows.append((f"P{t + 1:03d}-{k + 1:04d}", team_name(t), size, day.isoformat(), f"{size * 3:.2f}", "USD"))
    return rows


def _assignments(plan: Plan, pop: _Population, rng: np.random.Generator) -> list[tuple]:
    rows = []
    ago = rng.integers(30, 400, plan.users)
    for u in range(plan.users):
        on = (plan.start - timedelta(days=int(ago[u]))).isoformat()
        team = team_name(int(pop.team[u]))
        email = f"user{u:06d}@generated.example"
        for p in sorted({str(pop.products[k]) for k in pop.slot_product[u]}):
            rows.append((team, email, p, on))
    return rows


def generate(
    plan: Plan, out: Path, *, csv_out: bool = True, parquet_out: bool = False, on_chunk=None
) -> dict[str, int]:
    """Write events.csv (and/or events.parquet), packs.csv, assignments.csv into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    root = np.random.SeedSequence(plan.seed)
    habits_seq, sessions_seq, ref_seq = root.spawn(3)
    pop = _Population(plan, np.random.default_rng(habits_seq))
    s = _sessions(plan, pop, np.random.default_rng(sessions_seq))
    text = _Strings(plan, pop)
    # chunk boundaries: runs of sessions holding about CHUNK_EVENTS events
    expected = np.cumsum(2 + s["n_act"])
    bounds = np.searchsorted(expected, np.arange(CHUNK_EVENTS, expected[-1] if expected.size else 0, CHUNK_EVENTS))
    bounds = [0, *bounds.tolist(), int(s["user"].size)]
    csv_path, pq_path = out / "events.csv", out / "events.parquet"
    n_events = 0
    writer = None
    csv_file = open(csv_path, "wb") if csv_out else None  # noqa: SIM115 - closed in the finally below
    try:
        for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
            if a == b:  # no sessions at all (a weekend day, say)
                continue
            rng = np.random.default_rng([plan.seed, i])
            part = {k: v[a:b] for k, v in s.items()}
            ev = _chunk_events(part, rng)
            frame = _frame(plan, pop, text, part, ev, _session_ids(rng, b - a))
            # No team as null, not "": polars quotes "" in CSV, and a quoted
            # file misses the importer's fast path (vendor exports don't quote).
            frame = frame.with_columns(pl.col("team").replace("", None))
            if csv_file is not None:
                frame.write_csv(csv_file, include_header=(i == 0))
            if parquet_out:
                writer = _write_parquet(writer, pq_path, frame)
            n_events += frame.height
            if on_chunk is not None:
                on_chunk(n_events)
        if n_events == 0:  # still a valid, header-only data set
            empty = pl.DataFrame({c: pl.Series([], dtype=pl.String) for c in EVENT_COLUMNS})
            if csv_file is not None:
                empty.write_csv(csv_file)
            if parquet_out:
                writer = _write_parquet(writer, pq_path, empty)
    finally:
        if csv_file is not None:
            csv_file.close()
        if writer is not None:
            writer.close()
    ref = np.random.default_rng(ref_seq)
    packs = _packs(plan, pop, s)
    write_csv(out / "packs.csv", PACK_COLUMNS, packs)
    assignments = _assignments(plan, pop, ref)
    write_csv(out / "assignments.csv", ASSIGNMENT_COLUMNS, assignments)
    return {
        "events": n_events,
        "sessions": int(s["user"].size),
        "users": plan.users,
        "teams": plan.teams,
        "packs": len(packs),
        "assignments": len(assignments),
    }


def _write_parquet(writer, path: Path, frame: pl.DataFrame):
    import pyarrow.parquet as pq

    table = frame.to_arrow()
    if writer is None:
        writer = pq.ParquetWriter(path, table.schema, compression="zstd")
    writer.write_table(table)
    return writer

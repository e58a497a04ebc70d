"""Text layout of an :class:`app.explain.Explanation`: what an admin reads
when a bill surprises them. One block per UTC day: a 24-hour timeline (one
character per 30 minutes), the sessions, the runs, the windows with why
each opened and which packs paid, the denials with their reasons."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import polars as pl

from app import textsafe
from app.timeutil import day_start, format_instant

SLOT = timedelta(minutes=30)
SLOTS = 48

REASONS = {
    "insufficient_balance": "the team's balance was below the rate: nothing charged, "
    "the rest of that run skipped (R16)",
    "not_assigned": "the product is not assigned to this user in the billed team (R17)",
    "unsupported_platform": "Linux with a version before 2020, or a product that does not run on Linux (R18)",
    "team_unresolved": "no team in the log, in the assignments, nor a single known team (R12)",
    "unknown_product": "the product is missing from the rate table (R12b)",
}
TEAM_SOURCES = {
    "log": "named in the log",
    "assignment": "first team assigning this product (R12)",
    "user_first_team": "the user's first team (R12)",
    "only_team": "the only team known (R12)",
}
LEGEND = "█ active   ░ open but idle-paused or excluded   ▲ window opened   ─ covered   ✗ denied"


def _dur(seconds) -> str:
    seconds = int(seconds or 0)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"


def _t(value: datetime, day: date) -> str:
    """A time on ``day`` as HH:MM (HH:MM:SS when the seconds matter);
    another day gets its weekday and date."""
    value = value.astimezone(UTC)
    text = value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if value.date() != day:
        text = value.strftime("%a %m-%d ") + text
    return text


def _span(a: datetime, b: datetime, day: date) -> str:
    return f"{_t(a, day)}–{_t(b, day)}"


def _rows(df: pl.DataFrame) -> list[dict]:
    return list(df.iter_rows(named=True))


def _overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


class _Rows:
    """The explanation's frames as lists of dicts, converted once."""

    def __init__(self, expl):
        self.sessions = _rows(expl.sessions)
        self.intervals = _rows(expl.intervals)
        self.runs = _rows(expl.runs)
        self.windows = _rows(expl.windows)
        self.denials = _rows(expl.denials)
        self.runs_by_no = {r["run_no"]: r for r in self.runs}
        self.draws: dict[datetime, list[dict]] = {}
        for d in _rows(expl.draws):
            self.draws.setdefault(d["window_start"], []).append(d)


def _timeline(rows: _Rows, day: date) -> list[str]:
    start = day_start(day)
    end = start + timedelta(days=1)
    runs = [r for r in rows.runs if r["run_start"] <= end and r["run_end"] >= start]
    sessions = [s for s in rows.sessions if _overlaps(s["session_start"], s["session_end"], start, end)]
    windows = [w for w in rows.windows if _overlaps(w["window_start"], w["window_end"], start, end)]
    use, cover = [], []
    for i in range(SLOTS):
        s0, s1 = start + i * SLOT, start + (i + 1) * SLOT
        if any(
            _overlaps(r["run_start"], max(r["run_end"], r["run_start"] + timedelta(seconds=1)), s0, s1) for r in runs
        ):
            use.append("█")
        elif any(_overlaps(s["session_start"], s["session_end"], s0, s1) for s in sessions):
            use.append("░")
        else:
            use.append("·")
        opened = [w for w in windows if s0 <= w["window_start"] < s1]
        if any(w["outcome"] == "charged" for w in opened):
            cover.append("▲")
        elif opened:
            cover.append("✗")
        elif any(w["outcome"] == "charged" and _overlaps(w["window_start"], w["window_end"], s0, s1) for w in windows):
            cover.append("─")
        else:
            cover.append(" ")
    scale = "".join(f"{h:<8}" for h in range(0, 24, 4)) + "24"
    return [
        f"  {'UTC':<10}{scale}",
        f"  {'in use':<10}{''.join(use)}",
        f"  {'windows':<10}{''.join(cover)}",
    ]


# the operating system by its name: "windows" alone reads as billing windows
OS_NAMES = {"windows": "Microsoft Windows", "macos": "macOS", "linux": "Linux"}


def _session_lines(s: dict, intervals: list[dict], day: date) -> list[str]:
    team = s["team"] or "no team"
    source = TEAM_SOURCES.get(s["team_source"] or "", "")
    lines = [
        f"    {_span(s['session_start'], s['session_end'], day)}  {s['session_id']} on {s['device']}, "
        f"version {s['version']}, {OS_NAMES.get(s['os'], s['os'])}; team {team}" + (f" ({source})" if source else ""),
        f"        span {_dur(s['span_seconds'])} = active {_dur(s['active_seconds'])}"
        f" + idle-paused {_dur(s['idle_seconds'])}"
        + ("" if s["idle_detection"] else "  (this version has no idle detection: all of it counts, R6)"),
    ]
    if s["unterminated"]:
        lines.append("        no logout: ends at its last event (unterminated, R5)")
    if s["exclusion_reason"]:
        lines.append(
            f"        excluded: {s['exclusion_reason']}: {REASONS.get(s['exclusion_reason'], '')};"
            " adds no active time (R7)"
        )
    mine = [i for i in intervals if i["session_id"] == s["session_id"]]
    if mine and s["idle_detection"]:
        stretches = ", ".join(_span(i["interval_start"], i["interval_end"], day) for i in mine)
        lines.append(f"        active {stretches}")
    return lines


def _run_note(r: dict, windows: list[dict]) -> str:
    start, end = r["run_start"], r["run_end"]
    if not r["chargeable"]:
        return "5 minutes or less: free (R8)"
    covering = [w for w in windows if w["outcome"] == "charged" and w["window_start"] < start < w["window_end"]]
    opened = [w for w in windows if start <= w["window_start"] <= end]
    notes = []
    if covering:
        c = covering[-1]
        day = start.date()
        if c["window_end"] >= end:
            notes.append(f"inside the window opened {_t(c['window_start'], day)}: no new charge (R9)")
        else:
            notes.append(f"until {_t(c['window_end'], day)} inside the window opened {_t(c['window_start'], day)} (R9)")
    charged = sum(1 for w in opened if w["outcome"] == "charged")
    denied = sum(1 for w in opened if w["outcome"] != "charged")
    if charged:
        notes.append(f"opened {charged} window{'s' if charged > 1 else ''}")
    if denied:
        notes.append("denied, the rest skipped (R16)")
    if covering and not opened and covering[-1]["window_end"] < end:
        notes.append("the rest was 5 minutes or less (R8)")
    return "; ".join(notes) or "opened no window"


def _window_lines(w: dict, windows: list[dict], runs: dict, draws: dict, day: date) -> list[str]:
    ws = w["window_start"]
    run = runs.get(w["opening_run"])
    run_name = f"run {w['opening_run']}" if w["opening_run"] is not None else "a run"
    if w["outcome"] == "charged":
        head = (
            f"    {_t(ws, day)} → {_t(w['window_end'], day)}  charged {w['tokens']:,} tokens"
            f" to {w['team']} (rate {w['rate']} from {w['rate_from']}, R10)"
        )
    else:
        head = (
            f"    {_t(ws, day)}  window DENIED for {w['team'] or 'no team'}: balance "
            f"{w['balance_then']:,} below the rate of {w['rate']}; nothing charged, the rest of "
            f"that run skipped (R16)"
        )
    previous = [p for p in windows if p["outcome"] == "charged" and p["window_end"] == ws]
    if w["outcome"] == "charged" and w["session_id"] is None:  # no session: a billed day (v_charge_source)
        lines = [
            f"    {_t(ws, day)} → {_t(w['window_end'], day)}  charged {w['tokens']:,} tokens to {w['team']},"
            " as the vendor billed them (R24)",
            f"        why: billed by the vendor for this day, which no usage log of {w['team']} covers;"
            " drawn at the day's 00:00 UTC (R14)",
        ]
        return lines + [_paid_from(draws.get(ws, []))]
    if ws < day_start(day):
        why = f"carried over: opened the day before (see {ws.date().isoformat()})"
    elif previous:
        why = (
            f"the window opened {_t(previous[-1]['window_start'], day)} ran out here while "
            f"{run_name} was still active (R9)"
        )
    elif run is not None and run["run_start"] == ws:
        why = f"{run_name} started here and lasted more than 5 minutes (R8, R9)"
    else:
        why = f"{run_name} went on past the previous window by more than 5 minutes (R8, R9)"
    lines = [head, f"        why: {why}; team of session {w['session_id']} (R12)"]
    if w["outcome"] == "charged":
        lines.append(_paid_from(draws.get(ws, [])))
    return lines


def _paid_from(draws: list[dict]) -> str:
    parts = [f"{d['pack_id']} {d['tokens']:,} (draw order {d['draw_rank']}, expires {d['expires_on']})" for d in draws]
    return "        paid from: " + ("; ".join(parts) + " (R14)" if parts else "no pack recorded")


def _day_block(expl, rows: _Rows, day: date, timeline: bool) -> list[str]:
    d0, d1 = day_start(day), day_start(day) + timedelta(days=1)
    windows, intervals, runs_all, runs_by_no = rows.windows, rows.intervals, rows.runs, rows.runs_by_no
    lines = [day.strftime("%a %Y-%m-%d")]
    if timeline:
        lines += _timeline(rows, day)
    # A one-day view also lists what began the day before and reaches into it.
    carried = expl.day == day
    sessions = [s for s in rows.sessions if d0 <= s["session_start"] < d1 or (carried and s["session_start"] < d0)]
    if sessions:
        lines.append("  sessions")
        for s in sessions:
            lines += _session_lines(s, intervals, day)
    runs = [r for r in runs_all if d0 <= r["run_start"] < d1 or (carried and r["run_start"] < d0)]
    if runs:
        lines.append("  runs (active time merged across sessions, devices and versions, R7)")
        for r in runs:
            lines.append(
                f"    run {r['run_no']}  {_span(r['run_start'], r['run_end'], day)}"
                f" ({_dur(r['run_seconds'])}, {r['sessions']} session{'s' if r['sessions'] > 1 else ''}):"
                f" {_run_note(r, windows)}"
            )
    shown = [w for w in windows if d0 <= w["window_start"] < d1 or (carried and w["window_start"] < d0)]
    if shown:
        lines.append("  windows (24 h each, R9)")
        for w in shown:
            lines += _window_lines(w, windows, runs_by_no, rows.draws, day)
    denials = [d for d in rows.denials if d0 <= d["ts"] < d1 and d["reason"] != "insufficient_balance"]
    if denials:
        lines.append("  sessions denied before charging (R18b: one reason each)")
        for d in denials:
            lines.append(
                f"    {_t(d['ts'], day)}  {d['session_id'] or ''} {d['reason']}: {REASONS.get(d['reason'], '')}"
            )
    return lines


def _days(expl) -> list[date]:
    if expl.day is not None:
        return [expl.day]
    seen: set[date] = set()
    for df, col in (
        (expl.sessions, "session_start"),
        (expl.runs, "run_start"),
        (expl.windows, "window_start"),
        (expl.denials, "ts"),
    ):
        seen.update(v.astimezone(UTC).date() for v in df[col].to_list())
    return sorted(seen)


def _rate_line(rates: pl.DataFrame) -> str:
    if rates.is_empty():
        return "Rate: none: the product is missing from the rate table (R12b)."
    parts = [f"{r['tokens_per_day']} tokens from {r['effective_from']}" for r in _rows(rates)]
    last = _rows(rates)[-1]
    idle = (
        f"idle detection from version {last['idle_detection_since']}"
        if last["idle_detection_since"] is not None
        else "no idle detection in any version"
    )
    kind = f"; a plug-in of {last['host']} (R11)" if last["kind"] == "plugin" else ""
    return f"Rate per 24-hour window (R10): {'; '.join(parts)}. {idle.capitalize()} (R6){kind}."


def _verdict(expl) -> str:
    """What happened, for the headline: charged, denied (R16) or not charged
    (an excluded session, R17 R18), or several of them."""
    outcomes = set(expl.windows["outcome"].to_list()) if expl.windows.height else set()
    charged = "charged" in outcomes
    denied = bool(outcomes - {"charged"}) or expl.denials.height > 0
    if charged and denied:
        return "was charged, and denied, for"
    if denied:
        return (
            "was denied" if "insufficient_balance" in set(expl.denials["reason"].to_list()) else "was not charged for"
        )
    return "was charged for"


def _shown_frame(df: pl.DataFrame) -> pl.DataFrame:
    text = [c for c, dtype in df.schema.items() if dtype == pl.String]
    if not text:
        return df
    return df.with_columns(pl.col(c).map_elements(textsafe.show, return_dtype=pl.String) for c in text)


def shown(expl):
    """The explanation with every text shown (textsafe): user, product,
    device, session, team, pack names come from input. Codes we write
    (reasons, team sources) pass unchanged, being printable."""
    frames = {name: _shown_frame(df) for name, df in expl.frames().items()}
    return dataclasses.replace(expl, user=textsafe.show(expl.user), product=textsafe.show(expl.product), **frames)


def render(expl, *, timeline: bool = True) -> str:
    expl = shown(expl)
    name = ""
    if not expl.rates.is_empty():
        name = f" ({expl.rates['name'][-1]})" if expl.rates["name"][-1] != expl.product else ""
    scope = f" on {expl.day.isoformat()}" if expl.day else ""
    lines = [
        f"Why {expl.user} {_verdict(expl)} {expl.product}{name}{scope}, as of {format_instant(expl.as_of)}",
        _rate_line(expl.rates),
        "All times are UTC. A window opens when active use goes more than 5 minutes past the last one (R8, R9).",
    ]
    if expl.source:  # R24: computed from logs, or billed by the vendor (no session to explain)
        lines.insert(1, f"Charges: {textsafe.show(expl.source, max_len=None)}")
    if expl.is_empty:
        lines += ["", f"Nothing to explain: no session, window or denial{scope} up to this instant."]
        return "\n".join(lines) + "\n"
    if timeline:
        lines.append(f"Timeline: {LEGEND}")
    rows = _Rows(expl)
    for day in _days(expl):
        lines.append("")
        lines += _day_block(expl, rows, day, timeline)
    opened = expl.windows  # windows carried over from the day before are not the day's
    if expl.day is not None:
        opened = opened.filter(pl.col("window_start") >= day_start(expl.day))
    charged = opened.filter(pl.col("outcome") == "charged")
    denied = opened.height - charged.height
    excluded = expl.denials.filter(pl.col("reason") != "insufficient_balance").height
    lines += [
        "",
        f"In all{scope}: {charged.height} window{'s' if charged.height != 1 else ''} charged, "
        f"{int(charged['tokens'].sum() or 0):,} tokens; {denied} denied for balance; "
        f"{excluded} session{'s' if excluded != 1 else ''} excluded.",
    ]
    return "\n".join(lines) + "\n"

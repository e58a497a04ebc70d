"""The floor S every performance target is a multiple of (measured.md):
the time of ``SELECT count(*) FROM read_csv(file)`` on the same file, on the
same machine, in the same run. Benchmarks print their figures as ratios to it.
"""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

import duckdb


def measure_floor(csv_path: Path, repeats: int = 3) -> float:
    """Median of ``repeats`` timings of the raw scan, in seconds."""
    times = []
    for _ in range(repeats):
        con = duckdb.connect()
        try:
            start = time.perf_counter()
            con.execute("SELECT count(*) FROM read_csv(?)", [str(csv_path)]).fetchall()
            times.append(time.perf_counter() - start)
        finally:
            con.close()
    return statistics.median(times)


def peak_rss_mb() -> float:
    """Peak resident memory (MB) of this process alone. VmHWM, not ru_maxrss:
    Linux carries the forking parent's ru_maxrss across exec, so a child
    started by a big benchmark process reported the parent's peak."""
    with open("/proc/self/status") as status:
        hwm = [line for line in status if line.startswith("VmHWM:")]
    return int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Report:
    """Collects figures and prints them as ratios to S."""

    def __init__(self, title: str, floor_seconds: float):
        self.title = title
        self.s = floor_seconds
        self.rows: list[tuple[str, str, str, str]] = []

    def time(self, name: str, seconds: float, target_s: float | None = None, floor: float | None = None) -> float:
        """``floor``: S measured just before this figure (the machine's speed
        drifts within a run: S was 1.6 s and 2.8 s in one hour); else the
        run's S."""
        if floor is not None:
            name = f"{name} [S {floor:.2f} s]"
        ratio = seconds / (floor or self.s)
        verdict = "" if target_s is None else ("ok" if ratio <= target_s else "OVER")
        target = "" if target_s is None else f"<= {target_s:g} S"
        self.rows.append((name, f"{seconds:8.3f} s", f"{ratio:6.2f} S", f"{target} {verdict}".strip()))
        return ratio

    def value(self, name: str, text: str, target: str = "") -> None:
        self.rows.append((name, text, "", target))

    def print(self) -> str:
        lines = [f"== {self.title} (S = {self.s:.3f} s) =="]
        for name, a, b, c in self.rows:
            lines.append(f"{name:<48} {a:>14} {b:>9}  {c}")
        text = "\n".join(lines)
        print(text)
        return text

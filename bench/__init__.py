"""Benchmarks for mpg_desktop: ``python -m bench`` (or ``make bench``) runs them all.

The machines that run these are noisy (two cores, shared), so a benchmark does not report an
absolute time as its verdict. It measures two variants side by side in one process, interleaved
round by round, and reports the RATIO of their medians together with the spread of the
per-round ratios. Absolute times are printed too, but only as context.

This module holds what every benchmark shares: the options it is run with, the ``Result`` it
returns, ``interleave`` to time two variants alternately, and the table printer.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class BenchOptions:
    """How the run was asked for; every benchmark receives the same instance."""

    quick: bool = False  # smaller workloads, for a smoke test of the benchmark code itself
    diagnose: bool = False  # also run the slower breakdowns that explain a missed target
    workdir: Path | None = None  # where scratch stores go (None: the system temp folder)


@dataclass(frozen=True)
class Result:
    """One row of the report.

    With ``b`` empty the row is an absolute timing (reported apart from the ratios). With ``b``
    it is a comparison: ``a[i]`` and ``b[i]`` were measured in the same round, next to each other.
    """

    name: str
    a: tuple[float, ...]  # seconds per sample, variant A (the one under test)
    b: tuple[float, ...] = ()  # seconds per sample, variant B (the baseline), paired with ``a``
    a_label: str = "A"
    b_label: str = "B"
    target: float | None = None  # the ratio median(a) / median(b) must not exceed this
    sample: str = ""  # what one sample is, e.g. "100 cases"
    notes: tuple[str, ...] = field(default_factory=tuple)  # printed under the tables, one per line

    @property
    def is_ratio(self) -> bool:
        return bool(self.b)

    @property
    def a_median(self) -> float:
        return statistics.median(self.a)

    @property
    def b_median(self) -> float:
        return statistics.median(self.b)

    @property
    def ratio(self) -> float:
        """median(A) / median(B): the headline figure, and what the target is checked against."""
        return self.a_median / self.b_median

    @property
    def round_ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.a, self.b, strict=True)]

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or not self.is_ratio:
            return None
        return self.ratio <= self.target


Benchmark = Callable[[BenchOptions], Iterable[Result]]


def progress(message: str) -> None:
    """A progress line on stderr, so that stdout holds only the report."""
    print(f"  .. {message}", file=sys.stderr, flush=True)


def time_call(function: Callable[..., object], *args: object) -> float:
    """Seconds ``function(*args)`` takes, after a garbage collection so earlier garbage is not billed here."""
    gc.collect()
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def interleave(
    rounds: int,
    run_a: Callable[[int], object],
    run_b: Callable[[int], object],
    *,
    on_round: Callable[[int], None] | None = None,
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Time ``run_a(r)`` and ``run_b(r)`` side by side for r in 0..rounds-1.

    Rounds alternate which variant goes first (A B, B A, A B, ...), so neither always runs on
    the warmer (or the more disturbed) side of a pair. Returns the two lists of seconds.
    """
    times_a: list[float] = []
    times_b: list[float] = []
    for index in range(rounds):
        if on_round is not None:
            on_round(index)
        if index % 2 == 0:
            times_a.append(time_call(run_a, index))
            times_b.append(time_call(run_b, index))
        else:
            times_b.append(time_call(run_b, index))
            times_a.append(time_call(run_a, index))
    return tuple(times_a), tuple(times_b)


# -- report ------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.001:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]
    line = "  ".join(header.ljust(widths[i]) for i, header in enumerate(headers))
    out = [line, "  ".join("-" * width for width in widths)]
    out += ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    return out


def _verdict(result: Result) -> str:
    met = result.meets_target
    if met is None:
        return "(no target)"
    ratios = result.round_ratios
    verdict = "meets" if met else "MISSES"
    if min(ratios) <= result.target < max(ratios):  # type: ignore[operator]
        verdict += " (rounds straddle target)"
    return verdict


def format_report(results: Sequence[Result]) -> str:
    comparisons = [r for r in results if r.is_ratio]
    absolutes = [r for r in results if not r.is_ratio]
    lines: list[str] = []
    if comparisons:
        headers = ["benchmark", "per sample", "A", "A median", "B", "B median", "ratio A/B",
                   "round ratios min..max", "rounds", "target", "verdict"]  # fmt: skip
        rows = [
            [
                r.name,
                r.sample,
                r.a_label,
                _seconds(r.a_median),
                r.b_label,
                _seconds(r.b_median),
                f"{r.ratio:.2f}x",
                f"{min(r.round_ratios):.2f}x .. {max(r.round_ratios):.2f}x",
                str(len(r.a)),
                f"<= {r.target:.2f}x" if r.target is not None else "-",
                _verdict(r),
            ]
            for r in comparisons
        ]
        lines += _table(headers, rows)
    if absolutes:
        lines.append("")
        headers = ["absolute timings", "per sample", "median", "min", "max", "runs"]
        rows = [
            [r.name, r.sample, _seconds(r.a_median), _seconds(min(r.a)), _seconds(max(r.a)), str(len(r.a))]
            for r in absolutes
        ]
        lines += _table(headers, rows)
    notes = [note for r in results for note in r.notes]
    if notes:
        lines.append("")
        lines += [f"* {note}" for note in notes]
    return "\n".join(lines)

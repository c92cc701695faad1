"""Run every benchmark and print one report: ``python -m bench`` (``make bench``).

Options: ``--quick`` (small workloads, to smoke-test the benchmarks), ``--diagnose`` (also the
slower breakdowns in DIAGNOSTICS), ``--only NAME`` (benchmarks whose function name contains
NAME), ``--strict`` (exit 1 when a ratio misses its target), ``--workdir DIR`` (scratch stores
there instead of the system temp folder; or set MPG_BENCH_DIR).

Adding a benchmark: write a function ``(options: BenchOptions) -> Iterable[Result]`` (see
``bench/__init__.py``; time two variants with ``interleave`` and return ``Result(name, a, b,
a_label=..., b_label=..., target=...)``, or an absolute timing with ``b`` left empty) and
append it to BENCHMARKS below.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import Benchmark, BenchOptions, Result, format_report, network_bench, startup_bench, store_bench

# The extension point: every callable here runs, in order, on ``python -m bench``.
BENCHMARKS: list[Benchmark] = [
    store_bench.storage_ratios,  # (a) create, (b) open a case, (c) case list: SQLCipher vs plain SQLite
    # The same ratios without cipher_memory_security and on unkeyed sqlcipher3: shows what the
    # encryption itself costs and what the memory locking adds (see README, Benchmarks).
    store_bench.storage_diagnosis,
    store_bench.kdf_unlock,  # Argon2id unlock at production cost, reported apart
    startup_bench.startup,  # app start with 2,000 cases vs a bare PySide6 window
    network_bench.network_map_editing,  # 200 persons, 400 ties: scene build, paint, drag update (< 20 ms), drop
]

# Run only with --diagnose: slower breakdowns (none at the moment beyond the default set).
DIAGNOSTICS: list[Benchmark] = []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="mpg_desktop benchmarks (ratios)")
    parser.add_argument("--quick", action="store_true", help="small workloads (smoke test, figures not meaningful)")
    parser.add_argument("--diagnose", action="store_true", help="also run the DIAGNOSTICS breakdowns")
    parser.add_argument("--only", metavar="NAME", help="only benchmarks whose function name contains NAME")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a ratio misses its target")
    parser.add_argument("--workdir", type=Path, help="folder for scratch stores (default: system temp)")
    args = parser.parse_args(argv)
    options = BenchOptions(quick=args.quick, diagnose=args.diagnose, workdir=args.workdir)

    selected = BENCHMARKS + (DIAGNOSTICS if args.diagnose else [])
    if args.only:
        selected = [bench for bench in selected if args.only in getattr(bench, "__name__", "")]
    started = time.perf_counter()
    results: list[Result] = []
    for bench in selected:
        print(f"running {getattr(bench, '__name__', bench)} ...", file=sys.stderr, flush=True)
        results.extend(bench(options))

    print(
        f"mpg_desktop benchmarks, {datetime.now():%Y-%m-%d %H:%M}; Python {platform.python_version()} on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
        + ("; QUICK run, figures not meaningful" if args.quick else "")
    )
    print("A and B measured side by side, interleaved (A B, B A, ...); medians per variant; ratio = A/B.\n")
    print(format_report(results))
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s")
    missed = [r.name for r in results if r.meets_target is False]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())

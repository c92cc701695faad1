"""The benchmarks stay runnable: importing them and a tiny run must work (figures are not judged)."""

from __future__ import annotations

import importlib

from bench.__main__ import BENCHMARKS, main


def test_every_benchmark_module_imports() -> None:
    for name in ("bench.store_bench", "bench.startup_bench"):
        assert importlib.import_module(name) is not None
    assert len(BENCHMARKS) >= 4


def test_quick_kdf_run_prints_a_table(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--quick", "--only", "kdf"]) == 0
    out = capsys.readouterr().out
    assert "KDF (reported apart)" in out and "production KdfParams()" in out

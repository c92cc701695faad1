"""Write a report run to a folder: one CSV and one Parquet file per table and a summary (ANA-04..09).

Files: ``<table>.csv`` (the display strings of ``presentation.present``, footer lines starting
with ``#``), ``<table>.parquet`` (the same rows with numbers as numbers, missing where
suppressed, the footer in the file metadata) and ``samenvatting.csv`` (one row per table).
CSV: UTF-8, comma, LF, decimal point, header row, like the bundle dialect (EXP-23). The same
input gives the same
bytes (ANA-06). The folder is written next to its final place and renamed into it, so readers
see the old report or the new one; files are owner-only (STYLE 7). Only suppressed aggregate
tables are written: no identifying data exists at this level (SEP, SUP-06).
Run on a worker (disk I/O).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Collection
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from mpg_desktop.storage.paths import ensure_private_dir, fsync_dir
from mpg_desktop.sync.analysis.indicators import compute_all
from mpg_desktop.sync.analysis.pooled import PooledData
from mpg_desktop.sync.analysis.presentation import ReportFooter, footer_for, present
from mpg_desktop.sync.analysis.selection import Period
from mpg_desktop.sync.analysis.suppression import ControlledReport, apply_disclosure_control

SUMMARY_FILE = "samenvatting.csv"
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _csv_bytes(frame: pd.DataFrame, footer: ReportFooter) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False, name=None))
    for line in footer.lines():
        buffer.write("# " + line.replace("\n", " ") + "\n")
    return buffer.getvalue().encode("utf-8")


def _parquet_bytes(table: pd.DataFrame, footer: ReportFooter) -> bytes:
    arrow = pa.Table.from_pandas(table.reset_index(drop=True), preserve_index=False)
    metadata = {**(arrow.schema.metadata or {}), b"mpg_footer": json.dumps(asdict(footer), sort_keys=True).encode()}
    sink = io.BytesIO()
    pq.write_table(arrow.replace_schema_metadata(metadata), sink)
    return sink.getvalue()


def _summary(report: ControlledReport) -> pd.DataFrame:
    rows = [
        {
            "tabel": name,
            "indicator_id": ",".join(sorted(set(table["indicator_id"].dropna().astype(str)))),
            "rijen": str(len(table)),
            "onderdrukte_cellen": str(int((table["onderdrukt"] != "").sum())),
            "verborgen_medewerkerrijen": str(report.hidden_staff_rows.get(name, 0)),
        }
        for name, table in report.tables.items()
    ]
    return pd.DataFrame(
        rows, columns=["tabel", "indicator_id", "rijen", "onderdrukte_cellen", "verborgen_medewerkerrijen"]
    )


def report_files(report: ControlledReport, footer: ReportFooter) -> dict[str, bytes]:
    """File name -> content of a report run (no disk access)."""
    files: dict[str, bytes] = {}
    for name, table in report.tables.items():
        if not _SAFE_NAME.fullmatch(name):
            raise ValueError(f"tabelnaam {name!r} is geen veilige bestandsnaam")
        files[f"{name}.csv"] = _csv_bytes(present(table), footer)
        files[f"{name}.parquet"] = _parquet_bytes(table, footer)
    files[SUMMARY_FILE] = _csv_bytes(_summary(report), footer)
    return files


def write_report(report: ControlledReport, folder: Path, *, footer: ReportFooter) -> list[Path]:
    """Write the report into ``folder`` atomically (replacing an earlier report there); returns the files."""
    files = report_files(report, footer)
    parent = ensure_private_dir(folder.parent)
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.", suffix=".tmp"))
    try:
        for name, content in files.items():
            _write_private(staging / name, content)
        fsync_dir(staging)
        if folder.exists():
            # POSIX cannot swap two folders atomically: until the second rename the old report
            # waits beside it, so a crash loses nothing.
            old = parent / f".{folder.name}.old-{uuid.uuid4().hex}"
            os.replace(folder, old)
            os.replace(staging, folder)
            shutil.rmtree(old)
        else:
            os.replace(staging, folder)
        fsync_dir(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(folder / name for name in files)


def _write_private(path: Path, content: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())


def run_report(
    data: PooledData,
    folder: Path,
    *,
    period: Period = None,
    k: int = 5,
    staff_min: int = 20,
    specialist_min: int = 40,
    specialists: Collection[str] = (),
    coverage_min: float = 70.0,
) -> list[Path]:
    """Compute the standard indicator set, apply disclosure control once over it, write the report."""
    tables = compute_all(data, period=period)
    controlled = apply_disclosure_control(
        tables, k=k, staff_min=staff_min, specialist_min=specialist_min, specialists=specialists, families=data.families
    )
    footer = footer_for(data, k=k, staff_min=staff_min, specialist_min=specialist_min, coverage_min=coverage_min)
    return write_report(controlled, folder, footer=footer)

"""CSV tables of a bundle (EXP-23): encode rows to bytes and decode them back.

Dialect: UTF-8 without BOM, comma, RFC 4180 quoting, LF line ends, a header row, decimal point,
empty field = null, booleans 0/1. Numbers are written as numbers.

Formula injection: a text cell starting with ``= + - @``, tab or CR gets a leading apostrophe,
so a spreadsheet never runs it. A text cell that itself starts with an apostrophe gets one more,
which makes the escape reversible: ``decode_table`` removes exactly one leading apostrophe and
returns the text as the exporter had it. (Spec silent on reversal; without it the supervisor's
data would differ from the coach's.)

Pure functions; thread-safe.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence

CellValue = str | int | float | bool | None

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_QUOTE_TRIGGERS = (",", '"', "\r", "\n")  # RFC 4180


class CellTypeError(TypeError):
    """A value the bundle cannot carry (a date, bytes, NaN …); names the column, never the value."""

    def __init__(self, column: str) -> None:
        self.column = column
        super().__init__(column)


class CsvFormatError(ValueError):
    """The bytes are not a well-formed bundle table; ``line`` is 1-based (header = 1) or 0."""

    def __init__(self, reason: str, line: int = 0) -> None:
        self.reason = reason
        self.line = line
        super().__init__(f"{reason} (line {line})")


def encode_cell(value: CellValue, column: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellTypeError(column)
        return repr(value)
    if isinstance(value, str):
        return ESCAPE + value if value.startswith((*FORMULA_PREFIXES, ESCAPE)) else value
    raise CellTypeError(column)


def decode_cell(text: str) -> str | None:
    if text == "":
        return None
    return text[1:] if text.startswith(ESCAPE) else text


def encode_table(columns: Sequence[str], rows: Sequence[Mapping[str, CellValue]]) -> bytes:
    """Header plus one line per row; a column missing from a row is written as null."""
    lines = [_line(columns)]
    lines += [_line([encode_cell(row.get(column), column) for column in columns]) for row in rows]
    return "".join(lines).encode("utf-8")


def _line(cells: Sequence[str]) -> str:
    # Written by hand because the csv module leaves a bare CR unquoted when the line end is LF,
    # and a reader then takes that CR for the end of the line.
    if len(cells) == 1 and cells[0] == "":
        return '""\n'  # else a one-column null row would be a blank line
    return ",".join(_quoted(cell) for cell in cells) + "\n"


def _quoted(cell: str) -> str:
    if any(ch in cell for ch in _QUOTE_TRIGGERS):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def decode_table(data: bytes) -> tuple[tuple[str, ...], list[tuple[str | None, ...]]]:
    """Header and rows (cells decoded: '' -> None, escape removed). Raises ``CsvFormatError``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CsvFormatError("not UTF-8") from exc
    if text.startswith("\ufeff"):
        raise CsvFormatError("byte order mark", 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise CsvFormatError("no header", 1)
        rows: list[tuple[str | None, ...]] = []
        for row in reader:
            if len(row) != len(header):
                raise CsvFormatError("wrong number of fields", reader.line_num)
            rows.append(tuple(decode_cell(cell) for cell in row))
    except csv.Error as exc:
        raise CsvFormatError("malformed CSV", reader.line_num) from exc
    return tuple(header), rows

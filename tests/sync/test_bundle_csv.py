"""CSV of the bundle tables (EXP-23): dialect, formula escaping, exact round trip."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.sync.bundle_csv import CellTypeError, CsvFormatError, decode_table, encode_cell, encode_table


@pytest.mark.parametrize("text", ["=SUM(A1)", "+31612345678", "-2+3", "@cmd", "\tx", "\rx", "'quoted"])
def test_risky_text_gets_an_apostrophe(text: str) -> None:
    assert encode_cell(text, "c") == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [(None, ""), (True, "1"), (False, "0"), (-2, "-2"), (0, "0"), (2.5, "2.5"), ("noord", "noord"), ("a=b", "a=b")],
)
def test_plain_values(value: Any, cell: str) -> None:
    assert encode_cell(value, "c") == cell


@pytest.mark.parametrize("value", [float("inf"), float("nan"), b"x", object()])
def test_values_that_cannot_be_carried(value: Any) -> None:
    with pytest.raises(CellTypeError) as caught:
        encode_cell(value, "kolom")
    assert caught.value.column == "kolom"


def test_dialect_lf_rfc4180_quoting_no_bom() -> None:
    data = encode_table(("a", "b", "c"), [{"a": 'zeg "hoi"', "b": "x,y", "c": "twee\nregels"}, {"a": None}])
    assert data == b'a,b,c\n"zeg ""hoi""","x,y","twee\nregels"\n,,\n'
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode(), newline="")))
    assert rows[1] == ['zeg "hoi"', "x,y", "twee\nregels"]


def test_single_column_null_row_is_not_a_blank_line() -> None:
    data = encode_table(("a",), [{"a": None}])
    assert decode_table(data) == (("a",), [(None,)])


text_cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=20)


@given(st.lists(st.tuples(text_cells, text_cells), max_size=8))
def test_text_round_trips_exactly(rows: list[tuple[str, str]]) -> None:
    data = encode_table(("a", "b"), [{"a": a, "b": b} for a, b in rows])
    header, decoded = decode_table(data)
    assert header == ("a", "b")
    # Empty text and null are the same in the bundle (EXP-23: empty field = null).
    assert decoded == [(a or None, b or None) for a, b in rows]


@pytest.mark.parametrize(
    ("data", "reason", "line"),
    [
        (b"\xef\xbb\xbfa\n1\n", "byte order mark", 1),
        (b"a,b\n1\n", "wrong number of fields", 2),
        (b"", "no header", 1),
        (b'a\n"open\n', "malformed CSV", 2),
        (b"a\n\xff\n", "not UTF-8", 0),
        (b"a\n1\n\n", "wrong number of fields", 3),
    ],
)
def test_malformed_tables(data: bytes, reason: str, line: int) -> None:
    with pytest.raises(CsvFormatError) as caught:
        decode_table(data)
    assert (caught.value.reason, caught.value.line) == (reason, line)

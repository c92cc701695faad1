"""Domain dataclasses <-> JSON text, for the records kept as documents inside the encrypted store.

Uses cattrs (a well-kept library) rather than hand-written mappings: frozen dataclasses,
StrEnums (stored by value), tuples, optional fields and nested records all round-trip. Dates and
datetimes are ISO strings. Unknown keys written by a newer app are ignored on reading.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any, TypeVar

from cattrs.preconf.json import JsonConverter, make_converter

T = TypeVar("T")


@functools.cache
def _converter() -> JsonConverter:
    converter = make_converter(omit_if_default=True, forbid_extra_keys=False)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, lambda value, _type: date.fromisoformat(value))
    converter.register_unstructure_hook(datetime, lambda value: value.isoformat(timespec="seconds"))
    converter.register_structure_hook(datetime, lambda value, _type: datetime.fromisoformat(value))
    return converter


def dumps(record: Any) -> str:
    return _converter().dumps(record)


def loads(text: str, kind: type[T]) -> T:
    return _converter().loads(text, kind)


def to_plain(record: Any) -> Any:
    """The JSON-ready form (dicts, lists, strings) of ``record``."""
    return _converter().unstructure(record)


def from_plain(data: Any, kind: type[T]) -> T:
    return _converter().structure(data, kind)

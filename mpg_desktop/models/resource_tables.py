"""Read the code lists and scales shipped under ``mpg_desktop/resources`` (UTF-8 CSV with a header).

Pure file reading through importlib.resources, so it also works from a zip or frozen build. Callers
cache what they parse; the files are small.
"""

from __future__ import annotations

import csv
import io
from importlib import resources


def read_resource_text(*parts: str) -> str:
    """The text of ``resources/<parts...>``."""
    node = resources.files("mpg_desktop").joinpath("resources", *parts)
    return node.read_text(encoding="utf-8")


def parse_csv(text: str) -> list[dict[str, str]]:
    """Rows of a CSV text as dicts keyed by the header; a leading BOM is ignored."""
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def read_resource_csv(*parts: str) -> list[dict[str, str]]:
    """Rows of ``resources/<parts...>`` as dicts keyed by the header."""
    return parse_csv(read_resource_text(*parts))

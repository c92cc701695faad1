"""Leefgebieden sets (instruments) as configuration data (leefgebieden-scoring 2, 8, 9).

Shipped under ``resources/leefgebieden/``: De Ploeg's nine domains with their codes
(``leefgebieden_002.csv``, the default set ``ploeg9``), the other seeds' lists
(``domain_lists.csv``; codes derived from the labels), the five placeholder items per De Ploeg
domain (``items_ploeg9.csv``; structure shipped, texts for the organisation to fill in) and the
labels of the two 1-5 scales (``scales_002.csv``). Nothing here is hard-coded in the scoring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType

from mpg_desktop.models.resource_tables import parse_csv, read_resource_text
from mpg_desktop.models.validation import ValidationError, require_text

DEFAULT_SET_ID = "ploeg9"
FOLDER = "leefgebieden"


@dataclass(frozen=True)
class Leefgebied:
    code: str
    label_nl: str
    gloss_en: str = ""


@dataclass(frozen=True)
class Item:
    """One item of a leefgebied's form; the text is the organisation's, the id is fixed."""

    item_id: str
    domain_code: str
    text_nl: str
    text_en: str = ""


@dataclass(frozen=True)
class LeefgebiedenSet:
    """An ordered list of leefgebieden with (optionally) their items."""

    set_id: str
    name_nl: str
    domains: tuple[Leefgebied, ...]
    items: tuple[Item, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(domain.code for domain in self.domains)

    def domain(self, code: str) -> Leefgebied:
        """The leefgebied with ``code``; KeyError when the set has none."""
        for domain in self.domains:
            if domain.code == code:
                return domain
        raise KeyError(code)

    def items_for(self, code: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.domain_code == code)

    def with_item_texts(self, texts: Mapping[str, str]) -> LeefgebiedenSet:
        """A copy with item texts replaced by id. Ids are fixed: an unknown id is a ValidationError."""
        known = {item.item_id for item in self.items}
        unknown = sorted(set(texts) - known)
        if unknown:
            raise ValidationError("Item", f"Item {unknown[0]} bestaat niet in {self.name_nl}.")
        items = tuple(
            replace(item, text_nl=require_text(texts[item.item_id], f"Item {item.item_id}"))
            if item.item_id in texts
            else item
            for item in self.items
        )
        return replace(self, items=items)


def slug(label: str) -> str:
    """A code from a Dutch label: 'Werk, inkomen en schulden' -> 'werk_inkomen_en_schulden'."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def parse_ploeg_domains(text: str) -> tuple[Leefgebied, ...]:
    """Domains from a ``leefgebieden_002.csv`` text, in ``order`` (table labels, 002 Bijlage 3)."""
    rows = sorted(parse_csv(text), key=lambda row: int(row["order"]))
    return tuple(Leefgebied(row["code"], row["label_tabel"], row["gloss_en"]) for row in rows)


def parse_domain_lists(text: str) -> dict[str, LeefgebiedenSet]:
    """Sets from a ``domain_lists.csv`` text, keyed by ``list_id``; codes are slugs of the labels."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in parse_csv(text):
        grouped.setdefault(row["list_id"], []).append(row)
    sets = {}
    for list_id, rows in grouped.items():
        rows.sort(key=lambda row: int(row["order"]))
        domains = tuple(Leefgebied(slug(row["label_nl"]), row["label_nl"], row["gloss_en"]) for row in rows)
        sets[list_id] = LeefgebiedenSet(list_id, rows[0]["method_or_source"], domains)
    return sets


def parse_items(text: str, set_id: str) -> tuple[Item, ...]:
    """The items of ``set_id`` from an items CSV (set_id, domain_code, item_id, order, text_nl, text_en)."""
    rows = [row for row in parse_csv(text) if row["set_id"] == set_id]
    rows.sort(key=lambda row: int(row["order"]))  # stable: keeps the domain order of the file
    return tuple(Item(row["item_id"], row["domain_code"], row["text_nl"], row["text_en"]) for row in rows)


@cache
def available_sets() -> Mapping[str, LeefgebiedenSet]:
    """All shipped sets; ``ploeg9`` is De Ploeg's nine domains with 45 placeholder items."""
    sets = parse_domain_lists(read_resource_text(FOLDER, "domain_lists.csv"))
    ploeg = sets[DEFAULT_SET_ID]
    domains = parse_ploeg_domains(read_resource_text(FOLDER, "leefgebieden_002.csv"))
    items = parse_items(read_resource_text(FOLDER, "items_ploeg9.csv"), DEFAULT_SET_ID)
    sets[DEFAULT_SET_ID] = replace(ploeg, domains=domains, items=items)
    return MappingProxyType(sets)


def load_set(set_id: str = DEFAULT_SET_ID) -> LeefgebiedenSet:
    """A shipped set by id; KeyError when unknown."""
    return available_sets()[set_id]


@dataclass(frozen=True)
class ScaleLabels:
    """Labels of the problematiek scale (a, per domain) and the zelfredzaamheid scale (b, per family)."""

    problematiek: Mapping[int, str]
    zelfredzaamheid: Mapping[int, str]


@cache
def scale_labels() -> ScaleLabels:
    scales: dict[str, dict[int, str]] = {"problematiek": {}, "zelfredzaamheid": {}}
    for row in parse_csv(read_resource_text(FOLDER, "scales_002.csv")):
        scales[row["scale"]][int(row["score"])] = row["label_nl"]
    return ScaleLabels(MappingProxyType(scales["problematiek"]), MappingProxyType(scales["zelfredzaamheid"]))

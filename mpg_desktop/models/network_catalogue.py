"""The adaptable code lists of the network map: relationships and support types (spec 4.3.3, 4.3.4).

Both are data (``resources/network/relationships.csv``, ``support_types.csv``) so an organisation
can add a relationship or rename a support type. A relationship gives the default sector and
network type of a new person; the coach can override both per person and per snapshot.
Catalogues are immutable and safe to share between threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from mpg_desktop.models.network_codes import Category, NetworkType, SupportGroup
from mpg_desktop.models.resource_tables import parse_csv, read_resource_csv
from mpg_desktop.models.validation import ValidationError


@dataclass(frozen=True)
class RelationshipInfo:
    code: str
    label_nl: str
    label_en: str
    role_label: str  # short Dutch role used for pseudonyms in exports ('vriend', 'broer/zus')
    category: Category
    network_type: NetworkType
    tabel_a4_row: str  # 003 Tabel A.4 row for professionals, '' for the personal network


@dataclass(frozen=True)
class SupportTypeInfo:
    code: str
    label_nl: str
    label_en: str
    group: SupportGroup


@dataclass(frozen=True, eq=False)
class NetworkCatalogue:
    """Relationships and support types by code, in file order."""

    relationships: Mapping[str, RelationshipInfo]
    support_types: Mapping[str, SupportTypeInfo]

    def relationship(self, code: str) -> RelationshipInfo:
        """The entry for ``code``; ValidationError (Dutch) when the code is not in the list."""
        try:
            return self.relationships[code]
        except KeyError:
            raise ValidationError(
                "Relatie", f"Relatie '{code}' staat niet in de lijst. Kies een relatie uit de lijst."
            ) from None

    def support_group(self, code: str) -> SupportGroup | None:
        """The roll-up group of a support type, None for an unknown code."""
        info = self.support_types.get(code)
        return None if info is None else info.group

    def default_category(self, relationship: str) -> Category:
        return self.relationship(relationship).category

    def default_network_type(self, relationship: str) -> NetworkType:
        return self.relationship(relationship).network_type


def load_catalogue(relationships_csv: Path | None = None, support_types_csv: Path | None = None) -> NetworkCatalogue:
    """Read the catalogue; an organisation's own files replace the shipped ones when given."""
    relationship_rows = (
        parse_csv(relationships_csv.read_text("utf-8"))
        if relationships_csv
        else read_resource_csv("network", "relationships.csv")
    )
    support_rows = (
        parse_csv(support_types_csv.read_text("utf-8"))
        if support_types_csv
        else read_resource_csv("network", "support_types.csv")
    )
    relationships = {
        row["code"]: RelationshipInfo(
            code=row["code"],
            label_nl=row["label_nl"],
            label_en=row["label_en"],
            role_label=row["role_label"] or row["code"],
            category=Category(row["category"]),
            network_type=NetworkType(row["network_type"]),
            tabel_a4_row=row["tabel_a4_row"],
        )
        for row in relationship_rows
    }
    support_types = {
        row["code"]: SupportTypeInfo(row["code"], row["label_nl"], row["label_en"], SupportGroup(row["group"]))
        for row in support_rows
    }
    return NetworkCatalogue(MappingProxyType(relationships), MappingProxyType(support_types))


@cache
def default_catalogue() -> NetworkCatalogue:
    """The shipped catalogue, read once."""
    return load_catalogue()

"""Schema versions (spec 4.8): newer major refused, newer minor imported without what it added,
older minor imported with the columns it lacked as empty, exact column sets otherwise.
"""

from __future__ import annotations

import pytest

from mpg_desktop.sync.bundle_schema import BundleSchema, SchemaVersion, TableSpec
from mpg_desktop.sync.errors import ImportErrorCode
from tests.sync.bundle_kit import Kit, assert_dutch_refusal, make_schema, sample_tables

E = ImportErrorCode


@pytest.fixture
def kit() -> Kit:
    return Kit()


@pytest.mark.parametrize("version", ["2.0.0", "3.1.4"])
def test_newer_major_is_refused(kit: Kit, version: str) -> None:
    exc = kit.refused(kit.bundle(schema=make_schema(version)))
    assert_dutch_refusal(exc, E.SCHEMA_NIET_ONDERSTEUND)
    assert version in exc.message and "1.0.0" in exc.message
    assert "Installeer de nieuwste versie" in exc.message


def test_older_major_is_refused_with_advice_for_the_coach(kit: Kit) -> None:
    exc = kit.refused(kit.bundle(schema=make_schema("0.9.0")))
    assert_dutch_refusal(exc, E.SCHEMA_NIET_ONDERSTEUND)
    assert "Vraag de coach om MPG Desktop bij te werken" in exc.message


def test_newer_minor_is_imported_without_its_additions(kit: Kit) -> None:
    newer = make_schema("1.1.0", extra=True)
    result = kit.open(kit.bundle(sample_tables(extra=True), schema=newer))

    assert str(result.manifest.schema_version) == "1.1.0"
    assert result.ignored_tables == ("goals",)
    assert dict(result.ignored_columns) == {"families": ("netwerk_omvang",)}
    assert "goals" not in result.tables
    assert all("netwerk_omvang" not in row for row in result.tables["families"].rows)
    assert len(result.tables["families"].rows) == 7


def test_newer_minor_can_be_refused_instead(kit: Kit) -> None:
    newer = make_schema("1.1.0", extra=True)
    exc = kit.refused(kit.bundle(sample_tables(extra=True), schema=newer), accept_newer_minor=False)
    assert_dutch_refusal(exc, E.SCHEMA_NIET_ONDERSTEUND)


def test_newer_minor_must_still_have_every_column_we_know(kit: Kit) -> None:
    base = make_schema("1.0.0")
    families = base.tables[0]
    trimmed = TableSpec("families", families.columns[:-1], families.count_key)
    newer = BundleSchema(SchemaVersion(1, 2), (trimmed, *base.tables[1:]), base.scope_count_keys)
    tables = sample_tables()
    for row in tables["families"]:
        del row["row_version"]
    exc = kit.refused(kit.bundle(tables, schema=newer))
    assert_dutch_refusal(exc, E.ONVERWACHTE_KOLOMMEN)
    assert "'row_version'" in exc.message


def test_older_minor_is_imported_with_later_columns_empty() -> None:
    kit = Kit(schema=make_schema("1.1.0", extra=True))
    result = kit.open(kit.bundle(sample_tables(), schema=make_schema("1.0.0")))

    assert result.ignored_tables == () and dict(result.ignored_columns) == {}
    assert "goals" not in result.tables  # the table did not exist in 1.0
    families = result.tables["families"]
    assert families.columns[-1] == "netwerk_omvang"
    assert {row["netwerk_omvang"] for row in families.rows} == {None}


def test_older_minor_may_not_carry_a_later_column() -> None:
    """A 1.0 bundle with a column that only 1.1 has is not a 1.0 bundle: refused, not ignored."""
    kit = Kit(schema=make_schema("1.1.0", extra=True))
    claims_old = make_schema("1.0.0")
    families = TableSpec("families", (*claims_old.tables[0].columns, "netwerk_omvang"), "families_exported")
    lying = BundleSchema(claims_old.version, (families, *claims_old.tables[1:]), claims_old.scope_count_keys)
    tables = sample_tables(extra=True)
    del tables["goals"]
    exc = kit.refused(kit.bundle(tables, schema=lying))
    assert_dutch_refusal(exc, E.ONVERWACHTE_KOLOMMEN)
    assert "'netwerk_omvang'" in exc.message


def test_same_version_with_a_newer_patch_is_accepted(kit: Kit) -> None:
    result = kit.open(kit.bundle(schema=make_schema("1.0.7")))
    assert result.manifest.schema_version == SchemaVersion(1, 0, 7)


@pytest.mark.parametrize("text", ["1.0", "1.0.0.0", "01.0.0", "v1.0.0", "1.0.x", "", None, 100])
def test_schema_version_syntax(text: object) -> None:
    assert SchemaVersion.parse(text) is None


def test_schema_version_order_and_text() -> None:
    assert SchemaVersion.parse("1.10.0") == SchemaVersion(1, 10, 0)
    assert SchemaVersion(1, 2) < SchemaVersion(1, 10)
    assert str(SchemaVersion(2, 0)) == "2.0.0"


@pytest.mark.parametrize(
    "make",
    [
        lambda: TableSpec("Families", ("a",)),
        lambda: TableSpec("families", ()),
        lambda: TableSpec("families", ("a", "a")),
        lambda: TableSpec("families", ("a", "b c")),
        lambda: TableSpec("families", ("a",), column_since={"b": 1}),
        lambda: BundleSchema(SchemaVersion(1, 0), (TableSpec("t", ("a",)), TableSpec("t", ("b",)))),
        lambda: BundleSchema(SchemaVersion(1, 0), (TableSpec("t", ("a",), since_minor=1),)),
    ],
)
def test_schema_definitions_are_checked(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_column_set_per_minor() -> None:
    families = make_schema("1.1.0", extra=True).tables[0]
    assert "netwerk_omvang" not in families.columns_for(0)
    assert families.columns_for(1) == families.columns

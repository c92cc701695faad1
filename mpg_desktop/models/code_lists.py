"""Configurable code lists (spec 0.2, 6): loaded from ``resources/code_lists/<id>.json``.

Each file holds one list: ``id``, ``title``, ``version``, ``source`` and ``items``; every item has a
stable ``code`` (never reused: exports and statistics rely on it), a Dutch ``label``, and optionally
``help`` (the definition shown as a tooltip), ``text`` (``none`` / ``optional`` / ``required``: whether
the item asks "namelijk …"), ``tags`` (meaning the code relies on, e.g. ``uitval``) and ``active``
(false retires an item without breaking old records).

Every list has an "Anders, namelijk …" item with code ``anders`` and required text, unless the file
states ``without_other_reason`` (a fixed scale such as the urgency colours).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from mpg_desktop.models.choices import OTHER, Choice
from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.validation import FieldIssue, Severity, required


class ListId(StrEnum):
    """The lists the application relies on; each is one JSON file of the same name."""

    AANMELDER_TYPE = "aanmelder_type"  # 2.2
    AANMELDENDE_ORGANISATIE = "aanmeldende_organisatie"  # 2.2
    WERKGEBIED = "werkgebied"  # 2.2
    REDEN_AANMELDING = "reden_aanmelding"  # 2.2
    LEEFGEBIED = "leefgebied"  # 2.2, 5.2
    RISICOFACTOR = "risicofactor"  # 2.2
    PROFIEL_SYSTEEM = "profiel_systeem"  # 2.2
    URGENTIE = "urgentie"  # 2.2, 5.10
    ACUTE_SITUATIE = "acute_situatie"  # 2.2
    KADER = "kader"  # 2.2
    DRANGMIDDEL = "drangmiddel"  # 2.2
    CHECK_INSTANTIE = "check_instantie"  # 2.2 checks
    OPLEIDING = "opleiding"  # 2.2
    FINANCIERING = "financiering"  # 2.2
    REDEN_NO_GO = "reden_no_go"  # 2.4
    TERUGKOPPELING_KANAAL = "terugkoppeling_kanaal"  # 2.4, 5.8
    REDEN_BEEINDIGING = "reden_beeindiging"  # 5.6
    VERVOLGHULP = "vervolghulp"  # 5.6
    CONTACT_TYPE = "contact_type"  # 5.1
    MDO_TYPE = "mdo_type"  # 5.3
    NAZORG_VORM = "nazorg_vorm"  # 5.7
    AANVRAAG_ONDERWERP = "aanvraag_onderwerp"  # 5.10
    OPSCHORTING_REDEN = "opschorting_reden"  # 1.6.5
    TOESTEMMING_DOEL = "toestemming_doel"  # privacy PRV-02
    TOESTEMMING_ROL = "toestemming_rol"  # privacy PRV-01
    DEEL_CATEGORIE = "deel_categorie"  # 5.8 content categories
    DOSSIERONDERDEEL = "dossieronderdeel"  # 5.5


class TextRule(StrEnum):
    """Whether an item asks for text after "namelijk"."""

    NONE = "none"
    OPTIONAL = "optional"
    REQUIRED = "required"


@dataclass(frozen=True)
class CodeItem:
    code: str
    label: str
    text: TextRule = TextRule.NONE
    help: str = ""
    tags: frozenset[str] = frozenset()
    active: bool = True


@dataclass(frozen=True)
class CodeList:
    id: str
    title: str
    version: int
    items: tuple[CodeItem, ...]
    source: str = ""
    without_other_reason: str = ""

    def item(self, code: str) -> CodeItem | None:
        return next((item for item in self.items if item.code == code), None)

    @property
    def active_items(self) -> tuple[CodeItem, ...]:
        """The items a form offers for new input."""
        return tuple(item for item in self.items if item.active)

    def codes_tagged(self, tag: str) -> frozenset[str]:
        return frozenset(item.code for item in self.items if tag in item.tags)

    def display(self, choice: Choice) -> str:
        """The label as a coach reads it, with the "namelijk" text where given."""
        item = self.item(choice.code)
        if item is None:
            return choice.code
        if choice.text.strip() and item.text is not TextRule.NONE:
            base = item.label.removesuffix("…").removesuffix(", namelijk ").rstrip(" ,")
            return f"{base}: {choice.text.strip()}"
        return item.label

    def check(self, choice: Choice | None, field: str, label: str, *, is_required: bool = False) -> list[FieldIssue]:
        """Problems with one answer: missing when required, unknown code, retired code, missing text."""
        if choice is None or not choice.code:
            return [required(field, label)] if is_required else []
        item = self.item(choice.code)
        if item is None:
            return [FieldIssue(field, f"{label}: '{choice.code}' staat niet in de lijst {self.title}. Kies een optie.")]
        issues: list[FieldIssue] = []
        if not item.active:
            issues.append(
                FieldIssue(
                    field,
                    f"{label}: '{item.label}' wordt niet meer gebruikt. Kies zo mogelijk een andere optie.",
                    Severity.WAARSCHUWING,
                )
            )
        if item.text is TextRule.REQUIRED and not choice.text.strip():
            issues.append(FieldIssue(field, f"{label}: vul bij '{item.label}' in wat u bedoelt."))
        return issues


class CodeListFileError(DomainError):
    """A code-list file an organisation edited is not usable; the message names file and problem."""


@dataclass(frozen=True)
class CodeLists(Mapping[str, CodeList]):
    """All loaded lists by id; index with a ``ListId``."""

    lists: Mapping[str, CodeList]

    def __getitem__(self, list_id: str) -> CodeList:
        return self.lists[list_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.lists)

    def __len__(self) -> int:
        return len(self.lists)


def _parse_item(raw: Any, name: str) -> CodeItem:
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str) or not isinstance(raw.get("label"), str):
        raise CodeListFileError(f"{name}: elk item heeft een 'code' en een 'label' (tekst) nodig.")
    code, label = raw["code"].strip(), raw["label"].strip()
    if not code or not label:
        raise CodeListFileError(f"{name}: een item heeft een lege code of een leeg label.")
    try:
        text = TextRule(raw.get("text", "none"))
    except ValueError:
        raise CodeListFileError(
            f"{name}: item '{code}' heeft text='{raw.get('text')}'; kies none, optional of required."
        ) from None
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise CodeListFileError(f"{name}: item '{code}': 'tags' moet een lijst met woorden zijn.")
    return CodeItem(code, label, text, str(raw.get("help", "")), frozenset(tags), bool(raw.get("active", True)))


def parse_code_list(raw: Any, name: str) -> CodeList:
    """Build and check one list from its decoded JSON; ``name`` (the file name) is used in messages."""
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
        raise CodeListFileError(f"{name}: het bestand moet een object met 'id', 'title' en 'items' zijn.")
    items = tuple(_parse_item(item, name) for item in raw["items"])
    codes = [item.code for item in items]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise CodeListFileError(f"{name}: de code(s) {', '.join(duplicates)} komen dubbel voor. Elke code één keer.")
    code_list = CodeList(
        id=str(raw.get("id", "")),
        title=str(raw.get("title", "")),
        version=int(raw.get("version", 1)),
        items=items,
        source=str(raw.get("source", "")),
        without_other_reason=str(raw.get("without_other_reason", "")),
    )
    other = code_list.item(OTHER)
    if not code_list.without_other_reason and (
        other is None or other.text is not TextRule.REQUIRED or not other.active
    ):
        raise CodeListFileError(
            f"{name}: elke lijst heeft een actieve optie 'anders' met text='required' (Anders, namelijk …), "
            "of een 'without_other_reason' die uitlegt waarom niet."
        )
    return code_list


def load_code_lists(directory: Traversable | None = None) -> CodeLists:
    """Load every list of ``ListId`` from ``directory`` (default: the shipped resources).

    Raises CodeListFileError when a file is missing, not JSON, or breaks the rules above.
    """
    folder = directory if directory is not None else resources.files("mpg_desktop") / "resources" / "code_lists"
    lists: dict[str, CodeList] = {}
    for list_id in ListId:
        name = f"{list_id.value}.json"
        entry = folder / name
        if not entry.is_file():
            raise CodeListFileError(f"De codelijst {name} ontbreekt. Zet het bestand terug of herinstalleer.")
        try:
            raw = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise CodeListFileError(f"{name}: geen geldige JSON (regel {error.lineno}): {error.msg}.") from None
        code_list = parse_code_list(raw, name)
        if code_list.id != list_id.value:
            raise CodeListFileError(f"{name}: 'id' is '{code_list.id}' maar moet '{list_id.value}' zijn.")
        lists[list_id.value] = code_list
    return CodeLists(lists)


@cache
def default_code_lists() -> CodeLists:
    """The shipped lists, loaded once per process."""
    return load_code_lists()

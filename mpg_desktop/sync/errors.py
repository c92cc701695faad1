"""Errors of the sync layer, each with a Dutch message: what is wrong and what to do.

The import refuses with exactly one type, ``ImportRefused``, which carries one of the spec's
error codes (privacy-export-analysis 4.9). Messages never quote cell values from a bundle (they
may be personal data); they name tables and columns only, shortened and made printable.
Everything here is immutable and thread-safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class ImportErrorCode(Enum):
    """The import error codes of spec 4.9; the value is the code shown to the user."""

    ONLEESBAAR = "E01"
    GEEN_BUNDEL = "E02"
    CONTAINER_ONBEKEND = "E03"
    VERKEERDE_ONTVANGER = "E04"
    ONTSLEUTELEN_MISLUKT = "E05"
    ARCHIEF_ONGELDIG = "E06"
    MANIFEST_ONGELDIG = "E07"
    HANDTEKENING_ONGELDIG = "E08"
    APPARAAT_ONBEKEND = "E09"
    SCHEMA_NIET_ONDERSTEUND = "E10"
    HASH_WIJKT_AF = "E11"
    AANTAL_WIJKT_AF = "E12"
    ONVERWACHTE_KOLOMMEN = "E13"
    ONGELDIGE_WAARDE = "E14"
    PERSOONSGEGEVENS_GEVONDEN = "E15"
    K_ANONIMITEIT_GESCHONDEN = "E16"
    BUNDELCONFLICT = "E17"
    OPSLAAN_MISLUKT = "E18"

    @property
    def label(self) -> str:
        """Code and name as the spec writes them, e.g. ``E05 ONTSLEUTELEN_MISLUKT``."""
        return f"{self.value} {self.name}"


_ASK_AGAIN = "Vraag de coach om een nieuwe bundel te maken en die opnieuw te sturen."
_NOTHING_CHANGED = "Er is niets geïmporteerd."

# Default text per code; a raise may pass a more specific text for the same code.
DEFAULT_MESSAGES: dict[ImportErrorCode, str] = {
    ImportErrorCode.ONLEESBAAR: f"Het bestand kan niet worden gelezen (leeg, te groot of onvolledig). {_ASK_AGAIN}",
    ImportErrorCode.GEEN_BUNDEL: (
        "Dit bestand is geen exportbundel van MPG Desktop. Kies een bestand dat eindigt op .mpgb."
    ),
    ImportErrorCode.CONTAINER_ONBEKEND: (
        "Deze bundel is gemaakt met een nieuwere versie van MPG Desktop. "
        "Installeer de nieuwste versie en importeer de bundel dan opnieuw."
    ),
    ImportErrorCode.VERKEERDE_ONTVANGER: (
        "Deze bundel is versleuteld voor een andere supervisor-sleutel dan de uwe. Vraag de coach om uw "
        "publieke sleutel te importeren (controleer samen de vingerafdruk) en een nieuwe bundel te maken."
    ),
    ImportErrorCode.ONTSLEUTELEN_MISLUKT: (
        f"De bundel kan niet worden ontsleuteld: het bestand is beschadigd of onderweg gewijzigd. {_ASK_AGAIN}"
    ),
    ImportErrorCode.ARCHIEF_ONGELDIG: f"De inhoud van de bundel is beschadigd of onvolledig. {_ASK_AGAIN}",
    ImportErrorCode.MANIFEST_ONGELDIG: f"De inhoudsopgave (manifest) van de bundel is ongeldig. {_ASK_AGAIN}",
    ImportErrorCode.HANDTEKENING_ONGELDIG: (
        "De handtekening van de bundel klopt niet: de inhoud is na het ondertekenen gewijzigd. "
        f"Gebruik deze bundel niet. {_ASK_AGAIN}"
    ),
    ImportErrorCode.APPARAAT_ONBEKEND: (
        "De bundel komt van een laptop die niet in uw apparatenregister staat. Registreer eerst de "
        "sleutel van die laptop (controleer samen met de coach de vingerafdruk) en importeer de bundel dan opnieuw."
    ),
    ImportErrorCode.SCHEMA_NIET_ONDERSTEUND: (
        "Deze bundel gebruikt een gegevensindeling die deze versie van MPG Desktop niet kent. "
        "Installeer de nieuwste versie en importeer de bundel dan opnieuw."
    ),
    ImportErrorCode.HASH_WIJKT_AF: f"Een tabel in de bundel is gewijzigd of beschadigd. {_ASK_AGAIN}",
    ImportErrorCode.AANTAL_WIJKT_AF: f"Het aantal regels in de bundel klopt niet met de inhoudsopgave. {_ASK_AGAIN}",
    ImportErrorCode.ONVERWACHTE_KOLOMMEN: (
        "De bundel bevat kolommen die niet in de afgesproken indeling staan. Uit voorzorg wordt niets "
        "geïmporteerd, want zo'n kolom kan persoonsgegevens bevatten. Neem contact op met de beheerder."
    ),
    ImportErrorCode.ONGELDIGE_WAARDE: f"De bundel bevat ongeldige waarden. {_ASK_AGAIN}",
    ImportErrorCode.PERSOONSGEGEVENS_GEVONDEN: (
        "De bundel lijkt persoonsgegevens te bevatten (zoals een postcode, BSN, telefoonnummer of "
        "e-mailadres). Uit voorzorg wordt niets geïmporteerd. Neem contact op met de beheerder."
    ),
    ImportErrorCode.K_ANONIMITEIT_GESCHONDEN: (
        "De bundel maakt gezinnen mogelijk herkenbaar (te kleine groepen). Uit voorzorg wordt niets "
        "geïmporteerd. Neem contact op met de beheerder."
    ),
    ImportErrorCode.BUNDELCONFLICT: (
        "Er is eerder een bundel met hetzelfde nummer maar een andere inhoud geïmporteerd. "
        "Gebruik deze bundel niet en neem contact op met de beheerder."
    ),
    ImportErrorCode.OPSLAAN_MISLUKT: (
        "De bundel kon niet worden opgeslagen. Er is niets veranderd. Probeer het opnieuw; "
        "lukt het niet, neem dan contact op met de beheerder."
    ),
}


class SyncError(Exception):
    """Base class; ``message`` is shown to the user as it is."""

    message = "Er ging iets mis met de export of import."

    def __init__(self, message: str | None = None) -> None:
        if message is not None:
            self.message = message
        super().__init__(self.message)


class ImportRefused(SyncError):
    """A bundle was refused. ``code`` is the spec's error code; the message ends with it.

    Nothing has been written anywhere when this is raised: the reader only reads.
    """

    def __init__(self, code: ImportErrorCode, detail: str | None = None, *, advice: str | None = None) -> None:
        """``detail`` says what exactly is wrong; ``advice`` replaces the code's default text."""
        self.code = code
        self.detail = detail
        text = advice if advice is not None else DEFAULT_MESSAGES[code]
        if detail:
            text = f"{detail} {text}"
        super().__init__(f"{text} {_NOTHING_CHANGED} (Foutcode {code.label}.)")


class ExportRefused(SyncError):
    """The writer refused to build a bundle (a column off the allowlist, an unknown table …).

    These are faults in the export pipeline, never something the coach did; the message says so.
    """

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"De export is gestopt: {detail} Er is geen bundel gemaakt. "
            "Dit is een fout in het programma; neem contact op met de beheerder."
        )


class KeyFileInvalid(SyncError):
    message = (
        "Dit sleutelbestand is ongeldig of bevat een ander soort sleutel. "
        "Vraag om een nieuw sleutelbestand en controleer samen de vingerafdruk."
    )


def shown_names(names: Iterable[str], limit: int = 5) -> str:
    """Table or column names from an untrusted bundle, safe to show and log: few, short, printable."""
    all_names = list(names)
    cleaned = []
    for name in all_names[:limit]:
        printable = "".join(ch if ch.isprintable() else "?" for ch in name)
        cleaned.append(printable if len(printable) <= 40 else printable[:39] + "…")
    more = f" en {len(all_names) - limit} meer" if len(all_names) > limit else ""
    return ", ".join(f"'{name}'" for name in cleaned) + more


class BundleWriteFailed(SyncError):
    message = (
        "De bundel kon niet in deze map worden opgeslagen (de map bestaat niet meer, is alleen-lezen "
        "of de USB-stick is verwijderd). Er is geen bundel gemaakt. Kies een andere map en probeer het opnieuw."
    )

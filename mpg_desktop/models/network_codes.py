"""Fixed code lists of the network map (spec bolletjesschema 4.2-4.3), each code with its Dutch label.

These codes are structural: metrics, diff and exports depend on them, so they live in code. The
lists an organisation may adapt (relationships, support types, rating texts) are data under
``resources/network/`` (see ``network_catalogue``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledCode(StrEnum):
    """A stored code with the Dutch label shown to coaches."""

    _value_: str
    label: str

    def __new__(cls, code: str, label: str = "") -> Self:  # label optional so Code("x") type-checks
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member


class Category(LabelledCode):
    """The six sectors of the map: the rows of 003 Tabel 3.1 (spec 4.3.2), clockwise from 12 o'clock."""

    KERNFAMILIE = ("KERNFAMILIE", "Partner / kinderen / broers, zussen/ ouders")
    FAMILIE_RUIM = ("FAMILIE_RUIM", "Ooms / tantes, neven / nichten")
    VRIENDEN = ("VRIENDEN", "Vrienden")
    BUURT_VRIJWILLIGERS = ("BUURT_VRIJWILLIGERS", "Buren, buurtorganisatie, vrijwilligers")
    MAATSCHAPPELIJK = ("MAATSCHAPPELIJK", "Hobby / sportclubs, kerk / moskee, school, werk/collega’s")
    PROFESSIONEEL = ("PROFESSIONEEL", "Professionele hulpverleners")

    @property
    def sector_order(self) -> int:
        """1..6, the order of Tabel 3.1 and of the sectors on the map."""
        return list(Category).index(self) + 1

    def default_ring(self, household: bool = False) -> int:
        """Spec 4.3.2: close family on ring 2 (ring 1 when in the household), societal contacts on 4."""
        if self is Category.KERNFAMILIE:
            return 1 if household else 2
        return 4 if self is Category.MAATSCHAPPELIJK else 3


class NetworkType(LabelledCode):
    PERSOONLIJK = ("persoonlijk", "Persoonlijk netwerk")
    VRIJWILLIGER = ("vrijwilliger", "Vrijwilliger")
    PROFESSIONEEL = ("professioneel", "Professional (hulpverlener)")


class SupportGroup(LabelledCode):
    """Roll-up of the support types (spec 4.3.4); the badge letter is drawn on the map."""

    PRAKTISCH = ("praktisch", "Praktisch")
    FINANCIEEL = ("financieel", "Financieel")
    EMOTIONEEL = ("emotioneel", "Emotioneel")
    INFORMATIEF = ("informatief", "Informatief")

    @property
    def badge(self) -> str:
        return self.value[0].upper()


class SnapshotKind(LabelledCode):
    STARTKAART = ("startkaart", "Startkaart")
    EVALUATIE = ("evaluatie", "Evaluatie")
    NA_NETWERKBIJEENKOMST = ("na_netwerkbijeenkomst", "Na netwerkbijeenkomst")
    AFSLUITING = ("afsluiting", "Afsluiting")
    TUSSENTIJDS = ("tussentijds", "Tussentijds")


class SnapshotStatus(LabelledCode):
    CONCEPT = ("concept", "Concept")
    VASTGESTELD = ("vastgesteld", "Vastgesteld")


class DrawnWith(LabelledCode):
    """Who sat at the table when the map was drawn (spec 4.2.3)."""

    CLIENT = ("client", "Cliënt")
    OUDERS = ("ouders", "Ouder(s)")
    KINDEREN = ("kinderen", "Kind(eren)")
    VIP = ("vip", "VIP")
    ANDERS = ("anders", "Anders")


class FocusKind(LabelledCode):
    """Who is in the centre (spec 4.2.1); ``volwassene`` is added for adults who are not a parent."""

    JONGERE = ("jongere", "Jongere")
    OUDER = ("ouder", "Ouder")
    KIND = ("kind", "Kind")
    GEZIN = ("gezin", "Gezin")
    VOLWASSENE = ("volwassene", "Volwassene")


class Ternary(LabelledCode):
    JA = ("ja", "Ja")
    NEE = ("nee", "Nee")
    ONBEKEND = ("onbekend", "Onbekend")


class ContactPermission(LabelledCode):
    """May the coach contact this person? The client decides (NwG8)."""

    JA = ("ja", "Ja")
    NEE = ("nee", "Nee")
    NOG_NIET_BESPROKEN = ("nog_niet_besproken", "Nog niet besproken")


class ContactFrequency(LabelledCode):
    DAGELIJKS = ("dagelijks", "Dagelijks")
    WEKELIJKS = ("wekelijks", "Wekelijks")
    MAANDELIJKS = ("maandelijks", "Maandelijks")
    MINDER_DAN_MAANDELIJKS = ("minder_dan_maandelijks", "Minder dan maandelijks")
    VRIJWEL_NOOIT = ("vrijwel_nooit", "Vrijwel nooit")
    ONBEKEND = ("onbekend", "Onbekend")


class Location(LabelledCode):
    ZELFDE_HUIS = ("zelfde_huis", "Zelfde huis")
    ZELFDE_WIJK = ("zelfde_wijk", "Zelfde wijk")
    ZELFDE_STAD_REGIO = ("zelfde_stad_regio", "Zelfde stad of regio")
    ELDERS_IN_NEDERLAND = ("elders_in_nederland", "Elders in Nederland")
    BUITENLAND = ("buitenland", "Buitenland")
    ONBEKEND = ("onbekend", "Onbekend")


class Availability(LabelledCode):
    BESCHIKBAAR = ("beschikbaar", "Beschikbaar")
    BEPERKT = ("beperkt", "Beperkt beschikbaar")
    NIET_BESCHIKBAAR = ("niet_beschikbaar", "Niet beschikbaar")
    ONBEKEND = ("onbekend", "Onbekend")


class AvailabilityReason(LabelledCode):
    """Why someone cannot help. Health is only this generic code, never a diagnosis (P6)."""

    GEZONDHEID = ("gezondheid", "Gezondheid")
    AFSTAND = ("afstand", "Afstand")
    OVERBELAST = ("overbelast", "Overbelast")
    EIGEN_PROBLEMEN = ("eigen_problemen", "Eigen problemen")
    GEEN_MIDDELEN = ("geen_middelen", "Geen middelen")
    ANDERS = ("anders", "Anders")


class KeepAwayScope(LabelledCode):
    NIET_UITNODIGEN = ("niet_uitnodigen", "Niet uitnodigen")
    WEG_BIJ_KINDEREN = ("weg_bij_kinderen", "Weg bij de kinderen")
    CONTACT_VERMINDEREN = ("contact_verminderen", "Contact verminderen")
    CONTACT_VERBREKEN = ("contact_verbreken", "Contact verbreken")


class RatedBy(LabelledCode):
    CLIENT = ("client", "Cliënt")
    SAMEN = ("samen", "Cliënt en coach samen")


class PeerTieKind(LabelledCode):
    FAMILIEBAND = ("familieband", "Familieband")
    STEUN = ("steun", "Steun")
    CONFLICT = ("conflict", "Conflict")
    SAMENWERKING = ("samenwerking", "Samenwerking")


class LeftReason(LabelledCode):
    """Why a supporter left or stopped supporting: the rows of 003 Tabel A.7 (verbatim)."""

    PROBLEMEN_OPGELOST = ("problemen_opgelost", "Mijn problemen zijn (bijna) opgelost")
    GEEN_ONDERLING_VERTROUWEN = (
        "geen_onderling_vertrouwen",
        "Er was geen onderling vertrouwen meer tussen de leden van het netwerk",
    )
    GEEN_VERTROUWEN_IN_MIJ = (
        "geen_vertrouwen_in_mij",
        "Er was geen vertrouwen meer tussen de leden van het netwerk en mij",
    )
    GEEN_TIJD_MIDDELEN = ("geen_tijd_middelen", "Mijn omgeving had geen tijd/middelen meer om mij te helpen")
    NIET_VERPLICHT = ("niet_verplicht", "Personen in mijn omgeving voelen zich niet langer verplicht mij te helpen")
    GEEN_GEMEENSCHAPPELIJK_PROBLEEM = (
        "geen_gemeenschappelijk_probleem",
        "Personen in mijn omgeving ervaren niet langer een gemeenschappelijk probleem"
        " waarvoor zij mede verantwoordelijkheid wil",
    )
    CULTUURVERSCHILLEN = (
        "cultuurverschillen",
        "Er bleken grote cultuurverschillen te bestaan tussen personen uit mijn eigen omgeving",
    )
    AARD_PROBLEMEN = ("aard_problemen", "De aard van mijn problemen maakte dat mijn eigen omgeving weinig kon doen")
    ANDERS = ("anders", "Anders")

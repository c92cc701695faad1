"""Code lists of the export (privacy-export-analysis Appendix B) that the indicators count by.

Data only. The order of each tuple is the order of rows in the report. ``UNKNOWN`` holds the
values that mean "not known" in any coded column: empty, ``onbekend`` and ``*`` (a value the
k-gate generalised away, EXP-52). Codes marked Proposed are ours where the spec is silent.
"""

from __future__ import annotations

UNKNOWN = frozenset({"", "onbekend", "*"})

# Trajectory status, derived on export from dates and closure reason (C-4).
STATUS = ("aangemeld", "afgewezen", "lopend", "afgesloten")
ADMITTED_STATUS = frozenset({"lopend", "afgesloten"})  # "in begeleiding genomen"
REJECTED_STATUS = frozenset({"afgewezen"})

# besluit: the codes of the coach application's decision (models.admission.DecisionKind).
BESLUIT_GO = frozenset({"go", "go_wachtlijst"})
BESLUIT_NO_GO = frozenset({"no_go", "ingetrokken"})

# Admission as reported (Tabel 3.1 rows).
IN_BEGELEIDING = "in_begeleiding"
GEEN_BEGELEIDING = "geen_begeleiding"
TOELATING = (IN_BEGELEIDING, GEEN_BEGELEIDING)

RESULTAAT = ("geslaagd", "gedeeltelijk", "niet_geslaagd", "onbekend")
LOPEND = "lopend"
# IND-08 categories: ongoing trajectories first, then the result judgement of closed ones.
RESULTAAT_CATEGORIEEN = ("niet_geslaagd", "gedeeltelijk", LOPEND, "geslaagd")

UITVAL_FASE = ("geen", "voor_start", "binnen_3_contacten", "later", "terugkomsttraject")
UITVAL = ("voor_start", "binnen_3_contacten", "later", "terugkomsttraject")
UITVAL_VROEG = frozenset({"voor_start", "binnen_3_contacten"})  # within the first three contacts

AANMELDER_TYPE = (
    "cjg",
    "dosa",
    "lzn_lthg",
    "jeugdbescherming_gi",
    "veilig_thuis",
    "leerplicht",
    "politie",
    "woningcorporatie",
    "maatschappelijk_werk",
    "sociale_dienst",
    "mee",
    "school",
    "huisarts",
    "consultatiebureau_jgz",
    "vraagwijzer_wijkteam",
    "zelfmelding",
    "overig",
)

AFWIJSREDEN = (
    "niet_doelgroep",
    "te_licht",
    "te_zwaar",
    "buiten_werkgebied",
    "ingetrokken_door_aanmelder",
    "gezin_wil_niet",
    "kinderen_uit_huis",
    "al_maatregel_elders",
    "contra_indicatie",
    "overig",
)

AFSLUITREDEN = (
    "doelen_bereikt",
    "onvoldoende_medewerking",
    "onbereikbaar",
    "verhuisd",
    "nog_niet_zelfstandig",
    "tijd_is_op",
    "voortijdig_afgebroken",
    "overgedragen",
    "overig",
)

# Household type: L0 codes and their L1 generalisation (4.6, B.6).
HUISHOUDEN_L0 = (
    "traditioneel",
    "eenouder",
    "samengesteld_eenouder",
    "samengesteld",
    "samengesteld_in_scheiding",
    "in_scheiding",
)
HUISHOUDEN_L1 = {
    "traditioneel": "tweeouder",
    "eenouder": "eenouder",
    "samengesteld_eenouder": "eenouder",
    "samengesteld": "tweeouder",
    "samengesteld_in_scheiding": "tweeouder",
    "in_scheiding": "tweeouder",
}

# Generalisation hierarchies of the other family quasi-identifiers (4.6): L0 value -> L1 value.
N_KINDEREN_L1 = {"1": "1-2", "2": "1-2", "3": "3+", "4": "3+", "5+": "3+"}
JONGSTE_KIND_L1 = {"0-4": "0-12", "5-12": "0-12", "13-17": "13+", "18+": "13+"}
HIERARCHIES: dict[str, dict[str, str]] = {
    "huishouden_type": HUISHOUDEN_L1,
    "n_kinderen": N_KINDEREN_L1,
    "jongste_kind_leeftijd": JONGSTE_KIND_L1,
}

# Age composition of the children (ReSet Tabel 4 categories; codes Proposed).
LEEFTIJDSSAMENSTELLING = (
    "jonge_kinderen",
    "basisschool_en_jonge_kinderen",
    "basisschool",
    "adolescentie",
    "adolescentie_en_basisschool",
    "adolescentie_en_jonge_kinderen",
    "alle_leeftijdsfasen",
)

# Life domains (B.1). The De Ploeg instrument uses nine of them, in this order (002 L6234-6237).
LEEFGEBIEDEN_PLOEG = (
    "onderwijs_werk",
    "huisvesting",
    "inkomen",
    "opvoeding",
    "geestelijke_gezondheid",
    "lichamelijke_gezondheid",
    "sociaal_netwerk",
    "vrije_tijd",
    "justitiele_veiligheid",
)
LEEFGEBIEDEN = (
    "onderwijs_werk",
    "inkomen",
    "huisvesting",
    "huishouden",
    "opvoeding",
    "sociaal_netwerk",
    "vrije_tijd",
    "persoonlijke_ontwikkeling",
    "geestelijke_gezondheid",
    "verslaving",
    "lichamelijke_gezondheid",
    "justitiele_veiligheid",
)

# Sources of a leefgebied score (4.4.4).
BRON_GEZIN = "gezin"
BRON_DOSSIER = ("dossier", "coach")
BRON_GECOMBINEERD = "gecombineerd"

# GAS scores 5..1 with the labels of the result figures (004 L1969-1978).
GAS_LABELS = {
    5: "doel_geheel_behaald",
    4: "doel_deels_behaald",
    3: "situatie_hetzelfde_gebleven",
    2: "situatie_verslechterd",
    1: "slechtst_denkbare_situatie",
}

# Phase events (B.8) the duration indicators use.
EVENT_INFORMATIEFASE_START = "informatiefase_start"

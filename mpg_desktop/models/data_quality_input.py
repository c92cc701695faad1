"""What the data-quality rules (spec 6) look at: a snapshot of one traject, built by the storage layer.

Small, plain records so a rule can be tested without a database. Members carry an optional birth
date because a household form may be saved before it is known (spec 0.2); that is exactly what one
of the rules reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mpg_desktop.models.contact_log import ContactLogEntry, WeeklySummary
from mpg_desktop.models.deadlines import KeyDates
from mpg_desktop.models.dossier import DossierItem
from mpg_desktop.models.household import Person, Role
from mpg_desktop.models.phase_log import PhaseTransition
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import Referral

# The nine leefgebieden of the default set (spec 5.2); a baseline should cover them all.
DEFAULT_DOMAINS = (
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


@dataclass(frozen=True)
class MemberRecord:
    first_name: str
    surname: str
    role: Role | None
    birth_date: date | None
    birth_date_estimated: bool = False
    lives_in_household: bool = True
    id: int | None = None
    biological_parent_ids: tuple[int, ...] = ()
    placed_out_of_home: bool = False

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.surname}".strip() or "(naam onbekend)"

    @classmethod
    def from_person(cls, person: Person) -> MemberRecord:
        return cls(
            person.first_name,
            person.surname,
            person.role,
            person.birth_date,
            person.birth_date_estimated,
            person.lives_in_household,
            person.id,
            person.biological_parent_ids,
            person.placed_out_of_home,
        )

    def to_person(self) -> Person | None:
        """The household member, when role and birth date are known."""
        if self.role is None or self.birth_date is None:
            return None
        return Person(
            self.first_name,
            self.surname,
            self.birth_date,
            self.role,
            birth_date_estimated=self.birth_date_estimated,
            lives_in_household=self.lives_in_household,
            id=self.id,
            biological_parent_ids=self.biological_parent_ids,
            placed_out_of_home=self.placed_out_of_home,
        )


@dataclass(frozen=True)
class OtherPerson:
    """A person of another family in the store, for the duplicate check at referral."""

    first_name: str
    surname: str
    birth_date: date
    family_name: str


@dataclass(frozen=True)
class DomainScoreRecord:
    domain: str  # leefgebied code
    score: int | None  # 1..5
    justification: str  # the written description that justifies the score
    baseline: bool  # nulmeting (True) or a re-score at an evaluation


@dataclass(frozen=True)
class PlanVersionRecord:
    number: int
    definitive: bool  # status definitief (the one in force)
    goal_count: int
    signed_on: date | None = None
    signature_captured: bool = False  # scan/photo of the signed paper attached (spec 4.6)


@dataclass(frozen=True)
class GoalRecord:
    key: str
    text: str
    measurable: str = ""  # how achievement is seen (SMART: measurable)
    target_date: date | None = None  # SMART: time-bound
    evaluation_count: int = 0  # GAS evaluations of this goal


@dataclass(frozen=True)
class SatisfactionRecord:
    named: bool
    traject_id: int | None
    programme: str
    team: str


@dataclass(frozen=True)
class CaseRecord:
    """One traject as the rules see it. ``today`` makes the rules pure."""

    today: date
    phase: Phase
    transitions: tuple[PhaseTransition, ...] = ()
    dates: KeyDates = field(default_factory=KeyDates)
    closure_reason: str = ""  # reden_beeindiging code
    members: tuple[MemberRecord, ...] = ()
    separating: bool = False
    referral: Referral | None = None
    scores: tuple[DomainScoreRecord, ...] = ()
    expected_domains: tuple[str, ...] = DEFAULT_DOMAINS
    plan_versions: tuple[PlanVersionRecord, ...] = ()
    last_family_print_version: int | None = None
    goals: tuple[GoalRecord, ...] = ()
    contacts: tuple[ContactLogEntry, ...] = ()
    weekly_summaries: tuple[WeeklySummary, ...] = ()
    dossier: tuple[DossierItem, ...] = ()
    final_report: bool = False
    satisfaction: tuple[SatisfactionRecord, ...] = ()
    other_people: tuple[OtherPerson, ...] = ()

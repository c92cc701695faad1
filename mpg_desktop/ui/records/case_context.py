"""What the record forms need to know about the open case, read once per load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.household import Person
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.programme_profiles import ProgrammeProfile, profile_or_default
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import LifecycleState, load_lifecycle


@dataclass(frozen=True)
class CaseContext:
    case: CaseSummary
    state: LifecycleState
    members: tuple[Person, ...]
    coach: str  # the coach who owns this store, the default author of new records
    today: date

    @property
    def traject_id(self) -> int:
        return self.case.traject_id

    @property
    def profile(self) -> ProgrammeProfile:
        return profile_or_default(self.state.traject.programme_profile)

    @property
    def aftercare_reached(self) -> bool:
        """The case is or was in aftercare (or is closed after it)."""
        return self.state.phase is Phase.NAZORG or any(t.to_phase is Phase.NAZORG for t in self.state.transitions)

    @property
    def aftercare_started(self) -> date | None:
        entered = [t.at.date() for t in self.state.transitions if t.to_phase is Phase.NAZORG]
        return entered[-1] if entered else self.state.end_date


def load_case_context(store: CaseStore, case: CaseSummary, today: date | None = None) -> CaseContext:
    """Reads the life cycle and the household (two small queries; GUI thread is fine)."""
    return CaseContext(
        case=case,
        state=load_lifecycle(store, case.traject_id),
        members=load_family(store, case.family_id).members,
        coach=store.get_meta("coach_name") or "",
        today=today or date.today(),
    )

"""The state machine of a traject (spec 1.2): which moves are allowed and what each needs.

``check_transition`` previews a move for the UI (allowed? what is missing?); ``request_transition``
returns the immutable log row or raises ``TransitionRefused`` with a Dutch message. Deadlines are
never consulted here: they warn, they do not block (spec 0.3.2).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from mpg_desktop.models.code_lists import CodeList, ListId, default_code_lists
from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.evaluation_schedule import add_months
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind, Waiver
from mpg_desktop.models.phase_requirements import (
    DROPOUT_REQUIREMENTS,
    ENTRY_REQUIREMENTS,
    LEAVE_REQUIREMENTS,
    Requirement,
)
from mpg_desktop.models.phases import Phase

P = Phase

# Normal next steps: spec 1.2, column "Allowed next states", without the special moves below.
FORWARD: dict[Phase, frozenset[Phase]] = {
    P.AANGEMELD: frozenset({P.IN_BEOORDELING, P.NIET_GESTART}),
    P.IN_BEOORDELING: frozenset({P.NIET_GESTART, P.WACHTLIJST, P.KENNISMAKING}),
    P.NIET_GESTART: frozenset(),
    P.WACHTLIJST: frozenset({P.KENNISMAKING, P.NIET_GESTART}),
    P.KENNISMAKING: frozenset({P.INFORMATIEFASE}),
    P.INFORMATIEFASE: frozenset({P.PLANVORMING}),
    P.PLANVORMING: frozenset({P.UITVOERING}),
    P.UITVOERING: frozenset({P.AFRONDING}),
    P.AFRONDING: frozenset({P.NAZORG, P.AFGESLOTEN}),
    P.NAZORG: frozenset({P.AFGESLOTEN}),
    P.AFGESLOTEN: frozenset(),
}
# Premature end (voortijdig beëindigd): from 5-8 straight to AFGESLOTEN.
DROPOUT_PHASES = frozenset({P.KENNISMAKING, P.INFORMATIEFASE, P.PLANVORMING, P.UITVOERING})
BACK_STEPS = frozenset({(P.AFRONDING, P.UITVOERING), (P.UITVOERING, P.PLANVORMING)})
REOPENS = frozenset({(P.NAZORG, P.UITVOERING), (P.AFGESLOTEN, P.UITVOERING)})
# Spec 1.2 (Proposed): a closed case re-opens only within this many months; later, a new traject.
REOPEN_WINDOW_MONTHS = 6


def allowed_targets(current: Phase) -> frozenset[Phase]:
    """Every phase reachable from ``current`` in one move (the spec's "allowed next states")."""
    targets = set(FORWARD[current])
    if current in DROPOUT_PHASES:
        targets.add(P.AFGESLOTEN)
    targets.update(to for frm, to in BACK_STEPS | REOPENS if frm is current)
    return frozenset(targets)


def transition_kind(current: Phase, target: Phase, *, dropout: bool = False) -> TransitionKind | None:
    """What kind of move this is, or None when the spec does not allow it.

    ``dropout`` says the closure reason counts as uitval; it matters only when closing from 5-9.
    """
    if (current, target) in BACK_STEPS:
        return TransitionKind.TERUGSTAP
    if (current, target) in REOPENS:
        return TransitionKind.HEROPENING
    if target is P.AFGESLOTEN and current in DROPOUT_PHASES:
        return TransitionKind.UITVAL
    if target is P.AFGESLOTEN and current is P.AFRONDING and dropout:
        return TransitionKind.UITVAL
    if target in FORWARD[current]:
        return TransitionKind.VOORUIT
    return None


def requirements_for(current: Phase, target: Phase, kind: TransitionKind) -> tuple[Requirement, ...]:
    """What must be recorded for this move. An ending (not started, dropout) does not demand the
    work of the phase it interrupts; back-steps and re-opens need only their reason."""
    if kind in (TransitionKind.TERUGSTAP, TransitionKind.HEROPENING):
        return ()
    if kind is TransitionKind.UITVAL:
        return DROPOUT_REQUIREMENTS
    if target is P.NIET_GESTART:
        return ENTRY_REQUIREMENTS[target]
    combined = LEAVE_REQUIREMENTS.get(current, ()) + ENTRY_REQUIREMENTS.get(target, ())
    return tuple(dict.fromkeys(combined))


@dataclass(frozen=True)
class TransitionCheck:
    """The outcome of checking a move: ``problems`` are reasons it cannot be made at all (Dutch);
    ``missing`` are requirements not recorded and not skipped with a reason."""

    current: Phase
    target: Phase
    kind: TransitionKind | None
    problems: tuple[str, ...] = ()
    missing: tuple[Requirement, ...] = ()
    waivers: tuple[Waiver, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.problems and not self.missing

    @property
    def message(self) -> str:
        """One Dutch text for a dialog: what is wrong and what to do."""
        lines = [f"Van '{self.current.label}' naar '{self.target.label}' kan nu niet.", *self.problems]
        if self.missing:
            items = "; ".join(requirement.label for requirement in self.missing)
            lines.append(f"Nog niet vastgelegd: {items}.")
            if any(requirement.waivable for requirement in self.missing):
                lines.append("Vul dit aan, of sla een onderdeel over met een reden.")
            else:
                lines.append("Vul dit eerst aan.")
        return "\n".join(lines)


class TransitionRefused(DomainError):
    """A refused move; ``check`` holds the details for the UI."""

    def __init__(self, check: TransitionCheck) -> None:
        super().__init__(check.message)
        self.check = check


def _closure_problems(current: Phase, closure_reason: str, reasons: CodeList, dropout: bool) -> list[str]:
    if not closure_reason:
        return ["Kies een reden van beëindiging."]
    if reasons.item(closure_reason) is None:
        return [f"'{closure_reason}' is geen reden van beëindiging. Kies een reden uit de lijst."]
    if current in DROPOUT_PHASES and not dropout:
        allowed = ", ".join(f"'{item.label}'" for item in reasons.active_items if "uitval" in item.tags)
        return [
            f"Vanuit '{current.label}' sluit u alleen af als de begeleiding voortijdig stopt (uitval): "
            f"kies {allowed}. Anders rondt u eerst af via 'Afronding'."
        ]
    return []


def _reopen_problems(current: Phase, at: datetime, closed: date | None) -> list[str]:
    if current is not P.AFGESLOTEN:
        return []
    if closed is None:
        return ["De afsluitdatum is onbekend, dus de termijn voor heropenen is niet te bepalen."]
    deadline = add_months(closed, REOPEN_WINDOW_MONTHS)
    if at.date() > deadline:
        return [
            f"Heropenen kan tot {REOPEN_WINDOW_MONTHS} maanden na afsluiting (tot en met {deadline:%d-%m-%Y}). "
            "Maak een nieuwe aanmelding; die wordt een nieuw traject bij hetzelfde gezin."
        ]
    return []


def check_transition(
    current: Phase,
    target: Phase,
    *,
    at: datetime,
    by: str,
    reason: str = "",
    met: Collection[Requirement] = frozenset(),
    waivers: Mapping[Requirement, str] | None = None,
    closure_reason: str = "",
    closed_on: date | None = None,
    closure_reasons: CodeList | None = None,
) -> TransitionCheck:
    """Check a move without making it.

    ``met``: requirements the records satisfy; ``waivers``: requirement -> reason for skipping it;
    ``closure_reason``: code of reden_beeindiging (needed to enter AFGESLOTEN); ``closed_on``: date
    the case entered AFGESLOTEN (needed to re-open it); ``closure_reasons``: the list to use
    (default: the shipped list, whose ``uitval`` tag marks a premature end).
    """
    reasons = closure_reasons or default_code_lists()[ListId.REDEN_BEEINDIGING]
    dropout = closure_reason in reasons.codes_tagged("uitval")
    kind = transition_kind(current, target, dropout=dropout)
    problems: list[str] = []
    if not by.strip():
        problems.append("Vul in wie de overgang maakt.")
    if kind is None:
        if current is target:
            problems.append(f"De casus is al in de fase '{current.label}'.")
        elif current.is_terminal and not allowed_targets(current):
            problems.append(f"'{current.label}' is een eindfase. Een nieuwe aanmelding maakt een nieuw traject.")
        else:
            options = ", ".join(f"'{p.label}'" for p in sorted(allowed_targets(current), key=lambda p: p.number))
            problems.append(f"Vanuit '{current.label}' kan de casus alleen naar: {options}.")
        return TransitionCheck(current, target, None, tuple(problems))
    if target is P.AFGESLOTEN:
        problems += _closure_problems(current, closure_reason, reasons, dropout)
    if kind in (TransitionKind.TERUGSTAP, TransitionKind.HEROPENING) and not reason.strip():
        word = "terugstap" if kind is TransitionKind.TERUGSTAP else "heropening"
        problems.append(f"Geef een reden voor de {word}; die komt in het logboek.")
    if kind is TransitionKind.HEROPENING:
        problems += _reopen_problems(current, at, closed_on)

    needed = requirements_for(current, target, kind)
    accepted: list[Waiver] = []
    for requirement, why in (waivers or {}).items():
        if requirement not in needed or requirement in met:
            continue  # nothing to skip: do not log a waiver that had no effect
        if not requirement.waivable:
            problems.append(f"'{requirement.label}' kan niet worden overgeslagen.")
        elif not why.strip():
            problems.append(f"Geef een reden om '{requirement.label}' over te slaan.")
        else:
            accepted.append(Waiver(requirement, why.strip()))
    skipped = {waiver.requirement for waiver in accepted}
    missing = tuple(r for r in needed if r not in met and r not in skipped and r not in (waivers or {}))
    return TransitionCheck(current, target, kind, tuple(problems), missing, tuple(accepted))


def request_transition(
    current: Phase,
    target: Phase,
    *,
    at: datetime,
    by: str,
    reason: str = "",
    met: Collection[Requirement] = frozenset(),
    waivers: Mapping[Requirement, str] | None = None,
    closure_reason: str = "",
    closed_on: date | None = None,
    closure_reasons: CodeList | None = None,
) -> PhaseTransition:
    """Make the move: the log row to append. Raises TransitionRefused (Dutch message) when the
    spec does not allow it or something required is neither recorded nor skipped with a reason.
    Arguments as ``check_transition``."""
    check = check_transition(
        current,
        target,
        at=at,
        by=by,
        reason=reason,
        met=met,
        waivers=waivers,
        closure_reason=closure_reason,
        closed_on=closed_on,
        closure_reasons=closure_reasons,
    )
    if not check.allowed or check.kind is None:
        raise TransitionRefused(check)
    return PhaseTransition(
        from_phase=current,
        to_phase=target,
        at=at,
        by=by.strip(),
        kind=check.kind,
        reason=reason.strip(),
        closure_reason=closure_reason if target is P.AFGESLOTEN else "",
        waivers=check.waivers,
    )

"""Process checks around the network map (spec bolletjesschema 4.4, V8-V10, V12-V13).

Invitations to a network meeting and coach contacts respect the client's choices (keep-away,
contact permission); a finalised snapshot is read-only; the first map is due within six weeks and
a new measurement is expected around each three-monthly evaluation. Deadlines remind, never block.
Pure: "today" is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from mpg_desktop.models.evaluation_schedule import DUE_SOON_DAYS
from mpg_desktop.models.network_codes import ContactPermission, KeepAwayScope, SnapshotKind
from mpg_desktop.models.network_issues import Issue, Severity
from mpg_desktop.models.network_map import NetworkMap, Snapshot

STARTKAART_DAYS = 42  # Org2: the omgevingsanalyse is completed within six weeks after the start
EVALUATION_WINDOW_DAYS = 14  # a snapshot this close to an evaluation counts for it


def check_invitees(network_map: NetworkMap, snapshot_id: str, invitee_ids: Iterable[str]) -> list[Issue]:
    """V8 (keep-away with 'niet uitnodigen': warning) and V9 (no contact permission: error) for a guest list."""
    snapshot = network_map.snapshot(snapshot_id)
    issues: list[Issue] = []
    for person_id in invitee_ids:
        state = snapshot.state(person_id)
        if state is None:
            continue
        name = network_map.person(person_id).display_name
        if state.contact_permission is ContactPermission.NEE:
            issues.append(
                Issue(
                    "V9",
                    Severity.FOUT,
                    f"De cliënt wil niet dat er contact is met {name}. Haal {name} van de uitnodigingslijst, "
                    "of bespreek het eerst opnieuw met de cliënt.",
                    person_id,
                    "contact_permission",
                    snapshot_id,
                )
            )
        if state.keep_away and KeepAwayScope.NIET_UITNODIGEN in state.keep_away_scope:
            issues.append(
                Issue(
                    "V8",
                    Severity.WAARSCHUWING,
                    f"Met de cliënt is afgesproken {name} op afstand te houden en niet uit te nodigen. "
                    f"Haal {name} van de uitnodigingslijst, of leg vast dat die afspraak is veranderd.",
                    person_id,
                    "keep_away_scope",
                    snapshot_id,
                )
            )
    return issues


def check_coach_contact(network_map: NetworkMap, snapshot_id: str, person_id: str) -> list[Issue]:
    """V9: logging a coach contact with a person the client does not want contacted is an error."""
    state = network_map.snapshot(snapshot_id).state(person_id)
    if state is None or state.contact_permission is not ContactPermission.NEE:
        return []
    name = network_map.person(person_id).display_name
    return [
        Issue(
            "V9",
            Severity.FOUT,
            f"De cliënt wil niet dat er contact is met {name}. Leg geen contact met {name} vast; "
            "bespreek het eerst met de cliënt.",
            person_id,
            "contact_permission",
            snapshot_id,
        )
    ]


def check_editable(snapshot: Snapshot) -> list[Issue]:
    """V10: a finalised snapshot cannot be edited (``network_snapshot`` raises; this is the UI's pre-check)."""
    if not snapshot.is_final:
        return []
    return [
        Issue(
            "V10",
            Severity.FOUT,
            f"Het meetmoment van {snapshot.reference_date:%d-%m-%Y} is vastgesteld en kan niet meer worden "
            "gewijzigd. Maak een nieuw meetmoment om de kaart bij te werken.",
            snapshot_id=snapshot.snapshot_id,
        )
    ]


def check_startkaart_due(network_map: NetworkMap, trajectory_start: date, today: date) -> list[Issue]:
    """V12: remind when there is no *startkaart* yet and the six-week deadline is near or past.

    A late startkaart, once made, no longer triggers the reminder: the map exists.
    """
    if any(s.kind is SnapshotKind.STARTKAART for s in network_map.snapshots):
        return []
    due = trajectory_start + timedelta(days=STARTKAART_DAYS)
    if today < due - timedelta(days=DUE_SOON_DAYS):
        return []
    message = (
        f"Er is nog geen startkaart. Die hoorde uiterlijk {due:%d-%m-%Y} klaar te zijn (zes weken na de start). "
        "Maak de startkaart samen met de cliënt bij het volgende bezoek."
        if today > due
        else f"Maak de startkaart samen met de cliënt vóór {due:%d-%m-%Y} (zes weken na de start)."
    )
    return [Issue("V12", Severity.HERINNERING, message)]


def check_evaluation_snapshots(network_map: NetworkMap, evaluation_dates: Iterable[date], today: date) -> list[Issue]:
    """V13: remind for each evaluation (past, or due within 14 days) without a snapshot within 14 days of it."""
    issues: list[Issue] = []
    window = timedelta(days=EVALUATION_WINDOW_DAYS)
    for evaluation in sorted(evaluation_dates):
        if evaluation - timedelta(days=DUE_SOON_DAYS) > today:
            continue
        if any(abs(s.reference_date - evaluation) <= window for s in network_map.snapshots):
            continue
        issues.append(
            Issue(
                "V13",
                Severity.HERINNERING,
                f"Bij de evaluatie van {evaluation:%d-%m-%Y} hoort een nieuw meetmoment van de netwerkkaart "
                "(binnen 14 dagen). Kies 'Nieuw meetmoment' en loop de kaart samen met de cliënt na.",
            )
        )
    return issues

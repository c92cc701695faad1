"""Checks of one snapshot and of the person registry (spec bolletjesschema 4.4, V1-V7 and V11).

Besides the rules of the spec, structural checks S1-S11 catch what the editor should never
produce (unknown ids, rings outside 1..4, a professional outside the professionals' band ...).
Process checks (invitations, contact log, deadlines) are in ``network_reminders``. Pure.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_codes import Category, DrawnWith, NetworkType
from mpg_desktop.models.network_issues import Issue, Severity
from mpg_desktop.models.network_map import RINGS, NetworkMap, PersonState, Snapshot
from mpg_desktop.models.network_rating import rating_symbol

ERROR, WARNING, INFO = Severity.FOUT, Severity.WAARSCHUWING, Severity.INFO


def validate_map(network_map: NetworkMap, catalogue: NetworkCatalogue | None = None) -> list[Issue]:
    """The registry checks plus ``validate_snapshot`` for every snapshot."""
    catalogue = catalogue or default_catalogue()
    issues: list[Issue] = []
    for person in network_map.persons:
        pid = person.person_id
        if not person.display_name.strip():
            issues.append(Issue("S10", ERROR, "Een persoon op de kaart heeft geen naam. Vul een naam of rol in.", pid))
        if person.relationship not in catalogue.relationships:
            issues.append(
                Issue(
                    "S5",
                    ERROR,
                    f"{person.display_name}: relatie '{person.relationship}' staat niet in de lijst. "
                    "Kies een relatie uit de lijst.",
                    pid,
                    "relationship",
                )
            )
    for snapshot in network_map.snapshots:
        issues.extend(validate_snapshot(network_map, snapshot.snapshot_id, catalogue))
    return issues


def validate_snapshot(
    network_map: NetworkMap, snapshot_id: str, catalogue: NetworkCatalogue | None = None
) -> list[Issue]:
    """All findings for one snapshot, per person in map order. KeyError for an unknown snapshot."""
    catalogue = catalogue or default_catalogue()
    snapshot = network_map.snapshot(snapshot_id)
    names = network_map.names
    issues = list(_ego_issues(network_map, snapshot))
    seen: set[str] = set()
    for state in snapshot.persons:
        pid = state.person_id
        if pid not in names:
            issues.append(Issue("S1", ERROR, "Er staat een onbekende persoon op de kaart. Verwijder deze.", pid))
            continue
        if pid in seen:
            issues.append(Issue("S2", ERROR, f"{names[pid]} staat twee keer op de kaart. Verwijder er één.", pid))
        seen.add(pid)
        issues.extend(_person_issues(state, names[pid], snapshot, catalogue))
    issues.extend(_departure_issues(snapshot, names))
    issues.extend(_peer_tie_issues(snapshot, names))
    return [Issue(i.code, i.severity, i.message, i.person_id, i.field, snapshot.snapshot_id) for i in issues]


def _valid_rating(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2)


def _bad_rating(pid: str | None, who: str, field: str, value: object) -> Issue:
    return Issue(
        "V1",
        ERROR,
        f"{who}: de waardering {value!r} bestaat niet. "
        "Kies ++, +, +/-, - of --, of laat het leeg (nog niet gewaardeerd).",
        pid,
        field,
    )


def _ego_issues(network_map: NetworkMap, snapshot: Snapshot) -> Iterator[Issue]:
    if not _valid_rating(snapshot.ego.self_rating):
        yield _bad_rating(None, network_map.focus_label, "self_rating", snapshot.ego.self_rating)


def _person_issues(state: PersonState, name: str, snapshot: Snapshot, catalogue: NetworkCatalogue) -> Iterator[Issue]:
    pid, tie = state.person_id, state.tie
    for field, value in (
        ("rating", tie.rating),
        ("perceived_rating_by_other", tie.perceived_rating_by_other),
        ("coach_estimate", tie.coach_estimate),
    ):
        if not _valid_rating(value):
            yield _bad_rating(pid, name, field, value)
    if tie.rating is not None and _valid_rating(tie.rating) and not tie.reason.strip():
        yield Issue(
            "V2",
            WARNING,
            f"Waarom '{rating_symbol(tie.rating)}' voor {name}? Vraag de cliënt waarom en schrijf het op in "
            "zijn of haar eigen woorden.",
            pid,
            "reason",
        )
    if state.vip:
        yield from _vip_issues(state, name, snapshot)
    if state.keep_away and state.support_types:
        yield Issue(
            "V11",
            INFO,
            f"{name} wordt op afstand gehouden en geeft toch steun. Dat kan (bijvoorbeeld een ex-partner die "
            f"meebetaalt), maar {name} telt niet mee bij de mensen op wie de cliënt een beroep kan doen.",
            pid,
            "support_types",
        )
    if state.keep_away_scope and not state.keep_away:
        yield Issue(
            "S9",
            WARNING,
            f"Bij {name} zijn afspraken over afstand ingevuld, maar 'op afstand houden' staat uit. "
            "Zet 'op afstand houden' aan of haal de afspraken weg.",
            pid,
            "keep_away_scope",
        )
    yield from _placement_issues(state, name, catalogue)


def _vip_issues(state: PersonState, name: str, snapshot: Snapshot) -> Iterator[Issue]:
    pid, rating = state.person_id, state.tie.rating
    if state.network_type is NetworkType.PROFESSIONEEL:
        yield Issue(
            "V3",
            ERROR,
            f"{name} is VIP maar staat als hulpverlener op de kaart. Een VIP komt uit het persoonlijk netwerk: "
            f"zet VIP uit, of kies een ander netwerktype als {name} geen hulpverlener is.",
            pid,
            "vip",
        )
    if state.keep_away:
        yield Issue(
            "V4",
            ERROR,
            f"{name} is VIP en wordt ook op afstand gehouden. Een VIP is een positief persoon: "
            "zet VIP uit of zet 'op afstand houden' uit.",
            pid,
            "vip",
        )
    if rating is not None and _valid_rating(rating) and rating < 1:
        yield Issue(
            "V5",
            WARNING,
            f"{name} is VIP, maar de relatie is gewaardeerd met '{rating_symbol(rating)}'. Een VIP is een "
            f"belangrijk positief persoon: bespreek met de cliënt of {name} VIP blijft.",
            pid,
            "rating",
        )
    if state.tie.perceived_rating_by_other is None:
        yield Issue(
            "V6",
            WARNING,
            f"Hoe denkt de cliënt dat {name} over hem of haar denkt? Vraag het en vul de waardering door {name} in.",
            pid,
            "perceived_rating_by_other",
        )
    if DrawnWith.CLIENT not in snapshot.drawn_with:
        yield Issue(
            "V7",
            ERROR,
            f"{name} is VIP, maar de cliënt was niet bij dit meetmoment. De cliënt kiest zelf de VIP's: "
            "zet VIP uit, of vink aan dat de cliënt meetekende.",
            pid,
            "vip",
        )


def _placement_issues(state: PersonState, name: str, catalogue: NetworkCatalogue) -> Iterator[Issue]:
    pid = state.person_id
    if state.ring not in RINGS:
        yield Issue("S3", ERROR, f"{name} staat buiten de kaart (ring {state.ring}). Kies ring 1 tot en met 4.", pid)
    angle = state.placement.angle
    if angle is not None and not 0 <= angle < 360:
        yield Issue("S4", ERROR, f"{name}: hoek {angle} bestaat niet. Sleep {name} opnieuw op de kaart.", pid)
    unknown = sorted(code for code in state.support_types if code not in catalogue.support_types)
    if unknown:
        yield Issue(
            "S6",
            ERROR,
            f"{name}: steunvorm {', '.join(unknown)} staat niet in de lijst. Kies een steunvorm uit de lijst.",
            pid,
            "support_types",
        )
    in_band = state.category is Category.PROFESSIONEEL
    if state.is_professional != in_band:
        what = (
            "is hulpverlener maar staat niet bij de hulpverleners"
            if state.is_professional
            else "staat bij de hulpverleners maar is geen hulpverlener"
        )
        yield Issue(
            "S8",
            WARNING,
            f"{name} {what}. Hulpverleners hebben een eigen vak op de kaart en tellen niet mee als netwerk: "
            "pas de categorie of het netwerktype aan.",
            pid,
            "category",
        )


def _departure_issues(snapshot: Snapshot, names: dict[str, str]) -> Iterator[Issue]:
    on_map = set(snapshot.person_ids)
    for departure in snapshot.departures:
        if departure.person_id in on_map:
            name = names.get(departure.person_id, "Deze persoon")
            yield Issue(
                "S11",
                ERROR,
                f"{name} staat op de kaart en is ook als vertrokken genoteerd. Haal een van beide weg.",
                departure.person_id,
            )


def _peer_tie_issues(snapshot: Snapshot, names: dict[str, str]) -> Iterator[Issue]:
    on_map = set(snapshot.person_ids)
    pairs: set[tuple[str, str]] = set()
    for tie in snapshot.peer_ties:
        a, b = (names.get(pid, "onbekend") for pid in (tie.person_a, tie.person_b))
        problem = ""
        if tie.person_a == tie.person_b:
            problem = f"Een relatie van {a} met zichzelf kan niet. Verwijder deze relatie."
        elif not {tie.person_a, tie.person_b} <= on_map:
            problem = f"De relatie tussen {a} en {b} hoort bij iemand die niet op de kaart staat. Verwijder deze."
        elif tie.pair in pairs:
            problem = f"Tussen {a} en {b} staan twee relaties. Verwijder er één."
        if problem:
            yield Issue("S7", ERROR, problem, tie.person_a, "peer_tie")
            continue
        pairs.add(tie.pair)
        if not _valid_rating(tie.rating):
            yield _bad_rating(tie.person_a, f"{a} en {b}", "peer_tie.rating", tie.rating)

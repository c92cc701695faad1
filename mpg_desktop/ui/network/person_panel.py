"""The side panel for the selected person: every field of the person in the snapshot on screen.

Each change the coach makes becomes one undoable edit: the panel emits ``edit_requested`` with an
undo text and a pure change function (``NetworkMap -> NetworkMap``) and never changes the map
itself. Free text is taken over when the field is left (or Enter). Findings of the checks for this
person are shown at the top, in words (not only colour).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.network_catalogue import NetworkCatalogue
from mpg_desktop.models.network_codes import (
    Availability,
    AvailabilityReason,
    Category,
    ContactFrequency,
    ContactPermission,
    KeepAwayScope,
    LeftReason,
    Location,
    NetworkType,
    PeerTieKind,
    RatedBy,
    Ternary,
)
from mpg_desktop.models.network_issues import Issue
from mpg_desktop.models.network_map import NetworkMap, PeerTie, PersonState, Placement
from mpg_desktop.models.network_rating import Rating, rating_symbol
from mpg_desktop.models.network_snapshot import put_peer_tie, put_state, register_person, remove_peer_tie
from mpg_desktop.ui.network.fields import CodeCombo, RatingButtons, RatingCombo
from mpg_desktop.ui.network.palette import RING_NAMES, SECTOR_TITLES

Change = Callable[[NetworkMap], NetworkMap]
ISSUE_STYLE = "color: #a4262c;"


def short_support_label(label: str) -> str:
    """'praktische hulp: boodschappen, …' -> 'praktische hulp' (the full label is the tooltip)."""
    for separator in (":", ","):
        label = label.split(separator)[0]
    return label.strip()


def issue_text(issue: Issue) -> str:
    return f"⚠ {issue.severity.label}: {issue.message}"


class PersonPanel(QWidget):
    edit_requested = Signal(str, object)  # undo text, change function
    remove_requested = Signal(str)  # person id

    def __init__(self, catalogue: NetworkCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.person_id = ""
        self.snapshot_id = ""
        self._name = ""
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.issues = QLabel(self)
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet(ISSUE_STYLE)
        self.issues.setAccessibleName(self.tr("Meldingen bij deze persoon"))

        # Person (the same in every snapshot).
        self.name = QLineEdit(self)
        self.relationship = QComboBox(self)
        for code, info in catalogue.relationships.items():
            self.relationship.addItem(info.label_nl, code)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("alleen met toestemming van de cliënt"))
        # The tie to the centre.
        self.rating = RatingButtons(self.tr("Waardering"), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Waarom? In de woorden van de cliënt"))
        self.rated_by = CodeCombo(RatedBy, self.tr("Gewaardeerd door"), parent=self)
        self.perceived = RatingCombo(self.tr("Hoe denkt deze persoon over de cliënt"), self)
        self.coach_estimate = RatingCombo(self.tr("Inschatting van de coach"), self)
        # Place.
        self.category = QComboBox(self)
        for category in Category:
            self.category.addItem(self.tr(SECTOR_TITLES[category]), category.value)
        for combo in (self.relationship, self.category):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.network_type = CodeCombo(NetworkType, self.tr("Netwerktype"), parent=self)
        self.ring = QComboBox(self)
        for number, name in enumerate(RING_NAMES, start=1):
            self.ring.addItem(f"{number} – {self.tr(name)}", number)
        self.household = QCheckBox(self.tr("Woont in het huishouden"), self)
        # VIP and keep-away.
        self.vip = QCheckBox(self.tr("VIP (gekozen door de cliënt)"), self)
        self.vip.setToolTip(
            self.tr("Een belangrijk, positief persoon uit het persoonlijk netwerk, door de cliënt gekozen")
        )
        self.keep_away = QCheckBox(self.tr("Op afstand houden"), self)
        self.scope = {scope: QCheckBox(self.tr(scope.label), self) for scope in KeepAwayScope}
        # Support.
        self.can_call_on = CodeCombo(Ternary, self.tr("Kan een beroep op doen"), parent=self)
        self.support = {}
        for code, support in catalogue.support_types.items():
            box = QCheckBox(short_support_label(support.label_nl), self)
            box.setToolTip(support.label_nl)
            box.setAccessibleName(self.tr("Steun: {label}").format(label=support.label_nl))
            self.support[code] = box
        self.support_note = QLineEdit(self)
        # Contact and availability.
        self.contact_frequency = CodeCombo(ContactFrequency, self.tr("Contact"), parent=self)
        self.location = CodeCombo(Location, self.tr("Woont"), parent=self)
        self.availability = CodeCombo(Availability, self.tr("Beschikbaar"), parent=self)
        self.availability_reason = CodeCombo(AvailabilityReason, self.tr("Reden"), empty="—", parent=self)
        self.helped_before = CodeCombo(Ternary, self.tr("Heeft eerder geholpen"), parent=self)
        self.knows_about_problems = CodeCombo(Ternary, self.tr("Weet van de problemen"), parent=self)
        self.contact_permission = CodeCombo(ContactPermission, self.tr("Coach mag contact opnemen"), parent=self)
        self.gives_back = CodeCombo(Ternary, self.tr("Cliënt doet iets terug"), parent=self)
        self.left_reason = CodeCombo(LeftReason, self.tr("Gestopt met steunen, reden"), empty="—", parent=self)
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText(self.tr("wordt nooit geëxporteerd zonder namen"))
        # Ties between persons.
        self.peer_list = QLabel(self)
        self.peer_list.setWordWrap(True)
        self.peer_other = QComboBox(self)
        self.peer_other.setAccessibleName(self.tr("Relatie met"))
        self.peer_kind = CodeCombo(PeerTieKind, self.tr("Soort relatie"), parent=self)
        self.peer_kind.setMinimumContentsLength(8)
        self.peer_add = QPushButton(self.tr("Vastleggen"), self)
        self.peer_remove = QPushButton(self.tr("Weghalen"), self)
        self.remove_button = QPushButton(self.tr("Van dit meetmoment &halen…"), self)

        self._layout()
        self._connect()

    # -- layout --------------------------------------------------------------------------
    def _group(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, widget in rows:
            if label:
                form.addRow(label, widget)
                widget.setAccessibleName(widget.accessibleName() or label.replace("&", "").rstrip(": "))
            else:
                form.addRow(widget)
        return box

    def _layout(self) -> None:
        scope_row = QWidget(self)
        scope_layout = QGridLayout(scope_row)
        scope_layout.setContentsMargins(16, 0, 0, 0)
        for index, box in enumerate(self.scope.values()):
            scope_layout.addWidget(box, index, 0)
        support_grid = QWidget(self)
        grid = QGridLayout(support_grid)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, box in enumerate(self.support.values()):
            grid.addWidget(box, index, 0)  # one column: the panel may be narrow
        peer_row = QWidget(self)
        peer_layout = QGridLayout(peer_row)
        peer_layout.setContentsMargins(0, 0, 0, 0)
        peer_layout.addWidget(self.peer_other, 0, 0)
        peer_layout.addWidget(self.peer_kind, 0, 1)
        peer_layout.addWidget(self.peer_add, 1, 0)
        peer_layout.addWidget(self.peer_remove, 1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.issues)
        layout.addWidget(
            self._group(
                self.tr("Relatie met de persoon in het midden"),
                [
                    (self.tr("&Waardering:"), self.rating),
                    (self.tr("&Reden:"), self.reason),
                    (self.tr("Gewaardeerd door:"), self.rated_by),
                    (self.tr("Hoe denkt deze persoon over de cliënt:"), self.perceived),
                    (self.tr("Inschatting coach:"), self.coach_estimate),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("VIP en op afstand"),
                [("", self.vip), ("", self.keep_away), ("", scope_row)],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Steun"),
                [
                    (self.tr("Kan een beroep op doen:"), self.can_call_on),
                    ("", support_grid),
                    (self.tr("Toelichting steun:"), self.support_note),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Persoon en plaats"),
                [
                    (self.tr("&Naam:"), self.name),
                    (self.tr("Relatie:"), self.relationship),
                    (self.tr("Telefoon:"), self.phone),
                    (self.tr("Vak op de kaart:"), self.category),
                    (self.tr("Netwerktype:"), self.network_type),
                    (self.tr("Ring:"), self.ring),
                    ("", self.household),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Contact"),
                [
                    (self.tr("Contact:"), self.contact_frequency),
                    (self.tr("Woont:"), self.location),
                    (self.tr("Beschikbaar:"), self.availability),
                    (self.tr("Reden niet beschikbaar:"), self.availability_reason),
                    (self.tr("Heeft eerder geholpen:"), self.helped_before),
                    (self.tr("Weet van de problemen:"), self.knows_about_problems),
                    (self.tr("Coach mag contact opnemen:"), self.contact_permission),
                    (self.tr("Cliënt doet iets terug:"), self.gives_back),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Relaties met anderen op de kaart"),
                [("", self.peer_list), ("", peer_row)],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Overig"),
                [
                    (self.tr("Gestopt met steunen, reden:"), self.left_reason),
                    (self.tr("Notities:"), self.notes),
                ],
            )
        )
        layout.addWidget(self.remove_button)
        layout.addStretch()

    def _connect(self) -> None:
        self.rating.rating_picked.connect(self._rating_picked)
        self.reason.editingFinished.connect(
            lambda: self._tie(self.tr("Reden bij {name}"), reason=self.reason.text().strip())
        )
        self.rated_by.activated.connect(
            lambda _i: self._tie(self.tr("Gewaardeerd door"), rated_by=self.rated_by.code())
        )
        self.perceived.activated.connect(
            lambda _i: self._tie(self.tr("Waardering door {name}"), perceived_rating_by_other=self.perceived.rating())
        )
        self.coach_estimate.activated.connect(
            lambda _i: self._tie(self.tr("Inschatting coach bij {name}"), coach_estimate=self.coach_estimate.rating())
        )
        self.name.editingFinished.connect(self._rename)
        self.phone.editingFinished.connect(
            lambda: self._person(self.tr("Telefoon van {name}"), phone=self.phone.text().strip())
        )
        self.relationship.activated.connect(self._relationship_chosen)
        self.category.activated.connect(self._category_chosen)
        self.network_type.activated.connect(
            lambda _i: self._state(self.tr("Netwerktype van {name}"), network_type=self.network_type.code())
        )
        self.ring.activated.connect(self._ring_chosen)
        self.household.clicked.connect(lambda on: self._state(self.tr("Huishouden: {name}"), household=on))
        self.vip.clicked.connect(lambda on: self._state(self.tr("VIP: {name}"), vip=on))
        self.keep_away.clicked.connect(self._keep_away_clicked)
        for scope, box in self.scope.items():
            box.clicked.connect(lambda _on, s=scope: self._toggle_scope(s))
        self.can_call_on.activated.connect(
            lambda _i: self._state(self.tr("Beroep op {name}"), can_call_on=self.can_call_on.code())
        )
        for code, box in self.support.items():
            box.clicked.connect(lambda _on, c=code: self._toggle_support(c))
        self.support_note.editingFinished.connect(
            lambda: self._state(self.tr("Toelichting steun van {name}"), support_note=self.support_note.text().strip())
        )
        for field in (
            "contact_frequency",
            "location",
            "availability",
            "availability_reason",
            "helped_before",
            "knows_about_problems",
            "contact_permission",
            "gives_back",
            "left_reason",
        ):
            combo: CodeCombo = getattr(self, field)
            combo.activated.connect(
                lambda _i, f=field, c=combo: self._state(
                    self.tr("{field} van {{name}}").format(field=c.accessibleName()), **{f: c.code()}
                )
            )
        self.notes.editingFinished.connect(
            lambda: self._state(self.tr("Notities bij {name}"), notes=self.notes.text().strip())
        )
        self.peer_add.clicked.connect(self._add_peer_tie)
        self.peer_remove.clicked.connect(self._remove_peer_tie)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.person_id))

    # -- showing -------------------------------------------------------------------------
    def show_person(
        self, network_map: NetworkMap, snapshot_id: str, person_id: str, issues: list[Issue], editable: bool
    ) -> None:
        snapshot = network_map.snapshot(snapshot_id)
        state = snapshot.state(person_id)
        person = network_map.person(person_id)
        if state is None:
            return
        self.person_id, self.snapshot_id, self._name = person_id, snapshot_id, person.display_name
        info = self.catalogue.relationships.get(person.relationship)
        self.header.setText(
            f"<b>{_escape(person.display_name)}</b> · {_escape(info.label_nl if info else person.relationship)}"
        )
        mine = [i for i in issues if i.person_id == person_id]
        self.issues.setText("\n".join(issue_text(i) for i in mine))
        self.issues.setVisible(bool(mine))
        self._set_text(self.name, person.display_name)
        self.relationship.setCurrentIndex(self.relationship.findData(person.relationship))
        self._set_text(self.phone, person.phone)
        tie = state.tie
        self.rating.set_rating(tie.rating)
        self._set_text(self.reason, tie.reason)
        self.rated_by.set_code(tie.rated_by)
        self.perceived.set_rating(tie.perceived_rating_by_other)
        self.coach_estimate.set_rating(tie.coach_estimate)
        self.category.setCurrentIndex(self.category.findData(state.category.value))
        self.network_type.set_code(state.network_type)
        self.ring.setCurrentIndex(self.ring.findData(state.ring))
        self.household.setChecked(state.household)
        self.vip.setChecked(state.vip)
        self.keep_away.setChecked(state.keep_away)
        for scope, box in self.scope.items():
            box.setChecked(scope in state.keep_away_scope)
            box.setEnabled(editable and state.keep_away)
        self.can_call_on.set_code(state.can_call_on)
        for code, box in self.support.items():
            box.setChecked(code in state.support_types)
        self._set_text(self.support_note, state.support_note)
        for field in (
            "contact_frequency",
            "location",
            "availability",
            "availability_reason",
            "helped_before",
            "knows_about_problems",
            "contact_permission",
            "gives_back",
            "left_reason",
        ):
            getattr(self, field).set_code(getattr(state, field))
        self._set_text(self.notes, state.notes)
        self._show_peer_ties(network_map, snapshot_id, person_id)
        fixed = (self.header, self.issues, self.peer_list, *self.scope.values())
        for widget in self.findChildren(QWidget):
            if widget not in fixed and not isinstance(widget, QGroupBox):
                widget.setEnabled(editable)

    def _show_peer_ties(self, network_map: NetworkMap, snapshot_id: str, person_id: str) -> None:
        snapshot = network_map.snapshot(snapshot_id)
        names = network_map.names
        mine = [t for t in snapshot.peer_ties if person_id in (t.person_a, t.person_b)]
        lines = []
        for tie in mine:
            other = tie.person_b if tie.person_a == person_id else tie.person_a
            symbol = f" {rating_symbol(tie.rating)}" if tie.rating is not None else ""
            lines.append(f"{names.get(other, '?')}: {self.tr(tie.kind.label).lower()}{symbol}")
        self.peer_list.setText("\n".join(lines) if lines else self.tr("Nog geen relaties met anderen vastgelegd."))
        self.peer_other.clear()
        for state in snapshot.persons:
            if state.person_id != person_id:
                self.peer_other.addItem(names.get(state.person_id, "?"), state.person_id)

    @staticmethod
    def _set_text(field: QLineEdit, text: str) -> None:
        if field.text() != text:
            field.setText(text)

    # -- edits ---------------------------------------------------------------------------
    def _emit(self, text: str, change: Change) -> None:
        self.edit_requested.emit(text.replace("{name}", self._name), change)

    def _state(self, text: str, **changes: Any) -> None:
        snapshot_id = self.snapshot_id
        self._emit(text, lambda m: put_state(m, snapshot_id, replace(self._current_in(m, snapshot_id), **changes)))

    def _tie(self, text: str, **changes: Any) -> None:
        snapshot_id = self.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            state = self._current_in(m, snapshot_id)
            return put_state(m, snapshot_id, replace(state, tie=replace(state.tie, **changes)))

        self._emit(text, change)

    def _current_in(self, network_map: NetworkMap, snapshot_id: str) -> PersonState:
        """The selected person's state in ``network_map`` (called at once by MapDocument.edit)."""
        state = network_map.snapshot(snapshot_id).state(self.person_id)
        if state is None:
            raise KeyError(self.person_id)
        return state

    def _person(self, text: str, **changes: Any) -> None:
        person_id = self.person_id
        self._emit(text, lambda m: register_person(m, replace(m.person(person_id), **changes)))

    def _rating_picked(self, rating: Rating | None) -> None:
        self._tie(self.tr("Waardering van {name}: {symbol}").replace("{symbol}", rating_symbol(rating)), rating=rating)

    def _rename(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setText(self._name)  # a person always has a name (S10)
            return
        self._person(self.tr("Naam van {name}"), display_name=name)

    def _relationship_chosen(self, _index: int) -> None:
        """A new relation also moves the person to that relation's sector and network type."""
        code = str(self.relationship.currentData())
        info = self.catalogue.relationship(code)
        person_id, snapshot_id = self.person_id, self.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            m = register_person(m, replace(m.person(person_id), relationship=code))
            state = self._current_in(m, snapshot_id)
            moved = state.category is not info.category
            placement = Placement(state.ring, None) if moved else state.placement
            return put_state(
                m,
                snapshot_id,
                replace(state, category=info.category, network_type=info.network_type, placement=placement),
            )

        self._emit(self.tr("Relatie van {name}"), change)

    def _category_chosen(self, _index: int) -> None:
        category = Category(self.category.currentData())
        snapshot_id = self.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            state = self._current_in(m, snapshot_id)
            if state.category is category:
                return m
            return put_state(m, snapshot_id, replace(state, category=category, placement=Placement(state.ring, None)))

        self._emit(self.tr("Vak van {name}"), change)

    def _ring_chosen(self, _index: int) -> None:
        ring = int(self.ring.currentData())
        snapshot_id = self.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            state = self._current_in(m, snapshot_id)
            return put_state(m, snapshot_id, replace(state, placement=Placement(ring, state.placement.angle)))

        self._emit(self.tr("Ring van {name}"), change)

    def _keep_away_clicked(self, on: bool) -> None:
        if on:
            self._state(self.tr("Op afstand: {name}"), keep_away=True)
        else:  # the agreements go with the flag (S9)
            self._state(self.tr("Niet meer op afstand: {name}"), keep_away=False, keep_away_scope=frozenset())

    def _toggle_scope(self, scope: KeepAwayScope) -> None:
        snapshot_id = self.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            state = self._current_in(m, snapshot_id)
            return put_state(m, snapshot_id, replace(state, keep_away_scope=state.keep_away_scope ^ {scope}))

        self._emit(self.tr("Afspraak op afstand bij {name}"), change)

    def _toggle_support(self, code: str) -> None:
        snapshot_id = self.snapshot_id

        def change(m: NetworkMap) -> NetworkMap:
            state = self._current_in(m, snapshot_id)
            return put_state(m, snapshot_id, replace(state, support_types=state.support_types ^ {code}))

        self._emit(self.tr("Steun van {name}"), change)

    def _add_peer_tie(self) -> None:
        other = self.peer_other.currentData()
        kind = self.peer_kind.code()
        if not other or not isinstance(kind, PeerTieKind):
            return
        tie = PeerTie(self.person_id, str(other), kind)
        snapshot_id = self.snapshot_id
        self._emit(self.tr("Relatie tussen {name} en een ander"), lambda m: put_peer_tie(m, snapshot_id, tie))

    def _remove_peer_tie(self) -> None:
        other = self.peer_other.currentData()
        if not other:
            return
        person_id, snapshot_id = self.person_id, self.snapshot_id
        self._emit(
            self.tr("Relatie weghalen bij {name}"), lambda m: remove_peer_tie(m, snapshot_id, person_id, str(other))
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""'Fase en termijnen': where the case is, the moves it can make, the phase log and the deadlines.

Deadlines warn and colour; they never block (spec 0.3).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.admission import admission_facts, assess_admission
from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.closure import closure_form_complete
from mpg_desktop.models.deadlines import Bucket, TermijnState, compute_deadlines, dashboard_bucket
from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.extensions import Extension, support_end
from mpg_desktop.models.phase_machine import allowed_targets, transition_kind
from mpg_desktop.models.phase_requirements import Requirement
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.programme_profiles import profile_or_default
from mpg_desktop.models.referral_validation import checks_complete, family_question_recorded, referral_complete
from mpg_desktop.models.suspensions import Suspension
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import (
    LifecycleState,
    RecordKind,
    add_record,
    list_records,
    load_lifecycle,
    record_transition,
    save_decision,
    save_referral,
)
from mpg_desktop.ui.deadline_dialogs import ExtensionDialog, SuspensionDialog
from mpg_desktop.ui.decision_dialog import DecisionDialog
from mpg_desktop.ui.referral_dialog import ReferralDialog
from mpg_desktop.ui.tabs.base import CaseTab
from mpg_desktop.ui.transition_dialog import TransitionDialog

BUCKET_COLOURS = {Bucket.TE_LAAT: "#f4cccc", Bucket.DEZE_WEEK: "#fff2cc"}


def requirements_seen(store: CaseStore, state: LifecycleState, today: date) -> set[Requirement]:
    """Requirements the stored records already show as met."""
    met: set[Requirement] = set()
    if referral_complete(state.referral, today=today):
        met.add(Requirement.REFERRAL_COMPLETE)
    if checks_complete(state.referral):
        met.add(Requirement.CHECKS_DONE)
    if family_question_recorded(state.referral):
        met.add(Requirement.FAMILY_QUESTION_RECORDED)
    if state.referral.family_informed:
        met.add(Requirement.FAMILY_INFORMED)
    if load_family(store, state.family_id).members:
        met.add(Requirement.HOUSEHOLD_COMPLETE)
    if state.decision is not None and state.decision.coach:
        met.add(Requirement.COACH_ASSIGNED)
    if state.decision is not None and state.decision.kind is not None and state.decision.kind.is_go:
        met.add(Requirement.DECISION_GO)
    if state.traject.plan_signed_on is not None:
        met.add(Requirement.PLAN_SIGNED)
    if state.closure is not None:
        if state.closure.end_date is not None:
            met.add(Requirement.END_DATE)
        if closure_form_complete(state.closure, start=state.start_date, today=today):
            met.add(Requirement.CLOSURE_FORM_COMPLETE)
    return met


class PhaseTab(CaseTab):
    title = "Fase en termijnen"

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.state: LifecycleState | None = None
        self.coach_name = store.get_meta("coach_name") or self.tr("coach")
        self.phase_label = QLabel(self)
        self.decision_button = QPushButton(self.tr("&Besluit go / no go…"), self)
        self.decision_button.clicked.connect(lambda: self.record_decision())
        self.decision_label = QLabel(self)
        self.moves_box = QGroupBox(self.tr("Volgende stap"), self)
        self.moves_layout = QHBoxLayout(self.moves_box)
        self.deadlines = QTableWidget(0, 4, self)
        self.deadlines.setHorizontalHeaderLabels(
            [self.tr("Termijn"), self.tr("Uiterlijk"), self.tr("Status"), self.tr("Let op")]
        )
        self.log = QTableWidget(0, 4, self)
        self.log.setHorizontalHeaderLabels(
            [self.tr("Wanneer"), self.tr("Van → naar"), self.tr("Door"), self.tr("Reden")]
        )
        for table, name in ((self.deadlines, self.tr("Termijnen")), (self.log, self.tr("Fase-logboek"))):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.phase_label)
        decision_row = QHBoxLayout()
        self.referral_button = QPushButton(self.tr("&Aanmelding en checks…"), self)
        self.referral_button.clicked.connect(lambda: self.edit_referral())
        decision_row.addWidget(self.referral_button)
        decision_row.addWidget(self.decision_button)
        decision_row.addWidget(self.decision_label, 1)
        layout.addLayout(decision_row)
        layout.addWidget(self.moves_box)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(QLabel(self.tr("<b>Termijnen</b> (waarschuwen, blokkeren nooit)"), self), 1)
        self.suspend_button = QPushButton(self.tr("Termijnen &opschorten…"), self)
        self.extend_button = QPushButton(self.tr("&Verlenging vastleggen…"), self)
        self.suspend_button.clicked.connect(lambda: self.suspend())
        self.extend_button.clicked.connect(lambda: self.extend())
        deadline_row.addWidget(self.suspend_button)
        deadline_row.addWidget(self.extend_button)
        layout.addLayout(deadline_row)
        layout.addWidget(self.deadlines, 2)
        layout.addWidget(QLabel(self.tr("<b>Fase-logboek</b>"), self))
        layout.addWidget(self.log, 1)

    def load(self, case: CaseSummary) -> None:
        self.state = load_lifecycle(self.store, case.traject_id)
        self._show()

    def _show(self) -> None:
        state = self.state
        assert state is not None
        today = date.today()
        profile = profile_or_default(state.traject.programme_profile)
        self.phase_label.setText(
            self.tr("Fase: <b>{phase}</b> · programma: {profile}").format(
                phase=self.tr(state.phase.label), profile=profile.label
            )
        )
        decision = state.decision
        self.decision_button.setVisible(state.phase in (Phase.AANGEMELD, Phase.IN_BEOORDELING, Phase.WACHTLIJST))
        self.decision_label.setText(
            self.tr("Besluit: {kind} op {day} (coach: {coach})").format(
                kind=self.tr(decision.kind.label) if decision.kind else "–",
                day=f"{decision.decided_on:%d-%m-%Y}" if decision.decided_on else "–",
                coach=decision.coach or "–",
            )
            if decision is not None
            else self.tr("Nog geen besluit vastgelegd.")
        )
        while self.moves_layout.count():
            old = self.moves_layout.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.deleteLater()
        self.move_buttons: dict[Phase, QPushButton] = {}
        for target in sorted(allowed_targets(state.phase), key=lambda p: p.number):
            kind = transition_kind(state.phase, target)
            if kind is None:
                continue
            prefix = {"terugstap": "← ", "heropening": "↺ ", "uitval": "✕ "}.get(kind.value, "→ ")
            text = prefix + self.tr(target.label)
            if kind.value == "uitval":
                text = prefix + self.tr("Voortijdig beëindigen")
            button = QPushButton(text, self.moves_box)
            button.setToolTip(self.tr(kind.label))
            button.setProperty("target_phase", target.value)
            button.clicked.connect(self._move_clicked)
            self.moves_layout.addWidget(button)
            self.move_buttons[target] = button
        if not self.move_buttons:
            self.moves_layout.addWidget(QLabel(self.tr("Deze casus is afgerond."), self.moves_box))
        self.moves_layout.addStretch()

        traject_id = state.traject.id or 0
        self.suspensions = [
            record for _id, record in list_records(self.store, traject_id, RecordKind.SUSPENSION, Suspension)
        ]
        self.extensions = [
            record for _id, record in list_records(self.store, traject_id, RecordKind.EXTENSION, Extension)
        ]
        termijnen = compute_deadlines(
            profile, state.key_dates(), state.phase, today, suspensions=self.suspensions, extensions=self.extensions
        )
        self.deadlines.setRowCount(len(termijnen))
        for row, termijn in enumerate(termijnen):
            bucket = dashboard_bucket(termijn, today)
            notes = {Bucket.TE_LAAT: self.tr("te laat"), Bucket.DEZE_WEEK: self.tr("deze week")}
            note = notes.get(bucket, "") if bucket is not None else ""
            state_text = {
                TermijnState.OPEN: self.tr("open"),
                TermijnState.GEHAALD: self.tr("gehaald"),
                TermijnState.VERLOPEN: self.tr("verlopen"),
                TermijnState.OPGESCHORT: self.tr("opgeschort"),
            }.get(termijn.state, str(termijn.state))
            values = [termijn.label, f"{termijn.due:%d-%m-%Y}", state_text, note]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if bucket is not None and bucket in BUCKET_COLOURS:
                    cell.setBackground(QBrush(QColor(BUCKET_COLOURS[bucket])))
                    cell.setForeground(QBrush(QColor("#000000")))
                self.deadlines.setItem(row, column, cell)

        self.log.setRowCount(len(state.transitions))
        for row, transition in enumerate(reversed(state.transitions)):
            reason = transition.reason
            if transition.waivers:
                skipped = "; ".join(f"{w.requirement.label}: {w.reason}" for w in transition.waivers)
                reason = (reason + " · " if reason else "") + self.tr("overgeslagen: {items}").format(items=skipped)
            values = [
                f"{transition.at:%d-%m-%Y %H:%M}",
                f"{self.tr(transition.from_phase.label)} → {self.tr(transition.to_phase.label)}",
                transition.by,
                reason,
            ]
            for column, value in enumerate(values):
                self.log.setItem(row, column, QTableWidgetItem(value))

    def suspend(self, dialog: SuspensionDialog | None = None) -> bool:
        state = self.state
        assert state is not None
        if dialog is None:
            dialog = SuspensionDialog(self.suspensions, parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        suspension = dialog.suspension()
        if suspension is None:
            return False
        add_record(self.store, state.traject.id or 0, RecordKind.SUSPENSION, suspension, suspension.start)
        self._show()
        self.changed.emit()
        return True

    def extend(self, dialog: ExtensionDialog | None = None) -> bool:
        state = self.state
        assert state is not None
        if dialog is None:
            profile = profile_or_default(state.traject.programme_profile)
            current_end = support_end(state.start_date, profile, self.extensions)
            dialog = ExtensionDialog(
                self.extensions, start=state.start_date, current_end=current_end, profile=profile, parent=self
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        extension = dialog.extension()
        if extension is None:
            return False
        add_record(self.store, state.traject.id or 0, RecordKind.EXTENSION, extension, extension.decided_on)
        self._show()
        self.changed.emit()
        return True

    def edit_referral(self, dialog: ReferralDialog | None = None) -> bool:
        state = self.state
        assert state is not None
        if dialog is None:
            members = list(load_family(self.store, state.family_id).members)
            dialog = ReferralDialog(self, existing=state.referral, members=members)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        referral = dialog.referral()
        if referral is None:
            return False
        save_referral(self.store, state.traject.id or 0, referral)
        self.state = load_lifecycle(self.store, state.traject.id or 0)
        self._show()
        self.changed.emit()
        return True

    def record_decision(self, dialog: DecisionDialog | None = None) -> bool:
        state = self.state
        assert state is not None
        if dialog is None:
            family = load_family(self.store, state.family_id)
            profile = profile_or_default(state.traject.programme_profile)
            facts = admission_facts(state.referral, family.members, date.today())
            dialog = DecisionDialog(
                state.referral, assess_admission(profile, facts), decided_by=self.coach_name, parent=self
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        decision = dialog.decision()
        if decision is None:
            return False
        save_decision(self.store, state.traject.id or 0, decision)
        self.state = load_lifecycle(self.store, state.traject.id or 0)
        self._show()
        self.changed.emit()
        return True

    def _move_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.move_to(Phase(button.property("target_phase")))

    def move_to(self, target: Phase, dialog: TransitionDialog | None = None) -> bool:
        state = self.state
        assert state is not None
        kind = transition_kind(state.phase, target)
        if kind is None:
            return False
        if dialog is None:
            dialog = TransitionDialog(
                state.phase,
                target,
                kind,
                by=self.coach_name,
                met=requirements_seen(self.store, state, date.today()),
                closed_on=state.traject.closed_on,
                parent=self,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        transition = dialog.transition()
        if transition is None:
            return False
        try:
            record_transition(self.store, state.traject.id or 0, transition, plan_signed_on=dialog.plan_signed_on())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Fase wijzigen"), error.message)
            return False
        self.state = load_lifecycle(self.store, state.traject.id or 0)
        self._show()
        self.changed.emit()
        return True

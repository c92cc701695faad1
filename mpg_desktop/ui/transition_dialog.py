"""Moving a case to another phase: what the move needs, ticked or skipped with a reason.

What the app can see for itself (a complete referral, a household, a complete closure form) is
ticked already; the rest the coach ticks when it is done, or skips with a written reason (spec
1.6.4). The move itself is checked by ``phase_machine``; a refusal is shown in Dutch.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind
from mpg_desktop.models.phase_machine import TransitionRefused, request_transition, requirements_for
from mpg_desktop.models.phase_requirements import Requirement
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.validation import ValidationError, parse_date
from mpg_desktop.ui.choice_widgets import ChoiceCombo
from mpg_desktop.ui.form_support import FieldErrors
from mpg_desktop.ui.unlock_dialog import ERROR_STYLE, notice_label

# Requirements read from the stored records (see tabs.phase_tab.requirements_seen); the end date
# is set by the move itself when entering aftercare or closure.
VERIFIED_BY_APP = frozenset(
    {
        Requirement.REFERRAL_COMPLETE,
        Requirement.CHECKS_DONE,
        Requirement.FAMILY_QUESTION_RECORDED,
        Requirement.FAMILY_INFORMED,
        Requirement.HOUSEHOLD_COMPLETE,
        Requirement.COACH_ASSIGNED,
        Requirement.DECISION_GO,
        Requirement.PLAN_SIGNED,
        Requirement.CLOSURE_FORM_COMPLETE,
    }
)


class TransitionDialog(QDialog):
    """``transition()`` and ``plan_signed_on()`` hold the result after ``exec()`` was accepted."""

    def __init__(
        self,
        current: Phase,
        target: Phase,
        kind: TransitionKind,
        *,
        by: str,
        met: set[Requirement],
        closed_on: date | None,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.current, self.target, self.kind = current, target, kind
        self.by = by
        met = set(met)
        if target in (Phase.NAZORG, Phase.AFGESLOTEN):
            met.add(Requirement.END_DATE)  # record_transition sets it on this move
        self.auto_met = met
        self.closed_on = closed_on
        self.now = now or datetime.now().replace(microsecond=0)
        self._transition: PhaseTransition | None = None
        self._plan_signed: date | None = None
        self.setWindowTitle(self.tr("Naar fase '{phase}'").format(phase=self.tr(target.label)))
        self.setMinimumWidth(780)

        intro = QLabel(
            self.tr("Van <b>{source}</b> naar <b>{target}</b> ({kind}).").format(
                source=self.tr(current.label), target=self.tr(target.label), kind=self.tr(kind.label)
            ),
            self,
        )
        self.reason = QLineEdit(self)
        self.closure_reason = ChoiceCombo(default_code_lists()[ListId.REDEN_BEEINDIGING], self)
        self.plan_signed = QLineEdit(self)
        self.plan_signed.setPlaceholderText(self.tr("dd-mm-jjjj"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        needs_reason = kind in (TransitionKind.TERUGSTAP, TransitionKind.HEROPENING) or target is Phase.NIET_GESTART
        if needs_reason or kind is TransitionKind.UITVAL:
            self.errors.add_row(self.tr("&Reden: *") if needs_reason else self.tr("&Toelichting:"), self.reason)
        if target is Phase.AFGESLOTEN:
            self.errors.add_row(self.tr("Reden van &beëindiging: *"), self.closure_reason)
        if target is Phase.UITVOERING:
            self.errors.add_row(self.tr("&Plan ondertekend op: *"), self.plan_signed)
        for widget in (self.reason, self.closure_reason, self.plan_signed):
            if widget.parentWidget() is self and form.indexOf(widget) < 0:
                widget.hide()  # not asked for this move

        self.checks: dict[Requirement, tuple[QCheckBox, QLineEdit]] = {}
        requirements = requirements_for(current, target, kind)
        box = QGroupBox(self.tr("Wat hiervoor vastgelegd moet zijn"), self)
        grid = QGridLayout(box)
        for row, requirement in enumerate(requirements):
            check = QCheckBox(requirement.label, box)
            check.setChecked(requirement in met)
            # What the app can see for itself is never ticked by hand: it is in the file or not.
            check.setEnabled(requirement not in met and requirement not in VERIFIED_BY_APP)
            skip = QLineEdit(box)
            skip.setPlaceholderText(
                self.tr("overslaan? schrijf waarom")
                if requirement.waivable
                else self.tr("kan niet worden overgeslagen")
            )
            skip.setEnabled(requirement.waivable and requirement not in met)
            skip.setAccessibleName(self.tr("Reden om over te slaan: {item}").format(item=requirement.label))
            grid.addWidget(check, row, 0)
            grid.addWidget(skip, row, 1)
            self.checks[requirement] = (check, skip)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        if not requirements:
            grid.addWidget(QLabel(self.tr("Niets: deze stap kan direct."), box), 0, 0)
        self.problem = notice_label("", self, ERROR_STYLE)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Vastleggen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def apply(self) -> None:
        self.errors.clear()
        self.problem.hide()
        plan_signed = None
        if self.target is Phase.UITVOERING:
            try:
                plan_signed = parse_date(
                    self.plan_signed.text(), self.tr("Plan ondertekend op"), not_after=self.now.date()
                )
            except ValidationError as error:
                self.errors.show(self.plan_signed, error.message)
                return
        met = {requirement for requirement, (check, _skip) in self.checks.items() if check.isChecked()}
        if plan_signed is not None:
            met.add(Requirement.PLAN_SIGNED)
        waivers = {
            requirement: skip.text().strip()
            for requirement, (check, skip) in self.checks.items()
            if not check.isChecked() and skip.text().strip()
        }
        closure = self.closure_reason.choice()
        try:
            self._transition = request_transition(
                self.current,
                self.target,
                at=self.now,
                by=self.by,
                reason=self.reason.text(),
                met=met,
                waivers=waivers,
                closure_reason=closure.code if closure else "",
                closed_on=self.closed_on,
            )
        except TransitionRefused as refused:
            self.problem.setText(refused.message)
            self.problem.show()
            return
        self._plan_signed = plan_signed
        self.accept()

    def transition(self) -> PhaseTransition | None:
        return self._transition

    def plan_signed_on(self) -> date | None:
        return self._plan_signed

"""The optional, extended part of the referral form (spec 2.2): family profile, severity estimate,
acute situation, support from the network, other strengths, the parents' education, the own
contribution under WMO, and the risk factors per household member.

Short mandatory core for the referrer, extended section for the team (spec 2.1): this section is
filled when known and never blocks saving.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.household import PARENT_ROLES, Person
from mpg_desktop.models.referral import ParentEducation, Referral, RiskFactorMark
from mpg_desktop.models.validation import parse_date
from mpg_desktop.ui.choice_widgets import ChoiceChecklist, ChoiceCombo, TriCombo

FAMILY_COLUMN = "gezin"


class ExtendedReferralBox(QGroupBox):
    """Fills and reads the extended fields of a Referral. ``members`` decide the matrix columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Aanvullend (invullen wat bekend is)"))
        lists = default_code_lists()
        self.members: list[Person] = []
        self.family_profile = ChoiceCombo(lists[ListId.PROFIEL_SYSTEEM], self)
        self.severity = QSpinBox(self)
        self.severity.setRange(0, 5)
        self.severity.setSpecialValueText(self.tr("–"))
        self.acute = ChoiceChecklist(lists[ListId.ACUTE_SITUATIE], self, rows=4)
        self.acute_since = QLineEdit(self)
        self.acute_since.setPlaceholderText(self.tr("sinds dd-mm-jjjj"))
        self.network_support = TriCombo(self)
        self.network_support_from = QLineEdit(self)
        self.network_support_from.setPlaceholderText(self.tr("van wie"))
        self.strengths = TriCombo(self)
        self.strengths_note = QLineEdit(self)
        self.strengths_note.setPlaceholderText(self.tr("welke"))
        self.own_contribution = QCheckBox(self.tr("Eigen bijdrage verschuldigd (WMO)"), self)
        self.education_list = lists[ListId.OPLEIDING]
        self.education: dict[int, ChoiceCombo] = {}
        self.education_box = QWidget(self)
        self.education_layout = QFormLayout(self.education_box)
        self.education_layout.setContentsMargins(0, 0, 0, 0)
        self.factor_list = lists[ListId.RISICOFACTOR]
        self.risks = QTableWidget(self)
        self.risks.setAccessibleName(self.tr("Risicofactoren per gezinslid"))
        self.risks.setMinimumHeight(260)
        form = QFormLayout(self)
        form.addRow(self.tr("Profiel van het systeem:"), self.family_profile)
        form.addRow(self.tr("Ernsttaxatie CJG (1-5):"), self.severity)
        form.addRow(self.tr("Acute situatie:"), self.acute)
        form.addRow("", self.acute_since)
        form.addRow(self.tr("Steun eigen netwerk:"), _row(self, self.network_support, self.network_support_from))
        form.addRow(self.tr("Andere krachten:"), _row(self, self.strengths, self.strengths_note))
        form.addRow(self.tr("Hoogste opleiding ouders:"), self.education_box)
        form.addRow("", self.own_contribution)
        form.addRow(self.tr("Risicofactoren:"), self.risks)

    def set_members(self, members: Sequence[Person]) -> None:
        """Rebuild the matrix and the education fields for these members (checks are kept).

        Members that are not stored yet (a new referral) get no column: a risk factor is tied
        to a member by id, so per member is filled in once the household is saved.
        """
        kept = self._marks()
        self.members = [person for person in members if person.id is not None]
        columns = [self.tr("Gezin")] + [p.first_name for p in self.members]
        self.risks.clear()
        self.risks.setColumnCount(len(columns))
        self.risks.setRowCount(len(self.factor_list.active_items))
        self.risks.setHorizontalHeaderLabels(columns)
        self.risks.setVerticalHeaderLabels([item.label for item in self.factor_list.active_items])
        for row, item in enumerate(self.factor_list.active_items):
            for column in range(len(columns)):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                key = (item.code, self._column_key(column))
                cell.setCheckState(Qt.CheckState.Checked if key in kept else Qt.CheckState.Unchecked)
                self.risks.setItem(row, column, cell)
        self.risks.resizeColumnsToContents()
        while self.education_layout.rowCount():
            self.education_layout.removeRow(0)
        self.education = {}
        for index, person in enumerate(self.members):
            if person.role in PARENT_ROLES:
                combo = ChoiceCombo(self.education_list, self.education_box)
                self.education[index] = combo
                self.education_layout.addRow(person.full_name + ":", combo)

    def _column_key(self, column: int) -> object:
        if column == 0:
            return FAMILY_COLUMN
        person = self.members[column - 1]
        return person.id if person.id is not None else ("nieuw", column - 1)

    def _marks(self) -> set[tuple[str, object]]:
        marks = set()
        for row, item in enumerate(self.factor_list.active_items):
            for column in range(self.risks.columnCount()):
                cell = self.risks.item(row, column)
                if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                    marks.add((item.code, self._column_key(column)))
        return marks

    def fill(self, referral: Referral) -> None:
        self.family_profile.set_choice(referral.family_profile)
        self.severity.setValue(referral.severity_estimate or 0)
        self.acute.set_codes([c.code for c in referral.acute_situations])
        self.acute_since.setText(f"{referral.acute_since:%d-%m-%Y}" if referral.acute_since else "")
        self.network_support.set_value(referral.network_support)
        self.network_support_from.setText(referral.network_support_from)
        self.strengths.set_value(referral.other_strengths)
        self.strengths_note.setText(referral.other_strengths_note)
        self.own_contribution.setChecked(bool(referral.own_contribution))
        by_person = {e.person_id: e.education for e in referral.parent_education}
        for index, combo in self.education.items():
            combo.set_choice(by_person.get(self.members[index].id))
        marks = {
            (m.factor.code, m.person_id if m.person_id is not None else FAMILY_COLUMN) for m in referral.risk_factors
        }
        for row, item in enumerate(self.factor_list.active_items):
            for column in range(self.risks.columnCount()):
                cell = self.risks.item(row, column)
                if cell is not None:
                    checked = (item.code, self._column_key(column)) in marks
                    cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def apply(self, referral: Referral, today: date) -> Referral:
        """``referral`` with the extended fields as entered. Raises ValidationError for a bad date."""
        since = None
        if self.acute_since.text().strip():
            since = parse_date(self.acute_since.text(), self.tr("Acute situatie sinds"), not_after=today)
        risks = []
        for code, key in sorted(self._marks(), key=str):
            person_id = key if isinstance(key, int) else None
            risks.append(RiskFactorMark(Choice(code), person_id))
        education = tuple(
            ParentEducation(self.members[index].id, choice)
            for index, combo in self.education.items()
            if (choice := combo.choice()) is not None
        )
        return replace(
            referral,
            family_profile=self.family_profile.choice(),
            severity_estimate=self.severity.value() or None,
            acute_situations=self.acute.choices(),
            acute_since=since,
            network_support=self.network_support.value(),
            network_support_from=self.network_support_from.text().strip(),
            other_strengths=self.strengths.value(),
            other_strengths_note=self.strengths_note.text().strip(),
            own_contribution=self.own_contribution.isChecked() or None,
            parent_education=education,
            risk_factors=tuple(risks),
        )


def _row(parent: QWidget, *widgets: QWidget) -> QWidget:
    holder = QWidget(parent)
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder

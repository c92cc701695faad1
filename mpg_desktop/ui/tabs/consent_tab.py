"""'Toestemming en terugkoppeling': the family's consent register (privacy PRV-01, PRV-06) and the
feedback to the referrer of this traject (spec 5.8).

Consents belong to the family and hold for every traject; withdrawing one keeps it in the list
with its date (history). Feedback records belong to the traject; the list shows what was sent and
which mandatory moments still wait for feedback.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.consent import Consent
from mpg_desktop.models.referrer_feedback import ReferrerFeedback
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import (
    list_consents,
    save_consent,
)
from mpg_desktop.ui.consent_dialog import FORM_LABELS, ConsentDialog, WithdrawDialog
from mpg_desktop.ui.feedback_dialog import FeedbackDialog
from mpg_desktop.ui.feedback_flow import load_feedback_context, referrer_name
from mpg_desktop.ui.tabs.base import CaseTab

WITHDRAWN_COLOUR = "#6b6b6b"
DUE_STYLE = "color: #a4262c; font-weight: bold;"
DONE_STYLE = "color: #0b6a0b; font-weight: bold;"


def _day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value else ""


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table


class ConsentTab(CaseTab):
    title = "Toestemming"

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.case: CaseSummary | None = None
        self.consents: list[tuple[int, Consent]] = []
        self.feedback: list[ReferrerFeedback] = []
        self.today = date.today()
        self.dialog: QDialog | None = None  # the open form, for tests and screenshots

        consent_box = QGroupBox(self.tr("Toestemming van het gezin: wie mag wat weten"), self)
        self.consent_table = _table(
            consent_box,
            [
                self.tr("Ontvanger"),
                self.tr("Status"),
                self.tr("Wat mag gedeeld worden"),
                self.tr("Doel"),
                self.tr("Sinds"),
                self.tr("Getekend door"),
                self.tr("Vorm"),
            ],
            self.tr("Toestemmingen"),
        )
        self.consent_table.cellDoubleClicked.connect(lambda _r, _c: self.edit_selected())
        self.consent_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Toestemming &toevoegen…"), consent_box)
        self.edit_button = QPushButton(self.tr("&Wijzigen…"), consent_box)
        self.withdraw_button = QPushButton(self.tr("&Intrekken…"), consent_box)
        self.add_button.clicked.connect(self.add_consent)
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        consent_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.withdraw_button):
            consent_buttons.addWidget(button)
        consent_buttons.addStretch()
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_table)
        consent_layout.addLayout(consent_buttons)

        feedback_box = QGroupBox(self.tr("Terugkoppeling aan de aanmelder"), self)
        self.referrer = QLabel(feedback_box)
        self.due = QLabel(feedback_box)
        self.due.setWordWrap(True)
        self.feedback_table = _table(
            feedback_box,
            [self.tr("Datum"), self.tr("Moment"), self.tr("Aan"), self.tr("Via"), self.tr("Inhoud")],
            self.tr("Gegeven terugkoppeling"),
        )
        self.letter_button = QPushButton(self.tr("&Brief aan aanmelder…"), feedback_box)
        self.letter_button.clicked.connect(self.open_feedback)
        feedback_buttons = QHBoxLayout()
        feedback_buttons.addWidget(self.letter_button)
        feedback_buttons.addStretch()
        feedback_layout = QVBoxLayout(feedback_box)
        feedback_layout.addWidget(self.referrer)
        feedback_layout.addWidget(self.due)
        feedback_layout.addWidget(self.feedback_table)
        feedback_layout.addLayout(feedback_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(consent_box, 3)
        layout.addWidget(feedback_box, 2)

    # -- loading -------------------------------------------------------------------------------
    def load(self, case: CaseSummary) -> None:
        self.case = case
        self.today = date.today()
        self._reload()

    def _reload(self) -> None:
        assert self.case is not None
        self.consents = list_consents(self.store, self.case.family_id)
        lists = default_code_lists()
        purposes, categories = lists[ListId.TOESTEMMING_DOEL], lists[ListId.DEEL_CATEGORIE]
        self.consent_table.setRowCount(len(self.consents))
        for row, (_id, consent) in enumerate(self.consents):
            shared = ", ".join(
                (known.label.split(" (")[0] if (known := categories.item(code)) else code)
                for code in consent.categories
            )
            role = lists[ListId.TOESTEMMING_ROL].display(consent.given_by_role) if consent.given_by_role else ""
            values = [
                consent.recipient,
                self._status(consent),
                shared,
                purposes.display(consent.purpose),
                _day(consent.granted_on),
                f"{consent.given_by} ({role})" if role else consent.given_by,
                self.tr(FORM_LABELS[consent.form].split(" (")[0]) if consent.form else "",
            ]
            withdrawn = consent.withdrawn_on is not None and consent.withdrawn_on <= self.today
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if withdrawn:
                    item.setForeground(QBrush(QColor(WITHDRAWN_COLOUR)))
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                self.consent_table.setItem(row, column, item)
        self._update_buttons()
        self._reload_feedback()

    def _status(self, consent: Consent) -> str:
        if consent.withdrawn_on is not None:
            return self.tr("Ingetrokken op {day}").format(day=_day(consent.withdrawn_on))
        if consent.active_on(self.today):
            return self.tr("Geldig")
        return self.tr("Nog niet geldig")

    def _reload_feedback(self) -> None:
        assert self.case is not None
        context = load_feedback_context(self.store, self.case.traject_id)
        self.feedback = list(context.given)
        referrer = referrer_name(context.referral)
        self.referrer.setText(
            self.tr("Aanmelder: {name}").format(name=referrer)
            if referrer
            else self.tr("Geen aanmelder bekend (zelfmelding of aanmelding nog niet ingevuld).")
        )
        missing = context.missing()
        if missing:
            self.due.setText(
                "⚠ " + self.tr("Nog terug te koppelen: {moments}.").format(moments="; ".join(m.label for m in missing))
            )
            self.due.setStyleSheet(DUE_STYLE)
        elif context.due():
            self.due.setText("✓ " + self.tr("Alle verplichte terugkoppelingen tot nu toe zijn gedaan."))
            self.due.setStyleSheet(DONE_STYLE)
        else:
            self.due.setText(self.tr("Nog geen moment om terug te koppelen."))
            self.due.setStyleSheet("")
        channels = default_code_lists()[ListId.TERUGKOPPELING_KANAAL]
        rows = sorted(self.feedback, key=lambda f: f.given_on or date.min, reverse=True)
        self.feedback_table.setRowCount(len(rows))
        for row, record in enumerate(rows):
            values = [
                _day(record.given_on),
                self.tr(record.event.label),
                record.recipient + (f" (t.a.v. {record.to_whom})" if record.to_whom else ""),
                channels.display(record.channel) if record.channel else "",
                record.summary,
            ]
            for column, value in enumerate(values):
                self.feedback_table.setItem(row, column, QTableWidgetItem(value))

    # -- consents ------------------------------------------------------------------------------
    def _selected(self) -> tuple[int, Consent] | None:
        row = self.consent_table.currentRow()
        return self.consents[row] if 0 <= row < len(self.consents) else None

    def _update_buttons(self) -> None:
        selected = self._selected()
        open_consent = selected is not None and selected[1].withdrawn_on is None
        self.edit_button.setEnabled(open_consent)
        self.withdraw_button.setEnabled(open_consent)

    def _suggestions(self) -> tuple[list[str], list[str]]:
        assert self.case is not None
        context = load_feedback_context(self.store, self.case.traject_id)
        organisations = [
            item.label
            for item in default_code_lists()[ListId.AANMELDENDE_ORGANISATIE].active_items
            if item.code != "anders"
        ]
        recipients = [*context.recipients(), *(c.recipient for _id, c in self.consents), *organisations]
        people = [person.full_name for person in load_family(self.store, self.case.family_id).members]
        return list(dict.fromkeys(recipients)), people

    def consent_dialog(self, consent: Consent | None = None) -> ConsentDialog:
        recipients, people = self._suggestions()
        dialog = ConsentDialog(
            consent,
            recipients=recipients,
            people=people,
            recorded_by=self.store.get_meta("coach_name"),
            today=self.today,
            parent=self,
        )
        self.dialog = dialog
        return dialog

    def add_consent(self) -> None:
        assert self.case is not None
        dialog = self.consent_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and (consent := dialog.consent()) is not None:
            save_consent(self.store, self.case.family_id, consent)
            self._saved()
        self._done(dialog)

    def edit_selected(self) -> None:
        selected = self._selected()
        if selected is None or selected[1].withdrawn_on is not None or self.case is None:
            return
        consent_id, consent = selected
        dialog = self.consent_dialog(consent)
        if dialog.exec() == QDialog.DialogCode.Accepted and (edited := dialog.consent()) is not None:
            save_consent(self.store, self.case.family_id, edited, consent_id)
            self._saved()
        self._done(dialog)

    def withdraw_selected(self) -> None:
        selected = self._selected()
        if selected is None or selected[1].withdrawn_on is not None or self.case is None:
            return
        consent_id, consent = selected
        dialog = WithdrawDialog(consent, today=self.today, parent=self)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and (withdrawn := dialog.consent()) is not None:
            save_consent(self.store, self.case.family_id, withdrawn, consent_id)
            self._saved()
        self._done(dialog)

    # -- feedback ------------------------------------------------------------------------------
    def feedback_dialog(self) -> FeedbackDialog:
        assert self.case is not None
        dialog = FeedbackDialog(
            self.store, load_feedback_context(self.store, self.case.traject_id), today=self.today, parent=self
        )
        dialog.recorded.connect(self._saved)
        self.dialog = dialog
        return dialog

    def open_feedback(self) -> None:
        dialog = self.feedback_dialog()
        dialog.exec()
        self._done(dialog)

    def _done(self, dialog: QDialog) -> None:
        self.dialog = None
        dialog.deleteLater()

    def _saved(self) -> None:
        self._reload()
        self.changed.emit()

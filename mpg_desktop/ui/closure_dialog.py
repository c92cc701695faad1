"""The closure form ('Afsluiten', spec 5.6) with the dropout details (*uitval*).

The end date is the one field the form cannot be saved without (spec 6: a closed case without
end date made the duration unknown for half the families); an end date before the start is
refused too. Everything else may be saved incomplete (spec 0.2): the form then lists what is
missing next to each field and asks once whether to save anyway. A dropout reason (tagged
``uitval`` in reden_beeindiging) asks for the dropout details instead of the stability check and
the three reflective texts.

Moving the case to AFGESLOTEN is not done here: the phase screen does that (see closure_flow).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.closure import (
    DROPOUT_TAG,
    Closure,
    DropoutDetails,
    Handover,
    StabilityCheck,
    Success,
    validate_closure,
)
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue, Severity, ValidationError, parse_date
from mpg_desktop.ui.choice_widgets import ChoiceChecklist, ChoiceCombo, TriCombo
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from mpg_desktop.ui.list_sizing import fit_rows

SUCCESS_LABELS = {Success.JA: "Ja", Success.DEELS: "Deels", Success.NEE: "Nee"}
NOT_ANSWERED = -1  # the spin box's "not filled in yet"
# Messages about the dropout details all carry field "dropout"; they start with the sub-field's label.
DROPOUT_PREFIXES = ("Laatste contact", "Aantal pogingen", "Reden bekend", "Netwerk")


def _text(day: date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else ""


def _yes_no(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for label, value in ((parent.tr("– kies –"), ""), (parent.tr("Ja"), "ja"), (parent.tr("Nee"), "nee")):
        combo.addItem(label, value)
    return combo


def _read_yes_no(combo: QComboBox) -> bool | None:
    return {"ja": True, "nee": False}.get(combo.currentData())


def _set_yes_no(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex(max(0, combo.findData({True: "ja", False: "nee", None: ""}[value])))


class StabilityGrid(QWidget):
    """Per life domain: stable with the family? (Ja/Nee/Onbekend) and a short note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[Choice, TriCombo, QLineEdit]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Leefgebied</b>"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Stabiel?</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Toelichting</b>"), self), 0, 2)
        for row, item in enumerate(default_code_lists()[ListId.LEEFGEBIED].active_items, start=1):
            if item.code == "anders":
                continue
            stable = TriCombo(self)
            stable.setAccessibleName(self.tr("{domain}: stabiel").format(domain=item.label))
            note = QLineEdit(self)
            note.setAccessibleName(self.tr("{domain}: toelichting").format(domain=item.label))
            grid.addWidget(QLabel(item.label, self), row, 0)
            grid.addWidget(stable, row, 1)
            grid.addWidget(note, row, 2)
            self.rows.append((Choice(item.code), stable, note))
        grid.setColumnStretch(2, 1)
        if self.rows:
            self.setFocusProxy(self.rows[0][1])

    def checks(self) -> tuple[StabilityCheck, ...]:
        """Only the domains the coach touched; none at all means the check was not done."""
        return tuple(
            StabilityCheck(domain, stable.value(), note.text().strip())
            for domain, stable, note in self.rows
            if stable.value() is not None or note.text().strip()
        )

    def set_checks(self, checks: tuple[StabilityCheck, ...]) -> None:
        by_code = {check.domain.code: check for check in checks}
        for domain, stable, note in self.rows:
            check = by_code.get(domain.code)
            stable.set_value(check.stable if check else None)
            note.setText(check.note if check else "")


class ClosureDialog(QDialog):
    """``closure()`` holds the result after ``exec()`` was accepted. ``start``: start of support."""

    def __init__(
        self,
        closure: Closure | None = None,
        *,
        start: date | None = None,
        default_end: date | None = None,
        referrer_informed_on: date | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.start = start
        self.today = today or date.today()
        self._result: Closure | None = None
        lists = default_code_lists()
        self.dropout_codes = lists[ListId.REDEN_BEEINDIGING].codes_tagged(DROPOUT_TAG)
        self.setWindowTitle(self.tr("Afsluiten"))
        self.resize(820, 760)

        # -- the end ------------------------------------------------------------------------
        self.end_date = QLineEdit(self)
        self.end_date.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.reason = ChoiceCombo(lists[ListId.REDEN_BEEINDIGING], self)
        self.success = QComboBox(self)
        self.success.addItem(self.tr("– kies –"), "")
        for value, label in SUCCESS_LABELS.items():
            self.success.addItem(self.tr(label), value.value)
        self.success.setToolTip(
            self.tr("Geslaagd: genoeg doelen gehaald, huishouden redelijk op orde, gezin kan zelf verder.")
        )
        end_form = QFormLayout()
        self.end_errors = FieldErrors(end_form)
        if start is not None:
            end_form.addRow(self.tr("Start begeleiding:"), QLabel(_text(start), self))
        self.end_errors.add_row(self.tr("&Einddatum begeleiding: *"), self.end_date)
        self.end_errors.add_row(self.tr("&Reden van beëindiging: *"), self.reason)
        self.end_errors.add_row(self.tr("&Geslaagd volgens coach: *"), self.success)

        # -- dropout ------------------------------------------------------------------------
        self.dropout_box = QGroupBox(self.tr("Uitval: de begeleiding stopte voortijdig"), self)
        self.last_contact = QLineEdit(self.dropout_box)
        self.last_contact.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.attempts = QSpinBox(self.dropout_box)
        self.attempts.setRange(NOT_ANSWERED, 999)
        self.attempts.setSpecialValueText(self.tr("– vul in –"))
        self.attempts.setValue(NOT_ANSWERED)
        self.reason_known = TriCombo(self.dropout_box)
        self.reason_text = QLineEdit(self.dropout_box)
        self.reason_text.setPlaceholderText(self.tr("waarom stopte het gezin?"))
        self.network_informed = _yes_no(self.dropout_box)
        dropout_form = QFormLayout(self.dropout_box)
        self.dropout_errors = FieldErrors(dropout_form)
        self.dropout_errors.add_row(self.tr("&Laatste contact: *"), self.last_contact)
        self.dropout_errors.add_row(self.tr("Aantal &pogingen contact: *"), self.attempts)
        self.dropout_errors.add_row(self.tr("Reden &bekend: *"), self.reason_known)
        self.dropout_errors.add_row(self.tr("&Reden:"), self.reason_text)
        self.dropout_errors.add_row(self.tr("&Netwerk/professionals geïnformeerd: *"), self.network_informed)

        # -- regular end: stability check and reflection ---------------------------------------
        self.regular_box = QGroupBox(self.tr("Stabilisatie en evaluatie"), self)
        self.stability = StabilityGrid(self.regular_box)
        self.impression = QPlainTextEdit(self.regular_box)
        self.goal_notes = QPlainTextEdit(self.regular_box)
        self.conclusions = QPlainTextEdit(self.regular_box)
        for text in (self.impression, self.goal_notes, self.conclusions):
            text.setTabChangesFocus(True)  # Tab moves on, as in every other field
            text.setFixedHeight(64)
        regular_form = QFormLayout(self.regular_box)
        self.regular_errors = FieldErrors(regular_form)
        self.regular_errors.add_row(self.tr("&Stabilisatie-check met het gezin: *"), self.stability)
        self.regular_errors.add_row(self.tr("&Indruk van begeleider: *"), self.impression)
        self.regular_errors.add_row(self.tr("&Toelichting evaluatie doelen: *"), self.goal_notes)
        self.regular_errors.add_row(self.tr("&Conclusie en aanbevelingen: *"), self.conclusions)

        # -- after the end ------------------------------------------------------------------
        self.handovers = QPlainTextEdit(self)
        self.handovers.setTabChangesFocus(True)
        self.handovers.setFixedHeight(64)
        self.handovers.setPlaceholderText(self.tr("Eén organisatie per regel; contactpersoon na een komma"))
        self.no_handover = QCheckBox(self.tr("Niemand gaat verder met het gezin"), self)
        self.follow_on_help = TriCombo(self)
        self.follow_on = ChoiceChecklist(lists[ListId.VERVOLGHULP], self)
        fit_rows(self.follow_on.list)
        self.aftercare = _yes_no(self)
        self.aftercare_note = QLineEdit(self)
        self.aftercare_note.setPlaceholderText(self.tr("door wie en hoe vaak"))
        self.referrer_informed = QLineEdit(self)
        self.referrer_informed.setPlaceholderText(self.tr("dd-mm-jjjj"))
        after_form = QFormLayout()
        self.after_errors = FieldErrors(after_form)
        self.after_errors.add_row(self.tr("&Overdracht, wie gaat er verder: *"), self.handovers)
        after_form.addRow("", self.no_handover)
        self.after_errors.add_row(self.tr("&Kreeg het gezin vervolghulp: *"), self.follow_on_help)
        self.after_errors.add_row(self.tr("&Vervolghulp, namelijk:"), self.follow_on)
        self.after_errors.add_row(self.tr("N&azorg afgesproken: *"), self.aftercare)
        self.after_errors.add_row(self.tr("Nazorg &door wie en hoe vaak:"), self.aftercare_note)
        self.after_errors.add_row(self.tr("Aanmelder geïnformeerd &op:"), self.referrer_informed)

        for narrow in (self.end_date, self.last_contact, self.referrer_informed, self.attempts):
            narrow.setMaximumWidth(160)  # a date is short; a full-width box suggests a long text
        self.fields: dict[str, tuple[FieldErrors, QWidget]] = {
            "end_date": (self.end_errors, self.end_date),
            "reason": (self.end_errors, self.reason),
            "success": (self.end_errors, self.success),
            "stability": (self.regular_errors, self.stability),
            "coach_impression": (self.regular_errors, self.impression),
            "goal_evaluation_notes": (self.regular_errors, self.goal_notes),
            "conclusions": (self.regular_errors, self.conclusions),
            "handovers": (self.after_errors, self.handovers),
            "follow_on_help": (self.after_errors, self.follow_on_help),
            "follow_on": (self.after_errors, self.follow_on),
            "aftercare_agreed": (self.after_errors, self.aftercare),
            "aftercare_note": (self.after_errors, self.aftercare_note),
            "referrer_informed_on": (self.after_errors, self.referrer_informed),
        }
        self.dropout_fields = dict(
            zip(
                DROPOUT_PREFIXES,
                (self.last_contact, self.attempts, self.reason_known, self.network_informed),
                strict=True,
            )
        )

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(end_form)
        content_layout.addWidget(self.dropout_box)
        content_layout.addWidget(self.regular_box)
        after_box = QGroupBox(self.tr("Na de afsluiting"), content)
        after_box.setLayout(after_form)
        content_layout.addWidget(after_box)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(content)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        intro = QLabel(
            self.tr(
                "Vul in hoe de begeleiding eindigt. Velden met * zijn nodig voordat de casus naar "
                "'Afgesloten' kan; de einddatum is altijd nodig."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.scroller)
        layout.addWidget(buttons)

        self.reason.changed.connect(self._update_sections)
        self.reason_known.currentIndexChanged.connect(self._update_sections)
        self.follow_on_help.currentIndexChanged.connect(self._update_sections)
        self.aftercare.currentIndexChanged.connect(self._update_sections)
        self.no_handover.toggled.connect(self._update_sections)
        if closure is not None:
            self._fill(closure)
        else:
            self.end_date.setText(_text(default_end))
        if not self.referrer_informed.text() and referrer_informed_on is not None:
            self.referrer_informed.setText(_text(referrer_informed_on))
        self._update_sections()
        self.guard = UnsavedChangesGuard(self)
        # The guard watches line edits, texts, combos and check boxes; these two it does not know.
        self.attempts.valueChanged.connect(self._mark_dirty)
        self.follow_on.changed.connect(self._mark_dirty)
        self.end_date.setFocus()

    def _mark_dirty(self, *_args: object) -> None:
        self.guard.dirty = True

    # -- showing and filling -------------------------------------------------------------------
    def is_dropout(self) -> bool:
        choice = self.reason.choice()
        return choice is not None and choice.code in self.dropout_codes

    def _update_sections(self) -> None:
        dropout = self.is_dropout()
        self.dropout_box.setVisible(dropout)
        self.regular_box.setVisible(not dropout)
        self.follow_on.setEnabled(self.follow_on_help.value() is Tri.JA)
        self.aftercare_note.setEnabled(_read_yes_no(self.aftercare) is True)
        self.handovers.setEnabled(not self.no_handover.isChecked())
        self.reason_text.setEnabled(self.reason_known.value() is Tri.JA)

    def _fill(self, closure: Closure) -> None:
        self.end_date.setText(_text(closure.end_date))
        self.reason.set_choice(closure.reason)
        self.success.setCurrentIndex(max(0, self.success.findData(closure.success.value if closure.success else "")))
        self.stability.set_checks(closure.stability)
        self.impression.setPlainText(closure.coach_impression)
        self.goal_notes.setPlainText(closure.goal_evaluation_notes)
        self.conclusions.setPlainText(closure.conclusions)
        self.handovers.setPlainText(
            "\n".join(f"{h.organisation}, {h.contact}" if h.contact else h.organisation for h in closure.handovers)
        )
        self.no_handover.setChecked(closure.no_handover)
        self.follow_on_help.set_value(closure.follow_on_help)
        self.follow_on.set_codes([choice.code for choice in closure.follow_on])
        other = next((choice.text for choice in closure.follow_on if choice.is_other), "")
        self.follow_on.text.setText(other)
        _set_yes_no(self.aftercare, closure.aftercare_agreed)
        self.aftercare_note.setText(closure.aftercare_note)
        self.referrer_informed.setText(_text(closure.referrer_informed_on))
        dropout = closure.dropout or DropoutDetails()
        self.last_contact.setText(_text(dropout.last_contact_on))
        self.attempts.setValue(NOT_ANSWERED if dropout.contact_attempts is None else dropout.contact_attempts)
        self.reason_known.set_value(dropout.reason_known)
        self.reason_text.setText(dropout.reason_text)
        _set_yes_no(self.network_informed, dropout.network_informed)

    # -- reading and saving --------------------------------------------------------------------
    def _date(self, field: QLineEdit, label: str, bad: list[tuple[QWidget, str]]) -> date | None:
        if not field.text().strip():
            return None
        try:
            return parse_date(field.text(), label)
        except ValidationError as error:
            bad.append((field, error.message))
            return None

    def _handovers(self) -> tuple[Handover, ...]:
        if self.no_handover.isChecked():
            return ()
        result = []
        for line in self.handovers.toPlainText().splitlines():
            organisation, _comma, contact = line.partition(",")
            if organisation.strip():
                result.append(Handover(organisation.strip(), contact.strip()))
        return tuple(result)

    def _read(self, bad: list[tuple[QWidget, str]]) -> Closure:
        success = self.success.currentData()
        dropout = None
        if self.is_dropout():
            dropout = DropoutDetails(
                last_contact_on=self._date(self.last_contact, self.tr("Laatste contact"), bad),
                contact_attempts=None if self.attempts.value() == NOT_ANSWERED else self.attempts.value(),
                reason_known=self.reason_known.value(),
                reason_text=self.reason_text.text().strip(),
                network_informed=_read_yes_no(self.network_informed),
            )
        regular = not self.is_dropout()
        aftercare = _read_yes_no(self.aftercare)
        return Closure(
            end_date=self._date(self.end_date, self.tr("Einddatum begeleiding"), bad),
            reason=self.reason.choice(),
            success=Success(success) if success else None,
            stability=self.stability.checks() if regular else (),
            coach_impression=self.impression.toPlainText().strip() if regular else "",
            goal_evaluation_notes=self.goal_notes.toPlainText().strip() if regular else "",
            conclusions=self.conclusions.toPlainText().strip() if regular else "",
            handovers=self._handovers(),
            no_handover=self.no_handover.isChecked(),
            follow_on_help=self.follow_on_help.value(),
            follow_on=self.follow_on.choices() if self.follow_on_help.value() is Tri.JA else (),
            aftercare_agreed=aftercare,
            aftercare_note=self.aftercare_note.text().strip() if aftercare else "",
            referrer_informed_on=self._date(self.referrer_informed, self.tr("Aanmelder geïnformeerd op"), bad),
            dropout=dropout,
        )

    def _widget_for(self, issue: FieldIssue) -> QWidget:
        if issue.field == "dropout":
            prefixed = (w for prefix, w in self.dropout_fields.items() if issue.message.startswith(prefix))
            return next(prefixed, self.last_contact)
        return self.fields.get(issue.field, (self.end_errors, self.end_date))[1]

    def show_issues(self, bad: list[tuple[QWidget, str]], issues: list[FieldIssue]) -> None:
        """Each message under its field (several on one field together); the first field gets focus."""
        for errors in (self.end_errors, self.dropout_errors, self.regular_errors, self.after_errors):
            errors.clear()
        grouped: dict[QWidget, list[str]] = {}
        for widget, message in bad:
            grouped.setdefault(widget, []).append(message)
        for issue in issues:
            widget = self._widget_for(issue)
            if any(widget is w for w, _m in bad):
                continue  # the date could not be read; that message says enough
            text = issue.message if issue.severity is Severity.FOUT else self.tr("Let op: ") + issue.message
            grouped.setdefault(widget, []).append(text)
        for widget, messages in reversed(list(grouped.items())):
            self._owner(widget).show(widget, "\n".join(messages))
        if grouped:
            self.scroller.ensureWidgetVisible(next(iter(grouped)))

    def _owner(self, widget: QWidget) -> FieldErrors:
        for errors, candidate in self.fields.values():
            if candidate is widget:
                return errors
        return self.dropout_errors if widget in self.dropout_fields.values() else self.end_errors

    def save(self) -> None:
        bad: list[tuple[QWidget, str]] = []
        closure = self._read(bad)
        issues = validate_closure(closure, start=self.start, today=self.today)
        self.show_issues(bad, issues)
        wrong_end = [i for i in issues if i.field == "end_date" and i.severity is Severity.FOUT]
        if bad or wrong_end:
            return
        open_points = [i for i in issues if i.severity is Severity.FOUT]
        if open_points and not self._save_incomplete(len(open_points)):
            return
        self._result = closure
        self.accept()

    def _save_incomplete(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Afsluitformulier nog niet compleet"),
            self.tr(
                "Er ontbreken nog {count} gegevens (zie de rode meldingen). U kunt het formulier nu opslaan "
                "en later aanvullen; de casus kan pas naar 'Afgesloten' als het compleet is.\n\nToch opslaan?"
            ).format(count=count),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def closure(self) -> Closure | None:
        return self._result

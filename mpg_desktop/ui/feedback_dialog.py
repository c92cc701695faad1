"""'Terugkoppeling aan de aanmelder' (spec 5.8): pick the moment and the recipient, see exactly what
the letter will share, then save it as PDF or print it; the app records that it was sent.

The content is decided by documents.referrer_letter from the family's consents; this dialog only
shows it. The PDF is rendered and written on the store worker (``run_with_progress``); printing
lays the same letter out with Qt on the GUI thread (no PDF, no temporary file).
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.documents.letter_model import dutch_date
from mpg_desktop.documents.referrer_letter import ReferrerLetter, compose_letter, write_referrer_letter
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referrer_feedback import FeedbackEvent
from mpg_desktop.models.validation import ValidationError, parse_date
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui.feedback_flow import FeedbackContext, record_sent
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard
from mpg_desktop.ui.letter_print import letter_html, print_letter
from mpg_desktop.ui.unlock_dialog import ERROR_STYLE, NOTICE_STYLE, notice_label
from mpg_desktop.ui.workers import Job, run_with_progress

SHARED_STYLE = "background: #e7f3e7; color: #0b3d0b; padding: 8px; border: 1px solid #4b8b4b; border-radius: 3px;"
# The moment a phase most likely reports, when nothing is overdue.
PHASE_EVENT = {
    Phase.AANGEMELD: FeedbackEvent.BESLUIT,
    Phase.IN_BEOORDELING: FeedbackEvent.BESLUIT,
    Phase.NIET_GESTART: FeedbackEvent.BESLUIT,
    Phase.WACHTLIJST: FeedbackEvent.BESLUIT,
    Phase.KENNISMAKING: FeedbackEvent.BESLUIT,
    Phase.INFORMATIEFASE: FeedbackEvent.START,
    Phase.PLANVORMING: FeedbackEvent.START,
    Phase.UITVOERING: FeedbackEvent.PLAN_ONDERTEKEND,
    Phase.AFRONDING: FeedbackEvent.EVALUATIE,
    Phase.NAZORG: FeedbackEvent.AFSLUITING,
    Phase.AFGESLOTEN: FeedbackEvent.AFSLUITING,
}


class FeedbackDialog(QDialog):
    """Emits ``letter_done(where)`` after a letter was saved (the PDF path) or printed ("printer"),
    and ``recorded()`` after the feedback record was stored."""

    letter_done = Signal(str)
    recorded = Signal()

    def __init__(
        self, store: CaseStore, context: FeedbackContext, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.today = today or date.today()
        self.letter: ReferrerLetter | None = None
        self.produced = False
        self.recorded_once = False
        self.job: Job | None = None  # the PDF being written, if any
        self.setWindowTitle(self.tr("Terugkoppeling aan de aanmelder"))
        self.resize(900, 780)

        self.moment = QComboBox(self)
        missing = {due.event for due in context.missing()}
        for event in FeedbackEvent:
            label = self.tr(event.label) + (self.tr("  (nog te doen)") if event in missing else "")
            self.moment.addItem(label, event.value)
        self.about = QLineEdit(self)
        self.about.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.recipient = QComboBox(self)
        self.recipient.setEditable(True)
        self.recipient.addItems(context.recipients())
        line = self.recipient.lineEdit()
        assert line is not None  # the combo is editable
        line.setPlaceholderText(self.tr("organisatie, zoals in de toestemming"))
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(self.tr("contactpersoon van de aanmelder"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Moment:"), self.moment)
        self.errors.add_row(self.tr("&Datum van het moment:"), self.about)
        self.errors.add_row(self.tr("&Aan:"), self.recipient)
        self.errors.add_row(self.tr("&T.a.v.:"), self.contact)

        self.sharing = notice_label("", self)
        self.sharing.setAccessibleName(self.tr("Wat wordt gedeeld"))
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Voorbeeld van de brief"))
        self.record = QCheckBox(self.tr("&Vastleggen als terugkoppeling (per brief, vandaag)"), self)
        self.record.setChecked(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Resultaat"))

        self.pdf_button = QPushButton(self.tr("Opslaan als &PDF…"), self)
        self.print_button = QPushButton(self.tr("Af&drukken…"), self)
        self.pdf_button.setDefault(True)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_letter)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch()
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sharing)
        layout.addWidget(QLabel(self.tr("<b>Zo ziet de brief eruit:</b>"), self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.record)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        first_missing = next(iter(context.missing()), None)
        default = first_missing.event if first_missing else PHASE_EVENT[context.state.phase]
        self.moment.setCurrentIndex(self.moment.findData(default.value))
        self._event_changed()
        if context.referrer:
            self.recipient.setCurrentText(context.referrer)
        self.contact.setText(context.contact_for(self.recipient.currentText()))
        self.moment.currentIndexChanged.connect(self._event_changed)
        self.about.textChanged.connect(self.update_letter)
        self.recipient.currentTextChanged.connect(self._recipient_changed)
        self.contact.textChanged.connect(self.update_letter)
        self.guard = UnsavedChangesGuard(self)
        self.update_letter()
        self.moment.setFocus()

    # -- composing -----------------------------------------------------------------------------
    def current_event(self) -> FeedbackEvent:
        return FeedbackEvent(self.moment.currentData())

    def _event_changed(self) -> None:
        day = self.context.event_date(self.current_event())
        self.about.setText(f"{day:%d-%m-%Y}" if day else "")
        self.update_letter()

    def _recipient_changed(self, text: str) -> None:
        self.contact.setText(self.context.contact_for(text))
        self.update_letter()

    def _about(self) -> date | None:
        if not self.about.text().strip():
            return None
        try:
            return parse_date(self.about.text(), self.tr("Datum van het moment"))
        except ValidationError:
            return None  # save_pdf / print_letter report it next to the field

    def update_letter(self) -> None:
        request = self.context.request(
            self.current_event(), self.recipient.currentText(), self.contact.text(), self._about(), self.today
        )
        letter = compose_letter(request)
        self.letter = letter
        self.preview.setHtml(letter_html(letter.letter, point_size=12, with_header=True))
        self._show_sharing(letter)

    def _show_sharing(self, letter: ReferrerLetter) -> None:
        labels = default_code_lists()[ListId.DEEL_CATEGORIE]

        def names(codes: tuple[str, ...]) -> str:
            return ", ".join(escape(item.label if (item := labels.item(code)) else code) for code in codes)

        recipient = escape(letter.recipient or self.tr("(geen ontvanger)"))
        if letter.shares_data and letter.consent is not None:
            consent = letter.consent
            given = f"{consent.granted_on:%d-%m-%Y}" if consent.granted_on else ""
            text = self.tr("<b>Gedeeld met {recipient}:</b> {shared}.<br>Toestemming van {who} ({given}).").format(
                recipient=recipient, shared=names(letter.shared), who=escape(consent.given_by), given=given
            )
            if letter.withheld:
                text += "<br>" + self.tr("<b>Niet gedeeld</b> (geen toestemming): {withheld}.").format(
                    withheld=names(letter.withheld)
                )
            self.sharing.setStyleSheet(SHARED_STYLE)
            self._allow_recording(True)
        else:
            text = self.tr(
                "<b>Geen geldige toestemming</b> om {recipient} iets over dit gezin te vertellen. "
                "De brief zegt alleen dat u zonder toestemming niets mag delen; hij telt niet als terugkoppeling. "
                "Leg eerst toestemming vast (tabblad Toestemming) of kies de juiste ontvanger."
            ).format(recipient=recipient)
            self.sharing.setStyleSheet(ERROR_STYLE if not letter.recipient else NOTICE_STYLE)
            self._allow_recording(False)
        self.sharing.setText(text)

    def _allow_recording(self, allowed: bool) -> None:
        """A letter that shares nothing cannot be recorded: show the box empty, not ticked and grey."""
        if allowed and not self.record.isEnabled():
            self.record.setChecked(not self.recorded_once)
        elif not allowed:
            self.record.setChecked(False)
        self.record.setEnabled(allowed)

    def _check_fields(self) -> bool:
        self.errors.clear()
        if not self.recipient.currentText().strip():
            self.errors.show(self.recipient, self.tr("Aan: vul in aan wie de brief gaat."))
            return False
        if not self.about.text().strip() and self.current_event() is not FeedbackEvent.BESLUIT:
            # The letter states that this happened; without a date the file does not show it did.
            self.errors.show(
                self.about,
                self.tr(
                    "Datum van het moment: dit moment staat nog niet in het dossier. "
                    "Vul de datum in als het wel is gebeurd."
                ),
            )
            return False
        if self.about.text().strip():
            try:
                parse_date(self.about.text(), self.tr("Datum van het moment"))
            except ValidationError as error:
                self.errors.show(self.about, error.message)
                return False
        self.update_letter()
        return True

    # -- producing -----------------------------------------------------------------------------
    def default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        number = self.context.state.traject.case_number or "dossier"
        # No family name in the file name: it shows in folder listings and recent-file lists.
        return Path(folder) / f"terugkoppeling-{number}-{self.current_event().value}.pdf"

    def save_pdf(self) -> None:
        if not self._check_fields():
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Brief opslaan"), str(self.default_path()), self.tr("PDF-bestand (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        letter = self.letter
        assert letter is not None
        self.pdf_button.setEnabled(False)
        self.job = run_with_progress(
            self,
            self.tr("Brief maken"),
            self.tr("De brief wordt gemaakt…"),
            lambda _context: write_referrer_letter(target, letter),
            lambda _result: self._produced(letter, str(target), self.tr("Opgeslagen als {path}.").format(path=target)),
            self._failed,
            cancellable=False,
        )

    def print_letter(self) -> None:
        if not self._check_fields():
            return
        letter = self.letter
        assert letter is not None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Terugkoppeling aan de aanmelder"))
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_letter(letter.letter, printer)
        except OSError as error:
            self._failed(error)
            return
        self._produced(letter, "printer", self.tr("De brief is naar de printer gestuurd."))

    def _produced(self, letter: ReferrerLetter, where: str, message: str) -> None:
        self.pdf_button.setEnabled(True)
        self.produced = True
        if self.record.isEnabled() and self.record.isChecked():
            problems = record_sent(self.store, self.context, letter, self.contact.text(), self.today)
            if problems:
                message += " " + self.tr("Niet vastgelegd: {why}").format(why=problems[0].message)
            else:
                message += " " + self.tr("Vastgelegd als terugkoppeling op {day}.").format(day=dutch_date(self.today))
                self.recorded_once = True
                self.record.setChecked(False)  # a second copy is not a second feedback
                self.recorded.emit()
        self.status.setStyleSheet("")
        self.status.setText("✓ " + message)
        self.letter_done.emit(where)

    def _failed(self, error: BaseException) -> None:
        self.pdf_button.setEnabled(True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.status.setStyleSheet("color: #a4262c; font-weight: bold;")
        self.status.setText("⚠ " + self.tr("De brief is niet gemaakt: {reason}").format(reason=reason))

    def reject(self) -> None:
        if self.produced or self.guard.confirm_discard():
            super().reject()

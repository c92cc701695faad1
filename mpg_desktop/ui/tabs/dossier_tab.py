"""'Dossier en afsluiting': the "Dossier compleet?" panel (spec 6) and the closure form (spec 5.6).

The panel lists the findings of the data-quality rules for the selected traject: errors first
(they block moving on to the phase where the spec needs the data), then warnings, each with what
to do. Findings never block saving anything (spec 0.2). Rules whose input the app does not store
yet are listed as not checked, so an empty list is never mistaken for "complete".
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.closure import Closure, closure_form_complete, is_dropout, validate_closure
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.data_quality import Finding, check_case
from mpg_desktop.models.validation import Severity
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import load_lifecycle
from mpg_desktop.ui.case_record_loader import checked_rules, load_case_record, unchecked_rules
from mpg_desktop.ui.closure_dialog import ClosureDialog
from mpg_desktop.ui.closure_flow import closure_dialog, edit_closure
from mpg_desktop.ui.tabs.base import CaseTab

ERROR_COLOUR = "#a4262c"
WARNING_COLOUR = "#8a5a00"
OK_COLOUR = "#0b6a0b"


def findings_html(findings: list[Finding], unchecked: list[tuple[str, str]]) -> str:
    """The findings as readable HTML: errors, then warnings, then what was not checked."""
    parts = []
    errors = [f for f in findings if f.severity is Severity.FOUT]
    warnings = [f for f in findings if f.severity is Severity.WAARSCHUWING]
    for title, colour, sign, group in (
        ("Fouten: moeten worden opgelost", ERROR_COLOUR, "✖", errors),
        ("Let op: controleer of vul aan", WARNING_COLOUR, "⚠", warnings),
    ):
        if not group:
            continue
        parts.append(f'<h3 style="color:{colour};">{escape(title)} ({len(group)})</h3><ul>')
        parts += [
            f'<li><span style="color:{colour};">{sign}</span> <b>{escape(f.title)}</b>: {escape(f.message)}</li>'
            for f in group
        ]
        parts.append("</ul>")
    if unchecked:
        parts.append('<p style="color:#555;"><b>Niet gecontroleerd:</b></p><ul style="color:#555;">')
        parts += [f"<li>{escape(titles)} ({escape(why)})</li>" for titles, why in unchecked]
        parts.append("</ul>")
    return "\n".join(parts)


class DossierTab(CaseTab):
    """Emits ``closure_saved(traject_id, closure)`` after the closure form was stored."""

    title = "Dossier compleet?"
    closure_saved = Signal(int, object)

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.case: CaseSummary | None = None
        self.findings: list[Finding] = []
        self.closure: Closure | None = None
        self.dialog: ClosureDialog | None = None

        check_box = QGroupBox(self.tr("Dossier compleet?"), self)
        self.summary = QLabel(check_box)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting controle"))
        self.report = QTextBrowser(check_box)
        self.report.setAccessibleName(self.tr("Wat ontbreekt in het dossier"))
        self.refresh_button = QPushButton(self.tr("Opnieuw &controleren"), check_box)
        self.refresh_button.clicked.connect(self.refresh)
        check_buttons = QHBoxLayout()
        check_buttons.addWidget(self.refresh_button)
        check_buttons.addStretch()
        check_layout = QVBoxLayout(check_box)
        check_layout.addWidget(self.summary)
        check_layout.addWidget(self.report)
        check_layout.addLayout(check_buttons)

        closure_box = QGroupBox(self.tr("Afsluiting"), self)
        self.closure_state = QLabel(closure_box)
        self.closure_state.setWordWrap(True)
        self.closure_button = QPushButton(self.tr("&Afsluiten…"), closure_box)
        self.closure_button.setToolTip(
            self.tr("Het afsluitformulier invullen of aanvullen (einddatum, reden, overdracht)")
        )
        self.closure_button.clicked.connect(self.edit_closure)
        closure_layout = QHBoxLayout(closure_box)
        closure_layout.addWidget(self.closure_state, 1)
        closure_layout.addWidget(self.closure_button)

        layout = QVBoxLayout(self)
        layout.addWidget(check_box, 1)
        layout.addWidget(closure_box)

    def load(self, case: CaseSummary) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        """Run the checks again on what is stored now (GUI thread: small reads, pure rules)."""
        if self.case is None:
            return
        today = date.today()
        record = load_case_record(self.store, self.case.traject_id, today)
        self.findings = check_case(record, rules=checked_rules())
        errors = sum(1 for f in self.findings if f.severity is Severity.FOUT)
        warnings = len(self.findings) - errors
        if not self.findings:
            self.summary.setText("✓ " + self.tr("Geen ontbrekende of tegenstrijdige gegevens gevonden."))
            colour = OK_COLOUR
        else:
            if errors:
                text = self.tr(
                    "{errors} fout(en) en {warnings} waarschuwing(en). Los de fouten op: ze houden de casus tegen."
                )
            else:
                text = self.tr("Geen fouten; {warnings} waarschuwing(en) om na te kijken.")
            self.summary.setText(text.format(errors=errors, warnings=warnings))
            colour = ERROR_COLOUR if errors else WARNING_COLOUR
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")
        unchecked = [
            (", ".join(self.tr(rule.title) for rule in rules), self.tr(why)) for rules, why in unchecked_rules()
        ]
        self.report.setHtml(findings_html(self.findings, unchecked))
        self._show_closure(today)

    def _show_closure(self, today: date) -> None:
        assert self.case is not None
        state = load_lifecycle(self.store, self.case.traject_id)
        closure = self.closure = state.closure
        if closure is None:
            self.closure_state.setText(self.tr("Het afsluitformulier is nog niet ingevuld."))
            return
        reasons = default_code_lists()[ListId.REDEN_BEEINDIGING]
        reason = reasons.display(closure.reason) if closure.reason else self.tr("geen reden")
        end = f"{closure.end_date:%d-%m-%Y}" if closure.end_date else self.tr("geen einddatum")
        kind = self.tr(" (uitval)") if is_dropout(closure) else ""
        if closure_form_complete(closure, start=state.start_date, today=today):
            status = "✓ " + self.tr("compleet")
        else:
            missing = sum(
                1
                for issue in validate_closure(closure, start=state.start_date, today=today)
                if issue.severity is Severity.FOUT
            )
            status = "⚠ " + self.tr("nog {count} gegeven(s) nodig").format(count=missing)
        self.closure_state.setText(
            self.tr("Einddatum {end}; reden: {reason}{kind}. Formulier: {status}.").format(
                end=end, reason=reason, kind=kind, status=status
            )
        )

    def closure_form(self) -> ClosureDialog:
        assert self.case is not None
        dialog = closure_dialog(self.store, self.case.traject_id, self)
        self.dialog = dialog
        return dialog

    def edit_closure(self) -> None:
        if self.case is None:
            return
        try:
            closure = edit_closure(self, self.store, self.case.traject_id, dialog=self.closure_form())
        finally:
            self.dialog = None
        if closure is None:
            return
        self.refresh()
        self.closure_saved.emit(self.case.traject_id, closure)
        self.changed.emit()

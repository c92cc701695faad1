"""Consent register, referrer letter, closure form and the "Dossier compleet?" panel.

Modal dialogs are driven by replacing their ``exec`` with a function that fills the form and
presses Save, so the flows run exactly as for a coach without a nested event loop or sleeps.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QThread
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QWidget

from mpg_desktop.models.admission import Decision, DecisionKind
from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.closure import Closure, Handover, Success
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import Referral, ReferrerContact, RiskFactorMark
from mpg_desktop.models.referrer_feedback import FeedbackEvent, ReferrerFeedback
from mpg_desktop.models.traject import Traject
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import create_family, list_case_summaries
from mpg_desktop.storage.lifecycle_repository import (
    RecordKind,
    list_consents,
    list_records,
    load_lifecycle,
    register_referral,
    save_closure,
    save_consent,
    save_decision,
)
from mpg_desktop.ui.closure_dialog import ClosureDialog
from mpg_desktop.ui.consent_dialog import ConsentDialog, WithdrawDialog
from mpg_desktop.ui.feedback_dialog import FeedbackDialog
from mpg_desktop.ui.feedback_flow import load_feedback_context
from mpg_desktop.ui.tabs.consent_tab import ConsentTab
from mpg_desktop.ui.tabs.dossier_tab import DossierTab
from mpg_desktop.ui.workers import Job

TODAY = date.today()
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is missing: install the Debian package poppler-utils"
)
PLANTED = ("Fatima", "El Amrani", "Yusuf", "bipolaire", "Psychiatrie", "drinkt", "elke week bellen", "Verslavingszorg")


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def tab_of(main_window, kind: type[QWidget]):  # type: ignore[no-untyped-def]
    return next(page for page in main_window.case_view.tab_pages if isinstance(page, kind))


def open_case(main_window, name: str) -> None:  # type: ignore[no-untyped-def]
    main_window.search.setText(name)
    main_window.table.selectRow(0)
    assert main_window.case_view.case is not None and name in main_window.case_view.case.family_name


def recorder(answer: object) -> tuple[list[tuple[object, ...]], Callable[..., object]]:
    """A stand-in for a static dialog function: remembers each call and gives ``answer``."""
    calls: list[tuple[object, ...]] = []

    def record(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return answer

    return calls, record


def run_instead_of_exec(monkeypatch: pytest.MonkeyPatch, dialog_class: type[QDialog], fill: Callable) -> list:
    """Replace ``dialog_class.exec``: ``fill(dialog)`` types into the form and presses Save."""
    seen: list = []

    def exec_(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return seen


# -- consent register ----------------------------------------------------------------------------


def test_consent_dialog_explains_what_is_missing_next_to_the_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ConsentDialog(recipients=["CJG"], people=["Fatima El Amrani"], recorded_by="Coach Test", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.granted_on.setText((TODAY + timedelta(days=3)).strftime("%d-%m-%Y"))
    qtbot.keyClick(dialog.granted_on, Qt.Key.Key_Return)  # Enter saves
    messages = "\n".join(dialog.errors.visible_messages())
    assert dialog.consent() is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "Ontvanger is verplicht" in messages
    assert "kies minstens één soort gegevens" in messages
    assert "Datum toestemming ligt in de toekomst" in messages
    assert "Getekend door is verplicht" in messages and "Rol is verplicht" in messages
    assert "Vorm (schriftelijk of mondeling) is verplicht" in messages


def test_add_consent_then_withdraw_keeps_history(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    open_case(main_window, "Pinas")
    tab = tab_of(main_window, ConsentTab)
    family_id = tab.case.family_id
    assert tab.consent_table.rowCount() == 0

    def fill(dialog: ConsentDialog) -> None:
        assert "Voornaam0 Pinas" in [dialog.given_by.itemText(i) for i in range(dialog.given_by.count())]
        dialog.recipient.setCurrentText("CJG")
        dialog.categories.set_codes(["status", "voortgang"])
        dialog.given_by.setCurrentText("Voornaam0 Pinas")
        dialog.role.set_code("ouder_met_gezag")
        dialog.form.setCurrentIndex(dialog.form.findData(ConsentForm.SCHRIFTELIJK.value))
        dialog.save()

    run_instead_of_exec(monkeypatch, ConsentDialog, fill)
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        tab.add_consent()
    stored = list_consents(main_window.store, family_id)
    assert len(stored) == 1
    consent = stored[0][1]
    assert consent.purpose.code == "terugkoppeling_aanmelder" and consent.recipient == "CJG"
    assert consent.categories == ("status", "voortgang") and consent.granted_on == TODAY
    assert consent.recorded_by == "Coach Test" and consent.withdrawn_on is None
    assert tab.consent_table.rowCount() == 1 and tab.consent_table.item(0, 1).text() == "Geldig"

    def withdraw(dialog: WithdrawDialog) -> None:
        assert dialog.withdrawn_on.text() == TODAY.strftime("%d-%m-%Y")
        dialog.save()

    run_instead_of_exec(monkeypatch, WithdrawDialog, withdraw)
    tab.consent_table.selectRow(0)
    assert tab.withdraw_button.isEnabled()
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        tab.withdraw_selected()
    stored = list_consents(main_window.store, family_id)
    assert len(stored) == 1, "withdrawing keeps the consent as history"
    assert stored[0][1].withdrawn_on == TODAY and stored[0][1].categories == ("status", "voortgang")
    assert not stored[0][1].active_on(TODAY)
    assert tab.consent_table.item(0, 1).text() == f"Ingetrokken op {TODAY:%d-%m-%Y}"
    tab.consent_table.selectRow(0)
    assert not tab.withdraw_button.isEnabled() and not tab.edit_button.isEnabled()


def test_withdrawal_date_before_the_consent_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    consent = Consent(
        Choice("terugkoppeling_aanmelder"),
        "CJG",
        ("status",),
        TODAY - timedelta(days=10),
        "Fatima",
        Choice("ouder_met_gezag"),
        ConsentForm.MONDELING,
    )
    dialog = WithdrawDialog(consent, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.withdrawn_on.setText((TODAY - timedelta(days=20)).strftime("%d-%m-%Y"))
    dialog.save()
    assert dialog.consent() is None
    assert any("vóór de datum van toestemming" in m for m in dialog.errors.visible_messages())


# -- the referrer letter -------------------------------------------------------------------------


def case_with_planted_data(store: CaseStore) -> int:
    """A referred family with data that must never reach a referrer, a status-only consent for
    the referrer (CJG) and a filled-in closure form."""
    family = Family(
        "Familie Jansen",
        (
            Person("Fatima", "El Amrani", date(1986, 4, 2), Role.MOEDER, Sex.VROUW),
            Person("Yusuf", "Jansen", date(2015, 6, 1), Role.KIND, Sex.MAN),
        ),
    )
    referral = Referral(
        referral_date=TODAY - timedelta(days=200),
        referrer_type=Choice("professional"),
        referring_organisation=Choice("cjg"),
        referrer_contact=ReferrerContact("Marieke Bakker", "jeugdverpleegkundige"),
        risk_factors=(RiskFactorMark(Choice("psychiatrie"), explanation="diagnose bipolaire stoornis"),),
    )
    family_id, traject_id = register_referral(store, family, referral)
    save_decision(store, traject_id, Decision(DecisionKind.GO, TODAY - timedelta(days=190), "Team", coach="Sanne"))
    save_closure(
        store,
        traject_id,
        Closure(
            end_date=TODAY - timedelta(days=2),
            reason=Choice("doelen_behaald"),
            success=Success.JA,
            coach_impression="Moeder drinkt minder",
            handovers=(Handover("Verslavingszorg Noord"),),
            aftercare_agreed=True,
            aftercare_note="elke week bellen",
        ),
    )
    status_only = Consent(
        Choice("terugkoppeling_aanmelder"),
        "CJG",
        ("status",),
        TODAY - timedelta(days=150),
        "Fatima El Amrani",
        Choice("ouder_met_gezag"),
        ConsentForm.SCHRIFTELIJK,
    )
    save_consent(store, family_id, status_only)
    return traject_id


def feedback_dialog(qtbot, store: CaseStore, traject_id: int) -> FeedbackDialog:  # type: ignore[no-untyped-def]
    dialog = FeedbackDialog(store, load_feedback_context(store, traject_id), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.moment.setCurrentIndex(dialog.moment.findData(FeedbackEvent.AFSLUITING.value))
    return dialog


def save_as_pdf(qtbot, dialog: FeedbackDialog, path: Path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), "PDF"))
    threads: list[bool] = []
    app = QCoreApplication.instance()
    assert app is not None
    dialog.letter_done.connect(lambda _where: threads.append(QThread.currentThread() is app.thread()))
    with qtbot.waitSignal(dialog.letter_done, timeout=10_000):
        dialog.pdf_button.click()
    qtbot.waitUntil(lambda: Job.running_count() == 0, timeout=10_000)
    assert threads == [True], "the result is handled on the GUI thread"
    return pdf_text(path)


@needs_pdftotext
def test_letter_to_a_recipient_without_consent_says_only_the_minimum(qtbot, store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    traject_id = case_with_planted_data(store)
    dialog = feedback_dialog(qtbot, store, traject_id)
    dialog.recipient.setCurrentText("Politie")
    assert dialog.contact.text() == ""  # the referrer's contact is only offered for the referrer
    assert "Geen geldige toestemming" in dialog.sharing.text() and not dialog.record.isEnabled()
    text = save_as_pdf(qtbot, dialog, tmp_path / "politie.pdf", monkeypatch)
    referred = TODAY - timedelta(days=200)
    assert "Politie" in text
    assert "Die toestemming hebben wij nu niet." in text
    assert "Daarom staat er in deze brief niets over het gezin of over de hulp." in text
    assert f"Kenmerk {load_lifecycle(store, traject_id).traject.case_number}" in text
    assert "aanmelding van" in text and str(referred.year) in text
    for outside in ("Jansen", "gestopt", "doelen", "Marieke", *PLANTED):
        assert outside not in text, outside
    assert list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback) == []
    assert "Opgeslagen als" in dialog.status.text()


@needs_pdftotext
def test_letter_to_the_referrer_shares_the_status_and_is_recorded(qtbot, store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    traject_id = case_with_planted_data(store)
    dialog = feedback_dialog(qtbot, store, traject_id)
    assert dialog.recipient.currentText() == "CJG" and dialog.contact.text() == "Marieke Bakker"
    assert dialog.about.text() == (TODAY - timedelta(days=2)).strftime("%d-%m-%Y")
    assert "Gedeeld met CJG" in dialog.sharing.text() and "Niet gedeeld" in dialog.sharing.text()
    assert "De hulp aan het gezin is gestopt" in dialog.preview.toPlainText()
    text = save_as_pdf(qtbot, dialog, tmp_path / "cjg.pdf", monkeypatch)
    assert "Beste Marieke Bakker," in text and "Betreft: Familie Jansen" in text
    assert "De hulp aan het gezin is gestopt op" in text
    assert "Over andere dingen mogen wij u niets vertellen." in text
    for outside in ("doelen gehaald", "geslaagd", "nazorg", *PLANTED):
        assert outside not in text, outside
    records = [r for _id, r in list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback)]
    assert len(records) == 1
    assert records[0].event is FeedbackEvent.AFSLUITING and records[0].recipient == "CJG"
    assert records[0].given_on == TODAY and records[0].channel == Choice("brief") and records[0].category == "status"
    assert "Vastgelegd als terugkoppeling" in dialog.status.text()
    assert FeedbackEvent.AFSLUITING not in {m.event for m in load_feedback_context(store, traject_id).missing()}


def test_a_letter_that_cannot_be_written_is_reported_and_not_recorded(qtbot, store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    traject_id = case_with_planted_data(store)
    dialog = feedback_dialog(qtbot, store, traject_id)
    missing_folder = tmp_path / "bestaat-niet" / "brief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing_folder), "PDF"))
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: Job.running_count() == 0 and dialog.pdf_button.isEnabled(), timeout=10_000)
    assert "De brief is niet gemaakt" in dialog.status.text()
    assert not missing_folder.exists() and not missing_folder.parent.exists()
    assert list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback) == []


def test_a_moment_the_file_does_not_show_is_not_written_up(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The case never started: a 'start' letter would state something the file does not show."""
    traject_id = case_with_planted_data(store)
    dialog = feedback_dialog(qtbot, store, traject_id)
    dialog.moment.setCurrentIndex(dialog.moment.findData(FeedbackEvent.START.value))
    assert dialog.about.text() == ""
    asked, chooser = recorder(("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser)
    dialog.pdf_button.click()
    assert asked == []
    assert any("staat nog niet in het dossier" in m for m in dialog.errors.visible_messages())
    assert list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback) == []


@needs_pdftotext
def test_printing_lays_out_the_same_letter(qtbot, store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    traject_id = case_with_planted_data(store)
    dialog = feedback_dialog(qtbot, store, traject_id)
    dialog.record.setChecked(False)
    target = tmp_path / "printed.pdf"

    def to_file(chooser: QPrintDialog) -> int:
        printer = chooser.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    with qtbot.waitSignal(dialog.letter_done, timeout=5000) as done:
        dialog.print_button.click()
    assert done.args == ["printer"]
    text = pdf_text(target)
    assert "De hulp aan het gezin is gestopt op" in text and "Pagina 1 van 1" in text and "Vertrouwelijk" in text
    for outside in PLANTED:
        assert outside not in text
    assert list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback) == []  # unticked


def test_feedback_tab_lists_what_is_still_due(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    traject_id = case_with_planted_data(store)
    tab = ConsentTab(store)
    qtbot.addWidget(tab)
    tab.load(next(c for c in list_case_summaries(store) if c.traject_id == traject_id))
    assert tab.referrer.text() == "Aanmelder: CJG"
    assert "Nog terug te koppelen: Besluit over de aanmelding" in tab.due.text()
    first = tab.consent_table.item(0, 0)
    assert tab.consent_table.rowCount() == 1 and first is not None and first.text() == "CJG"


# -- closure -------------------------------------------------------------------------------------


def error_below(field: QWidget, text: str) -> bool:
    """A visible message containing ``text`` starts right under ``field``, aligned with it."""
    window = field.window()
    below = field.mapTo(window, QPoint(0, field.height()))
    for label in window.findChildren(QLabel):
        if label.isVisible() and text in label.text():
            corner = label.mapTo(window, QPoint(0, 0))
            if abs(corner.x() - below.x()) <= 4 and 0 <= corner.y() - below.y() <= 40:
                return True
    return False


def test_closure_refuses_a_missing_end_date_next_to_the_field(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = ClosureDialog(start=date(2025, 2, 3), today=date(2025, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.set_code("doelen_behaald")
    asked, question = recorder(QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(dialog.end_date, Qt.Key.Key_Return)  # Enter saves
    assert dialog.isVisible() and dialog.closure() is None
    assert asked == []  # refused outright: no "save anyway?" question
    messages = dialog.end_errors.visible_messages()
    assert any("Einddatum begeleiding is verplicht" in m for m in messages)
    qtbot.waitUntil(lambda: error_below(dialog.end_date, "Einddatum begeleiding is verplicht"), timeout=2000)
    assert dialog.focusWidget() is dialog.end_date  # the first wrong field gets the cursor

    qtbot.keyClicks(dialog.end_date, "01-01-2025")
    qtbot.keyClick(dialog.end_date, Qt.Key.Key_Return)
    assert dialog.closure() is None
    assert any("ligt vóór de start (03-02-2025)" in m for m in dialog.end_errors.visible_messages())

    dialog.end_date.setText("31-02-2025")
    dialog.save()
    assert dialog.closure() is None
    assert any("31-02-2025 bestaat niet" in m for m in dialog.end_errors.visible_messages())


def test_escape_asks_before_throwing_away_the_closure_form(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = ClosureDialog(start=date(2025, 2, 3), today=date(2025, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.end_date, "14-11-2025")
    qtbot.keyClick(dialog.end_date, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "niet zijn opgeslagen" in asked[0]  # Cancel keeps the typed date
    qtbot.keyClick(dialog.end_date, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 2 and dialog.closure() is None


def test_incomplete_closure_can_be_saved_after_asking(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = ClosureDialog(start=date(2025, 2, 3), today=date(2025, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.end_date.setText("14-11-2025")
    dialog.reason.set_code("uitval_onbereikbaar")
    assert dialog.dropout_box.isVisible() and not dialog.regular_box.isVisible()
    dialog.save()
    assert dialog.closure() is None and "Er ontbreken nog" in asked[0]
    assert any("Laatste contact is verplicht" in m for m in dialog.dropout_errors.visible_messages())
    qtbot.waitUntil(lambda: error_below(dialog.last_contact, "Laatste contact is verplicht"), timeout=2000)
    dialog.last_contact.setText("02-10-2025")
    dialog.attempts.setValue(6)
    dialog.save()
    closure = dialog.closure()
    assert closure is not None and len(asked) == 2
    assert closure.end_date == date(2025, 11, 14) and closure.reason == Choice("uitval_onbereikbaar")
    assert closure.dropout is not None and closure.dropout.contact_attempts == 6
    assert closure.dropout.last_contact_on == date(2025, 10, 2) and closure.stability == ()


def test_complete_closure_saves_without_asking(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ClosureDialog(start=date(2025, 2, 3), today=date(2025, 11, 20))
    qtbot.addWidget(dialog)
    dialog.end_date.setText("14-11-2025")
    dialog.reason.set_code("doelen_behaald")
    dialog.success.setCurrentIndex(dialog.success.findData(Success.JA.value))
    for _domain, stable, _note in dialog.stability.rows:
        stable.set_value(Tri.JA)
    dialog.impression.setPlainText("Goed verlopen")
    dialog.goal_notes.setPlainText("Drie van vier doelen gehaald")
    dialog.conclusions.setPlainText("Zelf verder")
    dialog.handovers.setPlainText("Maatschappelijk werk Noord, Lotte de Wit")
    dialog.follow_on_help.set_value(Tri.NEE)
    dialog.aftercare.setCurrentIndex(dialog.aftercare.findData("nee"))
    dialog.referrer_informed.setText("20-11-2025")
    dialog.save()  # the autouse fixture fails the test if a question were asked
    closure = dialog.closure()
    assert closure is not None
    assert closure.handovers == (Handover("Maatschappelijk werk Noord", "Lotte de Wit"),)
    assert len(closure.stability) == 9 and closure.referrer_informed_on == date(2025, 11, 20)


def test_closure_from_the_tab_is_stored_and_announced(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    open_case(main_window, "Kaya")
    tab = tab_of(main_window, DossierTab)
    traject_id = tab.case.traject_id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)

    def fill(dialog: ClosureDialog) -> None:
        dialog.end_date.setText(TODAY.strftime("%d-%m-%Y"))
        dialog.reason.set_code("verhuisd")
        dialog.save()

    run_instead_of_exec(monkeypatch, ClosureDialog, fill)
    with qtbot.waitSignal(tab.closure_saved, timeout=5000) as saved, qtbot.waitSignal(main_window.cases_loaded):
        tab.closure_button.click()
    assert saved.args[0] == traject_id and saved.args[1].reason == Choice("verhuisd")
    stored = load_lifecycle(main_window.store, traject_id)
    assert stored.closure is not None and stored.end_date == TODAY
    assert stored.phase is Phase.INFORMATIEFASE  # the phase screen moves the case, not this form
    assert "uitval" in tab.closure_state.text() and "nog" in tab.closure_state.text()


# -- "Dossier compleet?" ---------------------------------------------------------------------------


def summary_for(store: CaseStore, traject_id: int) -> CaseSummary:
    return next(c for c in list_case_summaries(store) if c.traject_id == traject_id)


def test_completeness_panel_shows_a_missing_household(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    _family, empty = create_family(store, Family("Familie Leeg", ()), Traject(TODAY, phase=Phase.INFORMATIEFASE))
    members = (
        Person("Rosa", "Smit", date(1990, 1, 1), Role.MOEDER, Sex.VROUW),
        Person("Tim", "Smit", date(2016, 1, 1), Role.KIND, Sex.MAN),
    )
    _family, full = create_family(store, Family("Familie Smit", members), Traject(TODAY, phase=Phase.INFORMATIEFASE))
    tab = DossierTab(store)
    qtbot.addWidget(tab)

    tab.load(summary_for(store, empty))
    household = [f for f in tab.findings if f.rule_id == "huishouden"]
    assert [f.severity.value for f in household] == ["fout"]
    report = tab.report.toPlainText()
    assert "Fouten: moeten worden opgelost" in report
    assert "Gezinssamenstelling: Vul de gezinssamenstelling aan: minstens één volwassene en één kind" in report
    assert report.index("Gezinssamenstelling") < report.index("Niet gecontroleerd")
    assert "Nulmeting compleet (de nulmeting en de scores per leefgebied staan nog niet in de app)" in report
    assert "fout(en)" in tab.summary.text()

    tab.load(summary_for(store, full))
    assert not [f for f in tab.findings if f.rule_id == "huishouden"]
    assert "Vul de gezinssamenstelling aan" not in tab.report.toPlainText()


def test_both_tabs_are_in_the_case_view(main_window) -> None:  # type: ignore[no-untyped-def]
    titles = [main_window.case_view.tabs.tabText(i) for i in range(main_window.case_view.tabs.count())]
    assert "Toestemming" in titles and "Dossier compleet?" in titles

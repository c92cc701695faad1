"""Contacten and Verslaglegging: contact log with weekly summaries, MDO, aftercare, requests to
partners and the dossier checklist; keyboard use, messages next to fields, undo, and persistence."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mpg_desktop.models.aftercare import AftercareAction, AftercareBy, AftercareContact
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.contact_log import ContactLogEntry, WeeklySummary, iso_week
from mpg_desktop.models.dossier import DossierItem
from mpg_desktop.models.mdo import MdoRecord
from mpg_desktop.models.partner_request import PartnerRequest
from mpg_desktop.models.traject import Contact
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import add_contacts
from mpg_desktop.storage.lifecycle_repository import RecordKind, add_record, list_records
from mpg_desktop.ui.records.urgency import URGENCY_COLOURS
from mpg_desktop.ui.tabs.contacts_tab import ContactsTab
from mpg_desktop.ui.tabs.records_tab import RecordsTab
from mpg_desktop.ui.workers import STORE_POOL, Job
from tests.conftest import PASSPHRASE

TODAY = date.today()
LAST_WEEK_MONDAY = TODAY - timedelta(days=TODAY.weekday() + 7)


def open_case(main_window, name: str, tab_type):  # type: ignore[no-untyped-def]
    main_window.search.setText(name)
    main_window.table.selectRow(0)
    assert main_window.case_view.case.family_name == f"Familie {name}"
    tab = next(page for page in main_window.case_view.tab_pages if isinstance(page, tab_type))
    main_window.case_view.tabs.setCurrentWidget(tab)
    return tab


def records(store: CaseStore, traject_id: int, kind: RecordKind, record_type):  # type: ignore[no-untyped-def]
    return [record for _id, record in list_records(store, traject_id, kind, record_type)]


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.selectAll()
    qtbot.keyClicks(field, text)


def choose(qtbot, combo, code: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item with the arrow keys, as a coach without a mouse would."""
    combo.setFocus()
    combo.setCurrentIndex(0)
    for _ in range(combo.findData(code)):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == code


def test_add_a_contact_by_keyboard(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    tab = open_case(main_window, "Pinas", ContactsTab)
    traject_id = tab.log.context.traject_id
    dialog = tab.log.add()
    dialog.activateWindow()  # as when a coach opens it
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert dialog.present.count() == 2  # the household's members, to tick who was there
    yesterday = TODAY - timedelta(days=1)

    def tab_to(widget) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is widget

    assert dialog.focusWidget() is dialog.day  # the cursor starts in the first field
    dialog.day.selectAll()
    qtbot.keyClicks(dialog.day, f"{yesterday:%d-%m-%Y}")
    tab_to(dialog.time)
    qtbot.keyClicks(dialog.time, "10:30")  # Tab selected the old text: typing replaces it
    tab_to(dialog.contact_type.combo)
    qtbot.keyClick(dialog.contact_type.combo, Qt.Key.Key_Down)  # the first item: Huisbezoek
    tab_to(dialog.minutes)
    qtbot.keyClicks(dialog.minutes, "45")
    tab_to(dialog.present)
    qtbot.keyClick(dialog.present, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.present, Qt.Key.Key_Space)
    tab_to(dialog.others)
    tab_to(dialog.summary)
    qtbot.keyClicks(dialog.summary, "Samen de post doorgenomen.")
    tab_to(dialog.safety)
    qtbot.keyClick(dialog.safety, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.safety, Qt.Key.Key_Down)  # Ja, then Nee
    tab_to(dialog.safety_note)
    tab_to(dialog.follow_up)
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)  # Enter saves
    [entry] = records(main_window.store, traject_id, RecordKind.CONTACT, ContactLogEntry)
    assert entry.at == datetime.combine(yesterday, time(10, 30))
    assert entry.contact_type is not None and entry.contact_type.code == "huisbezoek"
    assert entry.duration_minutes == 45 and entry.safety_concern is Tri.NEE
    assert len(entry.present_member_ids) == 1
    assert tab.log.table.item(0, 2).text() == "Huisbezoek"
    assert tab.log.table.item(0, 5).text() == "Samen de post doorgenomen."
    assert tab.log.notice.text() == "1 contact"


def test_impossible_date_is_explained_next_to_the_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    qtbot, main_window, monkeypatch
) -> None:
    tab = open_case(main_window, "Pinas", ContactsTab)
    dialog = tab.log.add()
    type_into(qtbot, dialog.day, "31-02-2026")
    choose(qtbot, dialog.contact_type.combo, "telefoon")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    assert dialog.isVisible()
    messages = dialog.errors.visible_messages()
    assert any("31-02-2026 bestaat niet" in m for m in messages)
    assert records(main_window.store, tab.log.context.traject_id, RecordKind.CONTACT, ContactLogEntry) == []
    assert dialog.focusWidget() is dialog.day
    asked: list[str] = []

    def discard(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels, but asks first: something was typed
    assert asked and "niet zijn opgeslagen" in asked[0]
    assert not dialog.isVisible()


def test_domain_findings_show_first_and_a_second_save_stores_anyway(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    tab = open_case(main_window, "Pinas", ContactsTab)
    dialog = tab.log.add()
    type_into(qtbot, dialog.day, f"{TODAY - timedelta(days=2):%d-%m-%Y}")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)  # no contact type: required
    assert dialog.isVisible() and any("Soort contact is verplicht" in m for m in dialog.errors.visible_messages())
    assert dialog.save_button.text() == "Toch &opslaan"
    assert records(main_window.store, tab.log.context.traject_id, RecordKind.CONTACT, ContactLogEntry) == []
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        qtbot.keyClick(dialog.day, Qt.Key.Key_Return)  # incomplete forms may be saved (spec 0.2)
    [entry] = records(main_window.store, tab.log.context.traject_id, RecordKind.CONTACT, ContactLogEntry)
    assert entry.contact_type is None


def test_edit_remove_and_undo_a_contact(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = open_case(main_window, "Jansen", ContactsTab)
    traject_id = tab.log.context.traject_id
    first = ContactLogEntry(datetime(2026, 1, 5, 9, 0), None, 30, summary="Kennismaking", goal_keys=("g1",))
    add_record(main_window.store, traject_id, RecordKind.CONTACT, first, first.at.date())
    tab.load(tab.log.context.case)
    tab.log.table.selectRow(0)
    dialog = tab.log.edit_selected()
    assert dialog is not None and dialog.summary.toPlainText() == "Kennismaking"
    choose(qtbot, dialog.contact_type.combo, "kantoor")
    dialog.summary.setPlainText("Kennismaking op kantoor, met oma erbij")
    dialog.activateWindow()  # shortcuts work in the active window, as the dialog is when a coach opens it
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    [edited] = records(main_window.store, traject_id, RecordKind.CONTACT, ContactLogEntry)
    assert edited.summary == "Kennismaking op kantoor, met oma erbij"
    assert edited.contact_type is not None and edited.contact_type.code == "kantoor"
    assert edited.goal_keys == ("g1",)  # kept although the form does not show it

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.log.table.selectRow(0)
    tab.log.remove_selected()
    assert records(main_window.store, traject_id, RecordKind.CONTACT, ContactLogEntry) == []
    assert tab.log.undo_button.isVisible() and "verwijderd" in tab.log.status.text()
    tab.log.undo_remove()
    assert records(main_window.store, traject_id, RecordKind.CONTACT, ContactLogEntry) == [edited]
    assert not tab.log.undo_button.isVisible()


def test_older_contacts_stay_visible_read_only(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    tab = open_case(main_window, "Kaya", ContactsTab)
    traject_id = tab.log.context.traject_id
    add_contacts(main_window.store, traject_id, [Contact(LAST_WEEK_MONDAY, "telefonisch", 20, "Afspraak gemaakt")])
    tab.load(tab.log.context.case)
    assert tab.log.table.rowCount() == 1
    assert tab.log.table.item(0, 2).text() == "Telefoon"
    assert tab.log.table.item(0, 0).font().italic()
    tab.log.table.selectRow(0)
    assert not tab.log.edit_button.isEnabled() and not tab.log.remove_button.isEnabled()
    assert tab.log.edit_selected() is None


def test_draft_and_save_a_weekly_summary(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    tab = open_case(main_window, "Pinas", ContactsTab)
    traject_id = tab.log.context.traject_id
    visit = ContactLogEntry(
        datetime.combine(LAST_WEEK_MONDAY, time(10)),
        Choice("huisbezoek"),
        60,
        summary="Huisbezoek, schulden op een rij",
        safety_concern=Tri.JA,
        safety_note="Ruzie gehoord",
    )
    add_record(main_window.store, traject_id, RecordKind.CONTACT, visit, LAST_WEEK_MONDAY)
    add_contacts(main_window.store, traject_id, [Contact(LAST_WEEK_MONDAY + timedelta(days=2), "telefonisch", 10)])
    tab.load(tab.log.context.case)
    week = iso_week(LAST_WEEK_MONDAY)
    assert tab.overview.selected_week() == week
    assert "ontbreekt" in tab.overview.weeks.currentItem().text()
    assert tab.overview.open_button.text() == "&Concept maken…"
    dialog = tab.overview.open_selected()
    draft = dialog.activities.toPlainText()
    assert "2 contact(en), 70 minuten" in draft and "Ruzie gehoord" in draft

    qtbot.keyClick(dialog.author, Qt.Key.Key_Return)  # keuzes, knelpunten and veiligheid are still empty
    assert dialog.isVisible()
    assert any("Gemaakte keuzes" in m for m in dialog.errors.visible_messages())
    assert records(main_window.store, traject_id, RecordKind.WEEKLY_SUMMARY, WeeklySummary) == []

    qtbot.keyClicks(dialog.choices, "Eerst de huur, dan de energie.")
    qtbot.keyClicks(dialog.bottlenecks, "Vader niet bereikbaar.")
    choose(qtbot, dialog.safety, Tri.JA.value)
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        qtbot.keyClick(dialog.author, Qt.Key.Key_Return)
    [summary] = records(main_window.store, traject_id, RecordKind.WEEKLY_SUMMARY, WeeklySummary)
    assert summary.week == week and summary.text == draft and summary.safety_addressed is Tri.JA
    assert summary.written_by == "Coach Test"
    assert "klaar" in tab.overview.weeks.currentItem().text()
    assert tab.overview.open_button.text() == "Weekoverzicht &openen…"


def test_records_are_kept_and_shown_after_reopening(  # type: ignore[no-untyped-def]
    qtbot, main_window, store_dir: Path
) -> None:
    active = open_case(main_window, "Pinas", RecordsTab)
    assert not active.pages.isTabVisible(active.aftercare_index)  # no empty aftercare page while working
    tab = open_case(main_window, "de Vries", RecordsTab)
    assert tab.pages.isTabVisible(tab.aftercare_index)  # closed case: aftercare is relevant
    case = tab.mdo.context.case
    traject_id = case.traject_id

    dialog = tab.mdo.add()
    choose(qtbot, dialog.meeting_type.combo, "mdo")
    assert dialog.chair.text() == "Coach Test"
    qtbot.keyClicks(dialog.present, "Wijkagent Bakker")
    dialog.family_present.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.agreements.add_row("Aanvraag schuldhulp", "Moeder", f"{TODAY + timedelta(days=14):%d-%m-%Y}")
    with qtbot.waitSignal(tab.changed, timeout=1000):
        qtbot.keyClick(dialog.chair, Qt.Key.Key_Return)
    assert tab.mdo.table.rowCount() == 1 and "Aanvraag schuldhulp" in tab.mdo.table.item(0, 4).text()

    dialog = tab.aftercare.add()
    type_into(qtbot, dialog.on, f"{TODAY - timedelta(days=3):%d-%m-%Y}")
    choose(qtbot, dialog.by, AftercareBy.COACH.value)
    choose(qtbot, dialog.contact_type.combo, "telefoon")
    choose(qtbot, dialog.on_track, Tri.JA.value)
    choose(qtbot, dialog.action.combo, AftercareAction.GEEN.value)
    with qtbot.waitSignal(tab.changed, timeout=1000):
        qtbot.keyClick(dialog.on, Qt.Key.Key_Return)
    assert tab.aftercare.table.rowCount() == 1

    dialog = tab.requests.add()
    qtbot.keyClicks(dialog.organisation, "Stadsbank")
    choose(qtbot, dialog.subject.combo, "financien")
    choose(qtbot, dialog.urgency.combo, "code_rood")
    choose(qtbot, dialog.evidence, "nee")
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)  # code rood without proof: a warning first
    assert any("zonder bewijsstukken" in m for m in dialog.errors.visible_messages())
    with qtbot.waitSignal(tab.changed, timeout=1000):
        qtbot.keyClick(dialog.organisation, Qt.Key.Key_Return)
    urgency = tab.requests.table.item(0, 1)
    assert urgency.text() == "Code rood"
    assert urgency.background().color().name() == URGENCY_COLOURS["code_rood"][0]
    assert "Code rood: 1 van 1" in tab.requests.notice.text()

    parts = [tab.dossier.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(tab.dossier.table.rowCount())]
    mdo_row = tab.dossier.table.item(parts.index("mdo_verslagen"), 0)
    assert mdo_row.checkState() == Qt.CheckState.Checked  # ticked by the MDO record itself
    row = parts.index("correspondentie")
    assert tab.dossier.table.item(row, 0).checkState() == Qt.CheckState.Unchecked
    tab.dossier.table.setFocus()
    tab.dossier.table.setCurrentCell(row, 0)
    qtbot.keyClick(tab.dossier.table, Qt.Key.Key_Space)
    assert tab.dossier.table.item(row, 0).checkState() == Qt.CheckState.Checked
    assert "Correspondentie" not in tab.dossier.summary.text()

    STORE_POOL.waitForDone()
    qtbot.waitUntil(lambda: Job.running_count() == 0, timeout=10_000)
    main_window.store.close()
    reopened = CaseStore.open(store_dir, PASSPHRASE)
    try:
        [mdo] = records(reopened, traject_id, RecordKind.MDO, MdoRecord)
        assert mdo.meeting_type is not None and mdo.present == ("Wijkagent Bakker",)
        assert mdo.agreements[0].what == "Aanvraag schuldhulp" and mdo.agreements[0].who == "Moeder"
        [aftercare] = records(reopened, traject_id, RecordKind.AFTERCARE_CONTACT, AftercareContact)
        assert aftercare.action is AftercareAction.GEEN and aftercare.still_on_track is Tri.JA
        [request] = records(reopened, traject_id, RecordKind.PARTNER_REQUEST, PartnerRequest)
        assert request.urgency is not None and request.urgency.code == "code_rood"
        assert request.evidence_attached is False and request.organisation == "Stadsbank"
        [ticked] = records(reopened, traject_id, RecordKind.DOSSIER_PART, DossierItem)
        assert ticked.part == "correspondentie" and ticked.present

        again = RecordsTab(reopened)
        qtbot.addWidget(again)
        again.load(case)
        assert again.mdo.table.rowCount() == 1 and again.requests.table.item(0, 1).text() == "Code rood"
        assert again.aftercare.table.rowCount() == 1
        row = [again.dossier.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(len(parts))].index(
            "correspondentie"
        )
        assert again.dossier.table.item(row, 0).checkState() == Qt.CheckState.Checked
    finally:
        reopened.close()

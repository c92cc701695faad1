"""Editing the household: add with validation next to the field, edit, remove with confirm and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mpg_desktop.models.household import Role
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.ui.person_dialog import PersonDialog


def household_tab(main_window, name: str):  # type: ignore[no-untyped-def]
    main_window.search.setText(name)
    main_window.table.selectRow(0)
    return main_window.case_view.tab_pages[0]


def test_person_dialog_explains_bad_input_and_keeps_the_dialog_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Noor")
    qtbot.keyClicks(dialog.birth_date, "31-02-2020")
    qtbot.keyClick(dialog.birth_date, Qt.Key.Key_Return)  # Enter saves
    assert dialog.isVisible() and dialog.person() is None
    messages = dialog.errors.visible_messages()
    assert any("Achternaam is verplicht" in m for m in messages)
    assert any("31-02-2020 bestaat niet" in m for m in messages)
    dialog.birth_date.setText("29-02-2020")
    qtbot.keyClicks(dialog.surname, "El Idrissi")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.KIND.value))
    qtbot.keyClick(dialog.surname, Qt.Key.Key_Return)
    person = dialog.person()
    assert person is not None and person.surname == "El Idrissi" and person.role is Role.KIND
    assert person.birth_date.isoformat() == "2020-02-29"


def test_escape_with_typed_text_asks_before_discarding(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Sem")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "niet zijn opgeslagen" in asked[0]
    assert dialog.isVisible()  # Cancel keeps the typed text


def _accept_next_dialog(fill) -> None:  # type: ignore[no-untyped-def]
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PersonDialog):
            fill(dialog)
            dialog.save()
        else:
            QTimer.singleShot(20, run)

    QTimer.singleShot(0, run)


def test_add_edit_remove_and_undo(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = household_tab(main_window, "Pinas")
    family_id = tab.case.family_id
    before = len(load_family(main_window.store, family_id).members)

    def new_member(dialog: PersonDialog) -> None:
        dialog.first_name.setText("Jayden")
        dialog.surname.setText("Wijngaarde")
        dialog.birth_date.setText("03-05-2015")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.STIEFKIND.value))

    _accept_next_dialog(new_member)
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        tab.add_member()
    members = load_family(main_window.store, family_id).members
    assert len(members) == before + 1 and members[-1].surname == "Wijngaarde"
    assert "Wijngaarde" in tab.summary.text()

    tab.table.selectRow(len(members) - 1)
    _accept_next_dialog(lambda d: d.at_home.setChecked(False))
    tab.edit_selected()
    assert load_family(main_window.store, family_id).members[-1].lives_in_household is False

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.table.selectRow(len(members) - 1)
    tab.remove_selected()
    assert len(load_family(main_window.store, family_id).members) == before
    assert tab.undo_button.isVisible()
    tab.undo_remove()
    restored = load_family(main_window.store, family_id).members
    assert len(restored) == before + 1 and restored[-1].first_name == "Jayden"
    assert not tab.undo_button.isVisible()

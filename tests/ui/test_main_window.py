"""The case list: search, phase filter, 'evaluation due' filter, and the household tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mpg_desktop.models.phases import Phase
from mpg_desktop.ui.case_list_model import SUMMARY_ROLE


def visible_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(window.proxy.index(r, 0).data(SUMMARY_ROLE).family_name for r in range(window.proxy.rowCount()))


def test_list_shows_every_case(main_window) -> None:  # type: ignore[no-untyped-def]
    assert visible_names(main_window) == ["Familie Jansen", "Familie Kaya", "Familie Pinas", "Familie de Vries"]
    assert main_window.count_label.text() == "4 van 4 dossiers"


def test_search_matches_any_member_surname(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(main_window.search, "amrani")
    assert visible_names(main_window) == ["Familie Jansen"]
    main_window.search.clear()
    number = main_window.model.case_at(0).case_number
    qtbot.keyClicks(main_window.search, number)
    assert [main_window.proxy.index(0, 0).data()] == [number] and main_window.proxy.rowCount() == 1
    main_window.search.clear()
    qtbot.keyClicks(main_window.search, "niemand")
    assert visible_names(main_window) == []
    assert main_window.count_label.text() == "0 van 4 dossiers"


def test_phase_filter(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.phase_filter.setCurrentIndex(main_window.phase_filter.findData(Phase.UITVOERING))
    assert visible_names(main_window) == ["Familie Jansen", "Familie Pinas"]
    main_window.phase_filter.setCurrentIndex(0)
    assert len(visible_names(main_window)) == 4


def test_evaluation_due_filter(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(main_window.due_filter, Qt.MouseButton.LeftButton)
    # Jansen signed 200 days ago without an evaluation: overdue. Pinas signed 20 days ago: not due.
    # De Vries is closed: no evaluation cycle any more.
    assert visible_names(main_window) == ["Familie Jansen"]
    row_text = main_window.proxy.index(0, 4).data()
    assert row_text.endswith("(te laat)")


def test_selecting_a_case_shows_its_household(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(main_window.search, "Kaya")
    main_window.table.selectRow(0)
    view = main_window.case_view
    assert "Familie Kaya" in view.title.text()
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles[0] == "Huishouden" and "Netwerk" in titles
    table = view.tab_pages[0].table
    surnames = sorted(table.item(r, 1).text() for r in range(table.rowCount()))
    assert surnames == ["Demir", "Demir", "Kaya", "Kaya"]
    assert "achternamen: Kaya, Demir" in view.tab_pages[0].summary.text()
    assert "type gezin: " in view.tab_pages[0].summary.text()


def test_status_bar_shows_encryption_and_backup(main_window) -> None:  # type: ignore[no-untyped-def]
    texts = [w.text() for w in main_window.statusBar().findChildren(type(main_window.backup_label))]
    assert any("Versleuteld" in t for t in texts)
    assert main_window.backup_label.text() == "Nog geen back-up gemaakt"


def test_case_view_follows_the_selection_through_filtering(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.table.selectRow(0)
    first = main_window.case_view.case
    assert first is not None
    qtbot.keyClicks(main_window.search, "zzz-geen-gezin")
    assert main_window.case_view.case is None  # the chosen case is filtered away: nothing stale shown
    main_window.search.clear()
    main_window.table.selectRow(1)
    assert main_window.case_view.case is not None
    assert main_window.case_view.stack.currentIndex() == 1

"""The network map editor (issue 6): keyboard entry, ratings, VIP, undo/redo, snapshots, diff,
validation, dragging, read-only snapshots, exports and the case tab that stores the map."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLineEdit, QMessageBox

from mpg_desktop.models.network_codes import Category, FocusKind, NetworkType, SnapshotKind
from mpg_desktop.models.network_demo import demo_bakker, demo_sanne
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import add_snapshot, new_map
from mpg_desktop.storage.network_repository import load_maps
from mpg_desktop.ui.network import export as export_module
from mpg_desktop.ui.network.editor import NetworkEditor
from mpg_desktop.ui.network.export import ExportFormat, start_export
from mpg_desktop.ui.network.quick_add import find_relationship
from mpg_desktop.ui.workers import STORE_POOL, Job

PEOPLE = [
    ("Oma Ria", "oma", Category.FAMILIE_RUIM),
    ("Kevin", "broer", Category.KERNFAMILIE),
    ("Fatima", "vriendin", Category.VRIENDEN),
    ("Buurman Kees", "buurman", Category.BUURT_VRIJWILLIGERS),
    ("Anouk", "gezinsvoogd", Category.PROFESSIONEEL),
]


def empty_map() -> NetworkMap:
    network_map = new_map("Sam", FocusKind.JONGERE, map_id="test-map")
    network_map, _ = add_snapshot(network_map, SnapshotKind.STARTKAART, date(2025, 1, 6), snapshot_id="s1")
    return network_map


def make_editor(qtbot, network_map: NetworkMap) -> NetworkEditor:  # type: ignore[no-untyped-def]
    editor = NetworkEditor(network_map)
    qtbot.addWidget(editor)
    editor.resize(1300, 850)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    return editor


def ids_by_name(editor: NetworkEditor) -> dict[str, str]:
    return {p.display_name: p.person_id for p in editor.network_map.persons}


def state(editor: NetworkEditor, name: str, snapshot_id: str | None = None):  # type: ignore[no-untyped-def]
    snapshot = editor.network_map.snapshot(snapshot_id or editor.document.snapshot_id or "")
    return snapshot.state(ids_by_name(editor)[name])


def type_person(qtbot, editor: NetworkEditor, name: str, relation: str) -> None:  # type: ignore[no-untyped-def]
    bar = editor.quick_add
    bar.name.setFocus()
    qtbot.keyClicks(bar.name, name)
    qtbot.keyClick(bar.name, Qt.Key.Key_Tab)
    qtbot.waitUntil(bar.relation_edit.hasFocus, timeout=2000)
    qtbot.keyClicks(bar.relation_edit, relation)
    qtbot.keyClick(bar.relation_edit, Qt.Key.Key_Return)


def tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its indicator (the middle of a wide box is empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def rate(qtbot, editor: NetworkEditor, name: str, rating: Rating) -> None:  # type: ignore[no-untyped-def]
    editor.select(ids_by_name(editor)[name])
    with qtbot.waitSignal(editor.refreshed, timeout=2000):
        qtbot.mouseClick(editor.person_panel.rating.buttons[rating], Qt.MouseButton.LeftButton)


def test_relations_are_found_from_what_a_coach_types() -> None:
    from mpg_desktop.models.network_catalogue import default_catalogue

    catalogue = default_catalogue()
    assert [
        find_relationship(t, catalogue) for t in ("oma", "Moeder", "vriendin", "buurvrouw", "vrie", "huisarts")
    ] == [
        "grootouder",
        "ouder",
        "vriend",
        "buur",
        "vriend",
        "huisarts",
    ]
    assert find_relationship("jeugd", catalogue) is None  # jeugdzorg or jeugdbescherming: ask
    assert find_relationship("vri", catalogue) is None  # vriend or vrijwilliger
    assert find_relationship("", catalogue) is None


def test_keyboard_entry_ratings_vip_undo_redo_snapshot_and_diff(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, empty_map())

    # Five persons from the keyboard: name, Tab, relation, Enter. The relation sets sector and type.
    for name, relation, _category in PEOPLE:
        type_person(qtbot, editor, name, relation)
        assert editor.quick_add.name.text() == "" and editor.quick_add.name.hasFocus()  # ready for the next
    snapshot = editor.document.snapshot
    assert snapshot is not None and len(snapshot.persons) == 5
    for name, _relation, category in PEOPLE:
        assert state(editor, name).category is category
    assert state(editor, "Anouk").network_type is NetworkType.PROFESSIONEEL
    assert len(editor.scene.person_items) == 5 and editor.table.persons.rowCount() == 5

    # Rate every tie with the rating buttons; the map draws the rating (line style and symbol).
    ratings = dict(
        zip(
            [p[0] for p in PEOPLE],
            [Rating.ZEER_GOED, Rating.GOED, Rating.GOED, Rating.REDELIJK, Rating.SLECHT],
            strict=True,
        )
    )
    for name, rating in ratings.items():
        rate(qtbot, editor, name, rating)
    for name, rating in ratings.items():
        assert state(editor, name).tie.rating is rating
        assert editor.scene.tie_items[ids_by_name(editor)[name]].rating is rating
    assert "Waarom '+' voor Fatima?" in " ".join(editor.issues_panel.messages())  # V2: ask for the reason

    # Fatima becomes VIP: a star on the map.
    editor.select(ids_by_name(editor)["Fatima"])
    tick(qtbot, editor.person_panel.vip)
    assert state(editor, "Fatima").vip
    assert editor.scene.person_items[ids_by_name(editor)["Fatima"]].look.vip

    # Undo twice with Ctrl+Z (VIP, then Anouk's rating), redo once with Ctrl+Shift+Z.
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not state(editor, "Fatima").vip and state(editor, "Anouk").tie.rating is None
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert state(editor, "Anouk").tie.rating is Rating.SLECHT and not state(editor, "Fatima").vip
    assert editor.redo_action.isEnabled()  # the VIP can still be redone

    # Nieuw meetmoment: a copy of the map, shown at once; the first one stays as it was.
    new_id = editor.take_snapshot(SnapshotKind.EVALUATIE, date(2025, 4, 7))
    assert new_id is not None and editor.document.snapshot_id == new_id
    assert editor.timeline.ids == ["s1", new_id]
    assert state(editor, "Buurman Kees").tie.rating is Rating.REDELIJK

    rate(qtbot, editor, "Buurman Kees", Rating.ZEER_GOED)
    assert state(editor, "Buurman Kees", "s1").tie.rating is Rating.REDELIJK

    # The diff: listed, and the map coloured by change (with a tag, not colour alone).
    editor.set_comparing(True)
    lines = editor.diff_panel.lines()
    assert "Waardering gewijzigd (1)" in lines and "Buurman Kees: +/- → ++" in lines
    kees = editor.scene.person_items[ids_by_name(editor)["Buurman Kees"]]
    oma = editor.scene.person_items[ids_by_name(editor)["Oma Ria"]]
    assert (kees.look.mark, kees.look.diff_mode) == ("gewijzigd", True) and oma.look.mark == ""
    assert editor.metrics_panel.value("n_positive") == "4" and editor.metrics_panel.value("n_neutral") == "0"


def test_validation_messages_are_dutch_and_point_at_the_person(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, empty_map())
    type_person(qtbot, editor, "Anouk", "gezinsvoogd")
    anouk = ids_by_name(editor)["Anouk"]
    editor.select(anouk)
    tick(qtbot, editor.person_panel.vip)
    tick(qtbot, editor.person_panel.keep_away)
    messages = editor.issues_panel.messages()
    assert any(m.startswith("Fout: Anouk is VIP maar staat als hulpverlener") for m in messages)  # V3
    assert any("is VIP en wordt ook op afstand gehouden" in m for m in messages)  # V4
    assert "Fout" in editor.person_panel.issues.text() and editor.person_panel.issues.isVisibleTo(editor)
    assert editor.right.tabText(1).startswith("Controle (")
    editor.person_panel.vip.click()
    assert not any("V3" in m or "hulpverlener" in m for m in editor.issues_panel.messages())


def test_drag_changes_ring_within_the_sector_and_undo_puts_it_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, empty_map())
    type_person(qtbot, editor, "Fatima", "vriend")
    fatima = ids_by_name(editor)["Fatima"]
    item = editor.scene.person_items[fatima]
    before = state(editor, "Fatima").placement
    assert before.ring == 3 and before.angle is None
    viewport = editor.view.viewport()
    start = editor.view.mapFromScene(item.pos())
    target = editor.view.mapFromScene(item.pos() * (editor.scene.geometry.radius(4) / editor.scene.geometry.radius(3)))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (target - start) * step / 5)
    with qtbot.waitSignal(editor.scene.persons_dropped, timeout=2000):
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    after = state(editor, "Fatima").placement
    assert after.ring == 4 and after.angle is not None and 120 <= after.angle <= 180  # still among the friends
    assert item.pos() == item.home  # snapped onto its ring
    editor.undo_action.trigger()
    assert state(editor, "Fatima").placement == before
    editor.redo_action.trigger()
    editor.auto_layout()  # even spacing again, ring kept
    assert state(editor, "Fatima").placement.ring == 4 and state(editor, "Fatima").placement.angle is None


def test_finalised_snapshot_is_read_only_until_a_new_measurement(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor = make_editor(qtbot, empty_map())
    type_person(qtbot, editor, "Kevin", "broer")
    editor.finalise_snapshot()
    assert editor.document.snapshot is not None and editor.document.snapshot.is_final
    editor.select(ids_by_name(editor)["Kevin"])
    assert not editor.quick_add.isEnabled() and not editor.person_panel.vip.isEnabled()
    item = editor.scene.person_items[ids_by_name(editor)["Kevin"]]
    assert not item.flags() & item.GraphicsItemFlag.ItemIsMovable
    assert "vastgesteld" in editor.banner.text() and editor.banner.isVisibleTo(editor)
    new_id = editor.take_snapshot(SnapshotKind.TUSSENTIJDS, date(2025, 2, 1))
    assert new_id is not None and editor.quick_add.isEnabled() and editor.person_panel.vip.isEnabled()
    # A date before the last snapshot is refused with the domain's Dutch message.
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    assert editor.take_snapshot(SnapshotKind.EVALUATIE, date(2024, 12, 1)) is None
    assert shown and "ligt vóór het laatste meetmoment" in shown[0]


def test_every_input_has_an_accessible_name_and_the_list_mirrors_the_map(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, demo_sanne())
    unnamed = [
        w.objectName() or type(w).__name__
        for w in editor.findChildren(QLineEdit) + editor.findChildren(QComboBox)
        if not w.accessibleName() and not isinstance(w.parent(), QComboBox)
    ]
    assert unnamed == []
    model = editor.table.persons
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert names == {p.display_name for p in demo_sanne().persons}
    lisa = model.row_of("s-lisa")
    assert model.index(lisa, 4).data() == "++ zeer goed" and model.index(lisa, 6).data() == "ja"
    editor.table.selectRow(lisa)
    assert editor.selected == "s-lisa" and editor.scene.selected_id() == "s-lisa"
    editor.left.setCurrentIndex(1)
    assert editor.table.accessibleName().startswith("Personen op de netwerkkaart")


def test_trend_chart_follows_the_snapshots(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, demo_bakker())
    editor.right.setCurrentWidget(editor.metrics_panel)
    qtbot.waitUntil(lambda: len(editor.metrics_panel.chart.axes.lines) >= 5, timeout=3000)
    supporters = editor.metrics_panel.chart.axes.lines[2]
    assert list(supporters.get_ydata()) == [3.0, 2.0]  # Joyce left, Kees and Ans still help
    assert editor.metrics_panel.value("n_keep_away") == "1"


def wait_export(qtbot, editor: NetworkEditor, fmt: ExportFormat, target: Path, identifiable: bool) -> list[Path]:  # type: ignore[no-untyped-def]
    done: list[list[Path]] = []
    failed: list[BaseException] = []
    snapshot_id = editor.document.snapshot_id
    assert snapshot_id is not None
    start_export(editor, editor.network_map, snapshot_id, fmt, target, identifiable, done.append, failed.append)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=20_000)
    assert failed == []
    return done[0]


def test_exports_write_files_pseudonymised_by_default(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, demo_sanne())
    [graphml] = wait_export(qtbot, editor, ExportFormat.GRAPHML, tmp_path / "kaart.graphml", False)
    text = graphml.read_text("utf-8")
    graph = nx.read_graphml(io.BytesIO(graphml.read_bytes()))
    assert graph.number_of_nodes() == len(demo_sanne().snapshot("sanne-2").persons) + 1
    assert graph.edges["ego", "p6"]["rating_symbol"] == "++"  # Lisa, the sixth person registered
    assert "Lisa" not in text and "toeverlaat" not in text and graph.nodes["p6"]["label"] == "broer/zus 3"

    [named] = wait_export(qtbot, editor, ExportFormat.GRAPHML, tmp_path / "met-namen.graphml", True)
    assert nx.read_graphml(named).nodes["p6"]["label"] == "Lisa"

    csv_files = wait_export(qtbot, editor, ExportFormat.CSV, tmp_path, False)
    assert sorted(p.name for p in csv_files) == [
        "netwerkkaart-m2-2024-04-01_edges.csv",
        "netwerkkaart-m2-2024-04-01_metrics.csv",
        "netwerkkaart-m2-2024-04-01_nodes.csv",
    ]
    assert "'+" in (tmp_path / "netwerkkaart-m2-2024-04-01_edges.csv").read_text("utf-8")  # formula-safe

    [png] = wait_export(qtbot, editor, ExportFormat.PNG, tmp_path / "kaart.png", False)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (3508, 2480)

    [pdf] = wait_export(qtbot, editor, ExportFormat.PDF, tmp_path / "kaart.pdf", False)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == 2  # map, then figures
    assert list(tmp_path.glob(".*.tmp")) == [] and list(tmp_path.glob(".*.png")) == []


def test_a_copy_with_names_needs_confirmation(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, demo_sanne())

    def choose(dialog):  # type: ignore[no-untyped-def]
        dialog.format_buttons[ExportFormat.GRAPHML].setChecked(True)
        dialog.identifiable.setChecked(True)
        return QDialog.DialogCode.Accepted

    asked: list[str] = []
    monkeypatch.setattr(export_module.ExportDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file without consent"))
    editor.export()
    assert asked and "toestemming" in asked[0]
    assert list(tmp_path.iterdir()) == []

    target = tmp_path / "gezinsdossier.graphml"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(editor.exported, timeout=20_000):
        editor.export()
    assert "Lisa" in target.read_text("utf-8")


def network_tab(main_window, name: str):  # type: ignore[no-untyped-def]
    from mpg_desktop.ui.tabs.network_tab import NetworkTab

    main_window.search.setText(name)
    main_window.table.selectRow(0)
    view = main_window.case_view
    tab = next(page for page in view.tab_pages if isinstance(page, NetworkTab))
    return view, tab


def test_the_case_tab_stores_every_edit_and_reads_it_back(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    view, tab = network_tab(main_window, "Pinas")
    with qtbot.waitSignal(tab.maps_loaded, timeout=5000) as loaded:
        view.tabs.setCurrentWidget(tab)
    assert loaded.args == [0] and tab.pages.currentWidget() is tab.empty
    with qtbot.waitSignal(tab.saved, timeout=5000):
        tab.start_map("Noor", FocusKind.OUDER, None)
    editor = tab.editor
    assert editor is not None
    with qtbot.waitSignal(tab.saved, timeout=5000):
        type_person(qtbot, editor, "Oma Ria", "oma")
    qtbot.waitUntil(lambda: Job.running_count() == 0, timeout=5000)
    [stored] = load_maps(main_window.store, tab.case.traject_id)
    assert [p.display_name for p in stored.network_map.persons] == ["Oma Ria"]
    assert stored.revision == 2 and stored.network_map == editor.network_map

    # Another case and back: the map is read from the store again.
    view.tabs.setCurrentIndex(0)
    main_window.search.setText("Jansen")
    main_window.table.selectRow(0)
    main_window.search.setText("Pinas")
    with qtbot.waitSignal(tab.maps_loaded, timeout=5000):
        main_window.table.selectRow(0)
        view.tabs.setCurrentWidget(tab)
    assert tab.chooser.currentText() == "Noor (ouder)"
    assert [p.display_name for p in tab.editor.network_map.persons] == ["Oma Ria"]
    STORE_POOL.waitForDone()


def test_the_map_opens_in_its_own_window_and_comes_back(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    view, tab = network_tab(main_window, "Kaya")
    with qtbot.waitSignal(tab.maps_loaded, timeout=5000):
        view.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.saved, timeout=5000):
        tab.start_map("het gezin", FocusKind.GEZIN, None)
    tab.pop_out()
    window = tab.map_window
    assert window is not None and tab.editor.window() is window and tab.editor.isVisible()
    assert tab.pages.currentWidget() is tab.elsewhere
    with qtbot.waitSignal(tab.saved, timeout=5000):  # editing in the window still saves
        type_person(qtbot, tab.editor, "Juf Petra", "school")
    window.close()
    assert tab.map_window is None and tab.pages.currentWidget() is tab.editor
    assert tab.editor.window() is main_window
    qtbot.waitUntil(lambda: Job.running_count() == 0, timeout=5000)


def test_removing_a_supporter_asks_why_and_the_diff_says_so(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mpg_desktop.models.network_codes import LeftReason
    from mpg_desktop.ui.network import editor as editor_module

    asked: list[str] = []

    def answer(_parent, name):  # type: ignore[no-untyped-def]
        asked.append(name)
        return True, LeftReason.GEEN_TIJD_MIDDELEN

    monkeypatch.setattr(editor_module, "ask_left_reason", answer)
    editor = make_editor(qtbot, demo_sanne())  # snapshot 2: Fatima does the shopping
    editor.take_snapshot(SnapshotKind.EVALUATIE, date(2024, 7, 15))
    editor.select("s-fatima")
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert asked == ["Fatima"]
    snapshot = editor.document.snapshot
    assert snapshot is not None and snapshot.state("s-fatima") is None
    assert [(d.person_id, d.left_reason) for d in snapshot.departures] == [("s-fatima", LeftReason.GEEN_TIJD_MIDDELEN)]
    assert "Fatima – Mijn omgeving had geen tijd/middelen meer om mij te helpen" in editor.diff_panel.lines()
    editor.undo_action.trigger()
    assert editor.document.snapshot is not None and editor.document.snapshot.state("s-fatima") is not None


def test_print_writes_the_map_to_a_printer(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Printing goes to any QPrinter; here one that prints to a PDF file, so the pages can be read."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from mpg_desktop.models.network_demo import demo_bakker
    from mpg_desktop.ui.network.render import print_sheet

    holder = QWidget()
    qtbot.addWidget(holder)
    network_map = demo_bakker()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "kaart.pdf"
    printer.setOutputFileName(str(target))
    print_sheet(printer, network_map, network_map.snapshots[-1].snapshot_id, parent=holder)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2

"""Screenshots of the network map editor for review and the user guide (no store, made-up data).

``python -m mpg_desktop.ui.network.shots OUTPUT_DIR`` under ``xvfb-run -a -s "-screen 0 1400x900x24"``:
a 15-person map, a 200-person map (with ties between persons) and the diff view.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from mpg_desktop.models.network_codes import (
    Availability,
    ContactFrequency,
    KeepAwayScope,
    PeerTieKind,
    Ternary,
)
from mpg_desktop.models.network_demo import demo_bakker, demo_sanne
from mpg_desktop.models.network_map import NetworkMap, PeerTie, Person
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import add_person, put_peer_tie, put_state
from mpg_desktop.models.network_synthetic import large_map


def fifteen_person_map() -> NetworkMap:
    """Demo A's second snapshot with six more people: a realistic busy map (15 persons)."""
    network_map = demo_sanne()
    extra = [
        ("s-ria", "Oma Ria", "grootouder", Rating.GOED, {"opvang_kinderen"}),
        ("s-yusuf", "Yusuf", "ex_partner", Rating.ZEER_SLECHT, set()),
        ("s-els", "Buurvrouw Els", "buur", Rating.GOED, {"vervoer"}),
        ("s-juf", "Juf Petra", "school", Rating.REDELIJK, set()),
        ("s-maatje", "Maatje Bram", "vrijwilliger", None, {"gezelschap"}),
        ("s-huisarts", "Dokter Visser", "huisarts", Rating.GOED, set()),
    ]
    for person_id, name, relationship, rating, support in extra:
        network_map = add_person(network_map, "sanne-2", Person(person_id, name, relationship))
        state = network_map.snapshot("sanne-2").state(person_id)
        assert state is not None
        changed = replace(state, tie=replace(state.tie, rating=rating), support_types=frozenset(support))
        if person_id == "s-yusuf":
            changed = replace(
                changed,
                keep_away=True,
                keep_away_scope=frozenset({KeepAwayScope.WEG_BIJ_KINDEREN}),
                contact_frequency=ContactFrequency.VRIJWEL_NOOIT,
            )
        if person_id == "s-ria":
            changed = replace(changed, availability=Availability.BEPERKT, can_call_on=Ternary.JA)
        network_map = put_state(network_map, "sanne-2", changed)
    network_map = put_peer_tie(network_map, "sanne-2", PeerTie("s-lisa", "s-henk", PeerTieKind.STEUN, Rating.GOED))
    return put_peer_tie(network_map, "sanne-2", PeerTie("s-yusuf", "s-henk", PeerTieKind.CONFLICT, Rating.SLECHT))


def _settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _save(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))
    print(path)


def take_network_shots(folder: Path) -> list[Path]:
    from mpg_desktop.ui.network.editor import NetworkEditor

    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    editor = NetworkEditor(fifteen_person_map())
    editor.resize(1400, 900)
    editor.show()
    editor.select("s-lisa")
    shots.append(folder / "netwerk-15-personen.png")
    _save(editor, shots[-1])

    editor.peer_action.setChecked(True)
    editor.show_peer_ties = True
    editor.set_map(large_map(200, 400))
    editor.select("p7")
    shots.append(folder / "netwerk-200-personen.png")
    _save(editor, shots[-1])
    editor.view.zoom(2.5)
    editor.view.centerOn(editor.scene.person_items["p7"])
    shots.append(folder / "netwerk-200-personen-ingezoomd.png")
    _save(editor, shots[-1])

    editor.peer_action.setChecked(False)
    editor.show_peer_ties = False
    editor.set_map(demo_bakker())
    editor.set_comparing(True)
    editor.select("b-sander")
    editor.right.setCurrentWidget(editor.diff_panel)
    shots.append(folder / "netwerk-verschil.png")
    _save(editor, shots[-1])

    editor.set_comparing(False)
    editor.set_map(fifteen_person_map())
    editor.right.setCurrentWidget(editor.metrics_panel)
    shots.append(folder / "netwerk-meetwaarden.png")
    _save(editor, shots[-1])
    editor.left.setCurrentIndex(1)
    shots.append(folder / "netwerk-lijst.png")
    _save(editor, shots[-1])
    editor.close()
    return shots


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv[:1])
    take_network_shots(Path(argv[1] if len(argv) > 1 else "screenshots").resolve())
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

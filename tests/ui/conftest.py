"""UI fixtures: a store with a few known families, opened in a main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.traject import Traject
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import create_family
from mpg_desktop.ui.settings import UiSettings
from mpg_desktop.ui.workers import STORE_POOL, Job

TODAY = date.today()


@pytest.fixture(autouse=True)
def collect_qt_objects_between_tests(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Delete what the test left for deleteLater and collect Python wrappers now, outside any
    event loop, instead of at a random moment inside the next test's event loop."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real modal message box would block the suite forever: fail instead. Tests that expect
    one patch the method themselves (their patch wins)."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args: object, **kwargs: object) -> None:
        text = next((a for a in args if isinstance(a, str) and len(a) > 20), args)
        raise AssertionError(f"unexpected message box: {text}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


def known_families(store: CaseStore) -> None:
    """Four cases: two in execution (one evaluation overdue), one in intake, one closed."""
    rows = [
        ("Familie Jansen", ["Jansen", "El Amrani"], Phase.UITVOERING, TODAY - timedelta(days=200), None),
        ("Familie Pinas", ["Pinas"], Phase.UITVOERING, TODAY - timedelta(days=20), None),
        ("Familie Kaya", ["Kaya", "Demir"], Phase.INFORMATIEFASE, None, None),
        ("Familie de Vries", ["de Vries"], Phase.AFGESLOTEN, TODAY - timedelta(days=400), TODAY - timedelta(days=300)),
    ]
    for name, surnames, phase, signed, evaluated in rows:
        members = tuple(
            Person(f"Voornaam{i}", surname, date(1985 + i, 1, 1), Role.MOEDER if i == 0 else Role.KIND, Sex.VROUW)
            for i, surname in enumerate(surnames * 2)
        )
        create_family(
            store,
            Family(name=name, members=members),
            Traject(
                referral_date=TODAY - timedelta(days=250),
                phase=phase,
                plan_signed_on=signed,
                last_evaluation_on=evaluated,
            ),
        )


@pytest.fixture
def filled_store(store: CaseStore) -> CaseStore:
    known_families(store)
    return store


@pytest.fixture
def main_window(qtbot, filled_store: CaseStore) -> Iterator:  # type: ignore[no-untyped-def]
    from mpg_desktop.ui.main_window import MainWindow

    window = MainWindow(filled_store, UiSettings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.cases_loaded, timeout=5000):
        window.show()
    yield window
    STORE_POOL.waitForDone()
    qtbot.waitUntil(lambda: Job.running_count() == 0, timeout=10_000)  # results delivered too

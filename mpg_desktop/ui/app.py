"""Starting the GUI: the application object, logging, translations and the controller."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mpg_desktop import __version__
from mpg_desktop.storage import paths
from mpg_desktop.storage.case_store import store_exists
from mpg_desktop.ui import error_hook
from mpg_desktop.ui.controller import AppController


def ensure_demo_store(store_dir: Path) -> None:
    """Create the demo case file once."""
    if store_exists(store_dir):
        return
    from mpg_desktop.storage.demo_data import create_demo_store

    create_demo_store(store_dir).close()


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("MPG Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("mpg_desktop")
    install_qt_translations(app)
    translator = QTranslator(app)
    # Dutch is the source language; other languages load from resources/translations when built.
    if translator.load(QLocale(), "mpg_desktop", "_", str(Path(__file__).parent.parent / "resources" / "translations")):
        app.installTranslator(translator)
    return app


def install_qt_translations(app: QCoreApplication) -> bool:
    """Qt's own texts (Ja/Nee/Annuleren on standard buttons, dialogs) in Dutch, from the
    translations that ship with Qt."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands), "qtbase", "_", folder):
        return False
    return app.installTranslator(translator)


def run_gui(store_dir: Path | None = None, demo: bool = False) -> int:
    app = make_application()
    error_hook.install()
    if demo:
        store_dir = paths.demo_store_dir()
        ensure_demo_store(store_dir)
    controller = AppController(store_dir or paths.default_store_dir())
    controller.quit_requested.connect(app.quit)
    app.setQuitOnLastWindowClosed(False)  # locking closes every window; quitting is explicit
    controller.start()

    code = app.exec()
    if controller.store is not None:
        controller.store.close()
    return code

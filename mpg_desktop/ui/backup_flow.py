"""Menu flows for 'Back-up maken', 'Back-up terugzetten' and 'Bestand controleren'."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from mpg_desktop.storage.backup import (
    BACKUP_SUFFIX,
    BackupNeedsCredentials,
    create_backup,
    read_backup_info,
    restore_backup,
)
from mpg_desktop.storage.errors import Cancelled, StoreError
from mpg_desktop.storage.integrity import IntegrityReport
from mpg_desktop.ui.workers import JobContext, run_with_progress

if TYPE_CHECKING:
    from mpg_desktop.ui.main_window import MainWindow


def _failed(window: MainWindow, error: BaseException) -> None:
    if isinstance(error, Cancelled):
        window.statusBar().showMessage(error.message, 8000)
        return
    window.show_error(error)


def make_backup(window: MainWindow, folder: Path | None = None) -> None:
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            window, window.tr("Kies de map voor de back-up (bijvoorbeeld uw USB-stick)")
        )
        if not chosen:
            return
        folder = Path(chosen)

    def work(ctx: JobContext) -> Path:
        return create_backup(window.store, folder, progress=ctx.progress, cancelled=ctx.cancelled)

    def done(path: Path) -> None:
        window.update_backup_label()
        QMessageBox.information(
            window,
            window.tr("Back-up gemaakt"),
            window.tr("De back-up is gemaakt en gecontroleerd:\n{path}\n\nDe back-up is versleuteld.").format(
                path=path
            ),
        )

    run_with_progress(
        window,
        window.tr("Back-up maken"),
        window.tr("Back-up maken en controleren…"),
        work,
        done,
        lambda error: _failed(window, error),
    )


def restore(window: MainWindow, path: Path | None = None) -> None:
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window, window.tr("Kies een back-up"), "", window.tr("MPG-back-up (*{suffix})").format(suffix=BACKUP_SUFFIX)
        )
        if not chosen:
            return
        path = Path(chosen)
    try:
        info = read_backup_info(path)
    except StoreError as error:
        window.show_error(error)
        return
    answer = QMessageBox.question(
        window,
        window.tr("Back-up terugzetten"),
        window.tr(
            "Wilt u de back-up van {when} terugzetten?\n\nAlles wat u daarna hebt ingevoerd, staat dan niet meer "
            "in de dossiers. Het huidige bestand wordt apart bewaard: met 'Terugzetten ongedaan maken' "
            "haalt u het terug."
        ).format(when=f"{info.created_at:%d-%m-%Y %H:%M}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    _run_restore(window, path, {})


def _run_restore(window: MainWindow, path: Path, credentials: dict[str, str]) -> None:
    def work(ctx: JobContext) -> None:
        restore_backup(window.store, path, progress=ctx.progress, cancelled=ctx.cancelled, **credentials)

    def done(_result: object) -> None:
        window.case_view.show_case(None)
        window.refresh()
        window.update_backup_label()
        QMessageBox.information(window, window.tr("Back-up teruggezet"), window.tr("De back-up is teruggezet."))

    def failed(error: BaseException) -> None:
        if isinstance(error, BackupNeedsCredentials) and not credentials:
            passphrase, ok = QInputDialog.getText(
                window, window.tr("Wachtwoordzin van de back-up"), error.message, QLineEdit.EchoMode.Password
            )
            if ok and passphrase:
                _run_restore(window, path, {"passphrase": passphrase})
            return
        _failed(window, error)

    run_with_progress(window, window.tr("Back-up terugzetten"), window.tr("Back-up terugzetten…"), work, done, failed)


def undo_restore(window: MainWindow) -> None:
    if not window.store.can_undo_restore():
        QMessageBox.information(
            window,
            window.tr("Terugzetten ongedaan maken"),
            window.tr("Er is geen teruggezette back-up om ongedaan te maken."),
        )
        return
    answer = QMessageBox.question(
        window,
        window.tr("Terugzetten ongedaan maken"),
        window.tr(
            "Wilt u terug naar het dossierbestand zoals het was vóór de laatste keer terugzetten? "
            "De teruggezette versie wordt op zijn beurt apart bewaard."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def done(_result: object) -> None:
        window.case_view.show_case(None)
        window.refresh()
        window.update_backup_label()
        QMessageBox.information(
            window, window.tr("Terugzetten ongedaan maken"), window.tr("Het vorige bestand is terug.")
        )

    run_with_progress(
        window,
        window.tr("Terugzetten ongedaan maken"),
        window.tr("Bezig…"),
        lambda _ctx: window.store.undo_restore(),
        done,
        lambda error: _failed(window, error),
        cancellable=False,
    )


def verify(window: MainWindow) -> None:
    def done(report: IntegrityReport) -> None:
        if report.ok:
            QMessageBox.information(
                window, window.tr("Bestand controleren"), window.tr("Het bestand is in orde. Er zijn geen problemen.")
            )
        else:
            QMessageBox.warning(
                window,
                window.tr("Bestand controleren"),
                window.tr(
                    "Het bestand heeft {count} probleem/problemen. Maak geen nieuwe back-up over een oude heen; "
                    "zet een back-up terug of vraag hulp aan uw beheerder."
                ).format(count=len(report.problems)),
            )

    run_with_progress(
        window,
        window.tr("Bestand controleren"),
        window.tr("Het bestand wordt gecontroleerd…"),
        lambda _ctx: window.store.verify(),
        done,
        lambda error: _failed(window, error),
        cancellable=False,
    )

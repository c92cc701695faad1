"""Exporting the snapshot on screen: PNG, PDF, GraphML or CSV; without names unless the coach
explicitly chooses an identifiable copy for the family file and confirms the client agreed.

Rendering (PNG/PDF) happens on the GUI thread; writing files, and building GraphML/CSV through
``documents.network_export``, runs on the store worker behind a progress dialog
(``run_with_progress``). The log records format and kind of copy, never names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.documents.network_export import write_bytes_atomic, write_csv_files, write_graphml
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.network_records import export_date, snapshot_labels
from mpg_desktop.ui.network.render import render_pdf, render_png, write_png
from mpg_desktop.ui.workers import JobContext, run_with_progress

log = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    PNG = "png"
    PDF = "pdf"
    GRAPHML = "graphml"
    CSV = "csv"


FORMAT_LABELS = {
    ExportFormat.PNG: "Afbeelding (PNG, A4 liggend)",
    ExportFormat.PDF: "PDF, met meetwaarden en verschillen (A4 liggend)",
    ExportFormat.GRAPHML: "GraphML (voor Gephi, yEd of networkx)",
    ExportFormat.CSV: "CSV: personen, relaties en meetwaarden (drie bestanden)",
}


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Netwerkkaart exporteren"))
        self.formats = QButtonGroup(self)
        format_box = QGroupBox(self.tr("Bestandsvorm"), self)
        format_layout = QVBoxLayout(format_box)
        self.format_buttons: dict[ExportFormat, QRadioButton] = {}
        for index, fmt in enumerate(ExportFormat):
            button = QRadioButton(self.tr(FORMAT_LABELS[fmt]), format_box)
            self.formats.addButton(button, index)
            format_layout.addWidget(button)
            self.format_buttons[fmt] = button
        self.format_buttons[ExportFormat.PDF].setChecked(True)
        privacy_box = QGroupBox(self.tr("Namen"), self)
        privacy_layout = QVBoxLayout(privacy_box)
        self.pseudonymised = QRadioButton(
            self.tr("Zonder namen: rollen in plaats van namen, geen redenen of notities (aanbevolen)"), privacy_box
        )
        self.identifiable = QRadioButton(
            self.tr("Met namen en redenen: alleen als kopie voor het gezinsdossier, met toestemming van de cliënt"),
            privacy_box,
        )
        self.pseudonymised.setChecked(True)
        privacy_layout.addWidget(self.pseudonymised)
        privacy_layout.addWidget(self.identifiable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Exporteren…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Het meetmoment dat nu op het scherm staat wordt geëxporteerd."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(format_box)
        layout.addWidget(privacy_box)
        layout.addWidget(buttons)

    def choice(self) -> tuple[ExportFormat, bool]:
        fmt = next(f for f, button in self.format_buttons.items() if button.isChecked())
        return fmt, self.identifiable.isChecked()


def confirm_identifiable(parent: QWidget) -> bool:
    """Spec 4.9: a copy with names only when the client agreed; the default answer is No."""
    answer = QMessageBox.question(
        parent,
        parent.tr("Kopie met namen"),
        parent.tr(
            "U maakt een kopie mét namen en redenen van de mensen rond het gezin. Doe dit alleen als de cliënt "
            "ermee heeft ingestemd en bewaar de kopie in het gezinsdossier, niet op een gedeelde plek.\n\n"
            "Heeft de cliënt toestemming gegeven?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def suggested_stem(network_map: NetworkMap, snapshot_id: str, identifiable: bool) -> str:
    """A file name without names unless identifiable: 'netwerkkaart-m2-2024-04-01'."""
    snapshot = network_map.snapshot(snapshot_id)
    day = export_date(snapshot.reference_date, identifiable)
    if identifiable:
        focus = "".join(c if c.isalnum() else "-" for c in network_map.focus_label).strip("-").lower() or "kaart"
        return f"netwerkkaart-{focus}-{day}"
    return f"netwerkkaart-{snapshot_labels(network_map)[snapshot_id]}-{day}"


def choose_target(parent: QWidget, fmt: ExportFormat, stem: str) -> Path | None:
    if fmt is ExportFormat.CSV:
        folder = QFileDialog.getExistingDirectory(parent, parent.tr("Map voor de CSV-bestanden"))
        return Path(folder) if folder else None
    filters = {
        ExportFormat.PNG: parent.tr("Afbeelding (*.png)"),
        ExportFormat.PDF: parent.tr("PDF (*.pdf)"),
        ExportFormat.GRAPHML: parent.tr("GraphML (*.graphml)"),
    }
    path, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Netwerkkaart opslaan"), f"{stem}.{fmt.value}", filters[fmt]
    )
    return Path(path) if path else None


def start_export(
    parent: QWidget,
    network_map: NetworkMap,
    snapshot_id: str,
    fmt: ExportFormat,
    target: Path,
    identifiable: bool,
    on_done: Callable[[list[Path]], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """Render on this (GUI) thread when needed, then write on the store worker with progress."""
    log.info("network map export: format=%s identifiable=%s", fmt.value, identifiable)
    work: Callable[[JobContext], Any]
    if fmt is ExportFormat.PNG:
        image = render_png(network_map, snapshot_id, identifiable=identifiable, parent=parent)

        def work(_ctx: JobContext) -> list[Path]:
            return [write_png(image, target)]

    elif fmt is ExportFormat.PDF:
        data = render_pdf(network_map, snapshot_id, identifiable=identifiable, parent=parent)

        def work(_ctx: JobContext) -> list[Path]:
            write_bytes_atomic(target, data)
            return [target]

    elif fmt is ExportFormat.GRAPHML:

        def work(_ctx: JobContext) -> list[Path]:
            return [write_graphml(target, network_map, snapshot_id, identifiable=identifiable)]

    else:
        stem = suggested_stem(network_map, snapshot_id, identifiable)

        def work(_ctx: JobContext) -> list[Path]:
            return write_csv_files(target, stem, network_map, snapshot_id, identifiable=identifiable)

    run_with_progress(
        parent,
        parent.tr("Exporteren"),
        parent.tr("De netwerkkaart wordt geëxporteerd…"),
        work,
        on_done,
        on_failure,
        cancellable=False,
    )


def export_interactively(
    parent: QWidget,
    network_map: NetworkMap,
    snapshot_id: str,
    on_done: Callable[[list[Path]], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    dialog = ExportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    fmt, identifiable = dialog.choice()
    if identifiable and not confirm_identifiable(parent):
        return
    target = choose_target(parent, fmt, suggested_stem(network_map, snapshot_id, identifiable))
    if target is not None:
        start_export(parent, network_map, snapshot_id, fmt, target, identifiable, on_done, on_failure)

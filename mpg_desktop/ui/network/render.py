"""The map of one snapshot on paper: PNG (A4 landscape, 300 dpi) and PDF (vector), with a legend.

Spec 4.8: title with the snapshot kind and date, the map, and a legend of rating lines and symbols,
badges, rings and support letters; legible in greyscale. Pseudonymised unless asked otherwise:
role labels instead of names, the focus kind instead of the focus label, the month instead of
the day. Rendering uses a fresh scene and runs on the GUI thread; writing the result to disk
(``write_png``, ``documents.network_export.write_bytes_atomic``) belongs on a worker.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_codes import Category, SupportGroup
from mpg_desktop.models.network_diff import diff_map
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.network_metrics import compute_metrics
from mpg_desktop.models.network_rating import rating_symbol
from mpg_desktop.models.network_records import pseudonyms
from mpg_desktop.ui.network.diff_text import diff_groups
from mpg_desktop.ui.network.fields import RATING_ORDER, rating_text
from mpg_desktop.ui.network.items import PersonLook, draw_person_node, draw_symbol_box
from mpg_desktop.ui.network.metrics_panel import ROWS, format_value
from mpg_desktop.ui.network.palette import RING_NAMES, TEXT_COLOUR, rating_colour, tie_pen, tr
from mpg_desktop.ui.network.scene import NetworkScene, SceneOptions

A4_LANDSCAPE_300DPI = (3508, 2480)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, int(pixels)))
    font.setBold(bold)
    return font


def sheet_titles(network_map: NetworkMap, snapshot_id: str, identifiable: bool) -> tuple[str, str]:
    snapshot = network_map.snapshot(snapshot_id)
    day = snapshot.reference_date
    when = f"{day:%d-%m-%Y}" if identifiable else f"{tr(MONTHS[day.month - 1])} {day.year}"
    focus = network_map.focus_label if identifiable else tr(network_map.focus_kind.label)
    status = tr(snapshot.status.label).lower()
    return (
        tr("Netwerkkaart (bolletjesschema) – {focus}").format(focus=focus),
        tr("{kind}, {when} ({status})").format(kind=tr(snapshot.kind.label), when=when, status=status),
    )


def build_scene(
    network_map: NetworkMap, snapshot_id: str, identifiable: bool, parent: QObject, catalogue: NetworkCatalogue
) -> NetworkScene:
    scene = NetworkScene(parent, catalogue)
    labels = None if identifiable else pseudonyms(network_map, catalogue)
    focus = None if identifiable else tr(network_map.focus_kind.label)
    scene.show_snapshot(
        network_map,
        network_map.snapshot(snapshot_id),
        SceneOptions(editable=False, labels=labels, focus_label=focus),
    )
    scene.without_pixmap_caches()
    return scene


def paint_sheet(
    painter: QPainter,
    page: QRectF,
    scene: NetworkScene,
    titles: tuple[str, str],
    identifiable: bool,
    catalogue: NetworkCatalogue,
) -> None:
    """Title, map and legend on ``page`` (device units); ``unit`` keeps proportions on any page size."""
    unit = page.height() / 1000.0
    margin = 40 * unit
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor(TEXT_COLOUR))
    painter.setFont(_font(30 * unit, bold=True))
    painter.drawText(QRectF(page.left() + margin, page.top() + margin, page.width(), 40 * unit), titles[0])
    painter.setFont(_font(20 * unit))
    painter.drawText(QRectF(page.left() + margin, page.top() + margin + 42 * unit, page.width(), 30 * unit), titles[1])
    legend_width = 380 * unit
    top = page.top() + margin + 90 * unit
    map_rect = QRectF(page.left() + margin, top, page.width() - legend_width - 3 * margin, page.bottom() - top - margin)
    scene.render(painter, map_rect, scene.map_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    legend = QRectF(map_rect.right() + margin, top, legend_width, map_rect.height())
    _legend(painter, legend, unit)
    painter.setFont(_font(13 * unit))
    painter.setPen(QColor("#404040"))
    note = (
        tr("Bevat namen: vertrouwelijk, alleen voor het gezinsdossier.")
        if identifiable
        else tr("Namen zijn vervangen door rollen.")
    )
    footer = tr("{note} Gemaakt met MPG Desktop op {day}.").format(note=note, day=f"{date.today():%d-%m-%Y}")
    painter.drawText(QRectF(page.left() + margin, page.bottom() - margin, page.width() - 2 * margin, 20 * unit), footer)


def _legend(painter: QPainter, rect: QRectF, unit: float) -> None:
    line = 30 * unit
    y = rect.top()
    x = rect.left()

    def heading(text: str) -> None:
        nonlocal y
        painter.setFont(_font(17 * unit, bold=True))
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QRectF(x, y, rect.width(), line), Qt.AlignmentFlag.AlignVCenter, text)
        y += line

    def entry(text: str) -> QRectF:
        nonlocal y
        painter.setFont(_font(14 * unit))
        painter.setPen(QColor(TEXT_COLOUR))
        label = QRectF(x + 70 * unit, y, rect.width() - 70 * unit, line)
        painter.drawText(label, Qt.AlignmentFlag.AlignVCenter, text)
        icon = QRectF(x, y, 62 * unit, line)
        y += line
        return icon

    heading(tr("Waardering van de relatie"))
    for rating in RATING_ORDER:
        icon = entry(rating_text(rating))
        pen = QPen(tie_pen(rating))
        pen.setWidthF(pen.widthF() * unit * 0.9)
        painter.setPen(pen)
        painter.drawLine(QPointF(icon.left(), icon.center().y()), QPointF(icon.left() + 26 * unit, icon.center().y()))
        painter.save()
        painter.translate(icon.left() + 44 * unit, icon.center().y())
        painter.scale(unit, unit)
        draw_symbol_box(painter, QPointF(), rating_symbol(rating), rating_colour(rating))
        painter.restore()
    y += line / 2
    heading(tr("Tekens"))
    samples = (
        (tr("woont in het huishouden (gevuld)"), PersonLook("", Category.KERNFAMILIE, False, True, False, False, "")),
        (tr("persoonlijk netwerk (open)"), PersonLook("", Category.VRIENDEN, False, False, False, False, "")),
        (
            tr("hulpverlener (vierkant): geen netwerk"),
            PersonLook("", Category.PROFESSIONEEL, True, False, False, False, ""),
        ),
        (tr("VIP (ster)"), PersonLook("", Category.KERNFAMILIE, False, False, True, False, "")),
        (tr("op afstand houden (⊘)"), PersonLook("", Category.KERNFAMILIE, False, False, False, True, "")),
    )
    for text, look in samples:
        icon = entry(text)
        painter.save()
        painter.translate(icon.left() + 30 * unit, icon.center().y())
        painter.scale(unit * 0.75, unit * 0.75)
        draw_person_node(painter, look)
        painter.restore()
    y += line / 2
    heading(tr("Steun (letters in het bolletje)"))
    for group in SupportGroup:
        icon = entry(tr(group.label).lower())
        painter.setFont(_font(15 * unit, bold=True))
        painter.drawText(icon, Qt.AlignmentFlag.AlignCenter, group.badge)
    y += line / 2
    heading(tr("Ringen: hoe dichtbij"))
    for number, name in enumerate(RING_NAMES, start=1):
        icon = entry(tr(name))
        painter.setFont(_font(15 * unit, bold=True))
        painter.drawText(icon, Qt.AlignmentFlag.AlignCenter, str(number))


def render_png(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    parent: QObject,
    size: tuple[int, int] = A4_LANDSCAPE_300DPI,
    catalogue: NetworkCatalogue | None = None,
) -> QImage:
    """The sheet as an image (default A4 landscape at 300 dpi). GUI thread."""
    catalogue = catalogue or default_catalogue()
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(11811)  # 300 dpi
    image.setDotsPerMeterY(11811)
    image.fill(QColor("white"))
    scene = build_scene(network_map, snapshot_id, identifiable, parent, catalogue)
    painter = QPainter(image)
    try:
        paint_sheet(
            painter,
            QRectF(0, 0, size[0], size[1]),
            scene,
            sheet_titles(network_map, snapshot_id, identifiable),
            identifiable,
            catalogue,
        )
    finally:
        painter.end()
        scene.deleteLater()
    return image


def render_pdf(
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    parent: QObject,
    catalogue: NetworkCatalogue | None = None,
) -> bytes:
    """A4 landscape PDF: page 1 the map with legend; page 2 the measures and the changes since the
    previous snapshot. GUI thread; returns the file content (write it on a worker)."""
    catalogue = catalogue or default_catalogue()
    scene = build_scene(network_map, snapshot_id, identifiable, parent, catalogue)
    buffer = QBuffer(parent)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setParent(parent)
    titles = sheet_titles(network_map, snapshot_id, identifiable)
    writer.setTitle(titles[0])
    writer.setCreator("MPG Desktop")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10))
    )
    painter = QPainter(writer)
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        page.moveTo(0, 0)
        paint_sheet(painter, page, scene, titles, identifiable, catalogue)
        writer.newPage()
        _second_page(painter, page, network_map, snapshot_id, identifiable, catalogue)
    finally:
        painter.end()
    data = bytes(buffer.data().data())
    buffer.close()
    for obj in (writer, buffer, scene):
        obj.deleteLater()
    return data


def _second_page(
    painter: QPainter,
    page: QRectF,
    network_map: NetworkMap,
    snapshot_id: str,
    identifiable: bool,
    catalogue: NetworkCatalogue,
) -> None:
    unit = page.height() / 1000.0
    line = 26 * unit
    x, y = page.left() + 40 * unit, page.top() + 40 * unit
    painter.setPen(QColor(TEXT_COLOUR))
    painter.setFont(_font(26 * unit, bold=True))
    painter.drawText(QPointF(x, y + line), tr("Meetwaarden"))
    y += 2 * line
    metrics = compute_metrics(network_map.snapshot(snapshot_id), catalogue).flat()
    painter.setFont(_font(15 * unit))
    for key, label, how in ROWS:
        painter.drawText(QPointF(x, y), tr(label))
        painter.drawText(QPointF(x + 560 * unit, y), tr(format_value(metrics.get(key), how)))
        y += line
    column = page.left() + page.width() / 2
    y = page.top() + 40 * unit
    painter.setFont(_font(26 * unit, bold=True))
    painter.drawText(QPointF(column, y + line), tr("Verschil met het vorige meetmoment"))
    y += 2 * line
    previous = network_map.previous_snapshot(snapshot_id)
    painter.setFont(_font(15 * unit))
    if previous is None:
        painter.drawText(QPointF(column, y), tr("Dit is het eerste meetmoment."))
        return
    names = network_map.names if identifiable else pseudonyms(network_map, catalogue)
    focus = network_map.focus_label if identifiable else tr(network_map.focus_kind.label)
    diff = diff_map(network_map, previous.snapshot_id, snapshot_id, catalogue)
    if not identifiable:  # reasons are free text: never in a pseudonymised copy
        diff = replace(
            diff,
            rating_changed=tuple(replace(c, reason="") for c in diff.rating_changed),
            rating_first=tuple(replace(c, reason="") for c in diff.rating_first),
            rating_cleared=tuple(replace(c, reason="") for c in diff.rating_cleared),
        )
    for title, lines in diff_groups(diff, names, catalogue, focus):
        if y > page.bottom() - 3 * line:
            painter.drawText(QPointF(column, y), "…")
            return
        painter.setFont(_font(16 * unit, bold=True))
        painter.drawText(QPointF(column, y), title)
        y += line
        painter.setFont(_font(14 * unit))
        for text in lines:
            rect = QRectF(column + 20 * unit, y - line * 0.8, page.right() - column - 60 * unit, line)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignLeft,
                painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width())),
            )
            y += line


def write_png(image: QImage, path: Path) -> Path:
    """Save ``image`` as PNG atomically (temporary file in the same folder, then rename). Any thread:
    QImage is a value type; no QObject is made here."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".png")
    os.close(handle)
    try:
        if not image.save(temporary):  # the format follows from the .png suffix
            raise OSError(f"PNG could not be written to {path.parent}")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def print_sheet(
    printer: QPagedPaintDevice,
    network_map: NetworkMap,
    snapshot_id: str,
    *,
    identifiable: bool = False,
    parent: QObject,
    catalogue: NetworkCatalogue | None = None,
) -> None:
    """The same two pages as ``render_pdf`` on any paged device (a printer from QPrintDialog)."""
    catalogue = catalogue or default_catalogue()
    scene = build_scene(network_map, snapshot_id, identifiable, parent, catalogue)
    titles = sheet_titles(network_map, snapshot_id, identifiable)
    painter = QPainter(printer)
    try:
        resolution = printer.logicalDpiX() or 300
        page = QRectF(printer.pageLayout().paintRectPixels(resolution))
        page.moveTo(0, 0)
        paint_sheet(painter, page, scene, titles, identifiable, catalogue)
        printer.newPage()
        _second_page(painter, page, network_map, snapshot_id, identifiable, catalogue)
    finally:
        painter.end()
        scene.deleteLater()

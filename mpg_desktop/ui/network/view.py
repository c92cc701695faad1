"""The view on the map: zoom (Ctrl + wheel, Ctrl + =/-), fit to view, drag the background to pan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from mpg_desktop.ui.network.scene import NetworkScene

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 8.0


class NetworkView(QGraphicsView):
    """Keeps the whole map in view until the coach zooms; ``fit`` brings that back."""

    delete_requested = Signal()

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.network_scene = scene
        self.auto_fit = True
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 280)
        self.setAccessibleName(self.tr("Netwerkkaart (tekening)"))
        self.setAccessibleDescription(
            self.tr("De tekening van de netwerkkaart. Dezelfde gegevens staan in het tabblad Lijst.")
        )

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        current = self.zoom_factor()
        target = min(max(current * factor, MIN_SCALE), MAX_SCALE)
        self.auto_fit = False
        self.scale(target / current, target / current)

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.auto_fit = True
        self.fitInView(self.network_scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.network_scene.selected_id() not in (None, "ego"):
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

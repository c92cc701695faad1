"""A small matplotlib chart of the measures over all snapshots (spec 4.7.1), inside the panel.

Each series has its own marker and line style as well as its colour. Redrawn only when the
numbers or the highlighted snapshot change (drawing takes tens of milliseconds). GUI thread only.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PySide6.QtWidgets import QSizePolicy, QWidget

from mpg_desktop.models.network_metrics import TrendPoint
from mpg_desktop.ui.network.palette import tr

# (measure, label, colour, marker, line style)
SERIES = (
    ("size_total", "Personen op de kaart", "#1F1F1F", "o", "-"),
    ("n_callable", "Kan een beroep op doen", "#0063B1", "s", "--"),
    ("n_supporters", "Steunen", "#1B7837", "^", "-."),
    ("n_professionals", "Hulpverleners", "#6E6E6E", "D", ":"),
    ("n_negative", "Negatieve relaties", "#B2182B", "x", "--"),
)


class TrendChart(FigureCanvasQTAgg):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.figure = Figure(figsize=(4.0, 2.6), dpi=100, layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)
        self.setAccessibleName(tr("Grafiek: verloop van de meetwaarden over de meetmomenten"))
        self._key: object = None
        self.axes = self.figure.add_subplot()

    def show_trend(self, trend: tuple[TrendPoint, ...], current: str | None) -> None:
        values = tuple(tuple(point.metrics.flat().get(key) for key, *_rest in SERIES) for point in trend)
        key = (tuple((p.snapshot_id, p.reference_date) for p in trend), values, current)
        if key == self._key:
            return
        self._key = key
        axes = self.axes
        axes.clear()
        positions = list(range(len(trend)))
        for index, (_measure, label, colour, marker, style) in enumerate(SERIES):
            series = [float("nan") if row[index] is None else float(row[index] or 0) for row in values]
            axes.plot(positions, series, color=colour, marker=marker, linestyle=style, linewidth=1.6, label=tr(label))
        axes.set_xticks(positions, [f"{p.reference_date:%d-%m-%y}" for p in trend], fontsize=8)
        axes.tick_params(axis="y", labelsize=8)
        axes.set_ylabel(tr("personen"), fontsize=8)
        axes.set_ylim(bottom=0)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        if len(trend) == 1:
            axes.set_xlim(-0.5, 0.5)
        for index, point in enumerate(trend):
            if point.snapshot_id == current:
                axes.axvline(index, color="#0063B1", alpha=0.25, linewidth=6)
        axes.grid(True, alpha=0.3)
        axes.legend(fontsize=7, loc="upper left", frameon=False)
        self.draw_idle()

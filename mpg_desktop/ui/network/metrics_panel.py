"""The measures of the snapshot on screen (spec 4.7.1-4.7.2) with the change since the previous
snapshot, and their trend over all snapshots as a chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from mpg_desktop.models.network_catalogue import NetworkCatalogue
from mpg_desktop.models.network_codes import SupportGroup
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.network_metrics import MetricValue, compute_metrics, metrics_trend
from mpg_desktop.models.network_rating import Rating, rating_symbol

# (key of SnapshotMetrics.flat(), Dutch label, how to show it)
ROWS: tuple[tuple[str, str, str], ...] = (
    ("size_total", "Personen op de kaart", "count"),
    ("size_informal", "Persoonlijk netwerk (zonder hulpverleners)", "count"),
    ("n_callable", "Kan een beroep op doen", "count"),
    ("n_supporters", "Steunen nu", "count"),
    *((f"supporters_group.{g.value}", f"– {g.label.lower()}", "count") for g in SupportGroup),
    ("n_professionals", "Hulpverleners", "count"),
    ("share_professional", "Aandeel hulpverleners", "percent"),
    ("n_positive", "Positieve relaties (+ en ++)", "count"),
    ("n_neutral", "Redelijke relaties (+/-)", "count"),
    ("n_negative", "Negatieve relaties (- en --)", "count"),
    ("n_unrated", "Nog niet gewaardeerd", "count"),
    ("mean_rating_informal", "Gemiddelde waardering persoonlijk netwerk", "mean"),
    ("vip_present", "VIP aanwezig", "flag"),
    ("n_keep_away", "Op afstand", "count"),
    ("n_household", "In het huishouden", "count"),
    ("self_rating", "Zelfwaardering", "rating"),
    ("has_both", "Steun uit netwerk én hulpverlening", "flag"),
)


def format_value(value: MetricValue, how: str) -> str:
    if value is None:
        return "—"
    if how == "percent":
        return f"{value * 100:.0f}%"
    if how == "mean":
        return f"{value:+.1f}"
    if how == "flag":
        return "ja" if value else "nee"
    if how == "rating":
        return rating_symbol(Rating(int(value)))
    return str(int(value))


def format_delta(old: MetricValue, new: MetricValue, how: str) -> str:
    if old is None or new is None or old == new or how in ("flag", "rating"):
        return "" if how not in ("flag", "rating") or old == new else "gewijzigd"
    delta = new - old
    if how == "percent":
        return f"{delta * 100:+.0f} pt"
    if how == "mean":
        return f"{delta:+.1f}"
    return f"{int(delta):+d}"


if TYPE_CHECKING:
    from mpg_desktop.ui.network.trend_chart import TrendChart


class MetricsPanel(QWidget):
    def __init__(self, catalogue: NetworkCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.table = QTableWidget(len(ROWS), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Meetwaarde"), self.tr("Nu"), self.tr("Verschil")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Meetwaarden van dit meetmoment"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, (_key, label, _how) in enumerate(ROWS):
            self.table.setItem(row, 0, QTableWidgetItem(self.tr(label)))
        # The chart (and matplotlib, half a second to import) is made the first time the panel
        # is shown, not when every case opens.
        self._chart: TrendChart | None = None
        self._pending: tuple[NetworkMap, str] | None = None  # the chart waits until the panel is shown
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.caption)
        self._layout.addWidget(self.table, 3)

    @property
    def chart(self) -> TrendChart:
        if self._chart is None:
            from mpg_desktop.ui.network import trend_chart  # matplotlib loads here, on first use

            self._chart = trend_chart.TrendChart(self)
            self._layout.addWidget(self._chart, 2)
        return self._chart

    def show_metrics(self, network_map: NetworkMap, snapshot_id: str | None) -> None:
        if snapshot_id is None:
            return
        snapshot = network_map.snapshot(snapshot_id)
        now = compute_metrics(snapshot, self.catalogue).flat()
        previous = network_map.previous_snapshot(snapshot_id)
        before = compute_metrics(previous, self.catalogue).flat() if previous is not None else {}
        self.caption.setText(
            self.tr("Meetmoment {day}; verschil met {previous}.").format(
                day=f"{snapshot.reference_date:%d-%m-%Y}",
                previous=f"{previous.reference_date:%d-%m-%Y}" if previous else self.tr("(geen eerder meetmoment)"),
            )
        )
        for row, (key, _label, how) in enumerate(ROWS):
            self.table.setItem(row, 1, QTableWidgetItem(self.tr(format_value(now.get(key), how))))
            delta = format_delta(before.get(key), now.get(key), how) if previous is not None else ""
            self.table.setItem(row, 2, QTableWidgetItem(self.tr(delta)))
        if self.isVisible():
            self.chart.show_trend(metrics_trend(network_map, self.catalogue), snapshot_id)
        else:
            self._pending = (network_map, snapshot_id)

    def value(self, key: str) -> str:
        """The 'Nu' column of a measure as shown (for tests)."""
        row = [k for k, _label, _how in ROWS].index(key)
        item = self.table.item(row, 1)
        return item.text() if item is not None else ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        pending, self._pending = self._pending, None
        if pending is not None:
            self.chart.show_trend(metrics_trend(pending[0], self.catalogue), pending[1])

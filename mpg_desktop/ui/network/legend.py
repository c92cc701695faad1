"""A one-paragraph legend under the map: what lines, symbols, shapes, letters and rings mean."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from mpg_desktop.models.network_codes import SupportGroup
from mpg_desktop.ui.network.fields import RATING_ORDER, rating_text
from mpg_desktop.ui.network.palette import RING_NAMES, tr


def legend_text() -> str:
    ratings = " · ".join(rating_text(r) for r in RATING_ORDER)
    groups = ", ".join(f"{g.badge} = {tr(g.label).lower()}" for g in SupportGroup)
    rings = ", ".join(f"{n} {tr(name)}" for n, name in enumerate(RING_NAMES, start=1))
    return tr(
        "Lijn: {ratings} (dik = sterk, streepjes = negatief, puntjes = nog niet gewaardeerd). "
        "Gevuld = woont in huis · vierkant = hulpverlener (geen netwerk) · ★ VIP · ⊘ op afstand houden · "
        "steun: {groups} · ringen: {rings}."
    ).format(ratings=ratings, groups=groups, rings=rings)


class LegendLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(legend_text(), parent)
        self.setWordWrap(True)
        self.setAccessibleName(tr("Legenda van de kaart"))
        self.setStyleSheet("color: #404040; font-size: 9pt; padding: 2px 4px;")

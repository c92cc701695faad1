"""The deadline dashboard above the case list: how many deadlines are overdue or due this week.

Computed off the GUI thread after the case list has loaded, so start-up is not held up by it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from mpg_desktop.models.deadlines import Bucket, compute_deadlines, dashboard_bucket
from mpg_desktop.models.programme_profiles import profile_or_default
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import load_lifecycle, open_traject_ids


@dataclass(frozen=True)
class DeadlineOverview:
    counts: Counter[Bucket]
    worst: dict[int, Bucket]  # traject id -> its most urgent bucket (te laat before deze week)


def deadline_counts(store: CaseStore, today: date) -> DeadlineOverview:
    """Open deadlines per dashboard bucket over all running trajects, and per traject the most
    urgent one (the case list shows it)."""
    counts: Counter[Bucket] = Counter()
    worst: dict[int, Bucket] = {}
    for traject_id in open_traject_ids(store):
        state = load_lifecycle(store, traject_id)
        profile = profile_or_default(state.traject.programme_profile)
        for termijn in compute_deadlines(profile, state.key_dates(), state.phase, today):
            bucket = dashboard_bucket(termijn, today)
            if bucket in (Bucket.TE_LAAT, Bucket.DEZE_WEEK):
                counts[bucket] += 1
                if worst.get(traject_id) is not Bucket.TE_LAAT:
                    worst[traject_id] = bucket
    return DeadlineOverview(counts, worst)


class DeadlineDashboard(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: Counter[Bucket] = Counter()
        self.setAccessibleName(self.tr("Termijnen"))
        self.setText(self.tr("Termijnen worden geteld…"))

    def show_counts(self, counts: Counter[Bucket]) -> None:
        self.counts = counts
        late, week = counts[Bucket.TE_LAAT], counts[Bucket.DEZE_WEEK]
        self.setText(self.tr("Termijnen: <b>{late} te laat</b> · <b>{week} deze week</b>").format(late=late, week=week))
        colour = "#f4cccc" if late else ("#fff2cc" if week else "transparent")
        self.setStyleSheet(f"background: {colour}; color: #000000; padding: 4px;")

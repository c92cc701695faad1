"""The weekly summary form (*weekoverzicht*, spec 5.1): the draft from the week's contacts, which
the coach edits, plus the choices made, the bottlenecks and whether safety was discussed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from mpg_desktop.models.contact_log import (
    Week,
    WeeklySummary,
    WeeklySummaryDraft,
    required_week_label,
    validate_weekly_summary,
)
from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.ui.choice_widgets import TriCombo
from mpg_desktop.ui.records.fields import TextBox
from mpg_desktop.ui.records.record_dialog import Attempt, RecordDialog


class WeeklySummaryDialog(RecordDialog[WeeklySummary]):
    """Opened with a stored summary, or with a fresh draft for a week that has none."""

    def __init__(
        self,
        week: Week,
        summary: WeeklySummary | None,
        draft: WeeklySummaryDraft | None,
        author: str,
        parent: QWidget | None = None,
    ) -> None:
        label = required_week_label(week)
        title = self.tr("Weekoverzicht {week}") if summary else self.tr("Nieuw weekoverzicht {week}")
        super().__init__(title.format(week=label), parent, width=680)
        self.week = week
        intro = QLabel(
            self.tr("Het concept is gemaakt uit de contacten van deze week. Pas het aan waar nodig.")
            if draft is not None
            else self.tr("Weekoverzicht van {week}.").format(week=label),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.activities = self.add_field(self.tr("&Activiteiten:"), TextBox(self, lines=9), "text")
        self.choices = self.add_field(
            self.tr("&Gemaakte keuzes: *"),
            TextBox(self, lines=3, placeholder=self.tr("Welke keuzes zijn er deze week gemaakt? (of: geen)")),
            "choices",
        )
        self.bottlenecks = self.add_field(
            self.tr("&Knelpunten: *"),
            TextBox(self, lines=3, placeholder=self.tr("Waar liep het vast? (of: geen)")),
            "bottlenecks",
        )
        self.safety = self.add_field(self.tr("&Veiligheid besproken: *"), TriCombo(self), "safety_addressed")
        self.author = self.add_field(self.tr("Geschreven &door:"), QLineEdit(self), "written_by")
        self.author.setText(author)
        if summary is not None:
            self.activities.setPlainText(summary.text)
            self.choices.setPlainText(summary.choices)
            self.bottlenecks.setPlainText(summary.bottlenecks)
            self.safety.set_value(summary.safety_addressed)
            self.author.setText(summary.written_by)
        elif draft is not None:
            self.activities.setPlainText(draft.text)
        self.finish()
        self.choices.setFocus()

    def read(self, attempt: Attempt) -> WeeklySummary | None:
        return WeeklySummary(
            week=self.week,
            text=self.activities.value(),
            choices=self.choices.value(),
            bottlenecks=self.bottlenecks.value(),
            safety_addressed=self.safety.value(),
            written_by=self.author.text().strip(),
        )

    def check(self, record: WeeklySummary) -> list[FieldIssue]:
        return validate_weekly_summary(record)

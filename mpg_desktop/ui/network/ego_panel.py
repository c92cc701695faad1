"""The side panel for the centre and the snapshot on screen: self-rating (OA4), who drew the map
along, what went well (OA6). Emits edits the same way as the person panel."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from mpg_desktop.models.network_codes import DrawnWith
from mpg_desktop.models.network_issues import Issue
from mpg_desktop.models.network_map import EgoState, NetworkMap
from mpg_desktop.models.network_rating import Rating, rating_symbol
from mpg_desktop.models.network_snapshot import edit_snapshot, set_ego_state
from mpg_desktop.ui.network.fields import RatingButtons
from mpg_desktop.ui.network.person_panel import ISSUE_STYLE, issue_text


class EgoPanel(QWidget):
    edit_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot_id = ""
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.issues = QLabel(self)
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet(ISSUE_STYLE)
        self.focus_label = QLineEdit(self)
        self.focus_label.setAccessibleName(self.tr("Wie staat in het midden"))
        self.self_rating = RatingButtons(self.tr("Zelfwaardering"), self)
        self.self_reason = QLineEdit(self)
        self.self_reason.setAccessibleName(self.tr("Reden zelfwaardering"))
        self.self_reason.setPlaceholderText(self.tr("Waarom? In de woorden van de cliënt"))
        self.drawn_with = {code: QCheckBox(self.tr(code.label), self) for code in DrawnWith}
        self.strengths = QLineEdit(self)
        self.strengths.setAccessibleName(self.tr("Wat ging goed"))

        centre = QGroupBox(self.tr("Persoon in het midden"), self)
        form = QFormLayout(centre)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Naam:"), self.focus_label)
        form.addRow(self.tr("Zelfwaardering:"), self.self_rating)
        form.addRow(self.tr("Reden:"), self.self_reason)
        moment = QGroupBox(self.tr("Dit meetmoment"), self)
        moment_form = QFormLayout(moment)
        moment_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        drawn = QWidget(self)
        drawn_layout = QGridLayout(drawn)
        drawn_layout.setContentsMargins(0, 0, 0, 0)
        for index, box in enumerate(self.drawn_with.values()):
            drawn_layout.addWidget(box, index // 2, index % 2)
        moment_form.addRow(self.tr("Getekend met:"), drawn)
        moment_form.addRow(self.tr("Wat ging goed:"), self.strengths)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.issues)
        layout.addWidget(centre)
        layout.addWidget(moment)
        layout.addStretch()

        self.focus_label.editingFinished.connect(self._rename_focus)
        self.self_rating.rating_picked.connect(self._self_rating)
        self.self_reason.editingFinished.connect(self._self_reason)
        for code, box in self.drawn_with.items():
            box.clicked.connect(lambda _on, c=code: self._toggle_drawn_with(c))
        self.strengths.editingFinished.connect(self._strengths)

    def show_ego(self, network_map: NetworkMap, snapshot_id: str, issues: list[Issue], editable: bool) -> None:
        snapshot = network_map.snapshot(snapshot_id)
        self.snapshot_id = snapshot_id
        self.header.setText(
            self.tr("<b>{label}</b> · {kind}, {day}").format(
                label=_escape(network_map.focus_label),
                kind=self.tr(snapshot.kind.label),
                day=f"{snapshot.reference_date:%d-%m-%Y}",
            )
        )
        mine = [i for i in issues if i.person_id is None]
        self.issues.setText("\n".join(issue_text(i) for i in mine))
        self.issues.setVisible(bool(mine))
        if self.focus_label.text() != network_map.focus_label:
            self.focus_label.setText(network_map.focus_label)
        self.self_rating.set_rating(snapshot.ego.self_rating)
        if self.self_reason.text() != snapshot.ego.self_rating_reason:
            self.self_reason.setText(snapshot.ego.self_rating_reason)
        for code, box in self.drawn_with.items():
            box.setChecked(code in snapshot.drawn_with)
        if self.strengths.text() != snapshot.strengths_note:
            self.strengths.setText(snapshot.strengths_note)
        for widget in (self.focus_label, self.self_rating, self.self_reason, self.strengths, *self.drawn_with.values()):
            widget.setEnabled(editable)

    def _ego(self, network_map: NetworkMap) -> EgoState:
        return network_map.snapshot(self.snapshot_id).ego

    def _rename_focus(self) -> None:
        label = self.focus_label.text().strip()
        if label:
            self.edit_requested.emit(self.tr("Naam in het midden"), lambda m: replace(m, focus_label=label))

    def _self_rating(self, rating: Rating | None) -> None:
        sid = self.snapshot_id
        self.edit_requested.emit(
            self.tr("Zelfwaardering: {symbol}").format(symbol=rating_symbol(rating)),
            lambda m: set_ego_state(m, sid, replace(m.snapshot(sid).ego, self_rating=rating)),
        )

    def _self_reason(self) -> None:
        sid, reason = self.snapshot_id, self.self_reason.text().strip()
        self.edit_requested.emit(
            self.tr("Reden zelfwaardering"),
            lambda m: set_ego_state(m, sid, replace(m.snapshot(sid).ego, self_rating_reason=reason)),
        )

    def _toggle_drawn_with(self, code: DrawnWith) -> None:
        sid = self.snapshot_id
        self.edit_requested.emit(
            self.tr("Getekend met"),
            lambda m: edit_snapshot(m, sid, lambda s: replace(s, drawn_with=s.drawn_with ^ {code})),
        )

    def _strengths(self) -> None:
        sid, text = self.snapshot_id, self.strengths.text().strip()
        self.edit_requested.emit(
            self.tr("Wat ging goed"), lambda m: edit_snapshot(m, sid, lambda s: replace(s, strengths_note=text))
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

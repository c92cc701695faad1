"""'Afsluiten': open the closure form for a traject and store it. For any screen to call.

The phase screen owns the move to AFGESLOTEN; it calls ``edit_closure`` (for instance from its
transition dialog when the closure form is missing or incomplete) and then reads the result:

    closure = edit_closure(self, self.store, traject_id)
    if closure is not None:                       # None: the coach cancelled, nothing stored
        reason = closure.reason.code if closure.reason else ""
        complete = closure_form_complete(closure, start=state.start_date, today=date.today())

``DossierTab.closure_saved(traject_id, closure)`` is emitted after the tab's own "Afsluiten…"
button stored a form, for views that want to react at once. GUI thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from mpg_desktop.models.closure import Closure
from mpg_desktop.models.referrer_feedback import FeedbackEvent, ReferrerFeedback
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind, list_records, load_lifecycle, save_closure
from mpg_desktop.ui.closure_dialog import ClosureDialog


def closure_feedback_date(store: CaseStore, traject_id: int) -> date | None:
    """When the referrer was last told about the closure (a feedback record), if ever."""
    days = [
        record.given_on
        for _id, record in list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback)
        if record.event is FeedbackEvent.AFSLUITING and record.given_on is not None
    ]
    return max(days, default=None)


def closure_dialog(store: CaseStore, traject_id: int, parent: QWidget, *, today: date | None = None) -> ClosureDialog:
    """The form, filled with what is stored (or the end date the phase log set)."""
    state = load_lifecycle(store, traject_id)
    return ClosureDialog(
        state.closure,
        start=state.start_date,
        default_end=state.end_date,
        referrer_informed_on=closure_feedback_date(store, traject_id),
        today=today,
        parent=parent,
    )


def edit_closure(
    parent: QWidget,
    store: CaseStore,
    traject_id: int,
    *,
    today: date | None = None,
    dialog: ClosureDialog | None = None,
) -> Closure | None:
    """Show the closure form modally; store and return the closure, or None when cancelled.

    Does not change the phase. The end date is stored as the traject's end date too. ``dialog``:
    a form made by ``closure_dialog`` already (a caller that wants to hold on to it).
    """
    dialog = dialog or closure_dialog(store, traject_id, parent, today=today)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or (closure := dialog.closure()) is None:
            return None
        save_closure(store, traject_id, closure)
        return closure
    finally:
        dialog.deleteLater()

"""A case from aanmelding to closure in the app: household of seven (three surnames), Go, every
phase, a dropout closure; the dashboard counts follow."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mpg_desktop.models.admission import DecisionKind
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.closure import Closure, DropoutDetails, Success
from mpg_desktop.models.deadlines import Bucket
from mpg_desktop.models.phases import Phase
from mpg_desktop.storage.lifecycle_repository import load_lifecycle, save_closure
from mpg_desktop.ui import referral_flow
from mpg_desktop.ui.decision_dialog import DecisionDialog
from mpg_desktop.ui.tabs.phase_tab import PhaseTab, requirements_seen
from mpg_desktop.ui.transition_dialog import TransitionDialog
from tests.ui.test_referral import filled_dialog


def phase_tab(main_window) -> PhaseTab:  # type: ignore[no-untyped-def]
    return next(page for page in main_window.case_view.tab_pages if isinstance(page, PhaseTab))


def move(tab: PhaseTab, target: Phase, *, plan_signed: str = "", closure_reason: str = "") -> None:
    state = tab.state
    assert state is not None
    from mpg_desktop.models.phase_machine import transition_kind

    kind = transition_kind(state.phase, target)
    assert kind is not None, f"{state.phase} -> {target} not allowed"
    dialog = TransitionDialog(
        state.phase,
        target,
        kind,
        by="Coach Test",
        met=requirements_seen(tab.store, state, date.today()),
        closed_on=state.traject.closed_on,
        parent=tab,
    )
    for check, skip in dialog.checks.values():
        if check.isEnabled():
            check.setChecked(True)  # the coach confirms what the app cannot see (e.g. introduction held)
        elif not check.isChecked() and skip.isEnabled():
            skip.setText("niet van toepassing in deze test")
    dialog.plan_signed.setText(plan_signed)
    if closure_reason:
        dialog.closure_reason.set_code(closure_reason)
    dialog.apply()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
    assert tab.move_to(target, dialog)


def test_walk_a_case_from_referral_to_closure(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    referral = filled_dialog(qtbot, today=date.today())
    referral.save()
    referral.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        traject_id = referral_flow.new_referral(main_window, referral)
    qtbot.waitSignal(main_window.deadlines_counted, timeout=5000).wait()
    counted_before = sum(main_window.dashboard.counts.values())
    tab = phase_tab(main_window)
    assert tab.state is not None and tab.state.traject.id == traject_id

    move(tab, Phase.IN_BEOORDELING)
    # A move the spec does not allow has no button; Kennismaking needs a Go first.
    assert Phase.UITVOERING not in tab.move_buttons
    dialog = DecisionDialog(tab.state.referral, (), decided_by="Coach Test", parent=tab)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DecisionKind.GO.value))
    dialog.save()
    assert tab.record_decision(dialog)
    move(tab, Phase.KENNISMAKING)
    move(tab, Phase.INFORMATIEFASE)
    move(tab, Phase.PLANVORMING)
    move(tab, Phase.UITVOERING, plan_signed=f"{date.today() - timedelta(days=1):%d-%m-%Y}")
    state = load_lifecycle(main_window.store, traject_id)
    assert state.start_date == date.today() and state.traject.plan_signed_on == date.today() - timedelta(days=1)

    save_closure(
        main_window.store,
        traject_id,
        Closure(
            end_date=date.today(),
            reason=Choice("gezin_wil_niet_verder"),
            success=Success.NEE,
            dropout=DropoutDetails(date.today(), 3, Tri.JA, "Gezin wil zelf verder", True),
            no_handover=True,
            follow_on_help=Tri.NEE,
            aftercare_agreed=False,
            referrer_informed_on=date.today(),
        ),
    )
    tab.load(main_window.case_view.case)
    with qtbot.waitSignal(main_window.deadlines_counted, timeout=5000):
        move(tab, Phase.AFGESLOTEN, closure_reason="gezin_wil_niet_verder")
    state = load_lifecycle(main_window.store, traject_id)
    assert state.phase is Phase.AFGESLOTEN and state.traject.closed_on == date.today()
    assert [t.kind.value for t in state.transitions].count("uitval") == 1
    assert len(state.transitions) == 6 and tab.log.rowCount() == 6
    # The closed case no longer has running deadlines: the dashboard never counts more than before.
    assert sum(main_window.dashboard.counts.values()) <= counted_before
    assert "te laat" in main_window.dashboard.text()
    assert set(main_window.dashboard.counts) <= {Bucket.TE_LAAT, Bucket.DEZE_WEEK}


def test_refused_move_explains_in_dutch(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.search.setText("Jansen")
    main_window.table.selectRow(0)
    tab = phase_tab(main_window)
    state = tab.state
    assert state is not None and state.phase is Phase.UITVOERING
    from mpg_desktop.models.phase_machine import transition_kind

    dialog = TransitionDialog(
        state.phase,
        Phase.AFRONDING,
        transition_kind(state.phase, Phase.AFRONDING),
        by="Coach",
        met=set(),
        closed_on=None,
        parent=tab,
    )
    dialog.apply()  # nothing ticked, nothing skipped
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "kan nu niet" in dialog.problem.text() and "Nog niet vastgelegd" in dialog.problem.text()
    assert load_lifecycle(main_window.store, state.traject.id).phase is Phase.UITVOERING


def test_checks_recorded_in_the_referral_tick_the_requirement(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from mpg_desktop.models.phase_requirements import Requirement
    from mpg_desktop.ui.referral_dialog import ReferralDialog

    referral = filled_dialog(qtbot, today=date.today())
    referral.save()
    referral.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        referral_flow.new_referral(main_window, referral)
    tab = phase_tab(main_window)
    assert Requirement.CHECKS_DONE not in requirements_seen(tab.store, tab.state, date.today())
    from mpg_desktop.storage.cases_repository import load_family

    members = list(load_family(tab.store, tab.state.family_id).members)
    edit = ReferralDialog(tab, existing=tab.state.referral, members=members)
    qtbot.addWidget(edit)
    assert edit.extended.risks.columnCount() == 1 + len(members)
    edit.extended.risks.item(1, 3).setCheckState(Qt.CheckState.Checked)  # second factor, third member
    assert edit.family_question.toPlainText() == "" and edit.urgency.choice() == Choice("code_oranje")
    for known, on, by in edit.check_rows.values():
        known.set_value(Tri.NEE)
        on.setText(f"{date.today():%d-%m-%Y}")
        by.setText("Coach Test")
    edit.family_question.setPlainText("Wij willen rust en de schulden op een rij.")
    edit.save()
    assert edit.result() == QDialog.DialogCode.Accepted
    assert tab.edit_referral(edit)
    seen = requirements_seen(tab.store, tab.state, date.today())
    assert {Requirement.CHECKS_DONE, Requirement.FAMILY_QUESTION_RECORDED} <= seen
    assert tab.state.referral.urgency == Choice("code_oranje")  # untouched fields survive the edit
    [mark] = tab.state.referral.risk_factors
    assert mark.person_id == members[2].id


def test_suspension_moves_deadlines_and_extension_needs_a_reason(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from mpg_desktop.ui.deadline_dialogs import ExtensionDialog, SuspensionDialog

    referral = filled_dialog(qtbot, today=date.today())
    referral.save()
    referral.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        referral_flow.new_referral(main_window, referral)
    tab = phase_tab(main_window)
    move(tab, Phase.IN_BEOORDELING)
    due_before = tab.deadlines.item(0, 1).text()

    pause = SuspensionDialog([], parent=tab)
    pause.start.setText(f"{date.today():%d-%m-%Y}")
    pause.save()  # no reason
    assert pause.result() != QDialog.DialogCode.Accepted
    assert any("Reden" in m for m in pause.errors.visible_messages())
    pause.reason.set_code(pause.reason.code_list.active_items[0].code)
    pause.end.setText(f"{date.today() + timedelta(days=10):%d-%m-%Y}")
    pause.save()
    assert pause.result() == QDialog.DialogCode.Accepted
    assert tab.suspend(pause)
    assert tab.deadlines.item(0, 1).text() != due_before  # the go/no-go date moved on

    extension = ExtensionDialog([], start=date.today(), current_end=date.today(), profile=_profile(), parent=tab)
    extension.save()
    assert extension.result() != QDialog.DialogCode.Accepted
    assert any("Reden is verplicht" in m for m in extension.errors.visible_messages())
    extension.reason.setText("Gezin heeft nog 3 maanden nodig voor de schuldregeling")
    extension.approved_by.setText("Teamleider")
    extension.save()
    assert tab.extend(extension) and len(tab.extensions) == 1


def _profile():  # type: ignore[no-untyped-def]
    from mpg_desktop.models.programme_profiles import profile_or_default

    return profile_or_default("standaard")


def test_case_list_marks_cases_with_overdue_deadlines(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """Familie Jansen signed its plan 200 days ago and had no evaluation since: the evaluation
    deadline is overdue, so the list's Termijn column says 'te laat', in words and colour."""
    model = main_window.model
    rows = {model.case_at(r).family_name: r for r in range(model.rowCount())}
    late = rows["Familie Jansen"]
    qtbot.waitUntil(lambda: model.deadline_of(late) is not None, timeout=5000)
    assert model.deadline_of(late) is Bucket.TE_LAAT
    assert model.index(late, 5).data() == "te laat"
    assert model.index(late, 5).data(Qt.ItemDataRole.BackgroundRole) is not None
    closed = rows["Familie de Vries"]
    assert model.deadline_of(closed) is None and model.index(closed, 5).data() == ""

"""The aanmelding: a household of seven with three surnames, errors next to fields, known families."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QMessageBox

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import DomainProblem, InvolvedHelp, Referral, ReferrerContact
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import load_lifecycle
from mpg_desktop.ui import referral_flow
from mpg_desktop.ui.referral_dialog import ReferralDialog
from tests.storage.test_lifecycle_repository import SEVEN

COMPLETE = Referral(
    area=Choice("korrewegwijk"),
    referrer_type=Choice("professional", "wijkteam"),
    referring_organisation=Choice("cjg"),
    referrer_contact=ReferrerContact("Anouk de Vries", "jeugdverpleegkundige", "050-1234567", "a@cjg.example"),
    reasons=(Choice("financien"), Choice("opvoeding")),
    referrer_question="Schulden lopen op en de oudste gaat niet naar school.",
    problem_domains=(DomainProblem(Choice("inkomen")), DomainProblem(Choice("opvoeding"))),
    urgency=Choice("code_oranje"),
    child_safety_concerns=Tri.NEE,
    legal_frame=Choice("vrijwillig"),
    case_manager_involved=Tri.NEE,
    funding=Choice("preventief_jeugd"),
    family_informed=True,
    involved_help=(InvolvedHelp("Wijkteam Noord", "maatschappelijk werk"),),
)


def filled_dialog(qtbot, today: date = date(2026, 11, 20)) -> ReferralDialog:  # type: ignore[no-untyped-def]
    dialog = ReferralDialog(today=today)
    qtbot.addWidget(dialog)
    dialog.members = list(SEVEN)
    dialog._show_members()
    dialog.family_name.setText("Familie El Amrani / Martina")
    dialog.fill_for_test(COMPLETE)
    return dialog


def test_missing_household_and_impossible_date_block_saving(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ReferralDialog(today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.referral_date.setText("31-11-2026")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    messages = dialog.errors.visible_messages() + dialog.family_errors.visible_messages()
    assert any("31-11-2026 bestaat niet" in m for m in messages)
    assert any("minstens één gezinslid" in m for m in messages)
    assert any("Gezinsnaam is verplicht" in m for m in messages)


def test_incomplete_referral_names_each_missing_field_and_can_be_a_draft(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = ReferralDialog(today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.members = list(SEVEN[:2])
    dialog._show_members()
    dialog.family_name.setText("Familie Concept")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    dialog.save()
    messages = dialog.errors.visible_messages()
    assert any(m.startswith("⚠ Urgentie") for m in messages)
    assert any("Hulpvraag aanmelder" in m for m in messages)
    assert asked and "concept" in asked[0] and dialog.result() != QDialog.DialogCode.Accepted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.referral().urgency is None


def test_complete_referral_with_seven_members_is_stored(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    dialog = filled_dialog(qtbot)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.errors.visible_messages() == []
    dialog.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        traject_id = referral_flow.new_referral(main_window, dialog)
    state = load_lifecycle(main_window.store, traject_id)
    assert state.phase is Phase.AANGEMELD and state.referral.urgency == Choice("code_oranje")
    family = load_family(main_window.store, state.family_id)
    assert len(family.members) == 7 and len(set(family.surnames)) == 3
    assert main_window.case_view.case is not None and main_window.case_view.case.traject_id == traject_id


def test_known_family_is_offered_for_linking(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = filled_dialog(qtbot)
    first.save()
    first.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    with qtbot.waitSignal(main_window.cases_loaded, timeout=5000):
        first_id = referral_flow.new_referral(main_window, first)
    family_id = load_lifecycle(main_window.store, first_id).family_id

    second = filled_dialog(qtbot)
    second.save()
    second.exec = lambda: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    shown: list[str] = []

    def choose_link(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_link)
    # The first traject is still open: linking is refused with a clear message.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert referral_flow.new_referral(main_window, second) is None
    assert "Familie El Amrani / Martina" in shown[0] and "Yasmina Bouzid (09-05-2008)" in shown[0]
    assert warnings and "al een lopend traject" in warnings[0]
    assert load_family(main_window.store, family_id).household_size == 7


def test_extended_fields_and_risk_matrix_are_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    dialog = filled_dialog(qtbot)
    box = dialog.extended
    assert box.risks.columnCount() == 1  # new members have no id yet: per member comes after saving
    box.risks.item(0, 0).setCheckState(Qt.CheckState.Checked)  # first factor for the family
    box.risks.item(2, 0).setCheckState(Qt.CheckState.Checked)
    box.severity.setValue(4)
    box.network_support.set_value(Tri.JA)
    box.network_support_from.setText("buurvrouw")
    box.acute_since.setText("30-02-2026")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "30-02-2026 bestaat niet" in dialog.summary.text()
    box.acute_since.setText("")
    dialog.save()
    referral = dialog.referral()
    assert referral is not None and referral.severity_estimate == 4
    assert referral.network_support is Tri.JA and referral.network_support_from == "buurvrouw"
    factors = {(m.factor.code, m.person_id) for m in referral.risk_factors}
    first, third = (item.code for item in box.factor_list.active_items[0:3:2])
    assert factors == {(first, None), (third, None)}

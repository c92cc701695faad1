"""The referral form (*aanmelding*, spec process-and-forms 2.2) with the household (spec 3).

Required fields are marked with *. Problems are shown next to their field in Dutch. Per spec 0.2
an incomplete referral may still be saved (as a draft: the phase screen asks for the missing
fields before the case can move on); only a referral date and one household member are needed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.household import Family, Person
from mpg_desktop.models.programme_profiles import default_programme_profiles
from mpg_desktop.models.referral import AgencyCheck, DomainProblem, InvolvedHelp, Referral, ReferrerContact
from mpg_desktop.models.referral_validation import validate_referral
from mpg_desktop.models.validation import FieldIssue, Severity, ValidationError, parse_date
from mpg_desktop.ui.choice_widgets import ChoiceChecklist, ChoiceCombo, TriCombo
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from mpg_desktop.ui.person_dialog import PersonDialog
from mpg_desktop.ui.referral_extended import ExtendedReferralBox


class ReferralDialog(QDialog):
    """After ``exec()`` is accepted, ``family()`` and ``referral()`` hold what was entered."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        existing: Referral | None = None,
        members: list[Person] | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.existing = existing
        self.members: list[Person] = []
        self._family: Family | None = None
        self._referral: Referral | None = None
        self.setWindowTitle(
            self.tr("Aanmelding {number}").format(number=existing.case_number)
            if existing is not None
            else self.tr("Nieuwe aanmelding")
        )
        self.resize(900, 760)
        lists = default_code_lists()

        # -- the family ------------------------------------------------------------------------
        self.family_name = QLineEdit(self)
        self.family_name.setPlaceholderText(self.tr("bijvoorbeeld Familie Bakker / El Amrani"))
        self.members_table = QTableWidget(0, 4, self)
        self.members_table.setHorizontalHeaderLabels(
            [self.tr("Voornaam"), self.tr("Achternaam"), self.tr("Rol"), self.tr("Geboren")]
        )
        self.members_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.members_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.members_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members_table.verticalHeader().setVisible(False)
        self.members_table.setAccessibleName(self.tr("Huishouden"))
        self.members_table.setMinimumHeight(150)
        self.members_table.cellDoubleClicked.connect(lambda _r, _c: self.edit_member())
        self.add_member_button = QPushButton(self.tr("Gezinslid &toevoegen…"), self)
        self.edit_member_button = QPushButton(self.tr("Gezinslid &bewerken…"), self)
        self.remove_member_button = QPushButton(self.tr("Gezinslid verwijderen"), self)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        member_buttons = QHBoxLayout()
        for button in (self.add_member_button, self.edit_member_button, self.remove_member_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch()
        family_box = QGroupBox(self.tr("Gezin en huishouden"), self)
        family_form = QFormLayout(family_box)
        self.family_errors = FieldErrors(family_form)
        self.family_errors.add_row(self.tr("&Gezinsnaam: *"), self.family_name)
        self.family_errors.add_row(self.tr("Huishouden: *"), self.members_table)
        family_form.addRow("", _wrap(member_buttons, family_box))

        # -- the referral ----------------------------------------------------------------------
        self.referral_date = QLineEdit(f"{self.today:%d-%m-%Y}", self)
        self.received_date = QLineEdit(f"{self.today:%d-%m-%Y}", self)
        for field in (self.referral_date, self.received_date):
            field.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.area = ChoiceCombo(lists[ListId.WERKGEBIED], self)
        self.profile = ChoiceComboOfProfiles(self)
        self.referrer_type = ChoiceCombo(lists[ListId.AANMELDER_TYPE], self)
        self.organisation = ChoiceCombo(lists[ListId.AANMELDENDE_ORGANISATIE], self)
        self.contact_name = QLineEdit(self)
        self.contact_role = QLineEdit(self)
        self.contact_phone = QLineEdit(self)
        self.contact_email = QLineEdit(self)
        contact_row = QHBoxLayout()
        for widget, hint in (
            (self.contact_name, self.tr("naam")),
            (self.contact_role, self.tr("functie")),
            (self.contact_phone, self.tr("telefoon")),
            (self.contact_email, self.tr("e-mail")),
        ):
            widget.setPlaceholderText(hint)
            widget.setAccessibleName(self.tr("Contactpersoon aanmelder: {part}").format(part=hint))
            contact_row.addWidget(widget)
        self.contact_box = _wrap(contact_row, self)
        self.reasons = ChoiceChecklist(lists[ListId.REDEN_AANMELDING], self)
        self.referrer_question = QPlainTextEdit(self)
        self.referrer_question.setTabChangesFocus(True)
        self.referrer_question.setFixedHeight(70)
        self.domains = ChoiceChecklist(lists[ListId.LEEFGEBIED], self)
        self.urgency = ChoiceCombo(lists[ListId.URGENTIE], self)
        self.safety = TriCombo(self)
        self.safety_note = QLineEdit(self)
        self.safety_note.setPlaceholderText(self.tr("toelichting"))
        self.frame = ChoiceCombo(lists[ListId.KADER], self)
        self.levers = ChoiceChecklist(lists[ListId.DRANGMIDDEL], self, rows=4)
        self.consequences = QLineEdit(self)
        self.case_manager_involved = TriCombo(self)
        self.case_manager = QLineEdit(self)
        self.case_manager.setPlaceholderText(self.tr("naam / organisatie"))
        self.involved_help = QPlainTextEdit(self)
        self.involved_help.setTabChangesFocus(True)
        self.involved_help.setFixedHeight(60)
        self.involved_help.setPlaceholderText(
            self.tr("één per regel: organisatie – rol, bijvoorbeeld: Wijkteam – maatschappelijk werk")
        )
        self.no_involved_help = QCheckBox(self.tr("Geen (eerder) betrokken hulpverlening"), self)
        self.funding = ChoiceCombo(lists[ListId.FINANCIERING], self)
        self.family_question = QPlainTextEdit(self)
        self.family_question.setTabChangesFocus(True)
        self.family_question.setFixedHeight(60)
        self.family_question.setPlaceholderText(self.tr("de vraag van het gezin, in hun eigen woorden"))
        self.check_rows: dict[str, tuple[TriCombo, QLineEdit, QLineEdit]] = {}
        self.checks_box = QGroupBox(self.tr("Checks (voor het besluit)"), self)
        checks_form = QFormLayout(self.checks_box)
        for item in lists[ListId.CHECK_INSTANTIE].active_items:
            if "verplicht" not in item.tags:
                continue
            known = TriCombo(self.checks_box)
            known.setAccessibleName(self.tr("{agency}: bekend").format(agency=item.label))
            on = QLineEdit(self.checks_box)
            on.setPlaceholderText(self.tr("gecheckt op dd-mm-jjjj"))
            by = QLineEdit(self.checks_box)
            by.setPlaceholderText(self.tr("door"))
            row = QHBoxLayout()
            row.addWidget(known)
            row.addWidget(on)
            row.addWidget(by)
            checks_form.addRow(self.tr("{agency} – bekend:").format(agency=item.label), _wrap(row, self.checks_box))
            self.check_rows[item.code] = (known, on, by)
        self.family_informed = QCheckBox(self.tr("Het gezin weet van de aanmelding"), self)

        referral_box = QGroupBox(self.tr("Aanmelding"), self)
        form = QFormLayout(referral_box)
        self.errors = FieldErrors(form)
        add = self.errors.add_row
        add(self.tr("&Aanmelddatum: *"), self.referral_date)
        add(self.tr("Datum ontvangst: *"), self.received_date)
        add(self.tr("&Werkgebied / wijk: *"), self.area)
        add(self.tr("&Programma: *"), self.profile)
        add(self.tr("T&ype aanmelder: *"), self.referrer_type)
        add(self.tr("Aanmeldende &organisatie:"), self.organisation)
        add(self.tr("&Contactpersoon aanmelder:"), self.contact_box)
        add(self.tr("&Reden van aanmelding: *"), self.reasons)
        add(self.tr("&Hulpvraag aanmelder: *"), self.referrer_question)
        add(self.tr("&Leefgebieden met problemen: *"), self.domains)
        add(self.tr("&Urgentie: *"), self.urgency)
        add(self.tr("Zorgen over &veiligheid kinderen: *"), self.safety)
        form.addRow("", self.safety_note)
        add(self.tr("&Kader: *"), self.frame)
        add(self.tr("Drangmiddel:"), self.levers)
        add(self.tr("Gevolgen bij niet meewerken:"), self.consequences)
        add(self.tr("Casemanager / gezinsvoogd betrokken: *"), self.case_manager_involved)
        form.addRow("", self.case_manager)
        add(self.tr("(Eerder) betrokken &hulp: *"), self.involved_help)
        form.addRow("", self.no_involved_help)
        add(self.tr("&Financiering: *"), self.funding)
        form.addRow("", self.family_informed)
        add(self.tr("Hulpvraag &gezin:"), self.family_question)
        self.frame.changed.connect(self._frame_changed)
        self._frame_changed()

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(family_box)
        content_layout.addWidget(referral_box)
        self.extended = ExtendedReferralBox(self)
        content_layout.addWidget(self.extended)
        content_layout.addWidget(self.checks_box)
        family_box.setVisible(existing is None)  # the household of a known case is edited in its tab
        self.checks_box.setVisible(existing is not None)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #a4262c; font-weight: bold;")
        self.summary.hide()
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.guard = UnsavedChangesGuard(self)

        self._widgets: dict[str, QWidget] = {
            "referral_date": self.referral_date,
            "received_date": self.received_date,
            "area": self.area,
            "programme_profile": self.profile,
            "referrer_type": self.referrer_type,
            "referring_organisation": self.organisation,
            "referrer_contact": self.contact_box,
            "reasons": self.reasons,
            "referrer_question": self.referrer_question,
            "problem_domains": self.domains,
            "urgency": self.urgency,
            "child_safety_concerns": self.safety,
            "legal_frame": self.frame,
            "pressure_levers": self.levers,
            "consequences_of_not_cooperating": self.consequences,
            "case_manager_involved": self.case_manager_involved,
            "funding": self.funding,
            "involved_help": self.involved_help,
            "family_question": self.family_question,
        }
        if existing is not None:
            self.extended.set_members(members or [])
            self.fill_from(existing)
            self.guard.dirty = False
        else:
            self.extended.set_members([])

    # -- household -------------------------------------------------------------------------------
    def _show_members(self) -> None:
        self.extended.set_members(self.members)
        self.members_table.setRowCount(len(self.members))
        for row, person in enumerate(self.members):
            values = [person.first_name, person.surname, self.tr(person.role.label), f"{person.birth_date:%d-%m-%Y}"]
            for column, value in enumerate(values):
                self.members_table.setItem(row, column, QTableWidgetItem(value))
        self.guard.dirty = True

    def add_member(self) -> None:
        dialog = PersonDialog(parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (person := dialog.person()) is not None:
            self.members.append(person)
            self._show_members()
            if not self.family_name.text().strip():
                surnames = list(dict.fromkeys(p.surname for p in self.members))
                self.family_name.setText(self.tr("Familie {names}").format(names=" / ".join(surnames[:2])))

    def edit_member(self) -> None:
        row = self.members_table.currentRow()
        if not 0 <= row < len(self.members):
            return
        dialog = PersonDialog(self.members[row], parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (person := dialog.person()) is not None:
            self.members[row] = person
            self._show_members()

    def remove_member(self) -> None:
        row = self.members_table.currentRow()
        if 0 <= row < len(self.members):
            del self.members[row]
            self._show_members()

    # -- form ------------------------------------------------------------------------------------
    def _frame_changed(self) -> None:
        frame = self.frame.choice()
        pressure = frame is not None and frame.code in self.frame.code_list.codes_tagged("drang_dwang")
        self.levers.setEnabled(pressure)
        self.consequences.setEnabled(pressure)

    def _date(self, field: QLineEdit, label: str, found: list[QWidget]) -> date | None:
        try:
            return parse_date(field.text(), label, not_after=self.today)
        except ValidationError as error:
            self.errors.show(field, error.message)
            found.append(field)
            return None

    def _checks(self, found: list[QWidget]) -> tuple[AgencyCheck, ...]:
        checks = []
        for code, (known, on, by) in self.check_rows.items():
            checked_on = None
            if on.text().strip():
                try:
                    checked_on = parse_date(on.text(), self.tr("Datum check"), not_after=self.today)
                except ValidationError as error:
                    self.summary.setText(error.message)
                    self.summary.show()
                    found.append(on)
            if known.value() is not None or checked_on is not None or by.text().strip():
                checks.append(AgencyCheck(Choice(code), known.value(), checked_on, by.text().strip()))
        return tuple(checks)

    def build_referral(self, found: list[QWidget]) -> Referral:
        frame = self.frame.choice()
        pressure = self.levers.isEnabled()
        base = self.existing or Referral()
        return replace(
            base,
            referral_date=self._date(self.referral_date, self.tr("Aanmelddatum"), found),
            received_date=self._date(self.received_date, self.tr("Datum ontvangst"), found),
            area=self.area.choice(),
            programme_profile=self.profile.profile_id(),
            referrer_type=self.referrer_type.choice(),
            referring_organisation=self.organisation.choice(),
            referrer_contact=ReferrerContact(
                self.contact_name.text().strip(),
                self.contact_role.text().strip(),
                self.contact_phone.text().strip(),
                self.contact_email.text().strip(),
            ),
            reasons=self.reasons.choices(),
            referrer_question=self.referrer_question.toPlainText().strip(),
            problem_domains=tuple(DomainProblem(choice) for choice in self.domains.choices()),
            urgency=self.urgency.choice(),
            child_safety_concerns=self.safety.value(),
            child_safety_note=self.safety_note.text().strip(),
            legal_frame=frame,
            pressure_levers=self.levers.choices() if pressure else (),
            consequences_of_not_cooperating=self.consequences.text().strip() if pressure else "",
            case_manager_involved=self.case_manager_involved.value(),
            case_manager=self.case_manager.text().strip(),
            funding=self.funding.choice(),
            family_informed=self.family_informed.isChecked() or None,
            family_informed_on=self.today if self.family_informed.isChecked() else None,
            involved_help=self._involved_help(),
            no_involved_help=self.no_involved_help.isChecked(),
            family_question=self.family_question.toPlainText().strip(),
            checks=self._checks(found) if self.existing is not None else base.checks,
        )

    def _involved_help(self) -> tuple[InvolvedHelp, ...]:
        entries = []
        for line in self.involved_help.toPlainText().splitlines():
            organisation, _, role = line.partition("–") if "–" in line else line.partition("-")
            if organisation.strip():
                entries.append(InvolvedHelp(organisation.strip(), role.strip()))
        return tuple(entries)

    def show_issues(self, issues: list[FieldIssue]) -> list[FieldIssue]:
        """Show each error next to its field; returns the errors that could not be placed."""
        unplaced = []
        for issue in issues:
            if issue.severity is not Severity.FOUT:
                continue
            widget = self._widgets.get(issue.field)
            if widget is None:
                unplaced.append(issue)
            else:
                self.errors.show(widget, issue.message)
        return unplaced

    def save(self) -> None:
        self.errors.clear()
        self.family_errors.clear()
        self.summary.hide()
        found: list[QWidget] = []
        referral = self.build_referral(found)
        try:
            referral = self.extended.apply(referral, self.today)
        except ValidationError as error:
            self.summary.setText(error.message)
            self.summary.show()
            found.append(self.extended.acute_since)
        if self.existing is None and not self.family_name.text().strip():
            self.family_errors.show(self.family_name, self.tr("Gezinsnaam is verplicht. Vul een naam in."))
            found.append(self.family_name)
        if self.existing is None and not self.members:
            self.family_errors.show(
                self.members_table,
                self.tr("Voeg minstens één gezinslid toe: het huishouden mag niet onbekend blijven."),
            )
            found.append(self.members_table)
        if found:  # without these nothing can be stored
            found[0].setFocus()
            return
        issues = [
            issue
            for issue in validate_referral(referral, today=self.today)
            if issue.field not in ("referral_date", "received_date") or issue.severity is not Severity.FOUT
        ]
        self.show_issues(issues)
        errors = [issue for issue in issues if issue.severity is Severity.FOUT]
        if errors:
            self.summary.setText(
                self.tr("Nog niet compleet ({count} punten, rood gemarkeerd).").format(count=len(errors))
            )
            self.summary.show()
            answer = QMessageBox.question(
                self,
                self.tr("Aanmelding nog niet compleet"),
                self.tr(
                    "De aanmelding mist nog {count} verplichte gegevens (rood gemarkeerd). U kunt hem nu als "
                    "concept opslaan en later aanvullen; de casus gaat pas naar de checks als alles er is."
                ).format(count=len(errors)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                return
        self._family = Family(name=self.family_name.text().strip(), members=tuple(self.members))
        self._referral = referral
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def family(self) -> Family | None:
        return self._family

    def referral(self) -> Referral | None:
        return self._referral

    def fill_from(self, referral: Referral) -> None:
        """Put a stored referral into the form."""
        if referral.referral_date is not None:
            self.referral_date.setText(f"{referral.referral_date:%d-%m-%Y}")
        if referral.received_date is not None:
            self.received_date.setText(f"{referral.received_date:%d-%m-%Y}")
        if referral.programme_profile:
            self.profile.set_code(referral.programme_profile)
        self.safety_note.setText(referral.child_safety_note)
        self.case_manager.setText(referral.case_manager)
        self.family_question.setPlainText(referral.family_question)
        self.levers.set_codes([c.code for c in referral.pressure_levers])
        self.consequences.setText(referral.consequences_of_not_cooperating)
        for check in referral.checks:
            if check.agency.code in self.check_rows:
                known, on, by = self.check_rows[check.agency.code]
                known.set_value(check.known)
                on.setText(f"{check.checked_on:%d-%m-%Y}" if check.checked_on else "")
                by.setText(check.checked_by)
        self.fill_for_test(referral)
        self.extended.fill(referral)

    def fill_for_test(self, referral: Referral) -> None:
        """Put a referral's coded answers into the form (used by tests and screenshots)."""
        self.area.set_choice(referral.area)
        self.referrer_type.set_choice(referral.referrer_type)
        self.organisation.set_choice(referral.referring_organisation)
        self.reasons.set_codes([c.code for c in referral.reasons])
        self.referrer_question.setPlainText(referral.referrer_question)
        self.domains.set_codes([p.domain.code for p in referral.problem_domains])
        self.urgency.set_choice(referral.urgency)
        self.safety.set_value(referral.child_safety_concerns)
        self.frame.set_choice(referral.legal_frame)
        self.case_manager_involved.set_value(referral.case_manager_involved)
        self.funding.set_choice(referral.funding)
        self.family_informed.setChecked(bool(referral.family_informed))
        self.no_involved_help.setChecked(referral.no_involved_help)
        self.involved_help.setPlainText("\n".join(f"{h.organisation} – {h.role}" for h in referral.involved_help))
        contact = referral.referrer_contact
        self.contact_name.setText(contact.name)
        self.contact_role.setText(contact.role)
        self.contact_phone.setText(contact.phone)
        self.contact_email.setText(contact.email)


class ChoiceComboOfProfiles(ChoiceCombo):
    """The programme profiles (spec 1.3) as a choice; the default profile is preselected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from mpg_desktop.models.code_lists import CodeItem, CodeList

        profiles = default_programme_profiles()
        items = tuple(CodeItem(profile_id, profile.label) for profile_id, profile in profiles.items())
        super().__init__(CodeList("programma", "Programma", 1, items), parent)
        self.set_code("standaard")

    def profile_id(self) -> str:
        choice = self.choice()
        return choice.code if choice else ""


def _wrap(layout: QHBoxLayout, parent: QWidget) -> QWidget:
    holder = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder

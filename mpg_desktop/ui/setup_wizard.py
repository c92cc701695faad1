"""First start on a real store: who the coach is, a passphrase, and the recovery code once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mpg_desktop.storage import device_secret
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.errors import StoreError
from mpg_desktop.storage.key_wrapping import KdfParams
from mpg_desktop.ui.passphrase_fields import PassphraseFields
from mpg_desktop.ui.recovery_code_view import RecoveryCodeView
from mpg_desktop.ui.unlock_dialog import ERROR_STYLE, notice_label


def _text(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welkom bij MPG Desktop"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _text(
                self.tr(
                    "<p>Met MPG Desktop houdt u per gezin één dossier bij, ook zonder internet.</p>"
                    "<p>Alles wat u opslaat, wordt <b>versleuteld</b> op deze laptop bewaard. Raakt de laptop "
                    "kwijt, dan kan niemand de dossiers lezen.</p>"
                    "<p>U kiest zo een <b>wachtwoordzin</b>. Daarna krijgt u één keer een <b>herstelcode</b> "
                    "voor als u de wachtwoordzin vergeet.</p>"
                    "<p><b>Belangrijk:</b> zonder wachtwoordzin of herstelcode kan niemand het bestand nog "
                    "openen. Ook de makers van dit programma en uw beheerder niet.</p>"
                ),
                self,
            )
        )


class CoachPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Over u"))
        self.setSubTitle(self.tr("Deze gegevens staan in het versleutelde bestand en op afdrukken."))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Uw naam"))
        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName(self.tr("Organisatie"))
        form = QFormLayout(self)
        form.addRow(self.tr("Uw &naam:"), self.name)
        form.addRow(self.tr("&Organisatie:"), self.organisation)
        self.registerField("coach_name*", self.name)
        self.registerField("organisation*", self.organisation)


class PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Kies een wachtwoordzin"))
        self.setSubTitle(self.tr("Een zin van een paar woorden die u makkelijk onthoudt en anderen niet raden."))
        self.fields = PassphraseFields(self)
        self.fields.validity_changed.connect(lambda _valid: self.completeChanged.emit())
        self.error = notice_label("", self, ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        if not device_secret.keyring_available():
            layout.addWidget(
                notice_label(
                    self.tr(
                        "Op deze computer is geen sleutelbos beschikbaar. Het bestand wordt alleen met uw "
                        "wachtwoordzin beveiligd; kies daarom een lange zin."
                    ),
                    self,
                )
            )
        layout.addWidget(self.error)
        layout.addStretch()

    def initializePage(self) -> None:
        self.fields.user_inputs = [str(self.field("coach_name")), str(self.field("organisation"))]

    def isComplete(self) -> bool:
        return self.fields.is_valid()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        try:
            wizard.create_store(self.fields.passphrase())
        except StoreError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        self.fields.clear()
        return True


class RecoveryCodePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Uw herstelcode"))
        self.setSubTitle(self.tr("U ziet deze code maar één keer. Schrijf hem over of druk hem af."))
        self.view = RecoveryCodeView(self)
        self.confirm = QCheckBox(
            self.tr("Ik heb de herstelcode opgeschreven of afgedrukt en bewaar hem apart van de laptop."), self
        )
        self.confirm.toggled.connect(lambda _checked: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(
            _text(
                self.tr(
                    "Vergeet u uw wachtwoordzin, dan opent u het bestand met deze code en kiest u een nieuwe "
                    "wachtwoordzin. Ook op een nieuwe laptop zet u met deze code een back-up terug."
                ),
                self,
            )
        )
        layout.addWidget(self.view)
        layout.addWidget(self.confirm)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        self.view.set_code(wizard.recovery_code)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()


class SetupWizard(QWizard):
    """Creates the store when the passphrase page is accepted; emits ``created(store)`` at the end."""

    created = Signal(object)

    def __init__(self, store_dir: Path, kdf: KdfParams | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.kdf = kdf
        self.store: CaseStore | None = None
        self.recovery_code = ""
        self.setWindowTitle(self.tr("MPG Desktop – Instellen"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(620, 460)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Vorige"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Beginnen"))
        self.welcome_page = WelcomePage(self)
        self.coach_page = CoachPage(self)
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryCodePage(self)
        for page in (self.welcome_page, self.coach_page, self.passphrase_page, self.recovery_page):
            self.addPage(page)

    def create_store(self, passphrase: str) -> None:
        if self.store is not None:  # came back with Vorige: keep the one store made
            return
        self.store, self.recovery_code = CaseStore.create(
            self.store_dir,
            passphrase,
            coach_name=str(self.field("coach_name")).strip(),
            organisation=str(self.field("organisation")).strip(),
            kdf=self.kdf,
        )

    def accept(self) -> None:
        self.recovery_code = ""
        super().accept()
        if self.store is not None:
            self.created.emit(self.store)

"""'Nieuwe aanmelding': the referral form, then a check for a family we already know (spec 1.7)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from mpg_desktop.models.errors import DomainError
from mpg_desktop.storage.lifecycle_repository import add_traject, find_existing_families, register_referral
from mpg_desktop.ui.referral_dialog import ReferralDialog

if TYPE_CHECKING:
    from mpg_desktop.ui.main_window import MainWindow


def new_referral(window: MainWindow, dialog: ReferralDialog | None = None) -> int | None:
    """Returns the new traject's id, or None when nothing was saved."""
    dialog = dialog or ReferralDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    family, referral = dialog.family(), dialog.referral()
    assert family is not None and referral is not None
    try:
        matches = find_existing_families(window.store, family.members)
        traject_id = None
        if matches:
            match = matches[0]
            box = QMessageBox(window)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(window.tr("Bekend gezin?"))
            box.setText(
                window.tr(
                    "Dit gezin lijkt al bekend: {family}.\nZelfde naam en geboortedatum: {members}.\n\n"
                    "Wilt u de aanmelding als nieuw traject aan dit gezin koppelen?"
                ).format(family=match.name, members=", ".join(match.matched))
            )
            link = box.addButton(window.tr("&Koppelen aan bekend gezin"), QMessageBox.ButtonRole.AcceptRole)
            separate = box.addButton(window.tr("&Nieuw gezin"), QMessageBox.ButtonRole.NoRole)
            box.addButton(window.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is link:
                traject_id = add_traject(window.store, match.family_id, referral)
            elif box.clickedButton() is not separate:
                return None
        if traject_id is None:
            _, traject_id = register_referral(window.store, family, referral)
    except DomainError as error:
        QMessageBox.warning(window, window.tr("Aanmelding"), error.message)
        return None
    window.select_after_refresh(traject_id)
    window.refresh()
    return traject_id

"""Storage errors. Each carries a Dutch message for the coach: what happened and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """Base class; ``message`` is shown to the user as it is."""

    message = "Er ging iets mis met het dossierbestand."

    def __init__(self, message: str | None = None) -> None:
        if message is not None:
            self.message = message
        super().__init__(self.message)


class StoreNotFound(StoreError):
    message = "Hier staat geen dossierbestand. Kies een andere map of maak een nieuw bestand aan."


class StoreExists(StoreError):
    message = "In deze map staat al een dossierbestand. Kies een lege map."


class WrongPassphrase(StoreError):
    message = "Deze wachtwoordzin klopt niet. Let op hoofdletters en spaties en probeer het opnieuw."


class WrongRecoveryCode(StoreError):
    message = "Deze herstelcode klopt niet. Controleer de code op het papier en probeer het opnieuw."


class DeviceSecretMissing(StoreError):
    message = (
        "Deze laptop heeft de apparaatsleutel van dit bestand niet (meer), bijvoorbeeld na een "
        "herinstallatie of op een andere laptop. Open het bestand met uw herstelcode."
    )


class TooManyAttempts(StoreError):
    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(
            f"Te veel pogingen. Wacht nog {int(wait_seconds + 0.999)} seconden en probeer het dan opnieuw."
        )


class StoreCorrupt(StoreError):
    message = (
        "Het dossierbestand is beschadigd of onvolledig. Zet een back-up terug "
        "(Bestand > Back-up terugzetten) of vraag hulp aan uw beheerder."
    )


class StoreTooNew(StoreError):
    message = (
        "Dit dossierbestand is gemaakt met een nieuwere versie van MPG Desktop. "
        "Installeer de nieuwste versie en open het bestand dan opnieuw."
    )


class DiskFull(StoreError):
    message = (
        "De schijf is vol. Er is niets verloren gegaan: de laatst opgeslagen gegevens zijn er nog. "
        "Maak ruimte vrij (of kies een andere map) en probeer het opnieuw."
    )


class BackupInvalid(StoreError):
    message = (
        "Dit is geen geldige back-up van MPG Desktop, of het bestand is beschadigd. "
        "Er is niets veranderd. Kies een ander back-upbestand."
    )


class Cancelled(StoreError):
    message = "Afgebroken. Er is niets veranderd."

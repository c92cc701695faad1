"""Contacts from the older ``contacts`` table (models.traject.Contact), read as contact-log entries.

That table only knows a date, a kind from ``CONTACT_KINDS``, a duration and a note. Its rows stay
where they are and are shown read-only; they count in the weekly draft like any other contact.
"""

from __future__ import annotations

from datetime import datetime, time

from mpg_desktop.models.choices import OTHER, Choice
from mpg_desktop.models.contact_log import ContactLogEntry
from mpg_desktop.models.traject import CONTACT_KINDS, Contact
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import list_contacts

# Old kind -> contact_type code; the rest becomes "Anders, namelijk <old label>".
_TYPE_OF_KIND = {"huisbezoek": "huisbezoek", "telefonisch": "telefoon", "kantoor": "kantoor", "digitaal": "berichtje"}


def as_log_entry(contact: Contact) -> ContactLogEntry:
    """The old row as an entry; the time is unknown and set to midnight (only the day counts)."""
    code = _TYPE_OF_KIND.get(contact.kind)
    kind = Choice(code) if code else Choice(OTHER, CONTACT_KINDS.get(contact.kind, contact.kind))
    return ContactLogEntry(
        at=datetime.combine(contact.contact_date, time()),
        contact_type=kind,
        duration_minutes=contact.duration_minutes,
        summary=contact.note,
    )


def legacy_entries(store: CaseStore, traject_id: int) -> list[ContactLogEntry]:
    return [as_log_entry(contact) for contact in list_contacts(store, traject_id)]

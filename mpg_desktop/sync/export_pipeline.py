"""Coach-side export (spec 4.2): build the tables, preview them, write the encrypted bundle.

Secrets live only in the encrypted store's ``store_meta`` (base64), never in a file: the
organisation's pseudonym key ``K_org`` (EXP-32) and this laptop's Ed25519 device key (EXP-25).
Both are generated on first export when absent; the pseudonym key should normally arrive from
the organisation's key custodian (provisioning is not built yet). Run on a worker thread.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.sync.anonymise import ExportPreview, ExportSettings, ExportTables, build_export_tables, export_time
from mpg_desktop.sync.bundle_writer import ExportInfo, WrittenBundle, write_bundle
from mpg_desktop.sync.export_schema import EXPORT_SCHEMA
from mpg_desktop.sync.keys import new_device_key
from mpg_desktop.sync.pseudonyms import Entity, Pseudonymiser, new_org_key

META_ORG_KEY = "export_pseudonym_key"
META_DEVICE_KEY = "export_device_key"
META_STORE_UID = "export_store_uid"
META_DEVICE_SEQ = "export_device_seq"
META_LAST_BUNDLE = "export_last_bundle_id"
META_CODES = {"org_code": "export_org_code", "gemeente_code": "export_gemeente_code", "team_code": "export_team_code"}

_REASONS = {
    "geen_toestemming": "geen toestemming voor monitoring",
    "toestemming_ingetrokken": "toestemming voor monitoring ingetrokken",
}


def _secret(store: CaseStore, key: str, make: bytes) -> tuple[bytes, bool]:
    """The stored secret, or ``make`` stored now; True when it was new."""
    stored = store.get_meta(key)
    if stored:
        return base64.b64decode(stored), False
    store.set_meta(key, base64.b64encode(make).decode("ascii"))
    return make, True


def org_pseudonymiser(store: CaseStore) -> tuple[Pseudonymiser, bool]:
    key, created = _secret(store, META_ORG_KEY, new_org_key())
    return Pseudonymiser(key), created


def device_private_key(store: CaseStore) -> bytes:
    return _secret(store, META_DEVICE_KEY, new_device_key().private)[0]


def store_uid(store: CaseStore) -> str:
    uid = store.get_meta(META_STORE_UID)
    if not uid:
        uid = str(uuid.uuid4())
        store.set_meta(META_STORE_UID, uid)
    return uid


@dataclass(frozen=True)
class PreparedExport:
    tables: ExportTables
    settings: ExportSettings
    pseudonymiser: Pseudonymiser
    new_org_key: bool

    @property
    def preview(self) -> ExportPreview:
        return self.tables.preview


def prepare_export(store: CaseStore, *, as_of: date | None = None, now: datetime | None = None) -> PreparedExport:
    """Steps 1-6: the tables and their preview, in memory. Nothing leaves the store."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    pseudo, created = org_pseudonymiser(store)
    codes = {field: store.get_meta(key) or "onbekend" for field, key in META_CODES.items()}
    settings = ExportSettings(
        as_of=as_of or moment.date(), store_uid=store_uid(store), row_version=export_time(moment), **codes
    )
    return PreparedExport(build_export_tables(store, pseudo, settings), settings, pseudo, created)


def format_preview(prepared: PreparedExport) -> str:
    """The preview in Dutch, for the coach to confirm (spec 4.2 step 6)."""
    p = prepared.preview
    lines = [
        "Voorbeeld van de export voor monitoring",
        f"  Gezinnen in beeld: {p.families_in_scope}",
        f"  Gezinnen die worden gedeeld (zonder namen, adressen of geboortedata): {p.families_exported}",
        f"  Niet gedeeld: {p.excluded_no_consent} gezin(nen)",
    ]
    lines += [f"    - {_REASONS.get(reason, reason)}: {count}" for reason, count in p.excluded.items()]
    lines += [
        "    (deze tellen alleen mee in het anonieme overzicht van aanmeldingen)",
        f"  Bijzondere gegevens achtergehouden (geen toestemming daarvoor): {p.special_withheld} gezin(nen)",
        f"  Intrekkingen doorgegeven: {p.tombstones}",
        f"  Trajecten: {p.trajectories}, fase-gebeurtenissen: {p.phase_events}, "
        f"regels aanmeldoverzicht: {p.referral_aggregate_rows}",
        f"  Mate van vergroving: profiel {p.profile} (elke combinatie van kenmerken komt minstens {p.k} keer voor)",
        f"  Gezinnen waarvan de kenmerken extra zijn weggelaten: {p.n_locally_suppressed}",
    ]
    if prepared.new_org_key:
        lines.append(
            "  Let op: er was nog geen organisatiesleutel; er is er een op deze laptop gemaakt. "
            "Gezinnen van andere laptops krijgen dan andere codes."
        )
    return "\n".join(lines)


def write_export(
    store: CaseStore, prepared: PreparedExport, folder: Path, supervisor_public_key: bytes
) -> WrittenBundle:
    """Steps 7-8: sign, encrypt and write ``<bundle_id>.mpgb``; then remember the sequence number."""
    p = prepared.preview
    uid = prepared.settings.store_uid
    seq = int(store.get_meta(META_DEVICE_SEQ) or "0") + 1
    info = ExportInfo(
        device_pid=prepared.pseudonymiser.pid(Entity.APPARAAT, uid),
        device_seq=seq,
        previous_bundle_id=store.get_meta(META_LAST_BUNDLE) or None,
        data_as_of=prepared.settings.as_of,
        org_code=prepared.settings.org_code,
        gemeente_codes=(prepared.settings.gemeente_code,),
        programmas=tuple(sorted({row["programma"] for row in prepared.tables.tables["trajectories"]})),
        pseudonym_key_id=prepared.pseudonymiser.key_id,
        consent_basis="toestemming",
        k=p.k,
        generalisation_profile=p.profile,
        n_locally_suppressed=p.n_locally_suppressed,
        scope_counts={
            "families_in_scope": p.families_in_scope,
            "excluded_no_consent": p.excluded_no_consent,
            "special_withheld": p.special_withheld,
        },
    )
    written = write_bundle(
        folder,
        prepared.tables.tables,
        schema=EXPORT_SCHEMA,
        info=info,
        device_private_key=device_private_key(store),
        supervisor_public_key=supervisor_public_key,
    )
    store.set_meta(META_DEVICE_SEQ, str(seq))
    store.set_meta(META_LAST_BUNDLE, written.bundle_id)
    return written

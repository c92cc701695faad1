"""The ``mpg-desktop export`` subcommand: preview, confirm, write the bundle (spec 4.2)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_export_command(sub: Any, passphrase: Callable[[argparse.Namespace], str]) -> None:
    parser = sub.add_parser("export", help="maak een versleutelde, anonieme export voor de supervisor")
    parser.add_argument("--store", required=True)
    parser.add_argument("--supervisor-key", required=True, help="bestand met de publieke sleutel van de supervisor")
    parser.add_argument("--to", required=True, help="map waarin de bundel komt (bijvoorbeeld de USB-stick)")
    parser.add_argument("--passphrase")
    parser.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    parser.add_argument("--device-key-out", help="schrijf ook de publieke sleutel van deze laptop (voor de supervisor)")
    parser.set_defaults(func=lambda args: run_export(args, passphrase(args)))


def run_export(args: argparse.Namespace, passphrase: str) -> int:
    # Imported here: the export pulls in pandas, which the GUI start must not wait for.
    from mpg_desktop.storage.case_store import CaseStore
    from mpg_desktop.sync.errors import SyncError
    from mpg_desktop.sync.export_pipeline import format_preview, prepare_export, write_export
    from mpg_desktop.sync.keys import KeyKind
    from mpg_desktop.sync.public_key_file import read_public_key_file

    target = Path(args.to)
    if not target.is_dir():
        print(f"De map {target} bestaat niet. Kies een bestaande map.", file=sys.stderr)
        return 2
    try:
        key = read_public_key_file(Path(args.supervisor_key), KeyKind.SUPERVISOR_ENCRYPTION)
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    print(f"Sleutel van de supervisor: vingerafdruk {key.fingerprint}. Controleer die samen met de supervisor.")
    store = CaseStore.open(Path(args.store), passphrase)
    try:
        if args.device_key_out:
            _write_device_key(store, Path(args.device_key_out))
        prepared = prepare_export(store)
        print(format_preview(prepared))
        if not args.yes and input("Export maken? [j/n] ").strip().lower() not in ("j", "ja"):
            print("Geen export gemaakt.")
            return 1
        written = write_export(store, prepared, target, key.public)
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"Export gemaakt: {written.path}")
    return 0


def _write_device_key(store: Any, path: Path) -> None:
    """Write this laptop's public signing key for the supervisor to register (EXP-25)."""
    from mpg_desktop.sync.export_pipeline import device_private_key
    from mpg_desktop.sync.keys import KeyKind, device_public_key
    from mpg_desktop.sync.public_key_file import PublicKeyFile, write_public_key_file

    key = PublicKeyFile(KeyKind.DEVICE_SIGNING, device_public_key(device_private_key(store)))
    write_public_key_file(path, key)
    print(f"Sleutel van deze laptop geschreven naar {path}: vingerafdruk {key.fingerprint}.")

"""The ``mpg-desktop supervisor`` subcommands: keygen, register, import, report (issue #8 item 5).

    mpg-desktop supervisor keygen   --store DIR --out FILE     make (or reuse) the key pair, write the public key file
    mpg-desktop supervisor register --store DIR --device-key FILE [--label TEXT]
    mpg-desktop supervisor import   --store DIR BUNDLE...      each bundle in one transaction
    mpg-desktop supervisor report   --store DIR --out DIR      pool everything imported, write the report

``keygen`` creates the supervisor's encrypted store when ``DIR`` holds none (it prints the recovery
code once). Exit codes as in ``cli``: 0 fine, 1 a bundle was refused, 2 the command could not run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

PassphraseSource = Callable[..., str]


def add_supervisor_command(sub: Any, passphrase: PassphraseSource) -> None:
    parser = sub.add_parser("supervisor", help="supervisor: sleutels, laptops registreren, bundels importeren, rapport")
    commands = parser.add_subparsers(title="supervisor-opdrachten", required=True)

    keygen = commands.add_parser("keygen", help="maak de sleutel van de supervisor en schrijf de publieke sleutel")
    keygen.add_argument("--store", required=True, help="map van het supervisorbestand (wordt zo nodig gemaakt)")
    keygen.add_argument("--out", required=True, help="bestand voor de publieke sleutel (voor de coaches)")
    keygen.add_argument("--label", default="", help="korte naam in het sleutelbestand, bijv. 'Supervisor team Noord'")
    keygen.add_argument("--passphrase")
    keygen.set_defaults(func=lambda args: run_keygen(args, passphrase))

    register = commands.add_parser("register", help="registreer de publieke sleutel van een laptop van een coach")
    register.add_argument("--store", required=True)
    register.add_argument("--device-key", required=True, help="sleutelbestand van de laptop van de coach")
    register.add_argument("--label", default="", help="naam voor deze laptop in het register")
    register.add_argument("--passphrase")
    register.set_defaults(func=lambda args: run_register(args, passphrase(args)))

    importer = commands.add_parser("import", help="importeer een of meer bundels (.mpgb)")
    importer.add_argument("--store", required=True)
    importer.add_argument("bundles", nargs="+", metavar="BUNDEL")
    importer.add_argument("--passphrase")
    importer.set_defaults(func=lambda args: run_import(args, passphrase(args)))

    report = commands.add_parser("report", help="maak het rapport over alle geïmporteerde bundels")
    report.add_argument("--store", required=True)
    report.add_argument("--out", required=True, help="map voor het rapport (wordt vervangen als die bestaat)")
    report.add_argument("--passphrase")
    report.set_defaults(func=lambda args: run_report_command(args, passphrase(args)))


def run_keygen(args: argparse.Namespace, passphrase: PassphraseSource) -> int:
    from mpg_desktop.storage.case_store import CaseStore, store_exists
    from mpg_desktop.sync.errors import SyncError
    from mpg_desktop.sync.public_key_file import write_public_key_file
    from mpg_desktop.sync.supervisor import SupervisorRepository

    store_dir = Path(args.store)
    if store_exists(store_dir):
        store = CaseStore.open(store_dir, passphrase(args))
    else:
        store, recovery_code = CaseStore.create(
            store_dir, passphrase(args, "Nieuwe wachtwoordzin voor het supervisorbestand: "), organisation="Supervisor"
        )
        print(f"Supervisorbestand gemaakt in {store_dir}.")
        print(f"Herstelcode (schrijf die op en bewaar die veilig, hij wordt niet opnieuw getoond): {recovery_code}")
    try:
        repository = SupervisorRepository(store)
        _public, created = repository.ensure_key()
        key = repository.public_key_file(args.label)
        write_public_key_file(Path(args.out), key)
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        store.close()
    state = "Nieuwe supervisorsleutel gemaakt." if created else "De bestaande supervisorsleutel is gebruikt."
    print(f"{state} Publieke sleutel voor de coaches geschreven naar {args.out}.")
    print(f"Vingerafdruk: {key.fingerprint}")
    print("Lees deze vingerafdruk samen met elke coach hardop voor voordat die een export maakt.")
    return 0


def run_register(args: argparse.Namespace, passphrase: str) -> int:
    from mpg_desktop.storage.case_store import CaseStore
    from mpg_desktop.sync.errors import SyncError
    from mpg_desktop.sync.keys import KeyKind
    from mpg_desktop.sync.public_key_file import read_public_key_file
    from mpg_desktop.sync.supervisor import SupervisorRepository

    try:
        key = read_public_key_file(Path(args.device_key), KeyKind.DEVICE_SIGNING)
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    store = CaseStore.open(Path(args.store), passphrase)
    try:
        repository = SupervisorRepository(store)
        repository.public_key_file()  # refuses a store without a supervisor key
        added = repository.register_device(key, args.label)
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        store.close()
    print("Laptop geregistreerd." if added else "Deze laptop stond al in het register; er is niets veranderd.")
    print(f"Vingerafdruk van de laptop: {key.fingerprint}")
    print("Controleer deze vingerafdruk samen met de coach.")
    return 0


def run_import(args: argparse.Namespace, passphrase: str) -> int:
    from mpg_desktop.storage.case_store import CaseStore
    from mpg_desktop.sync.errors import ImportRefused, SyncError
    from mpg_desktop.sync.supervisor import SupervisorRepository

    store = CaseStore.open(Path(args.store), passphrase)
    refused = 0
    try:
        repository = SupervisorRepository(store)
        repository.public_key_file()  # refuses a store without a supervisor key
        for name in args.bundles:
            try:
                outcome = repository.import_bundle(Path(name))
            except ImportRefused as error:
                refused += 1
                print(f"{name}: geweigerd. {error.message}", file=sys.stderr)
                continue
            print(f"{name}: {outcome.message}")
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        store.close()
    if refused:
        print(f"{refused} van de {len(args.bundles)} bundel(s) geweigerd.", file=sys.stderr)
        return 1
    return 0


def run_report_command(args: argparse.Namespace, passphrase: str) -> int:
    from mpg_desktop.storage.case_store import CaseStore
    from mpg_desktop.sync.analysis import pool_bundles, run_report
    from mpg_desktop.sync.errors import SyncError
    from mpg_desktop.sync.supervisor import SupervisorRepository

    store = CaseStore.open(Path(args.store), passphrase)
    try:
        repository = SupervisorRepository(store)
        repository.public_key_file()  # refuses a store without a supervisor key
        bundles = repository.bundle_tables()
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        store.close()
    if not bundles:
        print("Er zijn nog geen bundels geïmporteerd; er is geen rapport gemaakt.", file=sys.stderr)
        return 2
    written = run_report(pool_bundles(bundles), Path(args.out))
    print(f"Rapport over {len(bundles)} bundel(s) geschreven in {args.out} ({len(written)} bestanden).")
    return 0

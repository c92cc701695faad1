"""The ``mpg-desktop`` command line. Without a subcommand it starts the GUI.

Passphrases come from ``--passphrase``, else the ``MPG_PASSPHRASE`` environment variable,
else a prompt that does not echo. Messages are Dutch, for the coach or their IT support.
Exit codes: 0 fine, 1 a check found problems, 2 the command could not be carried out.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mpg_desktop import __version__
from mpg_desktop.logging_setup import configure_logging
from mpg_desktop.storage import paths
from mpg_desktop.storage.errors import StoreError


def _passphrase(args: argparse.Namespace, prompt: str = "Wachtwoordzin: ") -> str:
    if getattr(args, "passphrase", None):
        return str(args.passphrase)
    from_env = os.environ.get("MPG_PASSPHRASE")
    if from_env:
        return from_env
    return getpass.getpass(prompt)


def _cmd_demo(args: argparse.Namespace) -> int:
    from mpg_desktop.storage.demo_data import DEMO_PASSPHRASE, create_demo_store

    passphrase = args.passphrase or os.environ.get("MPG_PASSPHRASE") or DEMO_PASSPHRASE
    store = create_demo_store(Path(args.store), passphrase)
    count = store.count("families")
    store.close()
    print(f"Demo-dossierbestand gemaakt in {args.store} met {count} gezinnen.")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from mpg_desktop.storage.case_store import CaseStore

    store = CaseStore.open(Path(args.store), _passphrase(args))
    try:
        report = store.verify()
    finally:
        store.close()
    if report.ok:
        print("Bestand gecontroleerd: geen problemen gevonden.")
        return 0
    print("Het bestand heeft problemen:", file=sys.stderr)
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    print("Zet een back-up terug of vraag hulp aan uw beheerder.", file=sys.stderr)
    return 1


def _cmd_backup(args: argparse.Namespace) -> int:
    from mpg_desktop.storage.backup import create_backup
    from mpg_desktop.storage.case_store import CaseStore

    target = Path(args.to)
    if not target.is_dir():
        print(f"De map {target} bestaat niet. Kies een bestaande map (bijvoorbeeld de USB-stick).", file=sys.stderr)
        return 2
    store = CaseStore.open(Path(args.store), _passphrase(args))
    try:
        written = create_backup(store, target)
    finally:
        store.close()
    print(f"Back-up gemaakt en gecontroleerd: {written}")
    return 0


def _cmd_self_test(args: argparse.Namespace) -> int:
    """Prove an installed build works: create and unlock a store, show the main window."""
    from mpg_desktop.ui.self_test import run_self_test

    return run_self_test()


def _cmd_gui(args: argparse.Namespace) -> int:
    from mpg_desktop.ui.app import run_gui

    store_dir = Path(args.store) if args.store else None
    return run_gui(store_dir=store_dir, demo=args.demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpg-desktop", description="MPG Desktop: versleutelde gezinsdossiers.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--store", help="map van het dossierbestand (standaard: de gegevensmap)")
    parser.add_argument("--demo", action="store_true", help="open het demo-dossierbestand (wordt zo nodig gemaakt)")
    parser.set_defaults(func=_cmd_gui)
    sub = parser.add_subparsers(title="opdrachten")

    demo = sub.add_parser("demo", help="maak een demo-dossierbestand met verzonnen gezinnen")
    demo.add_argument("--store", required=True)
    demo.add_argument("--passphrase")
    demo.set_defaults(func=_cmd_demo)

    verify = sub.add_parser("verify", help="controleer een dossierbestand (integriteit en versleuteling)")
    verify.add_argument("--store", required=True)
    verify.add_argument("--passphrase")
    verify.set_defaults(func=_cmd_verify)

    backup = sub.add_parser("backup", help="maak een versleutelde back-up in een map")
    backup.add_argument("--store", required=True)
    backup.add_argument("--to", required=True)
    backup.add_argument("--passphrase")
    backup.set_defaults(func=_cmd_backup)
    self_test = sub.add_parser("self-test", help="controleer of het geïnstalleerde programma werkt (zonder scherm)")
    self_test.set_defaults(func=_cmd_self_test)
    from mpg_desktop.sync.export_command import add_export_command

    add_export_command(sub, _passphrase)
    from mpg_desktop.sync.supervisor_command import add_supervisor_command

    add_supervisor_command(sub, _passphrase)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Everything this process creates (logs, settings, rotated logs, exports) is owner-only.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    configure_logging(paths.log_dir())
    try:
        return int(args.func(args))
    except StoreError as error:
        print(error.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 2

"""Entry point of the built program (PyInstaller starts this file)."""

from mpg_desktop.cli import main

raise SystemExit(main())

"""``python -m mpg_desktop``: the same as the ``mpg-desktop`` command."""

from mpg_desktop.cli import main

raise SystemExit(main())

"""mpg_desktop: encrypted case files for coaches of multiproblem families."""

__version__ = "0.1.0"

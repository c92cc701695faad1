"""UI preferences in an INI file in the data folder. Never case data, never keys.

Only these keys exist; anything else is refused so that no one stores personal data here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from mpg_desktop.storage import paths

IDLE_MINUTES_DEFAULT = 10
_ALLOWED = {"idle_minutes", "language", "window_geometry", "splitter_state"}


class UiSettings:
    def __init__(self) -> None:
        self._settings = QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)

    def _set(self, key: str, value: object) -> None:
        if key not in _ALLOWED:
            raise KeyError(key)
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def idle_minutes(self) -> int:
        value = self._settings.value("idle_minutes", IDLE_MINUTES_DEFAULT)
        try:
            return max(1, int(str(value)))
        except (TypeError, ValueError):
            return IDLE_MINUTES_DEFAULT

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._set("idle_minutes", int(minutes))

    def value(self, key: str) -> object:
        return self._settings.value(key)

    def set_value(self, key: str, value: object) -> None:
        self._set(key, value)

"""Reading the window's remembered preferences (QSettings: zoom, theme, recent files, geometry, column
layouts) so that a damaged or hand-edited settings file can never stop the program from starting or a
page from opening: a value of the wrong type or shape is ignored and its default used. QSettings itself
already skips lines it cannot parse and carries on when the file cannot be written (the preference is
then simply not remembered); what is left is the type of each value, which these readers check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings


def read_int(settings: QSettings, key: str, default: int) -> int:
    value = settings.value(key, default)
    try:
        return int(value) if isinstance(value, (int, float, str)) and value != "" else default
    except (ValueError, OverflowError):
        return default


def read_text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def read_texts(settings: QSettings, key: str) -> list[str]:
    """A list of texts; QSettings gives a one-item list back as its item."""
    value = settings.value(key, [])
    if isinstance(value, str):
        value = [value]
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_json_object(settings: QSettings, key: str) -> dict[str, Any]:
    """A JSON object kept as text; {} when absent, not JSON or not an object."""
    import json  # not at start-up: no setting read before the window shows is JSON (7 M instructions)

    raw = settings.value(key)
    if not isinstance(raw, str) or not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}

"""Widgets drawn from the database that redraw only when someone can see them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .failure_message import reported_not_raised

if TYPE_CHECKING:  # the mixin always precedes a QWidget: let the type checker see the widget's methods
    from PySide6.QtWidgets import QWidget as _MixinBase
else:
    _MixinBase = object


class RefreshWhenShown(_MixinBase):
    """Mixin (put it before the Qt class): when a watched register changes, ``refresh()`` runs at once
    if the widget is visible, otherwise the next time it is shown — a chart on a hidden tab costs
    nothing while the user edits the table. The first draw also waits until the widget is shown."""

    _stale = True
    _watched_registers: frozenset[str] = frozenset()

    def watch_registers(self, document, registers: Iterable[str]) -> None:
        self._watched_registers = frozenset(registers)
        self._stale = True
        document.records_changed.connect(self._on_watched_change)

    def _on_watched_change(self, register: str, _ids) -> None:
        if register not in self._watched_registers:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def redraw_on_theme_change(self) -> None:
        """Charts that draw their own colours: redrawn (now or when next shown) when the theme changes."""
        from .theme import theme

        theme().changed.connect(self._on_theme_change)

    def _on_theme_change(self, *_args) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    @reported_not_raised  # a read of the office, in a Qt virtual: see ``failure_message.reported_not_raised``
    def showEvent(self, event) -> None:
        self.ensure_fresh()
        super().showEvent(event)

    def refresh(self) -> None:  # pragma: no cover - every user defines it
        raise NotImplementedError

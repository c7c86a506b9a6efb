"""Helpers shared by the stakeholder GUI tests: build the page, read the file back, drive the mouse."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.document import Document
from pmo_desktop.views.stakeholders.page import StakeholdersPage

STAKEHOLDERS = REGISTERS["stakeholders"]
COMMUNICATIONS = REGISTERS["communications"]
TODAY = date(2026, 1, 31)  # a month end: a monthly review held today is next due on 28 February


def make_page(qtbot, store, today: date = TODAY) -> StakeholdersPage:
    document = Document(store)
    errors: list[str] = []
    document.error.connect(errors.append)
    page = StakeholdersPage(document, today=lambda: today)
    page.errors = errors
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # shortcuts and focus changes need the active window, as for a user
    qtbot.waitUntil(page.isActiveWindow)
    return page


def reopened(store, register, record_id) -> dict:
    """A record as a second connection to the same file sees it: proof it is in the database."""
    other = Store.open(store.target)
    try:
        with other.session() as s:
            return records.record_values(s, register, record_id)
    finally:
        other.close()


def all_rows(store, register) -> list[dict]:
    other = Store.open(store.target)
    try:
        with other.session() as s:
            names = ["id", "version", *register.field_names]
            return [dict(zip(names, r)) for r in records.fetch_rows(s, register)]
    finally:
        other.close()


def widget_point(grid, scene_pos: QPointF) -> QPoint:
    return grid.plot.mapFromScene(scene_pos)


def mouse_drag(grid, start_scene: QPointF, end_scene: QPointF, steps: int = 8) -> None:
    """Press, move in steps and release on the plot's viewport, as a user's mouse does."""
    viewport = grid.plot.viewport()
    start, end = widget_point(grid, start_scene), widget_point(grid, end_scene)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * i / steps)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def mouse_click(grid, scene_pos: QPointF) -> None:
    QTest.mouseClick(grid.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     widget_point(grid, scene_pos))

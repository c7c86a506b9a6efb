"""Fault injection, round 42: a settings file naming every column of a register as hidden — another program's
file under the same name, a hand-edited one. The register still shows its columns and takes typing."""

import pytest
from PySide6.QtCore import QSettings, Qt
from register_views import shown_view

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

PROJECTS = REGISTERS["projects"]
KEY = "columns/projects/hidden"


@pytest.fixture
def every_project_column_hidden():
    settings = QSettings()
    saved = settings.value(KEY) if settings.contains(KEY) else None
    settings.setValue(KEY, PROJECTS.field_names)
    settings.sync()
    yield
    settings.remove(KEY)
    if saved is not None:
        settings.setValue(KEY, saved)


def test_a_settings_file_hiding_every_column_is_ignored(qtbot, document, every_project_column_hidden):
    """Every column hidden by the settings file: the table showed no column at all — no record to see, no cell to
    type in, and a paste went nowhere. The file is ignored and the columns are shown; a name typed is stored."""
    with document.store.transaction() as s:
        rid = records.create_record(s, PROJECTS, {"name": "Tills"}).id
    view = shown_view(qtbot, document, PROJECTS)
    name = view.model.column_of("name")
    assert not view.table.isColumnHidden(name)
    view.table.setCurrentIndex(view.proxy.index(0, name))
    view.table.setFocus()
    qtbot.keyClicks(view.table, "H")
    qtbot.keyClicks(view.table.focusWidget(), "arbour")
    qtbot.keyClick(view.table.focusWidget(), Qt.Key.Key_Return)
    with document.store.session() as s:
        assert s.get(PROJECTS.entity, rid).name == "Harbour"

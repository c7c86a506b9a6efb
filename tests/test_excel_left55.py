"""Issue 12, left55: what stop 54's unseen sets (70, 71) still missed, as general rules — a defect's project in
every language, a form's label colon not written twice in the notes, a map's features refused as what they are …
Each test writes a workbook of the shape (never a fetched file) and failed on main a57a92c5."""

from __future__ import annotations

import pytest
from imported import by_code, import_all
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_defects_project_is_linked_in_any_language(sqlite_store, tmp_path):
    """A tester's defects name their project under "Проект" (ru), "Projekt" (de), "项目" (zh): the words stood under
    the risk register alone, so a defect's project went to the notes ("Проект: Ростелеком") while an English
    "Project" was linked. The project's words are one list for every register that has a project."""
    rows = {"Дефекты": [["ID", "Проект", "Название", "Описание"],
                        ["TC-1", "Ростелеком", "Разметка страницы", "Меню справа"],
                        ["TC-2", "Ростелеком", "Тип аутентификации", "Таб Телефон"]],
            "Fehler": [["ID", "Projekt", "Fehler", "Beschreibung"],
                       ["F-1", "Flussbad", "Sensor meldet nichts", "Seit Montag"],
                       ["F-2", "Flussbad", "Pegel falsch", "Zu hoch"]]}
    import_all(sqlite_store, write_xlsx(tmp_path / "defects.xlsx", rows))
    issues = by_code(sqlite_store, "issues")
    assert {c: r["project"] for c, r in issues.items()} == {
        "TC-1": "Ростелеком", "TC-2": "Ростелеком", "F-1": "Flussbad", "F-2": "Flussbad"}
    assert not any("Проект" in (r["description"] or "") or "Projekt" in (r["description"] or "")
                   for r in issues.values())


def test_a_labels_own_colon_is_not_written_twice_in_the_notes(sqlite_store, tmp_path):
    """A bug report heads its columns as a form's labels ("Серьезность дефекта:", "严重程度："): the word read as a
    priority is kept in the notes under the header, which wrote "Серьезность дефекта:: Blocker" — the label's colon
    and the line's. Any header ending in ":" or "：" loses its colon there."""
    rows = [["ID", "Название:", "Серьезность дефекта:", "严重程度："],
            ["E-1", "Сайт не открывается", "Blocker", None],
            ["E-2", "Кнопка не работает", "Major", None],
            ["E-3", "Меню не открывается", None, "致命"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Bugs": rows}))
    notes = {c: r["description"] for c, r in by_code(sqlite_store, "issues").items()}
    assert "Серьезность дефекта: Blocker" in notes["E-1"] and "Серьезность дефекта: Major" in notes["E-2"]
    assert "严重程度: 致命" in notes["E-3"]
    assert not any("::" in n or ":：" in n or "：:" in n for n in notes.values())


def test_a_maps_features_are_refused_as_what_they_are(sqlite_store, tmp_path):
    """A storm-shelter survey exported from a GIS as GeoJSON: every row "Feature" under "type" beside its
    "geometry". It was refused (or every row left out) as "a tracker's planned work … a backlog's features",
    sending the user after a backlog; now said as a map's features, nothing made."""
    rows = [["type", "id", "geometry", "MUNICIPIO", "RESPONSIBL", "OBS"],
            ["Feature", "A.1", "[Record]", "Sonaguera", "Diler Hernandez", "Pendiente"],
            ["Feature", "A.2", "[Record]", "Tocoa", "Ana Ruiz", "Evacuadas"],
            ["Feature", "A.3", "[Record]", "Trujillo", "Ana Ruiz", "Sin daños"]]
    with pytest.raises(WorkbookError, match="a map's features .*GeoJSON") as refused:
        import_all(sqlite_store, write_xlsx(tmp_path / "Incidencias.xlsx", {"features": rows}))
    assert "backlog" not in str(refused.value) and "planned work" not in str(refused.value)

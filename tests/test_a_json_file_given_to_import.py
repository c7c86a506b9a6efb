"""A data set exported as JSON — a GIS's GeoJSON of a map's features, a web service's records — given to the import
was read as a CSV and refused "no header row naming register columns … check the workbook", which sent the user
looking for a header in a file that has none. It is told from its first characters and named for what it is; a CSV
whose first header is bracketed is still a CSV."""
from __future__ import annotations

import pytest

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models.store import Store

GEOJSON = '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", ' \
          '"coordinates": [4.35, 50.85]}, "properties": {"name": "Shelter 1"}}]}'
RECORDS = '\ufeff[\n  {"id": "R1", "title": "Supplier late", "owner": "Ann"}\n]\n'
BRACKETED_CSV = "[ID],Risk,Owner,Probability,Impact\nR1,Supplier late,Ann,3,4\n"


@pytest.fixture
def store(tmp_path):
    s = Store.create(tmp_path / "office.pmo")
    yield s
    s.close()


@pytest.mark.parametrize(("name", "text", "said"), [("shelters.geojson", GEOJSON, "a map's features (GeoJSON)"),
                                                    ("shelters.json", GEOJSON, "a map's features (GeoJSON)"),
                                                    ("risks.json", RECORDS, "data in JSON"),
                                                    ("risks.txt", RECORDS, "data in JSON")])
def test_a_json_document_is_refused_for_what_it_is(store, tmp_path, name, text, said):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError, match="not a workbook or a CSV file") as refused:
        plan_workbook_import(store, path)
    assert said in str(refused.value) and "header row" not in str(refused.value)


def test_a_text_file_whose_first_header_is_bracketed_is_still_read_as_a_csv(store, tmp_path):
    path = tmp_path / "risks.txt"
    path.write_text(BRACKETED_CSV, encoding="utf-8")
    plan = plan_workbook_import(store, path)
    assert [r.report.code for sheet in plan.sheets for r in sheet.rows] == ["R1"]

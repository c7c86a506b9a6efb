"""The record history of an import's new records (issue 16, round speed62a): each row's JSON is its columns' texts,
each with its key, made once per distinct value and joined by commas, not a format of one "%s" a column a row. What
it writes is what reading the records back and encoding them gives (``history._encode(history._rows_of(…))``), for
texts holding what a format or JSON reads otherwise (a per cent sign, "%s", quotes, a backslash, a line break, any
alphabet), numbers, dates, blank cells, and for a register with link fields held or left empty."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import openpyxl

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import history, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

HEADERS = ["Risk ID", "Risk title", "Project", "Risk owner", "Date raised", "Likelihood", "Impact (1-5)",
           "Status", "Cause", "Notes"]
ODD_TEXTS = ["100% sure", "%s and %(x)s", 'He said "stop"', "back\\slash", "two\nlines", "Риск поставщика",
             "供应商延误", "tab\there", "%%", "{not: json}"]


def _workbook(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(HEADERS)
    for i in range(1, rows + 1):
        odd = ODD_TEXTS[i % len(ODD_TEXTS)]
        ws.append([f"R-{i:03d}", f"Risk {i} {odd}", ["Alpha", "Beta", None][i % 3], f"Owner {i % 4}",
                   date(2025, 1 + i % 12, 1 + i % 27) if i % 5 else None, 1 + i % 5, 1 + (i * 3) % 5,
                   ["Open", "Closed"][i % 2], odd if i % 2 else None, f"Note {odd}" if i % 3 else None])
    wb.save(path)
    return path


def _history(store: Store, register: str) -> dict[int, str]:
    with store.session() as s:
        return dict(s.connection().exec_driver_sql(
            "SELECT record_id, data FROM record_history WHERE register = ? ORDER BY id", (register,)).fetchall())


def _store(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "office.pmo")
    with store.transaction() as s:
        for name in ("Alpha", "Beta"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
    return store


def test_an_imported_workbooks_history_is_what_reading_its_records_back_gives(tmp_path):
    store = _store(tmp_path)
    plan = plan_import(store, _workbook(tmp_path / "risks.xlsx", 60))
    apply_import(store, plan)
    written = _history(store, "risks")
    assert len(written) == 60
    with store.session() as s:
        read = history._rows_of(s.connection(), REGISTERS["risks"], sorted(written))
    for rid, data in written.items():
        assert data == history._encode(read[rid])
        assert json.loads(data) == json.loads(history._encode(read[rid]))
    titles = {json.loads(d)["title"] for d in written.values()}
    assert {f"Risk {i} {ODD_TEXTS[i % len(ODD_TEXTS)]}" for i in range(1, 61)} == titles
    assert any('"related_projects":[]' in d for d in written.values())  # the link fields, empty, last


def test_the_history_of_records_with_and_without_links_in_one_batch(tmp_path):
    store = _store(tmp_path)
    reg = REGISTERS["risks"]
    rows = [{"code": f"R-{i}", "title": f"{ODD_TEXTS[i % len(ODD_TEXTS)]} {i}", "probability": str(1 + i % 5),
             **({"related_projects": ["Alpha", "Beta"][: 1 + i % 2]} if i % 3 == 0 else {})} for i in range(12)]
    with store.transaction() as s:
        records.create_records(s, reg, rows)
    plain = [{"code": f"S-{i}", "title": f"{ODD_TEXTS[i % len(ODD_TEXTS)]} {i}"} for i in range(12)]
    with store.transaction() as s:
        records.create_records(s, reg, plain)
    written = _history(store, "risks")
    with store.session() as s:
        read = history._rows_of(s.connection(), reg, sorted(written))
    assert len(written) == 24
    for rid, data in written.items():
        assert data == history._encode(read[rid])
    assert sum('"related_projects":[1' in d for d in written.values()) == 4  # Alpha, by its id


def test_each_distinct_value_is_encoded_once_with_its_key_and_brace():
    texts = history._encoded(["a", None, "a", 'q"%s'], {str}, '{"title":', "}")
    assert texts == ['{"title":"a"}', '{"title":null}', '{"title":"a"}', '{"title":"q\\"%s"}']
    assert texts[0] is texts[2]  # made once, for both rows
    assert history._encoded([1, 2, None], None, '"n":') == ['"n":1', '"n":2', '"n":null']
    assert history._encoded([math.inf, 1.5], None, "", "}") == ["Infinity}", "1.5}"]
    assert history._encoded([[1], [2]], None, '"x":') == ['"x":[1]', '"x":[2]']  # unhashable: each its own


def test_a_response_columns_strategy_look_reads_each_distinct_cell_once():
    """``strategy_led``: the same decision as a cell at a time (more than half of the filled cells, two at least), each
    distinct cell matched and read once however often it is written (round speed62a)."""
    from pmo_desktop.excel.strategy_leads import strategy_led

    asked: list[str] = []

    def read(words: str) -> str | None:
        asked.append(words)
        return {"avoiding": "Avoid", "mitigating": "Reduce"}.get(words.casefold())

    cells = ["Avoiding: keep the team told"] * 60 + ["Reduce", None, "  "] * 50 + ["Mitigating: a sandbox"] * 3
    assert strategy_led(cells, read) is True  # 63 of 113 filled cells
    assert asked == ["Avoiding", "Mitigating"]  # once each, in the order first written
    assert strategy_led(["Avoiding: x"] * 50 + ["Reduce"] * 50, read) is False  # half is not more than half
    assert strategy_led(["Avoiding: x"], read) is False  # one such cell is a cell
    assert strategy_led(["Avoiding: x", "Mitigating: y", "Note: see the contract"], read) is True

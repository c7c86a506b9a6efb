"""Colours are declared once on the field (models/colours.py): the register table and the exported
workbook read the same declaration, so a rating, a score, a benefit status and an overdue message look
the same in both — for the file's own risk bands, not a copy of the defaults."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.status_rules import DIMENSIONS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table.table_model import RegisterTableModel

COLOURED = {(name, f.name) for name, reg in REGISTERS.items() for f in reg.fields if f.colours is not None}


def test_the_coloured_columns_are_declared():
    assert COLOURED == {("risks", "inherent_score"), ("risks", "inherent_rating"), ("risks", "residual_score"),
                        ("risks", "residual_rating"), ("benefits", "status_rag"), ("communications", "overdue"),
                        *(("status_reports", rag) for rag in DIMENSIONS), ("milestones", "state")}


def _fills(ws, column_letter: str) -> dict[str, str]:
    """Formula operand → fill colour (or font colour) of the column's conditional formats."""
    out = {}
    for cf in ws.conditional_formatting:
        if any(str(r).startswith(f"{column_letter}2") for r in cf.sqref.ranges):
            for rule in cf.rules:
                colour = rule.dxf.fill.fgColor.rgb if rule.dxf.fill is not None else rule.dxf.font.color.rgb
                out[",".join(rule.formula)] = colour[-6:].upper()
    return out


def test_table_and_workbook_colour_every_declared_column_alike(qtbot, sqlite_demo_store, tmp_path):
    path = export_workbook(sqlite_demo_store, tmp_path / "office.xlsx")
    wb = load_workbook(path)
    document = Document(sqlite_demo_store)
    try:
        ctx = document.context
        for name, field_name in sorted(COLOURED):
            reg = REGISTERS[name]
            f = reg.field(field_name)
            ws = wb[reg.sheet]
            headers = [c.value for c in ws[1]]
            letter = ws.cell(1, headers.index(f.label) + 1).column_letter
            fills = _fills(ws, letter)
            assert fills, f"{name}.{field_name} has no colours in the workbook"
            model = RegisterTableModel(document, reg, parent_id=None)
            column = model.column_of(field_name)
            coloured = 0
            for row in range(model.rowCount()):
                record = model.record(row)
                value = record[field_name]
                brush = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
                expected = f.colours.colour_for(value, ctx, record)  # an opportunity's rating: by its kind
                assert (brush.color().name().upper()[1:] if brush else None) == \
                    (expected.upper().lstrip("#") if expected else None)
                if expected is None:
                    continue
                coloured += 1
                shown = "Yes" if value is True else value
                key = f'"{shown}"' if isinstance(shown, str) else None
                if key is not None and record.get("kind") == "Opportunity":  # its own rule, on the row's kind
                    key = next(k for k in fills if '="Opportunity"' in k and k.endswith(f"={key})"))
                if key is not None:  # a value matched by text in the workbook: the same colour there
                    assert fills[key] == expected.upper().lstrip("#"), (name, field_name, value)
            assert coloured or name == "communications", f"no {name}.{field_name} cell is coloured in the demo"
    finally:
        document.close()


def test_the_files_own_bands_colour_both(qtbot, sqlite_demo_store, tmp_path):
    """A band recoloured in the file recolours the table and the workbook alike."""
    from dataclasses import replace

    from pmo_desktop.models.settings import RISK_SCALE

    with sqlite_demo_store.session() as s:
        scale = RISK_SCALE.read(s)
        top = scale.bands[-1]
        RISK_SCALE.write(s, replace(scale, bands=(*scale.bands[:-1], replace(top, colour="#123456"))))
        s.commit()
    wb = load_workbook(export_workbook(sqlite_demo_store, tmp_path / "office.xlsx", registers=["risks"]))
    ws = wb["Risk register"]
    headers = [c.value for c in ws[1]]
    for label in ("Inherent rating", "Residual rating"):
        fills = _fills(ws, ws.cell(1, headers.index(label) + 1).column_letter)
        assert fills[f'"{top.rating}"'] == "123456"
    score = ws.cell(1, headers.index("Inherent score") + 1).column_letter
    assert _fills(ws, score)[str(top.min_score)] == "123456"
    document = Document(sqlite_demo_store)
    try:
        model = RegisterTableModel(document, REGISTERS["risks"])
        column = model.column_of("inherent_rating")
        rows = [r for r in range(model.rowCount()) if model.record(r)["inherent_rating"] == top.rating]
        assert rows, "the demo has a risk in the top band"
        brush = model.data(model.index(rows[0], column), Qt.ItemDataRole.BackgroundRole)
        assert brush.color().name() == "#123456"
    finally:
        document.close()

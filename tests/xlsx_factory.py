"""Workbooks built the way people build them, and hostile files, for the import tests."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from sqlalchemy import select

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS


def save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def rewrite_part(path: Path, part: str, edit) -> Path:
    """Rewrite one part of an .xlsx (to add what openpyxl will not write: cached values, a DTD ...)."""
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info.filename, data)
    return path


def set_cached_formula_value(path: Path, formula: str, value: str) -> Path:
    """Give a formula the value Excel would have cached when it last saved the file."""
    return rewrite_part(path, "xl/worksheets/sheet1.xml",
                        lambda xml: xml.replace(f"<f>{formula}</f><v />", f"<f>{formula}</f><v>{value}</v>"))


def billion_laughs(path: Path) -> Path:
    """A real workbook whose sheet XML declares nested entities (the 'billion laughs' attack)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Owner"])
    ws.append(["R-001", "LOLTITLE", "Ann"])
    wb.save(path)
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                                       for i in range(1, 10)]
    dtd = "<!DOCTYPE worksheet [" + "".join(ents) + "]>"

    def edit(xml: str) -> str:
        xml = re.sub(r"^<\?xml[^>]*\?>", "", xml)
        return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + dtd + xml.replace("LOLTITLE", "&lol9;")

    return rewrite_part(path, "xl/worksheets/sheet1.xml", edit)


def zip_bomb(path: Path, megabytes: int) -> Path:
    """A workbook with one extra part of zeros that compresses about a thousand times."""
    wb = openpyxl.Workbook()
    wb.active.append(["ID", "Title"])
    wb.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/padding.bin", b"\0" * (megabytes * 1024 * 1024))
    return path


def register_sheet(ws, store, register: str, title_block: bool = False) -> None:
    """The register as the exporter lays it out: labels in the header, one record per row."""
    reg = REGISTERS[register]
    if title_block:
        ws.append([reg.title])
        ws.append([])
    ws.append([f.label for f in reg.fields])
    with store.session() as s:
        rows = records.fetch_rows(s, reg)
    for row in rows:
        ws.append(list(row[2:]))


def child_sheet(ws, store, register: str, parent_header: str) -> None:
    """Child rows under the parent's ID: "Risk ID" + the risk action fields, and so on."""
    reg = REGISTERS[register]
    parent = REGISTERS["risks" if register == "risk_actions" else "benefits"]
    ws.append([parent_header] + [f.label for f in reg.fields])
    with store.session() as s:
        codes = dict(s.execute(select(parent.entity.id, parent.entity.code)).all())
        for pid in sorted(codes):
            for row in records.fetch_rows(s, reg, parent_id=pid):
                ws.append([codes[pid]] + list(row[2:]))


def whole_workbook(store, path: Path) -> Path:
    """Every register and child sheet, as the export writes them, with a hidden list sheet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for register in ("risks", "stakeholders", "benefits", "communications"):
        register_sheet(wb.create_sheet(REGISTERS[register].title), store, register, title_block=True)
    child_sheet(wb.create_sheet("Risk actions"), store, "risk_actions", "Risk ID")
    child_sheet(wb.create_sheet("Benefit plan"), store, "benefit_plan", "Benefit ID")
    child_sheet(wb.create_sheet("Benefit measurements"), store, "benefit_measurements", "Benefit ID")
    lists = wb.create_sheet("Lists")
    lists.append(["Threat", "Opportunity"])
    lists.sheet_state = "hidden"
    return save(wb, path)


def snapshot(store) -> dict:
    """Everything an import could change, to compare before and after."""
    from pmo_desktop.models.program import Setting

    out = {}
    with store.session() as s:
        for name, reg in REGISTERS.items():
            out[name] = records.fetch_rows(s, reg)
        out["settings"] = sorted((k, v) for k, v in s.execute(select(Setting.key, Setting.value)))
    return out

"""Every register is declared once, and each declaration reaches every output (a walk over all of them,
so a new register that misses one fails here, not in front of a user)."""

import pytest
from openpyxl import load_workbook

from pmo_desktop.excel.export import choose_registers, export_workbook
from pmo_desktop.excel.stamp import STAMP_SHEET
from pmo_desktop.models.fields import CELL_TEXT_LIMIT, Kind
from pmo_desktop.models.registers import REGISTERS, children, top_level


@pytest.mark.parametrize("name", list(REGISTERS))
def test_declaration_is_complete(name):
    reg = REGISTERS[name]
    assert reg.sheet and reg.noun and reg.fields
    assert len({f.name for f in reg.fields}) == len(reg.fields)
    if reg.parent:
        assert reg.parent_register in REGISTERS and reg.parent_label
        assert list(REGISTERS).index(reg.parent_register) < list(REGISTERS).index(name)  # parents first
    else:
        assert reg.name_field is not None, "a register names its records by a required text field"
    for f in reg.fields:
        if f.kind in (Kind.TEXT, Kind.LONGTEXT, Kind.CODE, Kind.REF, Kind.LINKS):
            assert 0 < f.max_length <= CELL_TEXT_LIMIT
        if f.kind in (Kind.REF, Kind.LINKS):
            assert f.ref is not None


def test_every_register_is_reachable_by_a_cli_name():
    reachable = set(top_level())
    for name in top_level():
        reachable.update(c.name for c in children(name))
    assert reachable == set(REGISTERS)


@pytest.mark.parametrize("name", top_level())
def test_every_register_reaches_the_workbook(demo_store, tmp_path, name):
    wb = load_workbook(export_workbook(demo_store, tmp_path / f"{name}.xlsx", registers=[name]), read_only=True)
    expected = [REGISTERS[name].sheet, *(c.sheet for c in children(name))]
    assert [s for s in wb.sheetnames if s not in ("Lists", STAMP_SHEET)] == expected
    assert choose_registers(name) == [name]


def test_a_detail_panel_names_only_fields_of_its_register():
    from pmo_desktop.models.fields import Detail, Register
    from pmo_desktop.models.risks import Risk

    risks = REGISTERS["risks"]
    with pytest.raises(ValueError, match="'motive'"):
        Register("risks", "Risk register", Risk, list(risks.fields), detail=Detail(texts=("cause", "motive")))
    for reg in REGISTERS.values():
        for _, sub in reg.detail.tables:
            assert REGISTERS[sub].parent_register == reg.name


def test_the_risk_detail_panel_is_built_from_its_declaration(qtbot, document):
    from pmo_desktop.views.risks.detail import RiskDetail
    from pmo_desktop.views.stakeholders.detail import StakeholderDetail

    detail = RiskDetail(document)
    qtbot.addWidget(detail)
    risks = REGISTERS["risks"]
    assert list(detail.editors) == list(risks.detail.texts)
    assert [detail.actions_view.register.name] == [sub for _, sub in risks.detail.tables]
    stakeholder = StakeholderDetail(document)
    qtbot.addWidget(stakeholder)
    assert list(stakeholder.editors) == list(REGISTERS["stakeholders"].detail.texts)


@pytest.fixture(scope="module")
def demo_outputs(tmp_path_factory):
    """The demo office through every output once: its whole-office export planned back into a new office,
    ``summary --json``, the overview page's tiles and both board packs' text."""
    import json

    from pmo_desktop.cli import main
    from pmo_desktop.excel.boardpack import write_board_pack
    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
    from pmo_desktop.excel.importer import plan_workbook_import
    from pmo_desktop.models.demo import create_demo
    from pmo_desktop.models.store import Store

    folder = tmp_path_factory.mktemp("outputs")
    store = create_demo(folder / "demo.pmo")
    try:
        workbook = export_workbook(store, folder / "office.xlsx")
        pack = write_board_pack(store, folder / "pack.xlsx")
        pdf = write_board_pack_pdf(store, folder / "pack.pdf")
    finally:
        store.close()
    empty = Store.create(folder / "empty.pmo")
    try:
        imported = {s.register for s in plan_workbook_import(empty, workbook).sheets}
    finally:
        empty.close()
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["summary", str(folder / "demo.pmo"), "--json"]) == 0
    pack_text = "\n".join(str(c.value) for ws in load_workbook(pack).worksheets for r in ws.iter_rows() for c in r
                          if c.value is not None)
    from pypdf import PdfReader

    pdf_text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    return {"imported": imported, "summary": json.loads(out.getvalue()), "pack": pack_text, "pdf": pdf_text,
            "path": folder / "demo.pmo"}


@pytest.mark.parametrize("name", top_level())
def test_every_register_reaches_every_output(demo_outputs, name):
    """Export, import, the CLI, the summary, the overview and the board pack all follow the declarations:
    a register that declares an overview entry shows in all of them; one that does not is the program
    itself or a list other registers name (people, objectives …), which reach the workbook and the import."""
    from pmo_desktop.cli import build_parser
    from pmo_desktop.models.summary import overview_entries

    reg = REGISTERS[name]
    assert name in demo_outputs["imported"], f"{name}: the whole-office export does not import back"
    parser = build_parser()
    assert parser.parse_args(["export", "office.pmo", "x.xlsx", "--register", name]).register == name
    named = {f.ref.target for r in REGISTERS.values() for f in r.fields if f.ref is not None}
    if reg.overview is None:
        assert reg.singleton or reg.entity in named, f"{name} declares no overview entry"
        assert not isinstance(demo_outputs["summary"].get(name), dict)  # "program" is the program's name
        return
    part = demo_outputs["summary"][name]
    assert part["total"] >= 0
    heading = reg.overview.heading(part)
    assert (name, heading, reg.overview.lines(part)) in overview_entries(demo_outputs["summary"])
    assert heading in demo_outputs["pack"] and heading in demo_outputs["pdf"]


def test_the_overview_page_shows_every_declared_entry(qtbot, demo_outputs):
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.overview import OverviewPage

    document = Document(Store.open(demo_outputs["path"]))
    try:
        page = OverviewPage(document)
        qtbot.addWidget(page)
        page.refresh()
        from PySide6.QtWidgets import QGroupBox

        titles = [box.title() for box in page.findChildren(QGroupBox)]
        for name, reg in REGISTERS.items():
            if reg.overview is not None:
                assert reg.overview.heading(demo_outputs["summary"][name]) in titles, name
    finally:
        document.close()

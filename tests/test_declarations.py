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

"""Export → import round trip through the real importer: every field of every register comes back
exactly, for the demo office and for a generated one full of awkward values."""

import random
from datetime import date, timedelta

from sqlalchemy import delete

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.benefits import Benefit
from pmo_desktop.models.fields import Kind
from pmo_desktop.models.program import Setting
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import Risk
from pmo_desktop.models.settings import OFFICE_ID
from pmo_desktop.models.stakeholders import Communication, Stakeholder

EXCHANGED = ("risks", "risk_actions", "stakeholders", "communications", "benefits", "benefit_plan",
             "benefit_measurements")


def contents(store) -> dict:
    """Every exchanged register as sorted value rows (ids and versions left out: they are the file's own)."""
    out = {}
    with store.session() as s:
        for name in EXCHANGED:
            out[name] = sorted((tuple(r[2:]) for r in records.fetch_rows(s, REGISTERS[name])), key=repr)
    return out


def wipe_registers(store) -> None:
    """Empty the registers and forget the office's identity: the workbook is then read as an office it did
    not come from (a rebuild), not merged back into the office it came from, where records deleted since
    the export are deliberately not re-created (tests/test_office_round_trip.py)."""
    with store.transaction() as s:
        for entity in (Communication, Risk, Stakeholder, Benefit):  # children go with their parents
            s.execute(delete(entity))
        s.execute(delete(Setting).where(Setting.key == OFFICE_ID.key))


def round_trip(store, tmp_path) -> tuple[dict, dict]:
    before = contents(store)
    out = export_workbook(store, tmp_path / "registers.xlsx")
    wipe_registers(store)
    assert all(not rows for rows in contents(store).values())
    plan = plan_workbook_import(store, out)
    assert plan.ok, plan.summary()
    apply_import(store, plan)
    return before, contents(store)


def test_demo_office_round_trips_exactly(demo_store, tmp_path):
    before, after = round_trip(demo_store, tmp_path)
    for name in EXCHANGED:
        assert after[name] == before[name], name


def awkward_text(rnd: random.Random, limit: int | None = None) -> str:
    """Text that trips spreadsheets up; ``limit``: the column's length (longer text is refused on save)."""
    return rnd.choice([
        "=SUM(A1:A3)", "+44 20 7946 0000", "-5% on forecast", "@channel update", "Plain words",
        "Zoë’s “quoted” café — naïve", "line one\nline two", "  ", "a; b", "日本語のテキスト", "1.50", "0042",
        "TRUE", "2026-03-31", "x" * 500,
    ])[:limit]


def test_generated_office_with_awkward_values_round_trips_exactly(store, tmp_path):
    rnd = random.Random(20260318)
    R = REGISTERS
    ctx = None
    with store.transaction() as s:
        for name in ("Tills", "Stock", "=Evil project"):
            records.create_record(s, R["projects"], {"name": name})
        for _ in range(25):
            values = {}
            for f in R["risks"].fields:
                if f.kind in (Kind.COMPUTED, Kind.CODE) or (rnd.random() < 0.2 and not f.required):
                    continue
                if f.kind in (Kind.TEXT, Kind.LONGTEXT):
                    values[f.name] = awkward_text(rnd, 100 if f.kind == Kind.TEXT else None) if f.name != "title" else f"Risk {rnd.random():.8f}"
                elif f.kind == Kind.ENUM:
                    values[f.name] = rnd.choice(f.choices)
                elif f.kind == Kind.MULTI_ENUM:
                    values[f.name] = "; ".join(rnd.sample(f.choices, rnd.randint(0, len(f.choices))))
                elif f.kind == Kind.SCALE:
                    values[f.name] = rnd.randint(1, 5)
                elif f.kind == Kind.DATE:
                    values[f.name] = date(2024, 1, 1) + timedelta(days=rnd.randint(0, 2000))
                elif f.kind == Kind.BOOL:
                    values[f.name] = rnd.random() < 0.5
                elif f.kind == Kind.REF:
                    values[f.name] = rnd.choice(["Tills", "Stock", "=Evil project"]) if f.name == "project" \
                        else rnd.choice(["Ann Lee", "-Bo Chan", "Zoë Ng"])
                elif f.kind == Kind.LINKS:
                    values[f.name] = rnd.sample(["Tills", "Stock", "=Evil project"], rnd.randint(0, 3))
            values["kind"] = "Threat"
            values["response"] = rnd.choice(("Avoid", "Reduce", "Transfer", "Accept", None))
            values["raised_on"], values["proximity"] = date(2025, 1, 1), date(2026, 1, 1)
            risk = records.create_record(s, R["risks"], values, ctx)
            for _ in range(rnd.randint(0, 2)):
                records.create_record(s, R["risk_actions"], {"description": awkward_text(rnd).strip() or "Act",
                                                             "due": date(2026, 5, rnd.randint(1, 28))},
                                      parent_id=risk.id)
        for k in range(10):
            benefit = records.create_record(s, R["benefits"], {
                "title": f"Benefit {k} {awkward_text(rnd, 200)}", "category": rnd.choice(R["benefits"].field("category").choices),
                "baseline_value": round(rnd.uniform(-1000, 1000), 6), "target_value": rnd.uniform(0, 1e7),
                "measure": awkward_text(rnd, 200), "dis_benefit": k % 3 == 0, "description": awkward_text(rnd)})
            for m in range(rnd.randint(0, 3)):
                records.create_record(s, R["benefit_plan"], {"on": date(2026, 1 + m, 1), "value": rnd.uniform(0, 1e6)},
                                      parent_id=benefit.id)
                records.create_record(s, R["benefit_measurements"], {"on": date(2026, 1 + m, 15),
                                                                     "value": rnd.uniform(-1, 1) * 10 ** rnd.randint(0, 9),
                                                                     "source": awkward_text(rnd, 200), "note": ""},
                                      parent_id=benefit.id)
        for k in range(8):
            sh = records.create_record(s, R["stakeholders"], {
                "name": f"Stakeholder {k} {awkward_text(rnd, 150)}".strip(), "power": rnd.randint(1, 5),
                "interest": rnd.choice((None, 1, 3, 5)), "program_level": k % 2 == 0, "notes": awkward_text(rnd)})
            records.create_record(s, R["communications"], {"message": f"Update {k}", "stakeholder": sh.name,
                                                           "frequency": "Monthly", "last_held": date(2026, 2, k + 1),
                                                           "notes": awkward_text(rnd)})
    before, after = round_trip(store, tmp_path)
    for name in EXCHANGED:
        assert after[name] == before[name], name

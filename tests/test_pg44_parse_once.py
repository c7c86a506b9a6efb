"""An edit of many cells parses each distinct value typed into a field once (``records._ParsedOnce``; issue 16,
round pg44): a fill of 100,000 cells parsed and checked the same text 100,000 times, about a tenth of the edit's
CPU on PostgreSQL. What is stored, the history and the undo stay as they were; a refused value is still
refused, naming its row."""

import pytest
from sqlalchemy import select

from pmo_desktop.models import records
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.fields import Field
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
N = 1_200


def test_a_fill_parses_its_one_value_once_and_stores_it_in_every_cell(store_url, monkeypatch):
    office = Office(Store.open(store_url))
    try:
        ids, _ = office.write(lambda s: records.create_records(
            s, RISKS, [{"title": f"Risk {i}", "trigger": f"Old {i % 3}", "probability": str(1 + i % 5),
                        "related_projects": ""} for i in range(N)], records.load_context(s), with_ids=True))
        E = RISKS.entity

        def stored():
            return office.read(lambda s: s.execute(select(E.id, E.trigger, E.probability, E.version)
                                                   .order_by(E.id)).all())

        before = stored()
        parsed: list[tuple[str, object]] = []
        parse = Field.parse
        monkeypatch.setattr(Field, "parse", lambda f, raw, ctx: parsed.append((f.name, raw)) or parse(f, raw, ctx))
        ctx = office.read(records.load_context)
        versions = {r[0]: r[3] for r in before}
        fill = {rid: {"trigger": "  Supplier misses a weekly call ", "probability": "4"} for rid in ids}
        office.write(records.update_many, RISKS, fill, ctx, versions, {})
        assert sorted(set(parsed)) == [("probability", "4"), ("trigger", "  Supplier misses a weekly call ")]
        assert len(parsed) == 2  # once each, of 2,400 cells
        after = stored()
        assert [(r[1], r[2]) for r in after] == [("Supplier misses a weekly call", 4)] * N
        H = RecordHistory
        assert office.read(lambda s: len(s.execute(select(H.id).where(H.register == "risks")).all())) == 2 * N

        parsed.clear()  # the undo: the old values back, three distinct texts and five numbers
        old = {r[0]: {"trigger": r[1], "probability": str(r[2])} for r in before}
        office.write(records.update_many, RISKS, old, ctx, {r[0]: r[3] for r in after}, {})
        assert len(parsed) == 3 + 5
        assert [(r[1], r[2]) for r in stored()] == [(r[1], r[2]) for r in before]

        bad = {rid: {"probability": "4" if i != 700 else "nine"} for i, rid in enumerate(ids)}
        with pytest.raises(ValidationError) as refused:
            office.write(records.update_many, RISKS, bad, ctx, {r[0]: r[3] for r in stored()}, {})
        assert refused.value.row_index == 700
        assert [(r[1], r[2]) for r in stored()] == [(r[1], r[2]) for r in before]
    finally:
        office.store.close()

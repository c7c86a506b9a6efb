"""fault70: a risk list whose category column names a different kind of risk on every row (a column of free
types, "Risikoart"). Each new category was compared with every one the list already held, each of those read
anew: 2,000 risks took 19 s of CPU to plan (4,000 about 80 s), 10,000 had not ended after 150 s. The office's own list is keyed
once (equal words and plurals looked up, only words whose lengths allow it compared one by one): the same
categories, in seconds."""

from __future__ import annotations

import time

from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.value_translation import OwnIndex, own_category, same_word
from pmo_desktop.excel.vocabulary import word_key

N = 4000


def test_a_category_column_of_thousands_of_kinds_is_planned_in_seconds(sqlite_store, tmp_path):
    rows: list[list[object]] = [["ID", "Risikoart", "Beschreibung", "Maßnahmen"]]
    rows += [[i, f"Art {i}", f"Ausfall {i} des Lieferanten", f"Zweiten Lieferanten {i} suchen"]
             for i in range(1, N + 1)]
    rows += [[N + 1, "Schedule", "Late delivery", "Order early"], [N + 2, "Schedules", "Late test", "Plan early"],
             [N + 3, "Organisational", "Reorganisation", "Talk"], [N + 4, "Organizational", "Merger", "Talk"]]
    path = write_xlsx(tmp_path / "Risiken.xlsx", {"Risiken": rows})
    started = time.process_time()
    import_all(sqlite_store, path)
    spent = time.process_time() - started
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == N + 4
    assert risks["1"]["category"] == "Art 1"
    assert risks[str(N)]["category"] == f"Art {N}"
    # a plural and a spelling one letter apart in eight are one category, as before
    assert risks[str(N + 2)]["category"] == "Schedule"
    assert risks[str(N + 4)]["category"] == "Organisational"
    assert spent < 30, f"{spent:.1f} s of CPU to import {N} risks"


def test_the_keyed_list_answers_as_every_word_compared():
    words = ["Schedule", "Schedules", "Organisational", "Organizational", "Supplier", "Suppliers", "Boxes", "Box",
             "IT", "Cost risk", "Costs", "Environmental", "Environmentals", "Riesgo legal", "Legal", "Data Quality",
             "Data Qualities", "Lieferantenausfall Typ 1", "Lieferantenausfall Typ 2", "Typ 10", "Typ 100", ""]
    own: set[str] = set()
    index = OwnIndex()
    for word in words + [w.lower() + "s" for w in words] + [w[:-1] for w in words if w]:
        key = word_key(own_category(word))
        every = next((x for x in sorted(own) if same_word(word_key(own_category(x)), key)), None)
        assert index.first_same(own, key) == every, word
        own.add(word)

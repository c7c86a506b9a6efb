"""A windowed register's ids: sorted, filtered and searched in the database, in the same order and
with the same rows as the in-memory table would show (on SQLite and PostgreSQL)."""

import pytest

from pmo_desktop.models import records, windows
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.windows import BLANK, Window, display_text

RISKS = REGISTERS["risks"]


def python_order(rows, reg, name, descending=False):
    col = reg.field_names.index(name) + 2

    def key(row):
        v = row[col]
        return v.lower() if isinstance(v, str) else v

    filled = [r for r in rows if r[col] not in (None, "")]
    blanks = [r for r in rows if r[col] in (None, "")]
    filled.sort(key=lambda r: (key(r), r[0]) if not descending else (key(r), -r[0]), reverse=descending)
    return [r[0] for r in filled + blanks]


@pytest.mark.parametrize("name", ["inherent_score", "residual_rating", "title", "owner", "raised_on", "status",
                                  "next_review", "review_overdue"])
@pytest.mark.parametrize("descending", [False, True])
def test_sorted_in_sql_as_in_python(demo_store, name, descending):
    with demo_store.session() as s:
        rows = records.fetch_rows(s, RISKS)
        ids = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending))
    col = RISKS.field_names.index(name) + 2
    by_id = {r[0]: r for r in rows}
    got = [by_id[i][col] for i in ids]
    want = [by_id[i][col] for i in python_order(rows, RISKS, name, descending)]
    assert [v.lower() if isinstance(v, str) else v for v in got] == [v.lower() if isinstance(v, str) else v for v in want]
    assert sorted(ids) == sorted(by_id)


@pytest.mark.parametrize("name", ["inherent_rating", "status", "owner", "related_projects", "probability",
                                  "next_review", "review_overdue"])
def test_column_filters_in_sql_as_in_python(demo_store, name):
    with demo_store.session() as s:
        rows = records.fetch_rows(s, RISKS)
        f = RISKS.field(name)
        col = RISKS.field_names.index(name) + 2
        values = sorted({display_text(f, r[col]) for r in rows})
        allowed = frozenset(values[:2]) | {BLANK}
        ids = windows.fetch_ids(s, RISKS, Window(column_filters={name: allowed}))

    def shown(row):
        v = row[col]
        if f.kind.value == "links" and v:
            return any(i.strip() in allowed for i in v.split(";"))
        return display_text(f, v) in allowed

    assert list(ids) == [r[0] for r in rows if shown(r)]


def test_search_and_record_ids(demo_store):
    with demo_store.session() as s:
        rows = records.fetch_rows(s, RISKS)
        word = rows[0][RISKS.field_names.index("title") + 2].split()[0].lower()
        found = windows.fetch_ids(s, RISKS, Window(search=word))
        some = frozenset(r[0] for r in rows[::2])
        only = windows.fetch_ids(s, RISKS, Window(record_ids=some))
        assert windows.count(s, RISKS) == len(rows)
        assert windows.fetch_ids(s, RISKS, Window(search="100%_nothing")).tolist() == []
    assert rows[0][0] in found
    assert all(word in "\u0001".join(display_text(f, v) for f, v in zip(RISKS.fields, r[2:])).lower()
               or True for r in rows if r[0] in set(found))
    assert set(only) == some


def test_search_ignores_case_and_reads_wildcards_as_text(demo_store):
    with demo_store.session() as s:
        rows = records.fetch_rows(s, RISKS)
        title = rows[0][RISKS.field_names.index("title") + 2]
        lower = windows.fetch_ids(s, RISKS, Window(search=title.lower()))
        assert rows[0][0] in lower  # stored "Risk …", searched "risk …"
        assert list(windows.fetch_ids(s, RISKS, Window(search="%"))) == []
        assert list(windows.fetch_ids(s, RISKS, Window(search="_"))) == []

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
                                  "next_review", "review_overdue", "raised_on", "inherent_score", "escalated"])
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


@pytest.fixture
def mixed(store):
    """Risks whose cells differ only by case, are blank ('' or NULL), tie, or refer to people named
    alike: what the one-key ORDER BY (nullif / x'' / NULLS LAST) must sort as the in-memory table does."""
    from sqlalchemy import text

    with store.session() as s:
        ctx = records.load_context(s)
        for name in ("bob", "Ann", "ann", "Cy", ""):
            records.create_record(s, REGISTERS["people"], {"name": {"": "Tmp", "ann": "Tmp 2"}.get(name, name)}, ctx)
        s.execute(text("UPDATE person SET name = '' WHERE name = 'Tmp'"))
        # "ann" beside "Ann" is refused as typed since walk32 (one name in any case); an office made before may hold it
        s.execute(text("UPDATE person SET name = 'ann' WHERE name = 'Tmp 2'"))
        cells = [("b", "Beta", 3, "bob"), ("B", "", None, "Ann"), ("a", "alpha", 1, "ann"), ("c", "", 2, None),
                 ("A", "Alpha", None, ""), ("b", "beta", 3, "Cy"), ("d", "", 1, "ann"), ("a", "ALPHA", None, "Ann")]
        ids = []
        for title, notes, probability, _owner in cells:
            ids.append(records.create_record(s, RISKS, {"title": title, "notes": notes, "probability": probability,
                                                        "impact": 2 if probability else None}, ctx).id)
        s.flush()
        for rid, (*_, owner) in zip(ids, cells):  # '' and NULL owners, and two people both called "Ann"/"ann"
            pid = None if owner is None else s.execute(text("SELECT id FROM person WHERE name = :n"), {"n": owner}).scalar()
            s.execute(text("UPDATE risk SET owner_id = :p, proximity = NULL WHERE id = :i"), {"p": pid, "i": rid})
        s.execute(text("UPDATE risk SET title = '' WHERE title = 'd'"))  # required, but another program may
        s.execute(text("UPDATE risk SET proximity = '2026-05-01' WHERE title IN ('b', 'a')"))
        s.commit()
    return store


@pytest.mark.parametrize("name", ["title", "notes", "probability", "inherent_score", "inherent_rating", "owner",
                                  "proximity"])
@pytest.mark.parametrize("descending", [False, True])
def test_blanks_last_case_ignored_ties_by_id(mixed, name, descending):
    with mixed.session() as s:
        rows = records.fetch_rows(s, RISKS)
        ids = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending)).tolist()
    assert ids == python_order(rows, RISKS, name, descending)
    col = RISKS.field_names.index(name) + 2
    assert any(r[col] in (None, "") for r in rows) and any(r[col] not in (None, "") for r in rows)


def test_sorted_ids_are_the_same_with_a_filter_and_a_search(mixed):
    with mixed.session() as s:
        rows = records.fetch_rows(s, RISKS)
        ids = windows.fetch_ids(s, RISKS, Window(sort_field="title", descending=True, search="a",
                                                 column_filters={"notes": frozenset({"", "Alpha"})})).tolist()
    notes, title = RISKS.field_names.index("notes") + 2, RISKS.field_names.index("title") + 2
    kept = [r for r in rows if (r[notes] or "") in ("", "Alpha")
            and any("a" in str(v).lower() for v in r[2:] if v is not None)]
    assert ids == python_order(kept, RISKS, "title", True) and {r[title] for r in kept} >= {"A", "B", ""}


@pytest.mark.parametrize("name", ["owner", "proximity", "raised_on", "project", "next_review"])
@pytest.mark.parametrize("descending", [False, True])
def test_sort_indexes_give_the_same_order(mixed, monkeypatch, name, descending):
    """A large register's sort index (SQLite; on PostgreSQL a reference's) walks the rows in the order the sort
    without it gives: blanks ('' and NULL, a reference to a person named '') last, case ignored, ties by
    id — with two people named alike ("Ann", "ann") and then with the names distinct (the form that
    reads each person's risks straight from the index)."""
    from sqlalchemy import text

    from pmo_desktop.models import sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 1)
    with mixed.session() as s:
        s.execute(text("UPDATE risk SET raised_on = NULL WHERE title IN ('c', 'B')"))  # blank dates among equal ones
        s.commit()
        without = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending)).tolist()
        built = sort_index.ensure(s, RISKS, name)
        s.commit()
        sqlite = s.connection().dialect.name == "sqlite"
        made = sqlite or name in ("owner", "project")  # PostgreSQL: a reference's (fk, id) index
        assert built == made and sort_index.has_index(s, RISKS, RISKS.field(name)) == made
        rows = records.fetch_rows(s, RISKS)
        ids = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending)).tolist()
        assert ids == without == python_order(rows, RISKS, name, descending)
        walks = sort_index.ordered_ids(s, RISKS, RISKS.field(name), descending) is not None if made else False
        assert walks == (sqlite or made and name == "project")  # PostgreSQL: "Ann" and "ann" sort by key
        s.execute(text("UPDATE person SET name = 'ann 2' WHERE name = 'ann'"))
        s.commit()
        assert (sort_index.ordered_ids(s, RISKS, RISKS.field(name), descending) is not None if made else False) == made
        rows = records.fetch_rows(s, RISKS)
        assert windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending)).tolist() == \
            python_order(rows, RISKS, name, descending)
        filtered = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending,
                                                      column_filters={"title": frozenset({"a", "b"})})).tolist()
        title = {r[0]: r[RISKS.field_names.index("title") + 2] for r in rows}
        assert filtered == [i for i in python_order(rows, RISKS, name, descending) if title[i] in ("a", "b")]


def test_sort_indexes_only_for_a_large_register_and_dropped_by_a_migration(store, monkeypatch):
    from pmo_desktop.models import sort_index

    with store.session() as s:
        assert not sort_index.ensure(s, RISKS, "owner")  # 0 records: no index
        assert not sort_index.ensure(s, RISKS, "title")  # a text column: never
        monkeypatch.setattr(sort_index, "THRESHOLD", 0)
        assert sort_index.ensure(s, RISKS, "owner")  # SQLite and PostgreSQL alike
        assert sort_index.ensure(s, RISKS, "raised_on") == (s.connection().dialect.name == "sqlite")
        sort_index.drop_all(s.connection())
        assert not sort_index.has_index(s, RISKS, RISKS.field("owner"))


def test_a_date_typed_finds_what_the_cells_show(demo_store):
    """A search for the beginning of a date ("2026-03") is matched as a range of days (stored and
    computed dates alike, no date text per row), a text no date or number can hold ("03/2026") skips
    them: either way the rows found are those with a cell showing the text, as the in-memory table's."""
    with demo_store.session() as s:
        ctx = records.load_context(s)
        rows = records.fetch_rows(s, RISKS, ctx)
        review = RISKS.field_names.index("next_review") + 2
        due = next(r[review] for r in rows if r[review] is not None).isoformat()
        raised = next(r[RISKS.field_names.index("raised_on") + 2] for r in rows if r[RISKS.field_names.index("raised_on") + 2]).isoformat()
        texts = {due[:4], due[:6], due[:7], due[:9], due, raised[:8], raised[4:8], due[5:7] + "/" + due[:4],
                 due[:4] + "-13", "0", "-0", "2.5"}
        for text in sorted(texts):
            found = windows.fetch_ids(s, RISKS, Window(search=text), ctx).tolist()
            shown = [r[0] for r in rows if any(text in f.kind.search_text(v).lower() for f, v in zip(RISKS.fields, r[2:])
                                               if v not in (None, ""))]
            assert found == shown, text
        assert windows.fetch_ids(s, RISKS, Window(search=due[:7]), ctx).tolist()  # some found, one is due then


def test_date_prefixes_as_ranges():
    from datetime import date

    from pmo_desktop.models.computed_sql import date_can_show, date_prefix_range

    assert date_prefix_range("2024-03-1") == (date(2024, 3, 10), date(2024, 3, 19))
    assert date_prefix_range("2024-0") == (date(2024, 1, 1), date(2024, 9, 30))
    assert date_prefix_range("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_prefix_range("9999") == (date(9999, 1, 1), date(9999, 12, 31))  # no day past the last
    assert date_prefix_range("2024-02-3") == (date.max, date.min)  # no 30th of February
    assert date_prefix_range("03-1") is None and date_prefix_range("2024 03") is None
    assert date_can_show("-03-1") and date_can_show("4-0") and not date_can_show("03/2026")
    assert not date_can_show("2026-03-311") and not date_can_show("12345")


def test_a_search_of_several_words_needs_each_word_not_the_phrase(demo_store):
    """"supplier late" finds "POS supplier delivers late" (as the in-memory table does): words no row
    holds side by side are found each anywhere in the row, in any order; words side by side first."""
    with demo_store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "POS supplier delivers late", "probability": 2, "impact": 2}).id
    with demo_store.session() as s:
        assert rid in windows.fetch_ids(s, RISKS, Window(search="supplier late"))
        assert rid in windows.fetch_ids(s, RISKS, Window(search="late  POS"))
        assert rid not in windows.fetch_ids(s, RISKS, Window(search="supplier nowhere"))
        side_by_side = set(windows.fetch_ids(s, RISKS, Window(search="pos supplier delivers")))
        anywhere = set(windows.fetch_ids(s, RISKS, Window(search="pos supplier delivers", every_word=True)))
        assert rid in side_by_side and side_by_side <= anywhere
        titles = {r[0]: r[RISKS.field_names.index("title") + 2].lower() for r in records.fetch_rows(s, RISKS)}
        assert all("pos supplier delivers" in titles[i] for i in side_by_side)  # the phrase, when some row has it


def test_next_review_sort_index_filters_menus_and_a_new_cadence(mixed, monkeypatch):
    """The next review's sort index (SQLite: an index on its day-number expression): the sort walks it,
    a filter by a date or by whether the review is overdue gives the rows the in-memory table shows,
    the header's value menus list what the cells show — with the index and without; a new review
    cadence makes another expression, so the old index is stale (not used) until built again."""
    from datetime import date

    from sqlalchemy import text

    from pmo_desktop.models import sort_index
    from pmo_desktop.models.risk_review import ReviewCadence
    from pmo_desktop.models.settings import REVIEW_CADENCE

    monkeypatch.setattr(sort_index, "THRESHOLD", 1)
    with mixed.session() as s:
        for k in range(3):  # ties: three days
            s.execute(text("UPDATE risk SET raised_on = :d WHERE id % 3 = :k"), {"d": date(2026, k + 1, 15), "k": k})
        s.execute(text("UPDATE risk SET status = 'Closed' WHERE title = 'c'"))
        s.execute(text("UPDATE risk SET raised_on = NULL WHERE title = 'B'"))
        s.execute(text("UPDATE risk SET reviewed_on = '2020-01-01' WHERE title = 'd'"))  # long overdue
        s.commit()
        sqlite = s.connection().dialect.name == "sqlite"
        review, overdue = RISKS.field("next_review"), RISKS.field("review_overdue")

        def check():
            ctx = records.load_context(s)
            rows = records.fetch_rows(s, RISKS, ctx)
            col = RISKS.field_names.index("next_review") + 2
            late = RISKS.field_names.index("review_overdue") + 2
            for descending in (False, True):
                assert windows.fetch_ids(s, RISKS, Window(sort_field="next_review", descending=descending),
                                         ctx).tolist() == python_order(rows, RISKS, "next_review", descending)
            days = sorted({r[col] for r in rows if r[col] is not None})
            assert sorted(v for v in windows.distinct_values(s, RISKS, review, 100, ctx) if v is not None) == days
            assert None in windows.distinct_values(s, RISKS, review, 100, ctx)
            for allowed in ({days[0].isoformat()}, {days[-1].isoformat(), BLANK}, {BLANK}, {"2999-01-01"}):
                got = windows.fetch_ids(s, RISKS, Window(column_filters={"next_review": frozenset(allowed)}), ctx)
                assert got.tolist() == [r[0] for r in rows if display_text(review, r[col]) in allowed], (allowed, [(r[0], r[col], display_text(review, r[col])) for r in rows])
            shown = {r[late] for r in rows}
            assert shown == {"Overdue", ""}
            assert sorted(windows.distinct_values(s, RISKS, overdue, 100, ctx)) == sorted(shown)
            for allowed in ({"Overdue"}, {BLANK}, {"Overdue", BLANK}):
                got = windows.fetch_ids(s, RISKS, Window(column_filters={"review_overdue": frozenset(allowed)}), ctx)
                assert got.tolist() == [r[0] for r in rows if r[late] in allowed]

        check()
        assert sort_index.ensure(s, RISKS, "next_review") == sqlite
        s.commit()
        assert sort_index.has_index(s, RISKS, review) == sqlite
        check()
        if sqlite:  # the sort walks the index; "Overdue" reads the table (most rows may be overdue)
            def plan(window):
                from sqlalchemy import select
                from sqlalchemy.dialects import sqlite as dialect

                query = select(RISKS.entity.id).where(windows._filter_condition(
                    s, RISKS, overdue, frozenset(window), records.load_context(s)))
                sql = str(query.compile(dialect=dialect.dialect(), compile_kwargs={"literal_binds": True}))
                return " ".join(str(r[-1]) for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
            key = sort_index.day_key_sql(s, RISKS, review)
            walk = " ".join(str(r[-1]) for r in s.connection().exec_driver_sql(
                f"EXPLAIN QUERY PLAN SELECT id FROM risk WHERE {key} IS NOT NULL ORDER BY {key}, id"))
            assert "sortix_risk_next_review" in walk and "TEMP B-TREE" not in walk
            assert "sortix" not in plan({"Overdue"}) and "sortix" not in plan({BLANK})
        REVIEW_CADENCE.write(s, ReviewCadence((("Low", 1000 // 3),), other=7))
        s.commit()
        assert not sort_index.has_index(s, RISKS, review)  # stale: another expression
        check()
        assert sort_index.ensure(s, RISKS, "next_review") == sqlite
        s.commit()
        check()
        names = [r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'sortix_%review%'"))
                 ] if sqlite else []
        assert names == (["sortix_risk_next_review"] if sqlite else [])


@pytest.fixture
def reviewed(mixed):
    """The mixed risks with next reviews across years and months — some long past (overdue), some to
    come, a closed one and one never raised (blank) — and raised dates of their own."""
    from datetime import date, timedelta

    from sqlalchemy import text

    today = date.today()
    days = [date(2024, 2, 29), date(2025, 12, 31), date(2026, 1, 5), date(2025, 3, 15), today - timedelta(days=100),
            today + timedelta(days=300), date(2023, 10, 10), date(2026, 3, 19)]
    with mixed.session() as s:
        for rid, day in zip(s.execute(text("SELECT id FROM risk ORDER BY id")).scalars().all(), days):
            s.execute(text("UPDATE risk SET raised_on = :d, reviewed_on = :r WHERE id = :i"),
                      {"d": day, "r": day + timedelta(days=40) if rid % 3 == 0 else None, "i": rid})
        s.execute(text("UPDATE risk SET status = 'Closed' WHERE title = 'c'"))
        s.execute(text("UPDATE risk SET raised_on = NULL WHERE title = 'B'"))
        s.commit()
    return mixed


def test_review_status_sorts_through_the_next_review_index(reviewed, monkeypatch):
    """Sorted by the review status (overdue first, then the blank ones; ties by id either way), through
    the next review's sort index (SQLite: the days before today, then the others, from the index) as
    without it — and its first sort builds that index."""
    from pmo_desktop.models import sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 1)
    status, review = RISKS.field("review_overdue"), RISKS.field("next_review")
    with reviewed.session() as s:
        rows = records.fetch_rows(s, RISKS)
        late = RISKS.field_names.index("review_overdue") + 2
        assert {r[late] for r in rows} == {"Overdue", ""}
        without = {d: windows.fetch_ids(s, RISKS, Window(sort_field="review_overdue", descending=d)).tolist()
                   for d in (False, True)}
        assert without[False] == without[True] == python_order(rows, RISKS, "review_overdue")
        sqlite = s.connection().dialect.name == "sqlite"
        assert sort_index.wants_index(status)
        assert sort_index.ensure(s, RISKS, "review_overdue") == sqlite  # the next review's index
        s.commit()
        assert sort_index.has_index(s, RISKS, review) == sort_index.has_index(s, RISKS, status) == sqlite
        for d in (False, True):
            assert windows.fetch_ids(s, RISKS, Window(sort_field="review_overdue", descending=d)).tolist() == without[d]
            walked = sort_index.ordered_ids(s, RISKS, status, d) if sqlite else None
            assert walked is None or walked.tolist() == without[d]
        assert (walked is not None) == sqlite


@pytest.mark.parametrize("name", ["raised_on", "next_review", "review_overdue", "proximity"])
def test_date_sorts_with_an_id_past_32_bits(reviewed, name):
    """Sorted by a date (SQLite: one integer a row, ``day × 2³² + id``, the keys sorted by numpy and the ids
    read from their low 32 bits) as the in-memory table sorts, each way, with a filter and a search too —
    and so where a record's id does not fit 32 bits (another program may have written one): sorted by the
    date itself there, not read as a later day (on PostgreSQL the largest id its column holds)."""
    from sqlalchemy import text

    with reviewed.session() as s:
        sqlite = s.connection().dialect.name == "sqlite"
        ctx = records.load_context(s)
        for big in (False, True):
            if big:  # the first risk (raised 29 Feb 2024, the earliest day) takes an id past 2**32
                huge = 2**41 + 7 if sqlite else 2**31 - 1  # 2**41: read as a day 512 days later
                first = s.execute(text("SELECT min(id) FROM risk")).scalar_one()
                s.execute(text("DELETE FROM risk_history WHERE risk_id = :i"), {"i": first})  # its history's rows
                s.execute(text("UPDATE risk SET id = :h WHERE id = :i"), {"h": huge, "i": first})
                s.commit()
            rows = records.fetch_rows(s, RISKS, ctx)
            for descending in (False, True):
                got = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending), ctx).tolist()
                assert got == python_order(rows, RISKS, name, descending), (big, descending)
                open_ = [r for r in rows if r[RISKS.field_names.index("status") + 2] == "Open"]
                got = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending,
                                                         column_filters={"status": frozenset({"Open"})}), ctx)
                assert got.tolist() == python_order(open_, RISKS, name, descending)
                hits = set(windows.fetch_ids(s, RISKS, Window(search="alpha"), ctx).tolist())
                found = [r for r in rows if r[0] in hits]
                assert 1 < len(found) < len(rows)
                got = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending, search="alpha"), ctx)
                assert got.tolist() == python_order(found, RISKS, name, descending)


def test_review_status_filter_read_from_the_next_review_index(reviewed, monkeypatch):
    """A filter by the review status ("Overdue", or blank) with the next review's sort index: the rows
    the in-memory table shows, in its order — alone, sorted by a column with an index of its own or
    without, with a heat map cell's ids — on SQLite read from the index (``sort_index.past_filter_ids``:
    the index's ranges, not the condition tested on every row), on PostgreSQL by the query as before."""
    from pmo_desktop.models import sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 1)
    status = RISKS.field("review_overdue")
    with reviewed.session() as s:
        sqlite = s.connection().dialect.name == "sqlite"
        for name in ("next_review", "raised_on", "owner"):
            sort_index.ensure(s, RISKS, name)
        s.commit()
        ctx = records.load_context(s)
        rows = records.fetch_rows(s, RISKS, ctx)
        late = RISKS.field_names.index("review_overdue") + 2
        assert {r[late] for r in rows} == {"Overdue", ""}
        some = frozenset(r[0] for r in rows[::2])
        for allowed in ({"Overdue"}, {BLANK}):
            passing = [r for r in rows if r[late] in allowed]
            read = sort_index.past_filter_ids(s, RISKS, status, frozenset(allowed), ctx)
            assert (read.tolist() if sqlite else read) == ([r[0] for r in passing] if sqlite else None)
            for sort in (None, "raised_on", "owner", "review_overdue", "title", "inherent_score"):
                for descending in (False, True):
                    window = Window(sort_field=sort, descending=descending,
                                    column_filters={"review_overdue": frozenset(allowed)})
                    expected = python_order(passing, RISKS, sort, descending) if sort else [r[0] for r in passing]
                    assert windows.fetch_ids(s, RISKS, window, ctx).tolist() == expected, (allowed, sort, descending)
                    cell = windows.fetch_ids(s, RISKS, Window(sort_field=sort, descending=descending, record_ids=some,
                                                              column_filters={"review_overdue": frozenset(allowed)}), ctx)
                    assert cell.tolist() == [i for i in expected if i in some]
        # both texts, neither, or a text the column never shows: not read from the index
        for allowed in ({"Overdue", BLANK}, set(), {"Late"}):
            assert sort_index.past_filter_ids(s, RISKS, status, frozenset(allowed), ctx) is None
            got = windows.fetch_ids(s, RISKS, Window(column_filters={"review_overdue": frozenset(allowed)}), ctx)
            assert got.tolist() == [r[0] for r in rows if r[late] in allowed]
        assert sort_index.past_filter_ids(s, RISKS, RISKS.field("status"), frozenset({"Open"}), ctx) is None


def test_date_pieces_found_through_the_indexes_as_the_cells_show_them(reviewed, monkeypatch):
    """Every piece of a date as written ("-03-1", "5-12", "2026", "9") — the next review's (computed)
    and the stored dates' — finds the rows showing it, as the in-memory table does: without any index,
    and then (SQLite) through the next review's sort index (the days that show it, between its first
    and last) and the search index (the stored dates' trigrams) — the same rows."""
    from pmo_desktop.models import search_index, sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 1)
    monkeypatch.setattr(search_index, "THRESHOLD", 1)
    with reviewed.session() as s:
        ctx = records.load_context(s)
        rows = records.fetch_rows(s, RISKS, ctx)
        dated = [(f, i + 2) for i, f in enumerate(RISKS.fields) if f.name in ("next_review", "raised_on", "proximity")]
        # as written (2026-03-31) and as shown (31 Mar 2026), lower case as the search box gives it, each
        # piece as typed (the box drops a space at either end)
        written = {t for r in rows for f, c in dated if r[c] not in (None, "")
                   for t in f.kind.search_text(r[c]).lower().split("\u0002")}
        pieces = sorted({p for w in written for i in range(len(w)) for j in range(i + 1, len(w) + 1)
                         if (p := w[i:j]) == p.strip()}
                        | {"-13-", "2026-02-3", "9999", "0000", "03-32", "feb 31", "3 foo"})

        def found():
            return {p: windows.fetch_ids(s, RISKS, Window(search=p), ctx).tolist() for p in pieces}

        without = found()
        for p in pieces:
            assert without[p] == [r[0] for r in rows if any(p in f.kind.search_text(v).lower()
                                                            for f, v in zip(RISKS.fields, r[2:]) if v not in (None, ""))], p
        # no month 13 ("-13-": "-13" alone is also the 13th, which a date counted from today can be)
        assert without["-13-"] == [] and without["-03-1"] and without["2024-02-29"]
        if s.connection().dialect.name != "sqlite":
            return
        assert sort_index.ensure(s, RISKS, "next_review") and search_index.ensure(s, RISKS)
        s.commit()
        assert windows._days_showing(s, RISKS, RISKS.field("next_review"), "-03-1", ctx) is not None
        assert found() == without


def test_a_reference_index_built_concurrently_on_postgresql(store, monkeypatch):
    """PostgreSQL builds a reference's sort index ``CONCURRENTLY`` (others' writes go on), which it
    refuses inside a transaction, so outside one (``Office.outside_transaction``); an index a failed
    concurrent build left invalid is not used, and is dropped and built again. SQLite: nothing to do."""
    from sqlalchemy import text

    from pmo_desktop.models import sort_index
    from pmo_desktop.models.office import Office

    monkeypatch.setattr(sort_index, "THRESHOLD", 0)
    office = Office(store)
    owner = RISKS.field("owner")
    names = ["owner", "title", "next_review"]
    if store.is_sqlite:
        assert office.outside_transaction(sort_index.ensure_concurrently, RISKS, names) == []
        return
    with pytest.raises(Exception, match="(?i)transaction"):
        office.write(sort_index.ensure_concurrently, RISKS, ["owner"])
    assert not office.read(sort_index.has_index, RISKS, owner)
    assert sorted(office.read(sort_index.missing_ahead, RISKS)) == ["owner", "project"]
    assert office.outside_transaction(sort_index.ensure_concurrently, RISKS, names) == ["owner"]
    assert office.read(sort_index.has_index, RISKS, owner)
    name = sort_index.index_names(RISKS, owner)[0]
    with store.engine.begin() as conn:  # as a concurrent build that failed half-way leaves it
        conn.execute(text(f"UPDATE pg_index SET indisvalid = false WHERE indexrelid = '{name}'::regclass"))
    assert not office.read(sort_index.has_index, RISKS, owner)
    assert office.outside_transaction(sort_index.ensure_concurrently, RISKS, ["owner"]) == ["owner"]
    assert office.read(sort_index.has_index, RISKS, owner)


@pytest.fixture
def linked(mixed):
    """``mixed`` with related projects: one each, several, one named '' (blank as no project), names
    alike but for case, and risks with none."""
    from sqlalchemy import text

    with mixed.session() as s:
        ctx = records.load_context(s)
        for code, name in (("P1", "Zeta"), ("P2", "alpha"), ("P3", "Tmp 2"), ("P4", "Tmp")):
            records.create_record(s, REGISTERS["projects"], {"code": code, "name": name}, ctx)
        s.execute(text("UPDATE project SET name = '' WHERE name = 'Tmp'"))
        # "Alpha" beside "alpha" is refused as typed since walk32 (one name in any case); an office made before may hold it
        s.execute(text("UPDATE project SET name = 'Alpha' WHERE name = 'Tmp 2'"))
        project = {code: s.execute(text("SELECT id FROM project WHERE code = :c"), {"c": code}).scalar()
                   for code in ("P1", "P2", "P3", "P4")}
        risks = list(s.execute(text("SELECT id FROM risk ORDER BY id")).scalars())
        links = [(0, "P1"), (2, "P2"), (3, "P3"), (3, "P1"), (5, "P4"), (6, "P3"), (7, "P2"), (7, "P1")]
        for at, code in links:
            s.execute(text("INSERT INTO risk_project (risk_id, project_id) VALUES (:r, :p)"),
                      {"r": risks[at], "p": project[code]})
        s.commit()
    return mixed


@pytest.mark.parametrize("descending", [False, True])
def test_a_list_column_sorts_its_lists_then_the_blanks_by_id(linked, descending):
    """A list column ("related projects") sorted: the lists ignoring case, ties by id, then every record
    with none (or a blank name) in id order — with a filter and a search too, on SQLite and PostgreSQL."""
    name = "related_projects"
    col = RISKS.field_names.index(name) + 2
    with linked.session() as s:
        rows = records.fetch_rows(s, RISKS)
        assert {r[col] in (None, "") for r in rows} == {True, False}
        ids = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending)).tolist()
        assert ids == python_order(rows, RISKS, name, descending)
        notes = RISKS.field_names.index("notes") + 2
        kept = [r for r in rows if (r[notes] or "") in ("", "Alpha")]
        window = Window(sort_field=name, descending=descending, column_filters={"notes": frozenset({"", "Alpha"})})
        assert windows.fetch_ids(s, RISKS, window).tolist() == python_order(kept, RISKS, name, descending)
        found = [r for r in kept if any("a" in str(v).lower() for v in r[2:] if v is not None)]
        window = Window(sort_field=name, descending=descending, search="a",
                        column_filters={"notes": frozenset({"", "Alpha"})})
        assert windows.fetch_ids(s, RISKS, window).tolist() == python_order(found, RISKS, name, descending)


def test_a_list_column_sorted_works_out_the_lists_of_the_records_that_have_one(tmp_path):
    """Sorting a large register by a list column few records use costs less than sorting it by its
    title: the list's text (a subquery of the link table) is worked out for the linked records only,
    not for every row (counted in SQLite's virtual machine steps, which the machine's load does not
    move). Among 1,000,000 risks it was 2.4 s of CPU on PostgreSQL, where the title took 0.9 s."""
    import sqlite3

    from pmo_desktop.models.store import Store

    path = tmp_path / "office.pmo"
    Store.create(path).close()
    con = sqlite3.connect(path)
    now = "2026-11-25 09:00:00"
    con.execute("INSERT INTO project (code, name, status, description, created_at, updated_at, version) "
                "VALUES ('P-1', 'Project 1', 'Active', '', ?, ?, 1)", (now, now))
    con.executemany("INSERT INTO risk (code, title, cause, event, effect, kind, category, level, probability, "
                    "impact, impact_areas, response, trigger, status, notes, escalated, escalation_reason, "
                    "created_at, updated_at, version) VALUES (?, ?, '', '', '', 'Threat', 'Technical', 'Project', "
                    "3, 3, '', '', '', 'Open', '', 0, '', ?, ?, 1)",
                    [(f"R-{i:05d}", f"Risk {i}", now, now) for i in range(3000)])
    con.executemany("INSERT INTO risk_project (risk_id, project_id) VALUES (?, 1)", [(i,) for i in (5, 50, 500)])
    con.commit()
    con.close()
    store = Store.open(path)
    try:
        steps = dict.fromkeys(("title", "related_projects"), 0)
        for name in steps:
            with store.session() as s:
                raw = s.connection().connection.dbapi_connection

                def count(name: str = name) -> int:
                    steps[name] += 1  # every 100 steps of SQLite's virtual machine
                    return 0

                raw.set_progress_handler(count, 100)
                ids = windows.fetch_ids(s, RISKS, Window(sort_field=name)).tolist()
                raw.set_progress_handler(None, 0)
            assert len(ids) == 3000
        assert ids[:3] == [5, 50, 500] and ids[3:] == [i for i in range(1, 3001) if i not in (5, 50, 500)]
        assert steps["related_projects"] * 2 < steps["title"], steps
    finally:
        store.close()


@pytest.mark.parametrize("odd", [None, -3, 2**31, 2.5])
def test_whole_numbers_sort_by_their_keys_as_in_python(mixed, odd):
    """A column of whole numbers (a level, a score) sorts on SQLite by one integer a row, ``value × 2³² +
    id``, the keys sorted by numpy (a score's many ties each settled by the id made SQLite's sort 2.4× as
    long) — no ORDER BY of the column; the order the in-memory table gives, each way, blanks ('' and NULL)
    last, with a filter too. A value the key cannot hold (past 2³⁰, a fraction another program wrote)
    sorts by the ORDER BY instead, the same order; on PostgreSQL the ORDER BY, the same order."""
    from sqlalchemy import event, text

    with mixed.session() as s:
        sqlite = s.connection().dialect.name == "sqlite"
        first = s.execute(text("SELECT min(id) FROM risk")).scalar_one()
        if sqlite:  # '' in a number column: blank, as NULL
            s.execute(text("UPDATE risk SET probability = '' WHERE probability IS NULL AND id > :i"), {"i": first})
        if odd is not None and (sqlite or odd == -3):  # a PostgreSQL integer holds neither 2³¹ nor 2.5
            s.execute(text("UPDATE risk SET probability = :v WHERE id = :i"), {"v": odd, "i": first})
        s.commit()
        ctx = records.load_context(s)
        rows = records.fetch_rows(s, RISKS, ctx)
        statements: list[str] = []
        listen = (lambda *args: statements.append(args[2]))  # noqa: E731 — (conn, cursor, statement, …)
        event.listen(s.get_bind(), "before_cursor_execute", listen)
        try:
            for name in ("probability", "inherent_score"):
                for descending in (False, True):
                    got = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending), ctx).tolist()
                    assert got == python_order(rows, RISKS, name, descending), (name, descending)
                    some = [r for r in rows if (r[RISKS.field_names.index("title") + 2] or "") in ("a", "b", "")]
                    got = windows.fetch_ids(s, RISKS, Window(sort_field=name, descending=descending,
                                                             column_filters={"title": frozenset({"a", "b", ""})}), ctx)
                    assert got.tolist() == python_order(some, RISKS, name, descending), (name, descending)
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", listen)
    sorted_by_sql = [q for q in statements if "ORDER BY" in q and ("probability" in q.split("ORDER BY")[-1])]
    assert bool(sorted_by_sql) == (not sqlite or (odd is not None and odd not in (-3,))), sorted_by_sql


CHOICES = ["Technical", "technical", "TECHNICAL", "Commercial", "", " ", " Strategic", "Zeta", "Ärger", "ärger",
           "Émission", "émission", "ß", "\U0001F600", "a", "A", "commercial", "Technical", "Zeta", ""]


@pytest.mark.parametrize("odd", [False, True])
def test_a_column_of_choices_sorts_as_its_order_by(store, odd):
    """A column of choices (a category, a status) sorts on SQLite by its few values' ranks — the values read
    as the scan meets them, their order given by SQLite for the distinct values alone, the ranks sorted by
    numpy — not by SQLite's sort of every row: the ids in the order the ORDER BY gives (case folded as the
    database folds it, accents and letters past ASCII as its collation orders them, ties by id, blanks ''
    and NULL last), each way, with a filter and a search, on SQLite and PostgreSQL (where the ORDER BY
    sorts); for values of ASCII letters the in-memory table's order too. A value that is no text (bytes
    another program wrote) sorts by the ORDER BY, the same order."""
    from sqlalchemy import event, select, text

    with store.session() as s:
        ctx = records.load_context(s)
        ids = [records.create_record(s, RISKS, {"title": f"Risk {i}", "status": ("Open", "Closed")[i % 2]}, ctx).id
               for i in range(len(CHOICES))]
        s.flush()
        sqlite = s.connection().dialect.name == "sqlite"
        for rid, value in zip(ids, CHOICES):
            s.execute(text("UPDATE risk SET category = :c WHERE id = :i"), {"c": value, "i": rid})
        if odd and sqlite:  # bytes in a text column (a number there becomes its text)
            s.execute(text("UPDATE risk SET category = x'41' WHERE id = :i"), {"i": ids[3]})
        s.commit()
        rows = records.fetch_rows(s, RISKS, ctx)
        windows_ = [Window(sort_field="category", descending=d, **more)
                    for d in (False, True) for more in ({}, {"column_filters": {"status": frozenset({"Closed"})}},
                                                        {"search": "risk 1"})]
        statements: list[str] = []
        listen = (lambda *args: statements.append(args[2]))  # noqa: E731 — (conn, cursor, statement, …)
        event.listen(s.get_bind(), "before_cursor_execute", listen)
        try:
            got = [windows.fetch_ids(s, RISKS, w, ctx).tolist() for w in windows_]
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", listen)
        real, windows._ids_by_choice = windows._ids_by_choice, lambda *args: None
        try:  # the ORDER BY's order, as before
            want = [windows.fetch_ids(s, RISKS, w, ctx).tolist() for w in windows_]
        finally:
            windows._ids_by_choice = real
        col = RISKS.field_names.index("category") + 2
        ascii_rows = [r for r in rows if r[0] in ids and isinstance(r[col], str) and r[col].isascii()]
        E = RISKS.entity
        scan = select(E.id).where(E.id.in_([r[0] for r in ascii_rows])).order_by(E.id.desc())
        by_ranks_backwards = windows._ids_by_choice(s, scan, RISKS, RISKS.field("category"), False) if sqlite else None
    assert got == want
    assert got[0] != sorted(got[0]) and len(got[0]) == len(CHOICES) and len(got[1]) == len(CHOICES) // 2
    assert len(got[2]) == 11  # risk 1, risk 10 … risk 19
    in_python = python_order(ascii_rows, RISKS, "category")
    assert [i for i in got[0] if i in {r[0] for r in ascii_rows}] == in_python
    if sqlite:  # the rows met in another order than their ids' (an index's): ties still by id
        assert by_ranks_backwards is not None and by_ranks_backwards.tolist() == in_python
    sorted_by_sql = [q for q in statements if "ORDER BY" in q and "category" in q.split("ORDER BY")[-1]]
    assert bool(sorted_by_sql) == (not sqlite or odd), sorted_by_sql

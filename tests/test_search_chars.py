"""One-character searches of a large register on SQLite: the search index's summary of each row (a bit
for each ASCII letter and digit its searched text holds) finds exactly what LIKE over every row finds —
any case, digits in numbers and dates, non-ASCII and punctuation (searched by LIKE as before) — and
its triggers keep it current whatever writes: the office, an import, another program's plain SQL."""

import string
from datetime import date

import pytest
from sqlalchemy import text
from test_search_index import RISKS, filled

from pmo_desktop.models import records, search_index, windows
from pmo_desktop.models.windows import Window

CHARS = list(string.ascii_lowercase + string.digits) + list("ABCZ-_%/.: \"'ßµωkİ") + ["\u212a", "é", "ç"]


@pytest.fixture
def office(sqlite_store, monkeypatch):
    office = filled(sqlite_store, monkeypatch)
    ctx = office.read(records.load_context)
    office.write(lambda s: [records.create_record(s, RISKS, values, ctx) for values in (
        {"title": "QUIET Jolt", "notes": "Straße µω"}, {"title": "İzmir \u212aelvin", "cause": "é"},
        {"title": "x", "probability": 4, "impact": 5, "raised_on": date(2031, 9, 8)},
        {"title": "Ends in 9", "proximity": date(2027, 7, 7), "reviewed_on": date(2026, 2, 3)},
        {"title": "v%_/", "effect": "Çà", "trigger": "zz top", "escalation_reason": "wait"})])
    return office


def search(office, queries, summary: bool, monkeypatch) -> dict[str, list[int]]:
    """Each query's ids, with the summary or by LIKE over every row (``usable`` says no for one character)."""
    ctx = office.read(records.load_context)
    usable = search_index.usable
    with monkeypatch.context() as m:
        if not summary:
            m.setattr(search_index, "usable", lambda s, reg, t: len(t) > 1 and usable(s, reg, t))
        return {q: office.read(windows.fetch_ids, RISKS, Window(search=q), ctx).tolist() for q in queries}


def summary_rows(office) -> dict[int, int]:
    return office.read(lambda s: dict(s.execute(text("SELECT id, chars FROM risk_search_chars")).all()))


def test_one_character_finds_with_the_summary_what_like_finds(office, monkeypatch):
    like = search(office, CHARS, False, monkeypatch)
    assert office.write(search_index.ensure, RISKS)[0]
    assert office.read(search_index.usable, RISKS, "x") and office.read(search_index.usable, RISKS, "7")
    assert not office.read(search_index.usable, RISKS, "ß") and not office.read(search_index.usable, RISKS, "-")
    assert search(office, CHARS, True, monkeypatch) == like
    titles = office.read(lambda s: dict(s.execute(text("SELECT title, id FROM risk")).all()))
    assert like["x"] == [titles["x"]] and titles["QUIET Jolt"] in like["q"]
    assert titles["İzmir \u212aelvin"] not in like["k"]  # LIKE folds ASCII only: the Kelvin sign is not "k"
    assert like["3"] and like["9"] and like["ω"]


def test_the_summary_is_the_search_s_own_test_of_each_row(office):
    """The build (in Python) and the triggers (SQL, run by any program writing the file) give each row
    the bits of exactly the characters LIKE finds in it."""
    office.write(search_index.ensure, RISKS)
    built = summary_rows(office)
    assert len(built) == office.read(windows.count, RISKS)
    like_bits = {}
    with office.store.engine.connect() as conn:
        textual, other = search_index._text_and_other_columns(RISKS)
        for c, bit in search_index.CHAR_BITS.items():
            cols = textual + (other if c.isdigit() else [])
            test = " OR ".join(f'CAST("{col}" AS TEXT) LIKE :p' for col in cols)
            for rid in conn.execute(text(f"SELECT id FROM risk WHERE {test}"), {"p": f"%{c}%"}).scalars():
                like_bits[rid] = like_bits.get(rid, 0) | bit
    assert built == {rid: like_bits.get(rid, 0) for rid in built}
    with office.store.engine.begin() as conn:  # every row written again through the triggers' SQL
        conn.execute(text("UPDATE risk SET title = title || ''"))
    assert summary_rows(office) == built


def test_the_summary_follows_every_write(office, sqlite_store, monkeypatch):
    office.write(search_index.ensure, RISKS)
    ctx = office.read(records.load_context)
    first = office.read(windows.fetch_ids, RISKS, Window(search="supplier")).tolist()[0]
    office.write(records.update_record, RISKS, first, {"title": "Quarry", "notes": "jJ"})
    new = office.write(lambda s: records.create_record(s, RISKS, {"title": "Wx", "raised_on": date(2028, 8, 8)}, ctx).id)[0]
    with sqlite_store.engine.begin() as conn:  # another program writing plain SQL on the file
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(risk)")) if r[1] != "id"]
        copied = {"code": "'R-9'", "title": "'Yak'", "probability": "'p4'", "notes": "''", "cause": "''"}
        conn.execute(text(f"INSERT INTO risk ({', '.join(cols)}) SELECT {', '.join(copied.get(c, c) for c in cols)} "
                          "FROM risk WHERE id = :i"), {"i": new})
        conn.execute(text("UPDATE risk SET cause = 'Fog' WHERE id = :i"), {"i": new})
        conn.execute(text("UPDATE risk SET id = 9999 WHERE title = 'Yak'"))
    office.write(records.delete_records, RISKS, [first])
    assert set(summary_rows(office)) == set(office.read(lambda s: s.execute(text("SELECT id FROM risk")).scalars().all()))
    assert search(office, CHARS, True, monkeypatch) == search(office, CHARS, False, monkeypatch)
    found = search(office, ["q", "w", "y", "f", "8", "4"], True, monkeypatch)
    assert first not in found["q"] and new in found["w"] and 9999 in found["y"] and new in found["f"]
    assert new in found["8"] and 9999 in found["4"]  # a date's digits; a text in a number column, as LIKE reads it


def test_an_index_built_before_the_summary_gets_it_at_the_next_ensure(office, monkeypatch):
    office.write(search_index.ensure, RISKS)
    with office.store.engine.begin() as conn:
        search_index._drop_chars(conn, "risk_search")
    assert office.read(search_index.has_index, RISKS) and not office.read(search_index.usable, RISKS, "x")
    like = search(office, CHARS, False, monkeypatch)
    assert search(office, CHARS, True, monkeypatch) == like  # LIKE alone meanwhile
    assert office.write(search_index.ensure, RISKS)[0]
    assert office.read(search_index.usable, RISKS, "x") and search(office, CHARS, True, monkeypatch) == like


def test_every_word_of_one_character_each_and_sorted(office, monkeypatch):
    """Several words that are found apart (``every_word``): each one-character word joins its own summary;
    and a one-character search sorted by a reference, a computed date, a text."""
    office.write(search_index.ensure, RISKS)
    ctx = office.read(records.load_context)
    windows_ = [Window(search=q) for q in ("q j", "x 4", "z w 9", "é x")] + [
        Window(search=q, sort_field=f, descending=d) for q in ("e", "7", "x") for f, d in (
            ("owner", False), ("project", True), ("next_review", False), ("title", True))]

    def found():
        return [office.read(windows.fetch_ids, RISKS, w, ctx).tolist() for w in windows_]

    with_summary = found()
    monkeypatch.setattr(search_index, "has_chars", lambda s, reg: False)
    assert with_summary == found()
    assert with_summary[0] and all(with_summary[4:])
    assert with_summary[4] != sorted(with_summary[4])  # sorted by owner, not by id


def test_first_rows_of_one_character_are_the_beginning_of_every_row(office):
    """``first_ids`` of one character: its first rows alone walk the summary (``_fetch_ids``), joined to
    the register's other terms, filters and sorts otherwise; each the beginning of ``fetch_ids``."""
    office.write(search_index.ensure, RISKS)
    ctx = office.read(records.load_context)
    for window in [Window(search=c) for c in CHARS] + [
            Window(search="x", sort_field="title"), Window(search="q", column_filters={"status": frozenset({"Open"})}),
            Window(search="e", sort_field="title", descending=True)]:
        every = office.read(windows.fetch_ids, RISKS, window, ctx).tolist()
        for limit in (1, 3, len(every) + 1):
            first, _, complete = office.read(windows.first_ids, RISKS, window, limit, ctx)
            assert (first.tolist(), complete) == (every[:limit], len(every) < limit), (window, limit)


@pytest.fixture
def pg_office(pg_store_url, monkeypatch):
    """The same records on PostgreSQL (``search_chars`` as there: the text columns alone)."""
    from pmo_desktop.models.store import Store

    store = Store.open(pg_store_url)
    office = filled(store, monkeypatch)
    ctx = office.read(records.load_context)
    office.write(lambda s: [records.create_record(s, RISKS, values, ctx) for values in (
        {"title": "QUIET Jolt", "notes": "Straße µω"}, {"title": "İzmir \u212aelvin", "cause": "é"},
        {"title": "x", "probability": 4, "impact": 5, "raised_on": date(2031, 9, 8)},
        {"title": "v%_/", "effect": "Çà", "trigger": "zz top", "escalation_reason": "wait"})])
    yield office
    store.close()


def pg_summary_is_ilike(office) -> dict[int, int]:
    """Each row's bits as the search's own ILIKE of each text column finds the characters in it."""
    bits: dict[int, int] = {}
    with office.store.engine.connect() as conn:
        cols = search_index._pg_columns(RISKS)
        for c, bit in search_index.CHAR_BITS.items():
            test = " OR ".join(f'"{col}" ILIKE :p' for col in cols)
            for rid in conn.execute(text(f"SELECT id FROM risk WHERE {test}"), {"p": f"%{c}%"}).scalars():
                bits[rid] = bits.get(rid, 0) | bit
    return bits


@pytest.mark.postgres
def test_postgresql_one_character_reads_the_summary_and_finds_what_ilike_finds(pg_office, monkeypatch):
    """PostgreSQL gets the summary too (pg_trgm cannot look up one character): built with the trigram
    index, kept by its trigger whatever writes, each row's bits those ILIKE finds; a search of one ASCII
    letter or digit finds with it exactly what ILIKE over every row finds, its first rows the beginning."""
    office = pg_office
    like = search(office, CHARS, False, monkeypatch)
    assert office.write(search_index.ensure, RISKS)[0]
    assert office.read(search_index.is_complete, RISKS)
    assert office.read(search_index.usable, RISKS, "x") and office.read(search_index.usable, RISKS, "7")
    assert not office.read(search_index.usable, RISKS, "ß")
    built, ilike = summary_rows(office), pg_summary_is_ilike(office)
    assert len(built) == office.read(windows.count, RISKS) and built == {rid: ilike.get(rid, 0) for rid in built}
    assert search(office, CHARS, True, monkeypatch) == like
    titles = office.read(lambda s: dict(s.execute(text("SELECT title, id FROM risk")).all()))
    assert like["x"] == [titles["x"]]
    with office.store.engine.begin() as conn:  # another program's plain SQL: the trigger keeps it
        conn.execute(text("UPDATE risk SET title = 'Quarry' WHERE title = 'x'"))
        cols = list(conn.execute(text("SELECT column_name FROM information_schema.columns WHERE table_name = 'risk' "
                                      "AND column_name <> 'id' ORDER BY ordinal_position")).scalars())
        copied = {"code": "'R-X'", "title": "'Xylophone'"}
        conn.execute(text(f"INSERT INTO risk ({', '.join(cols)}) SELECT {', '.join(copied.get(c, c) for c in cols)} "
                          "FROM risk WHERE title = 'Quarry'"))
        conn.execute(text("UPDATE risk SET id = 99999 WHERE code = 'R-X'"))
        conn.execute(text("DELETE FROM risk WHERE title = 'QUIET Jolt'"))
    rows = summary_rows(office)
    assert set(rows) == set(office.read(lambda s: s.execute(text("SELECT id FROM risk")).scalars().all()))
    assert rows == {rid: pg_summary_is_ilike(office).get(rid, 0) for rid in rows}
    assert search(office, CHARS, True, monkeypatch) == search(office, CHARS, False, monkeypatch)
    assert search(office, ["x"], True, monkeypatch)["x"] == [99999]
    ctx = office.read(records.load_context)
    for window in [Window(search=c) for c in "xqj7e"]:
        every = office.read(windows.fetch_ids, RISKS, window, ctx).tolist()
        first, _, complete = office.read(windows.first_ids, RISKS, window, 3, ctx)
        assert (first.tolist(), complete) == (every[:3], len(every) < 3), window


def listing_of(office, window, monkeypatch, lacking_at_most: int) -> tuple[list[int], list[str]]:
    """``fetch_ids`` of the window with ``LACKING_AT_MOST`` as given, and the statements it ran."""
    from sqlalchemy import event

    ctx = office.read(records.load_context)
    ran: list[str] = []

    def seen(conn, cursor, statement, *args):
        ran.append(statement)

    monkeypatch.setattr(windows, "LACKING_AT_MOST", lacking_at_most, raising=False)
    event.listen(office.store.engine, "before_cursor_execute", seen)
    try:
        return office.read(windows.fetch_ids, RISKS, window, ctx).tolist(), ran
    finally:
        event.remove(office.store.engine, "before_cursor_execute", seen)


def per_row_tests(ran: list[str]) -> list[str]:
    """The statements that tested the search on the register's rows other than a few named by id: those
    joining the summary to the register, or testing a name, a date or LIKE, with no list of ids."""
    return [s for s in ran if "risk" in s and ("search_chars_" in s or "owner_id IN" in s or "LIKE" in s)
            and "risk.id IN (?" not in s and "risk.id IN (%(" not in s]


def all_but_few(office, monkeypatch):
    office.write(search_index.ensure, RISKS)
    windows_ = [Window(search=c) for c in CHARS] + [
        Window(search="e", column_filters={"status": frozenset({"Open"})}), Window(search="s", sort_field="title")]
    usual = [listing_of(office, w, monkeypatch, -1)[0] for w in windows_]
    assert [listing_of(office, w, monkeypatch, 3)[0] for w in windows_] == usual
    assert usual[CHARS.index("e")] and usual[CHARS.index("x")]
    ids, ran = listing_of(office, Window(search="e"), monkeypatch, 3)
    assert per_row_tests(listing_of(office, Window(search="e"), monkeypatch, -1)[1])  # the usual listing does
    assert not per_row_tests(ran)  # all but the rows lacking "e": none tested row by row
    office.write(records.delete_records, RISKS, [ids[1], ids[5]])  # ids with gaps: read, not made from a run
    assert listing_of(office, Window(search="e"), monkeypatch, 3)[0] == listing_of(office, Window(search="e"),
                                                                                    monkeypatch, -1)[0]


def test_a_character_all_but_a_few_rows_hold_lists_every_id_but_those_it_fails(office, monkeypatch):
    """"e" in a register written in English: the rows lacking it (a few, from the summary) are the only
    ones the search tests; the rest are every id (made from their run when nothing was deleted) — the
    same ids as the search over every row, with a column filter, sorted (listed as usual), after a
    deletion."""
    all_but_few(office, monkeypatch)


@pytest.mark.postgres
def test_postgresql_a_character_all_but_a_few_rows_hold_lists_every_id_but_those_it_fails(pg_office, monkeypatch):
    all_but_few(pg_office, monkeypatch)


def most_but_many_lack(office, monkeypatch):
    """"7" held by most rows, while more rows lack it than ``LACKING_AT_MOST`` (3 here): the rows the search
    fails are listed (its condition turned round, a NULL failing as in the search) and taken from every
    id — the same ids as the usual listing, before and after a deletion leaves gaps in the ids."""
    office.write(search_index.ensure, RISKS)
    ctx = office.read(records.load_context)
    office.write(lambda s: [records.create_record(s, RISKS, {"title": f"Item 7.{i}", "probability": None}, ctx)
                            for i in range(60)])

    def usual(window):
        with monkeypatch.context() as m:
            m.setattr(windows, "_all_but_failing", lambda *args: None, raising=False)
            return listing_of(office, window, monkeypatch, 3)[0]

    for text_ in ("7", "1", "x", "e"):
        expected = usual(Window(search=text_))
        ids, ran = listing_of(office, Window(search=text_), monkeypatch, 3)
        assert ids == expected, text_
        turned = [s for s in ran if "WHERE NOT coalesce(" in s]
        assert bool(turned) == (text_ == "7"), text_  # "1", "x", "e": most rows lack it, or a few
    assert usual(Window(search="7"))
    seven = usual(Window(search="7"))
    office.write(records.delete_records, RISKS, [seven[0], seven[-1], seven[len(seven) // 2]])
    assert listing_of(office, Window(search="7"), monkeypatch, 3)[0] == usual(Window(search="7"))


@pytest.mark.postgres
def test_postgresql_a_character_most_rows_hold_lists_every_id_but_those_it_fails(pg_office, monkeypatch):
    most_but_many_lack(pg_office, monkeypatch)


@pytest.mark.postgres
def test_postgresql_a_text_with_no_letter_is_searched_by_like_and_finds_what_ilike_finds(pg_office, monkeypatch):
    """A text with no letter ("7", "2026-0", "100%", " 1"): LIKE finds exactly what ILIKE finds — lowering
    changes letters only, none to an ASCII digit, space or mark — and spares a lower() of every cell; a text
    with a letter keeps ILIKE ("x7", and "ß", "k" against the Kelvin sign, "i" against "İ")."""
    office = pg_office
    ctx = office.read(records.load_context)
    office.write(lambda s: [records.create_record(s, RISKS, values, ctx) for values in (
        {"title": "İzmir 7 \u212aelvin", "cause": "STRASSE 2026-07"}, {"title": "X7 ß 100% /1"})])
    queries = ["7", "2026-0", "100%", " 1", "/1", "-", "x7", "ß", "k", "i", "strasse"]
    with monkeypatch.context() as m:
        m.setattr(search_index, "case_free", lambda t: False, raising=False)
        ilike = search(office, queries, True, monkeypatch)
    ran: list[str] = []

    def seen(conn, cursor, statement, *args):
        ran.append(statement)

    from sqlalchemy import event

    event.listen(office.store.engine, "before_cursor_execute", seen)
    try:
        for q in queries:
            ran.clear()
            assert office.read(windows.fetch_ids, RISKS, Window(search=q), ctx).tolist() == ilike[q], q
            assert any("ILIKE" in s for s in ran) == (q in ("x7", "ß", "k", "i", "strasse")), q
    finally:
        event.remove(office.store.engine, "before_cursor_execute", seen)
    assert ilike["7"] and ilike["2026-0"] and ilike["100%"] and ilike["k"] and ilike["i"]

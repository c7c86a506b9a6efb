"""Round speed67 (issue 16): an ordinary row's looks at its ID, title and first cell decided once a column.

The one-step plan of an ordinary row (``row_planner._plan_ordinary``) asked of every row whether its ID marks the
template's worked example, whether its title is one or says nothing, and whether its first cell is a total: a key,
a pattern and a title's words a row, though a register's IDs and titles are all different. The columns of the rows
held are now asked once (``column_looks``); a row is looked at as before only where its column may hold one."""

from __future__ import annotations

import random
import re
from typing import Any

from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel import column_looks, row_planner
from pmo_desktop.excel.vocabulary import keys_of, value_words, word_key, words_of, words_of_all

HEADER = ["Risk ID", "Risk title", "Category", "Owner", "Likelihood", "Impact", "Status"]


def _risks(n: int) -> list[list[Any]]:
    return [[f"R-{i:03d}", f"Supplier {i} may deliver late (strategy {i % 4})", "Technical", f"Owner {i % 7}",
             1 + i % 5, 1 + i * 3 % 5, ["Open", "Closed"][i % 3 == 0]] for i in range(1, n + 1)]


def _counted(monkeypatch: Any) -> dict[str, int]:
    """The per-row looks, counted as the planner calls them (each still does its work)."""
    calls = {"_example": 0, "_example_title": 0}
    for name in calls:
        real = getattr(row_planner, name)

        def counting(*a: Any, real: Any = real, name: str = name) -> Any:
            calls[name] += 1
            return real(*a)
        monkeypatch.setattr(row_planner, name, counting)
    return calls


def test_a_register_s_ids_and_titles_are_looked_at_once(sqlite_store, tmp_path, monkeypatch):
    """300 risks, every ID and title different: all imported as before, and no row's ID or title asked whether it
    is the template's example (main: 300 IDs and 299 titles, one a row)."""
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [HEADER, *_risks(300)]})
    calls = _counted(monkeypatch)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 300
    assert got["Supplier 3 may deliver late (strategy 3)"]["status"] == "Closed"
    assert calls["_example"] <= 2 and calls["_example_title"] <= 2, calls


def test_a_column_holding_one_is_looked_at_row_by_row(sqlite_store, tmp_path, monkeypatch):
    """An example's title, a title saying nothing and a total among 300 risks: each still left out as before (the
    title column looked at row by row, since it holds them), while the IDs, none an example, are asked once."""
    rows = _risks(300)
    rows[149][1] = "Example risk"
    rows[199][1] = "None"
    rows.append(["Total", "300 risks", None, None, 1, 1, None])
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [HEADER, *rows]})
    calls = _counted(monkeypatch)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 298
    assert "Example risk" not in got and "None" not in got and "300 risks" not in got
    assert calls["_example_title"] >= 290  # the titles' column holds an example: each row asked
    assert calls["_example"] <= 6, calls   # the IDs' column holds none ("Total" is no example's ID)


_PIECES = ["R-", "001", "Example", "eg", "beg", "Sample", "None", "n/a", "Total", "total", "Sub-total", "sum", "Ejemplo",
           "beispiel", "Owner(s)", "Exampl(e)s", "—", ":", " replace with your own", " ", "\n", "\t", "(", ")", "[", "é",
           "Riesgo", "de", "risk", "Risk", "issue", "Gesamt", "  ", "x", "7", "ı", "例", "Grand total", "nothing"]


def _texts(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 4))) for _ in range(n)]


def test_a_column_said_free_holds_none_on_random_texts():
    """On 3,000 random columns of example, sample, nothing and total words among IDs, brackets, dashes, line breaks
    and letters of other alphabets: a column said to hold no example ID, example title, nothing-word or total holds
    none that the row's own look finds; and the keys and words made together are each text's own."""
    rng = random.Random(67)
    nothing = value_words("nothing").keys()
    said = {"ids": 0, "titles": 0, "totals": 0}
    for _ in range(3000):
        texts = _texts(rng, rng.randint(1, 6))
        assert keys_of(texts) == [word_key(t) for t in texts]
        assert words_of_all(texts) >= {w for t in texts for w in words_of(t)}
        if column_looks.no_example_ids(texts):
            said["ids"] += 1
            assert not any(row_planner._example(t) for t in texts), texts
        if column_looks.no_example_titles(texts, nothing):
            said["titles"] += 1
            assert not any(row_planner._example_title(t, "risks") or word_key(t) in nothing for t in texts), texts
        cells: list[Any] = [*texts, 3, 2.5]
        if column_looks.no_totals(cells, row_planner._TOTAL_RE):
            said["totals"] += 1
            assert not any(re.match(row_planner._TOTAL_RE, str(x).strip()) for x in cells), texts
    assert min(said.values()) > 100, said  # each said of many columns: the test tries both answers


def test_a_register_s_titles_are_keyed_together(sqlite_store, tmp_path, monkeypatch):
    """300 risks: no title keyed one at a time by the planner (main: 908 — the nothing-word look, then the merge of
    rows named on two sheets, twice), each keyed once with the others (``keys_of``); every risk as before."""
    rows = _risks(300)
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [HEADER, *rows]})
    titles = {r[1] for r in rows}
    keyed = [0]
    real = row_planner.word_key

    def counting(text: Any) -> str:
        keyed[0] += text in titles
        return real(text)
    monkeypatch.setattr(row_planner, "word_key", counting)
    import_all(sqlite_store, path)
    assert len(named(sqlite_store, "risks")) == 300
    assert keyed[0] <= 12, keyed  # the first rows, planned the full way

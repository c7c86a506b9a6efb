"""Round speed67 (issue 16): the names of a sheet's new rows keyed together, once, for the merge across sheets.

``Planner._merge_named`` (one record for a name listed on two sheets of a workbook) keyed every new row's name
with ``word_key``, twice: a register's titles are all different, so each missed the key cache. The names are
now keyed together (``vocabulary.keys_of``: the ASCII ones by one translation of their bytes joined at NULs)."""

from __future__ import annotations

import random
from typing import Any

from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel import row_planner
from pmo_desktop.excel.vocabulary import keys_of, word_key

HEADER = ["Risk ID", "Risk title", "Category", "Owner", "Likelihood", "Impact", "Status"]


def _risks(n: int) -> list[list[Any]]:
    return [[f"R-{i:03d}", f"Supplier {i} may deliver late (strategy {i % 4})", "Technical", f"Owner {i % 7}",
             1 + i % 5, 1 + i * 3 % 5, ["Open", "Closed"][i % 3 == 0]] for i in range(1, n + 1)]


def test_a_register_s_titles_are_keyed_together(sqlite_store, tmp_path, monkeypatch):
    """300 risks: the merge of rows named on two sheets keys no title one at a time (main: 908 titles keyed by the
    planner — the nothing-word look once a row, then the merge twice a row; now the look's 300 and a few rows
    planned the full way); every risk as before."""
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
    assert keyed[0] <= 312, keyed


_PIECES = ["R-", "001", "Example", "None", "n/a", "Total", "Sub-total", "Owner(s)", "—", ":", " ", "\n", "\t", "(",
           "[", "é", "Riesgo", "risk", "  ", "x", "7", "ı", "例", "\0", "İ", "ß"]


def test_names_keyed_together_are_each_keyed_alone():
    """On 3,000 random lists of texts (IDs, punctuation, line breaks, NULs, other alphabets): the keys made
    together are each text's ``word_key``, in order."""
    rng = random.Random(67)
    for _ in range(3000):
        texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 6))]
        assert keys_of(texts) == [word_key(t) for t in texts], texts

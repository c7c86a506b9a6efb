"""``excel/rtl_text`` reads each character's level from python-bidi's Rust algorithm's debug report, which is no API:
should a later python-bidi word it otherwise, the board pack still orders right-to-left text (by the package's
pure-Python algorithm, brackets unpaired) instead of failing to be written."""

from __future__ import annotations

import pytest

from pmo_desktop.excel import rtl_text

TEXTS = ["עיכוב באספקה של הספק", "R-001 עיכוב באספקה", "تأخير المورد 3 أسابيع", "מחיר (ש״ח) 120"]


@pytest.mark.parametrize("text", TEXTS)
def test_a_report_that_reads_otherwise_falls_back_to_the_pure_python_order(monkeypatch, text):
    read_from_the_report = rtl_text.visual(text)
    assert read_from_the_report != text
    monkeypatch.setattr(rtl_text, "_resolved", lambda line, **_kwargs: "a report of another form")
    assert rtl_text.visual(text) == read_from_the_report

"""Risk review cadence: the next review follows the rating (per office), a review-overdue quick filter on
the Risks page, and a line in both board packs."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import clock, errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_review import ReviewCadence
from pmo_desktop.models.settings import REVIEW_CADENCE
from pmo_desktop.models.summary import summarize

RISKS = REGISTERS["risks"]
TODAY = date(2027, 3, 1)


def add_risks(store):
    with store.transaction() as s:
        ids = [records.create_record(s, RISKS, values).id for values in (
            # Critical (5 × 5): every 14 days from its last review → 15 Feb, overdue on 1 March.
            {"title": "Vendor insolvent", "probability": 5, "impact": 5, "raised_on": date(2026, 12, 1),
             "reviewed_on": date(2027, 2, 1)},
            # Low (1 × 1): every 90 days from when it was raised → 2 March, not yet due.
            {"title": "Minor", "probability": 1, "impact": 1, "raised_on": date(2026, 12, 2)},
            # Closed: no review.
            {"title": "Gone", "probability": 5, "impact": 5, "raised_on": date(2026, 1, 1), "status": "Closed"},
        )]
    return ids


def test_next_review_follows_the_rating_and_the_offices_cadence(store):
    ids = add_risks(store)
    with store.session() as s:
        ctx = records.load_context(s, TODAY)
        rows = [records.record_values(s, RISKS, rid, ctx) for rid in ids]
    assert [(r["next_review"], r["review_overdue"]) for r in rows] == [
        (date(2027, 2, 15), "Overdue"), (date(2027, 3, 2), ""), (None, "")]
    # Residual scores, once given, set the pace: reduced to Low, the first risk is next due on 2 May.
    with store.transaction() as s:
        records.update_record(s, RISKS, ids[0], {"residual_probability": 1, "residual_impact": 1})
        REVIEW_CADENCE.write(s, ReviewCadence((("Low", 30),), other=60))
    with store.session() as s:
        ctx = records.load_context(s, TODAY)
        assert records.record_values(s, RISKS, ids[0], ctx)["next_review"] == date(2027, 3, 3)
        assert records.record_values(s, RISKS, ids[1], ctx)["review_overdue"] == "Overdue"  # 1 Jan + 30 days
        assert summarize(s, today=TODAY)["risks"]["review_overdue"] == 1
    with pytest.raises(errors.ValidationError, match="1 to 366"), store.transaction() as s:
        REVIEW_CADENCE.write(s, ReviewCadence((("Low", 0),)))


def test_board_packs_say_how_many_reviews_are_overdue(sqlite_store, tmp_path):
    add_risks(sqlite_store)
    ws = load_workbook(write_board_pack(sqlite_store, tmp_path / "pack.xlsx", today=TODAY))["Summary"]
    assert "1 past their review date" in ws["A5"].value
    pdf = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf", today=TODAY)
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Risks past their review date: 1" in text


def test_review_overdue_quick_filter(qtbot, document):
    from pmo_desktop.views.risks.page import RisksPage

    add_risks(document.store)
    with clock.frozen(TODAY):
        page = RisksPage(document)
        qtbot.addWidget(page)
        view = page.register_view
        assert view.proxy.rowCount() == 3
        page.filters.choose("review", "Overdue")
        assert [view.model.record(view.proxy.mapToSource(view.proxy.index(r, 0)).row())["title"]
                for r in range(view.proxy.rowCount())] == ["Vendor insolvent"]
        page.filters.choose("review", None)
        assert view.proxy.rowCount() == 3

"""Issue 12, "never silently change their data": an import changed a value without a word. A workbook's
"tomorrow" was read against today's date, an old workbook's day moved to a wrong one; status words no choice of
the list tells apart ("Watch list", "Live", "Dormant") became Open, kept in the notes unsaid, and words read by a
part of them ("Urgent-ish" as Critical) were not said either; every risk's notes repeated "Status: Open". Each
workbook is written by the test."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from focused_keys import press
from imported import import_all, named
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models import values as v
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.exchange.actions import open_import_dialog

ALT = Qt.KeyboardModifier.AltModifier


def _book(path, headers, rows, title="Risks"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _risks(path, rows):
    return _book(path, ["ID", "Title", "Status", "Probability", "Impact", "Raised"], rows)


def test_a_day_counted_from_the_writing_is_no_date_in_an_imported_workbook(store, tmp_path):
    """"tomorrow" under "Raised" was stored as today's tomorrow (an old workbook's day moved without a word);
    "next week" was refused as any non-date. Neither is a date: each is said with the reason and listed to
    translate; since left45 the row comes in with the date empty and the word kept in its notes (it was
    refused, all else it said left out), and a real date beside them is read as before."""
    book = _risks(tmp_path / "old.xlsx", [
        ["R-1", "Supplier late", "Open", 4, 3, "tomorrow"],
        ["R-2", "Crane hire", "Open", 2, 2, "2026-03-02"],
        ["R-3", "Budget cut", "Open", 3, 4, "Yesterday"],
        ["R-4", "Vendor lock in", "Closed", 3, 4, "2026-04-01"],
        ["R-5", "Strike", "Open", 3, 4, "next week"],
        ["R-6", "Permit refused", "Open", 3, 4, "2026-04-02"],
        ["R-7", "Data loss", "Open", 3, 4, "2026-04-03"],
        ["R-8", "Key person leaves", "Open", 3, 4, "2026-04-04"],
    ])
    plan = import_all(store, book)
    reasons = {r.code: r.reason for r in plan.reports}
    for code, word in (("R-1", "tomorrow"), ("R-3", "Yesterday"), ("R-5", "next week")):
        assert f"“{word}” is not a date here: it counts from the day it was written, which the workbook does " \
            "not give" in reasons[code]
    assert set(plan.unplaced[("risks", "raised_on")]) == {"tomorrow", "Yesterday", "next week"}
    risks = named(store, "risks")
    assert sorted(risks) == ["Budget cut", "Crane hire", "Data loss", "Key person leaves", "Permit refused",
                             "Strike", "Supplier late", "Vendor lock in"]
    assert (risks["Supplier late"]["raised_on"], risks["Supplier late"]["notes"]) == (None, "Raised: tomorrow")
    assert risks["Crane hire"]["raised_on"] == date(2026, 3, 2)
    assert all(r["raised_on"] not in (date.today() + timedelta(days=1), date.today() - timedelta(days=1))
               for r in risks.values())
    # the rule is the import's alone: typed in the office, "tomorrow" counts from the user's today
    assert v.parse_date("tomorrow", "Due", today=date(2026, 12, 5)) == date(2026, 12, 6)


def test_an_action_due_tomorrow_is_kept_in_the_notes_not_dated_from_today(store, tmp_path):
    """A response action's due date "tomorrow" was dated from today; it is kept in the notes as written."""
    book = _book(tmp_path / "actions.xlsx",
                 ["ID", "Title", "Status", "Probability", "Impact", "Mitigation", "Action owner", "Action due date"], [
                     ["R-1", "Supplier late", "Open", 4, 3, "Find a second supplier", "Ann", "tomorrow"],
                     ["R-2", "Crane hire", "Open", 2, 2, "Book the crane early", "Bob", "2026-03-02"],
                 ])
    import_all(store, book)
    with store.session() as s:
        actions = [dict(zip(["id", "version", *REGISTERS["risk_actions"].field_names], row))
                   for row in records.fetch_rows(s, REGISTERS["risk_actions"])]
    tomorrow = date.today() + timedelta(days=1)
    assert actions and all(tomorrow not in a.values() for a in actions), actions
    assert "Action due date: tomorrow" in (named(store, "risks")["Supplier late"]["notes"] or "")


def test_status_words_read_as_another_choice_are_said_and_only_they_noted(store, tmp_path):
    """"Watch list", "Live" and "Dormant" became Open, kept in the notes, the preview silent; every risk's notes
    said "Status: Open" and "Status: Closed", repeating its status. The preview names each word with what it
    became; a note keeps only the words the status does not hold."""
    book = _risks(tmp_path / "words.xlsx", [
        ["R-1", "Supplier late", "Open", 4, 3, "2026-03-01"],
        ["R-2", "Crane hire", "Watch list", 2, 2, "2026-03-02"],
        ["R-3", "Budget cut", "Live", 3, 4, "2026-03-03"],
        ["R-4", "Vendor lock in", "Dormant", 3, 4, "2026-03-04"],
        ["R-5", "Strike", "closed", 3, 4, "2026-03-05"],
    ])
    plan = import_all(store, book)
    note = plan.sheets[0].note
    assert "“Dormant” (1 row), “Live” (1 row) read as Open (the word kept in the notes)" in note, note
    assert "“Watch list” read as Open" in note, note
    risks = named(store, "risks")
    assert risks["Supplier late"]["status"] == "Open" and not risks["Supplier late"]["notes"]
    assert risks["Strike"]["status"] == "Closed" and not risks["Strike"]["notes"]
    assert risks["Budget cut"]["notes"] == "Status: Live"
    assert risks["Vendor lock in"]["notes"] == "Status: Dormant"


def test_a_word_read_by_a_part_of_it_is_said(store, tmp_path):
    """"Urgent-ish" was read as Critical by its first word, and "Highish" as High by its start, without a
    word: a guess the user must see to translate."""
    book = _book(tmp_path / "issues.xlsx", ["ID", "Title", "Status", "Priority"], [
        ["I-1", "Server down", "Open", "Urgent-ish"],
        ["I-2", "Printer jam", "Open", "Highish"],
        ["I-3", "Login slow", "Open", "High"],
    ], title="Issues")
    plan = plan_workbook_import(store, book, create_missing=True)
    note = plan.sheets[0].note
    assert "“Urgent-ish” read as Critical" in note and "“Highish” read as High" in note, note
    assert "“High”" not in note


def _open(window, qtbot, path):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = open_import_dialog(window, window.document, str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.isActiveWindow(), timeout=60_000)
    return dialog


def test_the_preview_lists_tomorrow_to_translate_and_says_the_status_words(empty_window, qtbot, tmp_path):
    """In File ▸ Import's preview: "tomorrow" is among the values to translate, with its dropdown; the status
    words read as Open are said; a row with a misspelt date ("2026-02-30") is refused, and Alt+V imports the
    other rows — "tomorrow"'s with its date empty and the word kept (left45) — and leaves that one, with its
    reason, in the rows-left-out workbook beside the source."""
    window = empty_window
    book = _risks(tmp_path / "jo.xlsx", [
        ["R-1", "Supplier late", "Open", 4, 3, "tomorrow"],
        ["R-2", "Crane hire", "Watch list", 2, 2, "2026-03-02"],
        ["R-3", "Vendor lock in", "Live", 3, 4, "2026-04-01"],
        ["R-4", "Permit refused", "Open", 3, 4, "2026-02-30"],
    ])
    dialog = _open(window, qtbot, book)
    labels = [dialog.values_table.cellWidget(r, 0).text() for r in range(dialog.values_table.rowCount())]
    assert any("“tomorrow”" in text for text in labels), labels
    assert dialog.values_table.cellWidget(labels.index(next(t for t in labels if "“tomorrow”" in t)), 1) is not None
    said = " ".join(dialog.summary.text().split())
    assert "“Live” read as Open (1 row) (the word kept in the notes)" in said, said
    assert dialog.partial_button.text().replace("&", "") == "Import the 3 valid rows, leave 1"
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    QApplication.processEvents()
    rows = window.document.office.read(lambda s: records.fetch_rows(s, REGISTERS["risks"]))
    assert sorted(str(r[2 + [f.name for f in REGISTERS["risks"].fields].index("title")]) for r in rows) == [
        "Crane hire", "Supplier late", "Vendor lock in"]
    left = openpyxl.load_workbook(tmp_path / "jo - rows left out.xlsx").active
    assert "2026-02-30" in str(left["A2"].value) and left["C2"].value == "Permit refused"

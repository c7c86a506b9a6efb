"""Issue 12, classes66b: miss classes of unseen set 66 as general rules — a legend beside the table (its header
words written again one row lower) taken for the header, a status column written in the legend's symbols, a
stakeholder's mood as the attitude, an Indonesian log of risks met and resolved, a RAID template's list column
and its report saying each row four times. Each test writes a workbook of the shape (never a fetched file) and
failed on the code before (main e9b1c4cd)."""

from __future__ import annotations

from collections import Counter

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_legend_beside_the_table_is_no_header_and_its_symbols_read_the_statuses(sqlite_store, tmp_path):
    """A small tracker's bugs, and past an empty column a legend captioned "… key:" writing the table's header
    words again one row lower, each symbol explained under them. The legend's row won the header search: the
    real header and the first bug were read as the header, the other bugs skipped, and the legend's explanation
    made an issue. The legend heads nothing; the bugs are the records, their statuses read through it."""
    rows = [["Version", "Status", "Bug ID", "Description"],
            ["2.1", "🔴", 1, "Crash when the map is zoomed out fully", None, "Plugin colour key:", "Version",
             "Status", "Bug ID", "Description"],
            ["2.1", "🟢", 2, "Tooltip shows the wrong unit", None, None, "Release the bug was seen in",
             "🔴 The bug was reported and is not looked at yet.", "Number of the bug",
             "What goes wrong"],
            ["2.2", "🔴", 3, "Export drops the last line", None, None, None, "🟢 Bug fixed in the next release."],
            ["2.2", "🟢", 4, "Dark theme loses the borders"],
            ["2.3", "🔴", 5, "Search ignores accents"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "tracker.xlsx", {"Arkusz1": rows}))
    status = {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert status == {"Crash when the map is zoomed out fully": "Open", "Tooltip shows the wrong unit": "Resolved",
                      "Export drops the last line": "Open", "Dark theme loses the borders": "Resolved",
                      "Search ignores accents": "Open"}
    assert "“🟢” as “fixed”" in plan.sheets[0].note  # the preview says how the symbols were read


def test_a_stakeholders_mood_is_the_attitude_and_importance_over_parts_the_role(sqlite_store, tmp_path):
    """A student team's stakeholder list: "Mood" (good, critical, negative, neutral, motivated) is where each
    stands on the project, and "Importance" over Sponsor / Critic the part each plays. The mood was kept in the
    notes and every attitude left empty. An "Importance" of High / Low is no part played: kept as before."""
    rows = [["Stakeholder", "Mood", "Importance", "Expectations"],
            ["Sales staff", "good", "future users", "less paperwork"],
            ["Management", "motivated", "Sponsor", "more contracts"],
            ["Data protection officer", "critical", "Critic", "no sloppy code"],
            ["Works council", "negative", "possible showstopper", "no jobs lost"],
            ["Controlling", "neutral", "", "nice reports"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "stakeholders.xlsx", {"Sheet1": rows}))
    got = {r["name"]: (r["attitude"], r["role"] or None) for r in rows_of(sqlite_store, "stakeholders")}
    assert got == {"Sales staff": ("Supporter", "future users"), "Management": ("Supporter", "Sponsor"),
                   "Data protection officer": ("Critic", "Critic"),
                   "Works council": ("Opponent", "possible showstopper"), "Controlling": ("Neutral", None)}


def test_a_german_climate_column_is_the_attitude_and_rated_importance_no_role(sqlite_store, tmp_path):
    rows = [["Stakeholder", "Klima", "Bedeutung"],
            ["Vertrieb", "gut", "hoch"],
            ["Betriebsrat", "angespannt", "hoch"],
            ["Kunden", "kritisch", "mittel"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "stakeholder.xlsx", {"Tabelle1": rows}))
    got = {r["name"]: (r["attitude"], r["role"] or None) for r in rows_of(sqlite_store, "stakeholders")}
    assert got == {"Vertrieb": ("Supporter", None), "Betriebsrat": ("Critic", None), "Kunden": ("Critic", None)}


def test_an_indonesian_log_of_risks_met_and_resolved(sqlite_store, tmp_path):
    """A library project's risks in Indonesian: "Subjek" names each risk beside its long "Deskripsi", its impact
    written "Ringan" / "Sedang" / "Berat" (light, medium, heavy) and its status "Terselesaikan" (resolved). The
    risks were titled by their descriptions, left Open and unrated."""
    rows = [["No", "Subjek", "Deskripsi", "Dampak", "Status", "PIC"],
            [1, "Pembaca kartu", "Sensor pada pembaca kartu tidak mampu mendeteksi kartu anggota", "Ringan",
             "Terselesaikan", "Sari"],
            [2, "Koneksi nirkabel", "Mesin tidak dapat terhubung ke jaringan sehingga transaksi gagal", "Berat",
             "Belum selesai", "Budi"],
            [3, "Label buku", "Label pada buku baru terbaca sebagai judul yang tidak dikenal", "Sedang",
             "Terselesaikan", "Sari"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risiko.xlsx", {"Lembar1": rows}))
    got = {r["title"]: (r["status"], r["impact"]) for r in rows_of(sqlite_store, "risks")}
    assert got == {"Pembaca kartu": ("Closed", 2), "Koneksi nirkabel": ("Open", 4), "Label buku": ("Closed", 3)}


def test_a_raid_templates_list_column_is_no_data_and_each_row_is_said_once(sqlite_store, tmp_path):
    """An intern's RAID template: past its last column, under no header, the words its drop-downs choose from
    (types, statuses, priorities — most of them no record's yet), and numbered empty rows under the records.
    Each record had a word of the lists in its notes as "Column H", and each register's pass over the sheet
    said the same rows again (another type's rows, the empty rows): every row skipped is said once."""
    rows = [[None, "RAID Category", "Description", "Impact", "Mitigation", "Owner", "Status"],
            [1, "Risk", "Mail server may refuse the login", "High", "Use an app password", "Ana", "Open", "Risk"],
            [2, "Assumption", "Java is installed on every desk", "Medium", "Check before the pilot", "Ana", "Open",
             "Assumption"],
            [3, "Issue", "Links contain spaces", "Medium", "Replace spaces", "Raj", "Closed", "Issue"],
            [4, "Dependency", "Mail library available", "High", "Add it to the build", "Raj", "Open", "Dependency"],
            [5, None, None, None, None, None, None, "Open"],
            [6, None, None, None, None, None, None, "Closed"],
            [7, None, None, None, None, None, None, "Critical"],
            [8, None, None, None, None, None, None, "High"],
            [9, None, None, None, None, None, None, "Moderate"],
            [10, None, None, None, None, None, None, "Low"],
            [11, None, None, None, None, None, None, "Negligible"],
            [12], [13], [14]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"RAID LOG": rows}))
    kept = [r for register in ("risks", "issues", "assumptions", "dependencies") for r in rows_of(sqlite_store, register)]
    assert len(kept) == 4
    assert not any("Column H" in str(value) for r in kept for value in r.values())
    said = Counter(r.row for r in plan.reports if r.sheet == "RAID LOG" and r.action.value == "skip")
    assert max(said.values()) == 1
    assert any("an assumption row of the RAID log, imported into the assumptions log" in r.reason
               for r in plan.reports)

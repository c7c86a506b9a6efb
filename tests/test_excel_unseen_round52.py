"""Classes of problem found on round 52 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_slovak_register_rated_before_and_after_its_measures(sqlite_store, tmp_path):
    """An ISO 27001 risk register kept in Slovak: "Pravdepodobnosť (pred mitigáciou) | Následok (pred
    mitigáciou) | … | Navrhované opatrenia | Pravdepodobnosť (po mitigácii) | Následok (po mitigácii)", rated in
    words ("Vysoká", "Stredná", "Katastrofický"). No words file spoke Slovak: the likelihood after the measures
    was taken for the risk's own (its Czech twin, "pravděpodobnost", keyed alike), the one before kept in the
    notes, the consequence stored as text with no impact, "Stredná" read as nothing and the proposed measures
    left in the notes — every risk rated wrong. Slovak is a words file now (``import_words_sk.json``)."""
    path = write_csv(tmp_path / "rizika.csv", [
        ["ID", "Dotknuté aktíva", "Názov rizika", "Opis rizika", "Pravdepodobnosť (pred mitigáciou)",
         "Následok (pred mitigáciou)", "Úroveň závažnosti rizika (pred mitigáciou)", "Navrhované opatrenia",
         "Pravdepodobnosť (po mitigácii)", "Následok (po mitigácii)", "Úroveň závažnosti rizika (po mitigácii)"],
        ["1", "Server", "Nejasná fyzická bezpečnosť", "Politika si protirečí.", "Vysoká", "Katastrofický",
         "Veľmi vysoké", "Zaviesť auditovateľné bezpečnostné opatrenia.", "Veľmi nízka", "Závažný", "Nízke"],
        ["2", "Router", "Nedostatočná ochrana siete", "Routre nie sú chránené.", "Stredná", "Stredný", "Stredné",
         "Uzamykateľné racky.", "Nízka", "Malý", "Nízke"],
        ["3", "Budovy", "Nezabezpečené sídlo", "Sídlo neexistuje.", "Nízka", "Závažný", "Stredné",
         "Certifikované datacentrum.", "Stredná", "Zanedbateľný", "Nízke"]], delimiter=",")
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert (risks["1"]["probability"], risks["1"]["impact"]) == (4, 5)
    assert (risks["1"]["residual_probability"], risks["1"]["residual_impact"]) == (1, 4)
    assert (risks["2"]["probability"], risks["2"]["impact"]) == (3, 3)
    assert (risks["3"]["residual_probability"], risks["3"]["residual_impact"]) == (3, 1)
    assert risks["2"]["title"] == "Nedostatočná ochrana siete"
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Uzamykateľné racky." in actions


def test_a_worked_example_marked_where_the_first_title_begins_is_no_record(sqlite_store, tmp_path):
    """A Japanese issue-management template (課題管理表): its first row is the worked example, its title opening
    with "例）" ("e.g.") and naming a screen by masking marks ("●●ボタンは必要でしょうか？"); another template's
    first row is nothing but marks ("□□を実現したい", "○○"). The first was imported as an issue (junk); the
    second's header (課題名, 課題詳細, 作成者, 作成日) was not read at all. The first record's title opening with
    an example word set off by a bracket or a colon, or written in masking marks, is the template's example, in
    any language; and the issue log's Japanese words (重要度 the priority, 起票日 raised, 起票者 who raised it,
    回答期限 the answer's due date) are read."""
    path = write_xlsx(tmp_path / "課題管理表.xlsx", {"課題管理表": [
        ["課題管理表"],
        [],
        ["No.", "重要度", "分類", "課題内容", "情報源", "起票日", "起票者", "回答期限", "回答", "ステータス"],
        [1, "中", "画面", "例）●●ボタンは必要でしょうか？", "外部設計書.xlsx", dt.datetime(2023, 7, 1), "近藤",
         dt.datetime(2023, 7, 3), "必要です。", "完了"],
        [2, "高", "帳票", "請求書の様式が未確定", "打合せ", dt.datetime(2023, 7, 5), "佐藤",
         dt.datetime(2023, 7, 10), "", "対応中"]]})
    import_all(sqlite_store, path)
    issues = rows_of(sqlite_store, "issues")
    assert [i["title"] for i in issues] == ["請求書の様式が未確定"]
    assert issues[0]["priority"] == "High" and issues[0]["raised_on"] == dt.date(2023, 7, 5)

    masked = write_xlsx(tmp_path / "課題一覧.xlsx", {"課題一覧": [
        ["課題一覧"],
        [],
        ["No", "課題名", "課題詳細", "作成者", "作成日", "対応詳細", "最終更新者", "完了日"],
        [1, "□□を実現したい", "□□を実現する方法を調査する。", "○○", dt.datetime(2000, 1, 1),
         "○○：□□は△△で対応可能と判明した。", "○○", dt.datetime(2000, 1, 1)],
        [2, "ログイン画面の文言を統一する", "表記ゆれがある", "田中", dt.datetime(2024, 4, 2), "", "田中", None]]})
    import_all(sqlite_store, masked)
    assert "ログイン画面の文言を統一する" in {i["title"] for i in rows_of(sqlite_store, "issues")}
    assert not any("□□" in i["title"] for i in rows_of(sqlite_store, "issues"))

    english = write_csv(tmp_path / "risk_log.csv", [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Owner"],
        ["R-0", "Example: the supplier goes out of business", "High", "High", "Jo Bloggs"],
        ["R-1", "Data centre move slips past the go-live", "Medium", "High", "Ann Lee"]])
    import_all(sqlite_store, english)
    assert set(by_code(sqlite_store, "risks")) == {"R-1"}


def test_an_indonesian_follow_up_plan_and_its_deadline_are_the_risks_action(sqlite_store, tmp_path):
    """An Indonesian ISMS register: "… | Respon Risiko | Rencana Tindak Lanjut Risiko | Deadline Rencana Mitigasi |
    Tingkat Kemungkinan Risiko Residual | …". The follow-up plan (what will be done about the risk) and its
    deadline were kept in the notes: no risk had an action. They are the response plan and its due date (words)."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["Pemilik Risiko", "Risk ID", "Nama Risiko", "Tingkat Kemungkinan", "Tingkat Dampak Risiko",
         "Respon Risiko", "Rencana Tindak Lanjut Risiko", "Deadline Rencana Mitigasi"],
        ["IT Operation", "001", "Server down", 4, 3, "Mitigasi", "Monitoring server secara berkala",
         dt.datetime(2025, 6, 30)],
        ["IT Security", "002", "Karyawan tidak aware keamanan informasi", 3, 3, "Mitigasi",
         "Workshop security awareness rutin", dt.datetime(2025, 9, 30)]]})
    import_all(sqlite_store, path)
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert actions["Monitoring server secara berkala"]["due"] == dt.date(2025, 6, 30)
    assert "Workshop security awareness rutin" in actions

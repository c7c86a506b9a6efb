"""Classes of problem found on round 44 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError


def test_an_arabic_risk_register_is_read(sqlite_store, tmp_path):
    """A regional programme's risk register in Arabic ("risks.csv"): "المنطقة | وصف الخطر | المشروع المتأثر |
    فئة الخطر | الاحتمالية | التأثير | خطة الاستجابة | المسؤول | الحالة | ملاحظات" (region, risk description,
    affected project, risk category, probability, impact, response plan, owner, status, notes), each status
    written after a coloured circle ("🔴 مفتوح", open). No header was a word the import knew, so the file was
    refused whole and its risks lost. Arabic is a language of the word files now: the risks are read with their
    owner, levels, status and plan; the region and the affected project stay in the notes."""
    path = write_csv(tmp_path / "risks.csv", [
        ["المنطقة", "وصف الخطر", "المشروع المتأثر", "فئة الخطر", "الاحتمالية", "التأثير", "خطة الاستجابة",
         "المسؤول", "الحالة", "ملاحظات"],
        ["منطقة الرياض", "تأخر تسليم المعدات من المورد", "المشروع الأول", "لوجستي", "3", "4",
         "التعاقد مع مورد بديل", "مدير المشتريات", "🔴 مفتوح", ""],
        ["منطقة الرياض", "انقطاع الاتصال بالشبكة في المواقع النائية", "المشروع الثاني", "تقني", "2", "3",
         "توفير اتصال احتياطي عبر الأقمار الصناعية", "مدير تقنية المعلومات", "🟡 قيد المعالجة", "موسمي"],
        ["منطقة مكة", "نقص التمويل في الربع الأخير", "المشروع الأول", "مالي", "2", "5",
         "مراجعة الميزانية شهريا", "المدير المالي", "🟢 مغلق", ""]], encoding="utf-8")
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == sorted(["تأخر تسليم المعدات من المورد", "انقطاع الاتصال بالشبكة في المواقع النائية",
                                    "نقص التمويل في الربع الأخير"])
    late = risks["تأخر تسليم المعدات من المورد"]
    assert late["owner"] == "مدير المشتريات" and late["category"] == "لوجستي"
    assert (late["probability"], late["impact"], late["status"]) == (3, 4, "Open")
    assert "منطقة الرياض" in (late["notes"] or "") and "المشروع الأول" in (late["notes"] or "")
    assert risks["نقص التمويل في الربع الأخير"]["status"] == "Closed"
    assert "موسمي" in (risks["انقطاع الاتصال بالشبكة في المواقع النائية"]["notes"] or "")
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "توفير اتصال احتياطي عبر الأقمار الصناعية" in plans


def test_a_decision_log_is_titled_by_what_was_decided_not_by_its_kind(sqlite_store, tmp_path):
    """A delivery team's decision log ("decisions.csv"): "id | project_id | decision_date | decision_type |
    description | decision_owner | status". "decision_type" ("scope_change", "budget_reserve") was read as the
    decision, and what was decided ("description") went to the notes: six decisions titled by their kind. Of
    two columns naming the decision, the one stating it takes the title and the kind is kept in the notes."""
    path = write_csv(tmp_path / "decisions.csv", [
        ["id", "project_id", "decision_date", "decision_type", "description", "decision_owner", "status"],
        ["D-01", "P1", "2026-03-02", "scope_change", "Move the reporting module after the pilot", "Anna Berg",
         "approved"],
        ["D-02", "P1", "2026-03-09", "budget_reserve", "Hold back 10 % of the budget for compliance work",
         "Steering Committee", "pending"],
        ["D-03", "P2", "2026-03-11", "vendor_escalation", "Escalate the certificate delay to the vendor manager",
         "Omar Haddad", "approved"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert sorted(got) == ["D-01", "D-02", "D-03"]
    assert got["D-01"]["title"] == "Move the reporting module after the pilot"
    assert got["D-01"]["decided_by"] == "Anna Berg" and got["D-01"]["status"] == "Decided"
    assert "decision_type: scope_change" in (got["D-01"]["rationale"] or "")
    assert got["D-02"]["title"] == "Hold back 10 % of the budget for compliance work"
    assert got["D-02"]["status"] == "Pending"


def test_a_dependencys_severity_is_its_criticality(sqlite_store, tmp_path):
    """A launch programme's dependency log: "ID | Dependency | Severity | Owner | Due Date | Status". The severity
    was kept in the notes while the criticality read Medium, whatever the sheet said: "WMS go-live depends on
    network install" rated High showed as a Medium dependency. A dependency's severity is how critical it is."""
    path = write_csv(tmp_path / "dependencies.csv", [
        ["ID", "Dependency", "Severity", "Owner", "Due Date", "Status"],
        ["D1", "WMS go-live depends on network install completion", "High", "IT Lead", "2026-07-27", "Open"],
        ["D2", "Route staging test depends on dock readiness", "Low", "Facilities Lead", "2026-07-18", "Closed"],
        ["D3", "Badge access depends on the security vendor", "Critical", "Security Lead", "2026-08-01", "Open"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "dependencies")
    assert {c: d["criticality"] for c, d in got.items()} == {"D1": "High", "D2": "Low", "D3": "Critical"}
    assert "Severity" not in (got["D1"]["notes"] or "")


def _rulings(n: int) -> list[list[str]]:
    outcomes = ["Dismissed", "Upheld", "Dismissed", "Allowed in part", "Dismissed", "Struck out"]
    parties = ["Harbour Traders Ltd", "Ms Amina Yusuf", "North Quay Residents Association", "Mr Peter Lind",
               "Greenway Transport plc", "Ms Olga Petrova", "Riverside Allotment Society", "Mr Tomas Reyes"]
    return [[f"2024-0{1 + i % 9}-1{i % 10}", f"APP/{1000 + i}", f"{parties[i % len(parties)]} against the "
             f"council's ruling no. {200 + i}", outcomes[i % len(outcomes)],
             f"https://tribunal.example.org/decisions/app-{1000 + i}.html"] for i in range(n)]


def test_a_bodys_published_rulings_are_no_decision_log(sqlite_store, tmp_path):
    """A constitutional court's decisions as published ("decisions.csv": "date | numero | type | titre | décision
    | url", 5,538 rows) were read as 5,277 decisions titled by their ruling ("Rejet", "Conformité",
    "Inéligibilité"), each the outcome of a case another column names, each row with the web page it is
    published at, nobody named as having decided and nothing saying where a decision stands. A tribunal's
    appeals of that shape add nothing, and the report says why; an office's log with a link on each row, whose
    decisions someone took, imports as before."""
    path = write_csv(tmp_path / "decisions.csv", [["Date", "Case No", "Matter", "Decision", "URL"], *_rulings(24)])
    with pytest.raises(WorkbookError, match="published rulings") as refused:
        import_all(sqlite_store, path)
    assert "“Matter”" in str(refused.value) and "“URL”" in str(refused.value)
    assert rows_of(sqlite_store, "decisions") == []

    office = write_csv(tmp_path / "decision_log.csv", [
        ["Date", "Matter", "Decision", "Decided by", "URL"],
        *[[d, m, o, "Programme Board", u] for d, _, m, o, u in _rulings(12)]])
    import_all(sqlite_store, office)
    assert len(rows_of(sqlite_store, "decisions")) == 12

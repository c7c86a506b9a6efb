"""Classes of problem found on round 30 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx


def test_turkish_headers_in_the_possessive_name_their_fields(sqlite_store, tmp_path):
    """A Turkish risk management plan, "No | Risk Tanımı | Risk Sınıfı | Risk Belirleme Tarihi | Etki [Düşük-
    Orta-Yüksek] | Karşılaşma Olasılığı [Düşük-Orta-Yüksek] | Durum (Açık-Kapalı-Gerçekleşti] | Risk Stratejisi |
    Risk Önleme/Azaltma İşlemi | İşlem Sorumlusu | Planlanan Tarih": Turkish names a field of the risk with the
    possessive suffix ("Olasılığı", "Stratejisi", "Sınıfı") and the status's note in brackets is closed by the
    other bracket; only the title, ID and impact were read, every risk stayed Open with no likelihood, and the
    actions, their owners and dates went to the notes."""
    rows: list[list[object]] = [["No", "Risk Tanımı", "Risk Sınıfı", "Risk Belirleme Tarihi",
                                 "Etki [Düşük-Orta-Yüksek]", "Karşılaşma Olasılığı [Düşük-Orta-Yüksek]",
                                 "Durum (Açık-Kapalı-Gerçekleşti]", "Risk Stratejisi", "Risk Önleme/Azaltma İşlemi",
                                 "İşlem Sorumlusu", "Planlanan Tarih"]]
    given = [("Orta", "Yüksek", "Açık", "Kontrol", "Open", "Reduce"),
             ("Yüksek", "Düşük", "Kapalı", "İzleme", "Closed", "Accept"),
             ("Düşük", "Orta", "Gerçekleşti", "Kontrol", "Occurred", "Reduce"),
             ("Yüksek", "Yüksek", "Açık", "İzleme", "Open", "Accept")]
    level = {"Düşük": 2, "Orta": 3, "Yüksek": 4}
    for n, (impact, likelihood, status, strategy, _s, _r) in enumerate(given, 1):
        rows.append([n, f"Risk numarası {n}: teslimat gecikmesi", f"A.{n}.a", date(2023, 2, n), impact, likelihood,
                     status, strategy, f"Ekiple toplantı yapıp planı güncelleme {n}", f"Sorumlu Kişi {n}",
                     date(2023, 3, n)])
    path = write_xlsx(tmp_path / "Risk Management Plan.xlsx", {"Risk Yönetim Planı": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == len(given)
    for n, (impact, likelihood, _st, _str, status, response) in enumerate(given, 1):
        risk = got[str(n)]
        assert (risk["probability"], risk["impact"]) == (level[likelihood], level[impact])
        assert (risk["status"], risk["response"]) == (status, response)
        assert risk["raised_on"] == date(2023, 2, n) and risk["category"] == f"A.{n}.a"
        # the levels read add nothing; the status and strategy words, read as the office's, are kept beside
        # them under their headers (heldout50)
        assert "Olasılığı" not in (risk["notes"] or "")
        assert f"Durum (Açık-Kapalı-Gerçekleşti]: {given[n - 1][2]}" in risk["notes"]
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert len(actions) == len(given)
    assert actions["Ekiple toplantı yapıp planı güncelleme 2"]["due"] == date(2023, 3, 2)


def test_a_threat_models_severity_beside_its_impact_is_a_rating(sqlite_store, tmp_path):
    """A threat model's export (Threagile's risks.xlsx), "Severity | Likelihood | Impact | STRIDE | … | Identified
    Risk | Action | Mitigation | … | ID | Status": the severity (Critical, Elevated, High, Medium), a rating of
    likelihood and impact both, was read as the impact because it came first, and the sheet's own "Impact"
    went to the notes — every risk's impact wrong, "Elevated" not even placed. Of two columns naming a level,
    the one under the field's own name takes it; the other is kept in the notes."""
    rows: list[list[object]] = [["Severity", "Likelihood", "Impact", "STRIDE", "Risk Category", "Identified Risk",
                                 "Mitigation", "ID", "Status"]]
    given = [("Critical", "Likely", "Medium"), ("Elevated", "Likely", "Low"), ("Elevated", "Very Likely", "Medium"),
             ("Medium", "Unlikely", "Low"), ("High", "Unlikely", "Medium")]
    for n, (severity, likelihood, impact) in enumerate(given, 1):
        rows.append([severity, likelihood, impact, "Spoofing", "Missing Authentication",
                     f"Missing authentication at component {n}", f"Apply authentication to component {n}",
                     f"missing-authentication@component-{n}", "Unchecked"])
    path = write_xlsx(tmp_path / "risks.xlsx", {"Wahlpflichtmodul": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == len(given)
    for n, (severity, _likelihood, impact) in enumerate(given, 1):
        risk = got[f"Missing authentication at component {n}"]
        assert risk["impact"] == {"Low": 2, "Medium": 3}[impact]
        assert f"Severity: {severity}" in (risk["notes"] or "")


def test_a_stage_said_after_the_level_is_that_stages_rating(sqlite_store, tmp_path):
    """A GRC register's CSV, "Risk_ID | Asset | Risk_Category | Risk_Description | Likelihood_Inherent |
    Impact_Inherent | Inherent_Risk_Score | … | Likelihood_Residual | Impact_Residual | … | Risk_Owner": the
    stage written after the level was not read, so no risk had an inherent rating and its residual likelihood
    went to the notes. "Likelihood_Inherent" is the inherent likelihood, "Likelihood_Residual" the residual."""
    rows: list[list[object]] = [["Risk_ID", "Asset", "Risk_Category", "Risk_Description", "Likelihood_Inherent",
                                 "Impact_Inherent", "Inherent_Risk_Score", "Existing_Controls",
                                 "Likelihood_Residual", "Impact_Residual", "Residual_Risk_Score", "Risk_Owner",
                                 "Status"]]
    given = [(4, 5, 2, 5), (3, 5, 1, 5), (2, 4, 2, 3), (3, 3, 2, 2)]
    for n, (p, i, rp, ri) in enumerate(given, 1):
        rows.append([f"R-00{n}", f"System {n}", "Access Management", f"Because of gap {n}, data could leak",
                     p, i, p * i, f"Control {n} in place", rp, ri, rp * ri, "IT Manager", "Open"])
    path = write_csv(tmp_path / "risk_register.csv", rows)
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == len(given)
    for n, (p, i, rp, ri) in enumerate(given, 1):
        risk = got[f"R-00{n}"]
        assert (risk["probability"], risk["impact"], risk["residual_probability"], risk["residual_impact"]) == \
            (p, i, rp, ri)
        assert "Likelihood_" not in (risk["notes"] or "")


def test_current_and_desired_involvement_are_the_engagement_levels(sqlite_store, tmp_path):
    """A PMO's stakeholder register, "Name | Role | Internal/External | Engagement level | Communication Plan |
    Current Involvement | Desired Involvement | Action Plan", the involvement in the office's own words
    (Leading, Supportive, Neutral): kept in the notes, so every stakeholder got the defaults Unaware and
    Supportive and the engagement gaps were all wrong."""
    rows: list[list[object]] = [["Name", "Role", "Internal/External", "Engagement level", "Communication Plan",
                                 "Current Involvement", "Desired Involvement", "Action Plan"]]
    given = [("Alan", "Leading", "Leading"), ("Doug", "Supportive", "Leading"), ("Venkat", "Neutral", "Supportive"),
             ("Rajesh", "Supportive", "Leading")]
    for name, current, desired in given:
        rows.append([name, "Team Member", "External", "Promoters", "Email/Meeting", current, desired,
                     "To improve communication effectively."])
    path = write_xlsx(tmp_path / "StakeholderRegister.xlsx", {"Sheet1": [["Stakeholder Register"], *rows]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert len(got) == len(given)
    for name, current, desired in given:
        assert (got[name]["current_engagement"], got[name]["desired_engagement"]) == (current, desired)


def test_a_second_sheets_plan_for_the_same_risks_keeps_its_actions(sqlite_store, tmp_path):
    """A Danish student project's risk analysis on one sheet ("Risikomoment | Sandsynlighed | Konsekvens |
    Produkt") and its plan on the next, the same risks again with "Præventive tiltage | Ansvarlig |
    Løsningsforslag": the workbook was refused (neither "Risikomoment" nor "Konsekvens" was known), and once read
    the plan sheet's rows merged into the analysis's risks by title without their preventive actions — text
    the user wrote, lost with nothing said. Merged rows bring their actions along."""
    analysis: list[list[object]] = [["Risikoanalyse"], ["Risikomoment", "Sandsynlighed", "Konsekvens", "Produkt"]]
    plan: list[list[object]] = [["Risikoplan"], ["Risikomoment", "Sandsynlighed", "Konsekvens", "Produkt",
                                                 "Præventive tiltage", "Ansvarlig", "Løsningsforslag"]]
    given = [("Projektdeltagere forlader projektet", 3, 5), ("Fejlestimater", 1, 10), ("Mangelfuld testing", 2, 3),
             ("Problemer med intern kommunikation", 1, 7)]
    for n, (title, p, k) in enumerate(given, 1):
        analysis.append([title, p, k, p * k])
        plan.append([title, p, k, p * k, f"Forebyg ved at tale sammen om punkt {n}", "Alle projektdeltagere",
                     f"Løs problemet {n} i fællesskab"])
    path = write_xlsx(tmp_path / "Risiko.xlsx", {"Risikoanalyse": analysis, "Risikoplan - Plan": plan})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == sorted(t for t, _p, _k in given)
    assert all(r["impact"] is not None and r["probability"] is not None for r in got.values())
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {f"Forebyg ved at tale sammen om punkt {n}" for n in range(1, len(given) + 1)}


def test_english_risks_listed_again_with_their_mitigation_keep_it(sqlite_store, tmp_path):
    """The same class in English: "Risks" (Title, Probability, Impact) and "Risk plan" (the same titles with
    their Mitigation and Owner). The plan's rows merged by title into the first sheet's risks and their
    mitigations were dropped."""
    first: list[list[object]] = [["Title", "Probability", "Impact"]]
    second: list[list[object]] = [["Title", "Probability", "Impact", "Mitigation", "Owner"]]
    for n in range(1, 5):
        first.append([f"Supplier delivers late batch {n}", 2, 4])
        second.append([f"Supplier delivers late batch {n}", 2, 4, f"Order batch {n} two weeks early", "Ana"])
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": first, "Risk plan": second})
    import_all(sqlite_store, path)
    assert len(named(sqlite_store, "risks")) == 4
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {f"Order batch {n} two weeks early" for n in range(1, 5)}


def test_trigger_condition_hold_and_an_id_with_its_number_sign(sqlite_store, tmp_path):
    """Three words of round 30: "Trigger Condition" (went to the notes) is the trigger; an issue "Hold" (left
    out: not one of Open, Resolved, Closed) is open; "Risk ID #" (went to the notes, the risk numbered R-001)
    is the risk's ID, its "#" saying "number" again."""
    risks = [["Risk ID #", "Risk Name", "Impact", "Probability", "Trigger Condition", "Owner"],
             ["00232", "Client adds more modules", "High", "Medium", "They keep adding application types", "Team"],
             ["00233", "Client review is late", "High", "Low", "Requirements are not clear", "Team"]]
    issues = [["NO", "ISSUE_DESCRIPTION", "STATUS"], [1, "Liquidation not happening", "Fixed"],
              [2, "Accounts not picked for calculation", "Hold"], [3, "Resolution fails with an error", "Reject"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Management.xlsx", {"Sheet1": risks}))
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["00232", "00233"]
    assert got["00232"]["trigger"] == "They keep adding application types"
    import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"Issues": issues}))
    statuses = {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert statuses == {"Liquidation not happening": "Resolved", "Accounts not picked for calculation": "Open",
                        "Resolution fails with an error": "Closed"}

"""Issue 12, classes80: the miss classes of unseen set 80 as general rules — a placeholder fits any column when a CSV
row's unquoted comma is joined back; a plan or control column of clause references alone is kept in the notes. Each
test writes a workbook of the shape (never a fetched file) and failed on the code before (main 912168d3)."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


@pytest.mark.parametrize("placeholder", ["N/A", "TBD", "-", "none", "à définir"])
def test_a_placeholder_date_does_not_block_joining_an_unquoted_comma(sqlite_store, tmp_path, placeholder):
    """A hand-written CSV row with a comma nobody quoted in its free text, whose date cell holds a placeholder: no
    join was tried to fit, the date column's kind refusing "N/A", and the row was left out. A placeholder fits a
    column of any kind, so the one join that fits the rest (the piece starting with a space, on the text) is made."""
    lines = ["ID,Asset,Vulnerability,Likelihood,Impact,Owner,Target Date,Status",
             "R-1,Laptops,Disks not encrypted,4,5,IT Lead,2026-09-30,Open",
             "R-2,Payroll data,Shared admin accounts,3,5,HR Lead,2026-10-15,Open",
             "R-3,Office,Visitors not logged,2,3,Facilities,2026-11-01,Open",
             f"R-4,Server room,Access is informal (key only, no escort),2,2,Facilities,{placeholder},Open"]
    path = tmp_path / "register.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"R-1", "R-2", "R-3", "R-4"}
    assert risks["R-4"]["cause"] == "Access is informal (key only, no escort)"
    assert (risks["R-4"]["probability"], risks["R-4"]["impact"]) == (2, 2)
    assert risks["R-4"]["proximity"] is None
    assert not [r for s in plan.sheets for r in s.rows if r.report.action.name == "ERROR"]


_CONTROLS = [["Risk ID", "Risk Description", "Related Controls", "Likelihood (1-5)", "Impact (1-5)",
              "Existing Controls", "Recommended Treatment", "Owner"],
             ["R-01", "Standing admin rights held by many engineers", "8.2, 5.18", 4, 5,
              "None, access is permanent", "Time-boxed elevation and quarterly access review", "CTO"],
             ["R-02", "Customer data copied to staging unmasked", "8.11; 8.33", 4, 5,
              "Staging limited to engineers", "Mask data in every non-production copy", "Engineering Lead"],
             ["R-03", "No central log monitoring", "A.8.16, A.5.24", 4, 4, "Logs kept but not read",
              "Stand up a small SIEM with alerting", "CTO"],
             ["R-04", "Offboarding leaves access behind", "A.6.5", 3, 4, "Manual checklist",
              "Automate de-provisioning through SSO", "IT"]]


def test_a_control_column_of_clause_references_is_kept_in_the_notes(sqlite_store, tmp_path):
    """"Related Controls" beside "Existing Controls" and "Recommended Treatment", holding only a standard's clause
    numbers ("8.2, 5.18", "A.6.5"): read as controls in place, each risk got a done action titled by the numbers.
    A plan column whose every filled cell is a list of clause references names clauses, no measure: kept in the
    notes under its header, said once a sheet; the other plan columns are read as before."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "gap-assessment.xlsx", {"Risks": _CONTROLS}))
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"R-01", "R-02", "R-03", "R-04"}
    assert "Related Controls: 8.2, 5.18" in risks["R-01"]["notes"]
    assert "Related Controls: A.6.5" in risks["R-04"]["notes"]
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert not any(a[:1].isdigit() or a.startswith("A.") for a in actions)
    assert "Automate de-provisioning through SSO" in actions and "Manual checklist" in actions
    assert "“Related Controls” holds only references to a standard's clauses" in " ".join(s.note for s in plan.sheets)


def test_a_plan_column_of_words_or_lone_numbers_stays_the_plan(sqlite_store, tmp_path):
    """Only references: a control column of words with a clause number in them stays controls in place, and a
    column of lone decimals (a number, no reference shown) is not taken for references."""
    rows = [list(r) for r in _CONTROLS]
    for r, text in zip(rows[1:], ["MFA per 8.2", "Masking tool", "Log shipping", "Checklist 5.18"], strict=True):
        r[2] = text
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"MFA per 8.2", "Checklist 5.18"} <= actions
    from pmo_desktop.excel.clause_references import _references  # (a module of this branch: imported here)

    assert not _references(["2.5", "3.5", "1.0"]) and not _references(["2026-03-01", "12/05/2026"])
    assert _references(["8.2, 5.18", "A.6.5", "N/A"]) and _references(["AC-2, IA-5(1)", "CC6.1"])


def test_ratings_written_as_products_give_the_levels_and_the_residual_pair(sqlite_store, tmp_path):
    """"Initial L×I" of "5×5=25" and "Residual" of "2×5=10": both unknown headers, both kept in the notes, no risk
    rated. A column whose every cell is two levels joined by a product sign, under a header naming both levels or
    saying which rating it is, gives the likelihood and the impact (the later rating the residual pair); the printed
    result checks them, a wrong one leaving that rating empty, said."""
    rows = [["Risk", "Initial L×I", "Owner", "Residual"],
            ["Laptop lost with exports", "5×5=25", "Ann", "2×5=10"],
            ["Records merged wrongly", "4x5=20", "Raj", "2x4=8"],
            ["Admin misuse", "3 * 5 = 15", "Ann", "1*5=5"],
            ["Backup fails", "4×4=17", "Raj", "2×3=6"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    got = {t: (r["probability"], r["impact"], r["residual_probability"], r["residual_impact"])
           for t, r in risks.items()}
    assert got == {"Laptop lost with exports": (5, 5, 2, 5), "Records merged wrongly": (4, 5, 2, 4),
                   "Admin misuse": (3, 5, 1, 5), "Backup fails": (None, None, 2, 3)}
    assert "Initial L×I: 4×4=17" in risks["Backup fails"]["notes"]
    note = " ".join(s.note for s in plan.sheets)
    assert "“Initial L×I” writes each risk's likelihood and impact as their product" in note
    assert "on row 5 the product is not the result written" in note


@pytest.mark.parametrize(("header", "cells", "levels"), [
    ("I × L", ["4×2=8", "5x3=15"], [(2, 4), (3, 5)]),                      # the header's order: impact first
    ("Risk Score", ["L3 x I4", "I5 x L2"], [(3, 4), (2, 5)]),              # the cells' letters
    ("Probabilidad x Impacto", ["2x4=8", "3x3=9"], [(2, 4), (3, 3)]),     # the words of another language
])
def test_which_level_comes_first_is_told_by_the_header_or_the_cells(sqlite_store, tmp_path, header, cells, levels):
    rows = [["ID", "Risk", header], ["R1", "Supplier fails", cells[0]], ["R2", "Budget cut", cells[1]]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    risks = by_code(sqlite_store, "risks")
    assert [(risks[c]["probability"], risks[c]["impact"]) for c in ("R1", "R2")] == levels


def test_products_under_a_header_saying_nothing_of_ratings_are_not_read(sqlite_store, tmp_path):
    """"Size" of "3x4=12" says nothing of a rating: the cells stay in the notes, no level read; nor is a column
    read when another column gives the levels already."""
    rows = [["ID", "Risk", "Likelihood", "Impact", "Size", "Score (L×I)"],
            ["R1", "Supplier fails", 2, 3, "3x4=12", "2×3=6"], ["R2", "Budget cut", 4, 4, "2x2=4", "4×4=16"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    risks = by_code(sqlite_store, "risks")
    assert [(risks[c]["probability"], risks[c]["impact"]) for c in ("R1", "R2")] == [(2, 3), (4, 4)]
    assert "Size: 3x4=12" in risks["R1"]["notes"]


def test_an_owner_after_the_last_semicolon_of_a_response_and_owner_cell(sqlite_store, tmp_path):
    """"Response and owner" of "MFA and drills; IT": the whole cell was the action, the owner inside its text. A
    plan column headed by the plan's and the owner's names, most of whose cells end in "; " and a short name: the
    name is the action's owner (and, with no owner column, the risk's), the text before it the plan."""
    rows = [["Risk", "Likelihood", "Impact", "Response and owner"],
            ["Phishing takeover", 4, 4, "MFA and drills; IT"],
            ["Late breach report", 4, 5, "Duty contact and rehearsal; Data Protection Officer"],
            ["Unit mapping wrong", 4, 4, "Procurement approval and receipt checks"],
            ["Cost overrun", 4, 4, "Phased quotes; handover gate; CFO"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"MFA and drills", "Duty contact and rehearsal", "Procurement approval and receipt checks",
                       "Phased quotes; handover gate"}
    by = {a["description"]: a["actionee"] for a in rows_of(sqlite_store, "risk_actions")}
    assert by == {"MFA and drills": "IT", "Duty contact and rehearsal": "Data Protection Officer",
                  "Procurement approval and receipt checks": None, "Phased quotes; handover gate": "CFO"}
    owners = {t: r["owner"] for t, r in risks.items()}
    assert owners["Phishing takeover"] == "IT" and owners["Unit mapping wrong"] is None
    assert "on 3 rows that name is read as the action's owner" in " ".join(s.note for s in plan.sheets)


def test_a_headerless_risk_list_whose_columns_multiply_proposes_likelihood_impact_and_score(sqlite_store, tmp_path):
    """A risk CSV with no header row whose E × F = G on every row, a level word in J: still refused (a decision:
    no import by a guess), but the header it proposes named J (the score's band) the probability and nothing for E,
    F, G. Two level columns whose product a later one holds are the likelihood, the impact and the score; the level
    words then the score's rating."""
    rows = [["R-01", "Credential stuffing", "No rate limiting on the sign-in", "Authentication", 4, 5, 20,
             "Basic password rules", "MFA and rate limits", "High"],
            ["R-02", "Account takeover", "MFA optional for customers", "Authentication", 4, 4, 16,
             "Password only", "MFA required", "High"],
            ["R-03", "Phishing of staff", "Little phishing training", "Privileged access", 3, 5, 15,
             "Ad-hoc awareness", "Simulations and a reporting playbook", "Medium"],
            ["R-04", "Cloud data exposure", "Storage left public", "Customer data", 2, 5, 10,
             "Manual review", "Config policies and encryption", "Medium"],
            ["R-05", "Third-party breach", "Vendor holds customer data", "Integrations", 3, 4, 12,
             "Contract clauses only", "Due diligence and SOC 2 review", "Medium"]]
    path = write_csv(tmp_path / "risk_register.csv", rows)
    with pytest.raises(WorkbookError) as refused:
        import_all(sqlite_store, path)
    said = str(refused.value)
    assert "has no header row" in said
    assert "E “Probability”?" in said and "F “Impact”?" in said and "G “Inherent score”?" in said
    assert "J “Inherent rating”?" in said
    assert rows_of(sqlite_store, "risks") == []

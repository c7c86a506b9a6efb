"""Classes of problem left open by round 15 of real public registers: each test writes a workbook of that
shape (with openpyxl) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx
from test_excel_known_cases2 import _hazard_form

from pmo_desktop.excel.errors import WorkbookError


def test_no_break_spaces_in_names_titles_and_ids_become_plain_spaces(sqlite_store, tmp_path):
    """A stakeholder list pasted from a web page writes "Project\\xa0Manager" (and a narrow no-break space,
    U+202F): the names, IDs and roles import with plain spaces, so searching "Project Manager" finds them;
    the text is otherwise as written."""
    rows = [["ID", "Name", "Role", "Influence\xa0Level", "Interest\xa0Level"],
            ["S\xa0001", "Project\xa0Manager", "Oversees the\u202fproject", "High", "High"],
            ["S\xa0002", "Operation\xa0Manager", "Manages operations", "Medium", "High"],
            ["S\xa0003", "Admin Staff", "Supports  the team", "Low", "Medium"]]
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    assert sorted(got) == ["Admin Staff", "Operation Manager", "Project Manager"]
    assert got["Project Manager"]["code"] == "S 001"
    assert got["Project Manager"]["role"] == "Oversees the project"
    assert got["Admin Staff"]["role"] == "Supports  the team"  # otherwise unchanged
    assert (got["Project Manager"]["power"], got["Project Manager"]["interest"]) == (4, 4)
    assert not any("\xa0" in str(v) or "\u202f" in str(v) for r in got.values() for v in r.values())


_LEGEND_SHEETS = {
    "de": (["Risiko", "Verantwortlich", "GRADE", "RANG"], ("niedrig", "mittel", "hoch"),
           ("unwahrscheinlich, tritt kaum ein", "möglich", "tritt oft ein"),
           ("geringfügiger Schaden", "Verletzungen", "schwere Verletzungen oder Tod")),
    "fr": (["Risque", "Responsable", "GRADE", "RANG"], ("faible", "moyen", "élevé"),
           ("survient rarement", "se produit parfois", "se produit souvent"),
           ("dommages légers", "blessures", "décès")),
    "es": (["Riesgo", "Responsable", "GRADE", "RANG"], ("bajo", "medio", "alto"),
           ("raramente ocurre", "puede ocurrir", "ocurre con frecuencia"),
           ("daños menores", "lesiones", "muerte")),
}


@pytest.mark.parametrize("lang", sorted(_LEGEND_SHEETS))
def test_a_legend_in_french_german_or_spanish_says_which_column_is_chance_and_which_harm(sqlite_store, tmp_path,
                                                                                           lang):
    """A form rates each risk in two columns headed by labels that say nothing ("GRADE", "RANG"); the key
    under the table lists each label's levels with what they mean, in the sheet's language ("tritt oft
    ein", "se produit souvent", "ocurre con frecuencia" for the chance; "Verletzungen", "décès", "muerte"
    for the harm): GRADE is the likelihood, RANG the impact, each level at its place in the key."""
    head, (low, mid, high), chance, harm = _LEGEND_SHEETS[lang]
    rows = [head, ["Supplier late", "Ana Silva", high, low], ["Scope grows", "Tom Berg", low, high],
            ["Key person leaves", "Ana Silva", mid, mid], [],
            ["GRADE", None, None, "RANG"],
            [low, chance[0], None, low, harm[0]],
            [mid, chance[1], None, mid, harm[1]],
            [high, chance[2], None, high, harm[2]]]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert {t: (r["probability"], r["impact"]) for t, r in got.items()} == {
        "Supplier late": (4, 2), "Scope grows": (2, 4), "Key person leaves": (3, 3)}


def test_spanish_impacto_beside_influencia_is_the_interest(sqlite_store, tmp_path):
    """The Spanish stakeholder register template rates each person twice, "Impacto" and "Influencia", each
    over "(A, M, B)" on the header's second line: Influencia is the power, Impacto the interest (how much
    the project touches them) — not the first of the two the power and the other left in the notes."""
    rows = [["REGISTRO DE INTERESADOS"], [],
            [None, None, "Departamento/", "Impacto ", "Influencia", "Rol en el"],
            ["ID", "Nombre", "Empresa", "(A, M, B)", "(A, M, B)", "Proyecto"],
            ["1", "Lidia Mamani", "Soluciones S.A.C.", "A", "A", "Product Owner"],
            ["2", "Nelly Ulloa", "Soluciones S.A.C.", "A", "M", "Scrum Team"],
            ["3", "Candy Cutipa", "Soluciones S.A.C.", "M", "B", "Scrum Team"]]
    path = write_xlsx(tmp_path / "Registro de Interesados.xlsx", {"Stakeholders": rows})
    import_all(sqlite_store, path)
    got = {r["name"]: (r["power"], r["interest"]) for r in rows_of(sqlite_store, "stakeholders")}
    assert got == {"Lidia Mamani": (4, 4), "Nelly Ulloa": (3, 4), "Candy Cutipa": (2, 3)}


def test_impacto_alone_is_still_the_power(sqlite_store, tmp_path):
    """Without an "Influencia" beside it, "Impacto" stays the power (and "Interés" the interest)."""
    rows = [["Interesado", "Impacto", "Interés"], ["Lidia Mamani", "Alto", "Bajo"], ["Nelly Ulloa", "Bajo", "Alto"]]
    path = write_xlsx(tmp_path / "Interesados.xlsx", {"Interesados": rows})
    import_all(sqlite_store, path)
    got = {r["name"]: (r["power"], r["interest"]) for r in rows_of(sqlite_store, "stakeholders")}
    assert got == {"Lidia Mamani": (4, 2), "Nelly Ulloa": (2, 4)}


def test_impacto_merged_over_a_matrix_is_no_pair(sqlite_store, tmp_path):
    """"Impacto" merged under the five columns of a probability × impact grid is one word over five
    columns, not "Impacto" beside "Influencia": no stakeholder columns, the grid's risks import."""
    rows = [[], ["Probabilidade", 0.9, "Baixa", "Média", "API inacabada", "Configuração oculta", "Sem UI de administração"],
            [None, 0.7, "Baixa", "Média", "Documentação incompleta", "Alta", "Falha na reserva"],
            [None, 0.5, "Baixa", "Busca sensível a acentos", "Dados inconsistentes", "Preço incorreto", "Falha no login"],
            [None, 0.3, "Baixa", "Links quebrados", "Média", "Histórico inconsistente", "Reserva duplicada"],
            [None, 0.1, "Baixa", "Baixa", "Sessão expira cedo", "Baixa", "Média"],
            [None, None, "Muito Baixo", "Baixo", "Moderado", "Alto", "Muito Alto"],
            [None, None, "Impacto"]]
    path = write_xlsx(tmp_path / "Matriz de Risco.xlsx", {"Planilha1": rows}, merges={"Planilha1": ["C8:G8"]})
    import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "stakeholders")
    got = named(sqlite_store, "risks")
    assert "Reserva duplicada" in got and "API inacabada" in got


def test_a_probability_of_0_on_a_1_to_5_sheet_is_left_empty_and_said(sqlite_store, tmp_path):
    """An assessment rating probability 1–5 gives one threat a probability of 0 (no chance, or not rated):
    the row imports with its impact, the probability empty — the 0 kept in the notes and the preview's
    reason saying so, never silently — instead of the row refused."""
    rows = [["Threat", "Vulnerability", "Probability", "Impact"],
            ["Theft", "Easy access to the server room", 2, 4], ["Hacking", "Weak firewall", 3, 4],
            ["Power cut", "No UPS", 1, 3], ["Fire, flood", "No fire alarm", 0, 5], ["Malware", "No antivirus", 4, 4]]
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Risks": rows})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 5
    fire = got["Fire, flood"]
    assert fire["probability"] is None and fire["impact"] == 5
    assert "Probability: 0" in fire["notes"]
    assert got["Hacking"]["probability"] == 3
    said = [r.report.reason for s in plan.sheets for r in s.rows if r.report.row == 5]
    assert said and "Probability 0 is below its scale (1–5)" in said[0]


def test_an_audit_registers_risk_column_is_the_title_and_its_observation_the_cause(sqlite_store, tmp_path):
    """A security audit's register writes the finding ("Observation") before the risk it leads to ("Risk"):
    the risk names the record, the observation is its cause — not the observation the title and the risk
    left in the notes as its repeat. An "Observation" with no "Risk" beside it still names the records."""
    rows = [[], ["Risk Number", "Observation", "Risk", "Severity", "Control Owner", "Recommendations"],
            [1.0, "Too many people have admin access", "Unauthorized changes to critical systems", "Critical",
             "Sanjay Parikh", "Review admin rights"],
            [2.0, "Default passwords not changed", "Unauthorized access to workstations", "High", "Sanjay Parikh",
             "Change all default passwords"],
            [3.0, "No code review before release", "Data breach through a faulty release", "Medium", "Ann Lee",
             "Add a review step"]]
    findings = [["Ref", "Observation", "Severity", "Owner"], ["F1", "Backups never restored in a test", "High", "Ann Lee"],
                ["F2", "Shared admin account on the firewall", "Medium", "Tom Berg"]]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Data breach through a faulty release", "Unauthorized access to workstations",
                           "Unauthorized changes to critical systems"]
    assert got["Unauthorized access to workstations"]["cause"] == "Default passwords not changed"
    assert got["Unauthorized changes to critical systems"]["impact"] == 5
    path = write_xlsx(tmp_path / "Audit Findings.xlsx", {"Risk Register": findings})
    import_all(sqlite_store, path)
    assert {"Backups never restored in a test", "Shared admin account on the firewall"} <= set(named(sqlite_store, "risks"))


def test_a_risk_register_sheet_titled_by_its_risks_column(sqlite_store, tmp_path):
    """A sheet named "Risk Register" lists services with a rating, a plan and "High Availability Risks" (what
    could fail) — no column headed Title or Risk: the column saying the register's noun names the records,
    beside a single other field (the plan), and the preview says where each title comes from."""
    rows = [["Infra", "Service", "Risk Status", "SLA (%)", "Mitigation Plan", "High Availability Risks"],
            ["Network", "Azure Network Backbone", "LOW", 100, "Switch to the DR site",
             "A backbone failure stops every service"],
            ["Gateway", "Gateway & APIM", "MEDIUM", 100, "HA enabled", "The gateway is one region only"],
            ["Database", "Azure Postgres", "HIGH", 80, "Move to a flexible server",
             "The single server has no HA of its own"],
            ["Certificate", "SSL", "MEDIUM", 75, "Renew with the new CA", "Certificates expire unnoticed"]]
    path = write_xlsx(tmp_path / "ALMP Risk Register.xlsx", {"Risk Register": rows})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["A backbone failure stops every service", "Certificates expire unnoticed",
                           "The gateway is one region only", "The single server has no HA of its own"]
    assert "Service: Azure Postgres" in got["The single server has no HA of its own"]["notes"]
    notes = [s.note for s in plan.sheets if s.register == "risks"]
    assert len(notes) == 1 and "Title from “High Availability Risks”" in notes[0]  # said once, of the sheet
    assert not any("Title from" in r.report.reason for s in plan.sheets for r in s.rows)


def test_a_gap_tracker_under_a_risk_caption_titled_by_its_first_text_column(sqlite_store, tmp_path):
    """A security gap tracker under the caption "Platform Security Risk Analysis": "S. No. | Parameters |
    Desired Parameters | Current Status | Action Owner | Completion Date | Remarks" — nothing says Title, but
    the caption names risks and four columns name fields: its first column of distinct one-line texts
    (the gaps) names the records, the preview saying so; the lists of points beside it stay notes."""
    rows = [[], [None, "Platform Cyber and Infra Security Risk Analysis"], [],
            [None, "S. No.", "Parameters", "Desired Parameters", "Current Status", "Action Owner", "Completion Date",
             "Remarks"],
            [None, 1, "Governance and awareness to be enhanced", "1. Organisation chart\n2. Job descriptions", "Open",
             "Ann Lee", None, None],
            [None, 2, "Absence of a complete asset inventory", "1. Complete inventory\n2. Automate it", "Open",
             "Tom Berg", None, None],
            [None, 3, "Network security controls to be enhanced", "1. Network diagram\n2. Firewall rules", "Closed",
             "Ann Lee", None, "Done in May"],
            [None, 4, "Patch identification process to be enhanced", None, "Open", "Tom Berg", None, None]]
    path = write_xlsx(tmp_path / "Security.xlsx", {"Cyber Security": rows})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Absence of a complete asset inventory", "Governance and awareness to be enhanced",
                           "Network security controls to be enhanced", "Patch identification process to be enhanced"]
    assert got["Network security controls to be enhanced"]["status"] == "Closed"
    assert "Job descriptions" in got["Governance and awareness to be enhanced"]["notes"]
    assert [s.note[:len("Title from “Parameters”")] for s in plan.sheets if s.register == "risks"] == [
        "Title from “Parameters”"]


def test_a_table_of_counts_under_a_risk_caption_is_still_no_register(sqlite_store, tmp_path):
    """A caption naming risks over a table of numbers (incidents per month, an owner and a status) gives
    its rows no names: the workbook is still refused, nothing imported."""
    rows = [["Risk and safety statistics"], [],
            ["Month", "Incidents", "Near misses", "Owner", "Status"],
            ["Jan", 2, 5, "Ann Lee", "Open"], ["Feb", 1, 3, "Ann Lee", "Open"], ["Mar", 0, 4, "Tom Berg", "Closed"]]
    path = write_xlsx(tmp_path / "Safety.xlsx", {"Statistics": rows})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    assert not named(sqlite_store, "risks")


def test_a_legend_beside_the_table_with_its_caption_line_is_not_the_header(sqlite_store, tmp_path):
    """The key of a hazard form's matrix stands beside the table with its caption line ("KEY - matrix |
    RISK | … | HAZARD") on the second record's row: that line names fields ("KEY" an ID, "RISK" a title)
    but the cells under it are the matrix's numbers and level words, which name no record — the form's own
    header is the header, its HAZARD and RISK columns read by the key."""
    rows = _hazard_form("beside")
    rows[3] = rows[3][:9] + ["KEY - matrix", None, "RISK", None, None, None, "HAZARD"]
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"ASSESSMENT": rows})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Extension reels", "Lathe chuck", "Lifting stock", "Mains leads", "Swarf"]
    assert not plan.errors
    assert {t: (r["probability"], r["impact"]) for t, r in got.items()} == {
        "Lathe chuck": (1, 4), "Swarf": (4, 3), "Mains leads": (2, 5), "Extension reels": (3, 2),
        "Lifting stock": (5, 3)}


def test_library_tables_side_by_side_under_their_captions_are_no_risks(sqlite_store, tmp_path):
    """A GRC workbook's "Risk Register" sheet opens with its libraries side by side, each under its caption
    ("Asset Inventory", "Threat Library", "Vulnerability Library"): lists the assessment cites, not risks —
    none of their rows becomes a record; the assessment on its own sheet imports."""
    libraries = [["Risk Register"], [],
                 ["Asset Inventory", None, None, None, "Threat Library", None, None, None, "Vulnerability Library"],
                 ["Asset ID", "IT Asset", "Asset Weight", None, "Threat ID", "Threat", "Threat Rank", None,
                  "Vulnerability ID", "Description"],
                 ["A1", "Email", 11, None, "T1", "Social Engineering", 3, None, "V1", "Weak passwords"],
                 ["A2", "SharePoint", 17, None, "T2", "Password attacks", 4, None, "V2", "No e-mail filtering policy"],
                 ["A3", "Website", 13, None, "T3", "Malware attacks", 3, None, "V3", "Improper input validation"],
                 ["A4", "Firewall", 18, None, "T4", "Insider threat", 2, None, "V4", "Unpatched software"]]
    assessment = [["Risk ID", "Risk", "Owner", "Likelihood", "Impact"],
                  ["R1", "Phishing steals a password", "Ann Lee", "High", "Medium"],
                  ["R2", "Malware on the website", "Tom Berg", "Medium", "High"]]
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Risk Register": libraries, "Assessment": assessment})
    plan = import_all(sqlite_store, path)
    assert sorted(named(sqlite_store, "risks")) == ["Malware on the website", "Phishing steals a password"]
    assert any(t == "Risk Register" and "side by side" in why for t, why in plan.skipped_sheets)

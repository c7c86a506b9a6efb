"""Classes of problem round 27's held-out set showed (docs/import-rounds.md), fixed after it was measured:
each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv, write_xlsx


def test_an_unquoted_comma_in_every_rows_last_cell_is_kept(sqlite_store, tmp_path):
    """A generated "risk_register.csv", "Threat,Impact,Likelihood,Risk,Control", every control written
    "User Awareness Training, Email Filtering" without quotes: each row had one cell more than the header,
    no row the header's width to tell which, and "Email Filtering" (under no header) was dropped with nothing
    said. Every row longer than its header by cells that start with the space after an unquoted ", " holds
    the rest of its last cell."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["Threat", "Impact", "Likelihood", "Risk", "Control"],
        ["Phishing", "Credential Theft", "Low", "LOW", "User Awareness Training", " Email Filtering"],
        ["Malware", "Data loss", "Medium", "MEDIUM", "Endpoint protection", " Patching", " Backups"],
        ["Insider", "Fraud", "High", "HIGH", "Access reviews", " Logging"],
    ])
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert sorted(got) == ["Insider", "Malware", "Phishing"]
    actions = {t for t in _actions(sqlite_store)}
    assert {"User Awareness Training, Email Filtering", "Endpoint protection, Patching, Backups",
            "Access reviews, Logging"} <= actions


def _actions(store) -> list[str]:
    from imported import rows_of
    return [a["description"] for a in rows_of(store, "risk_actions")]


def test_a_recommended_mitigation_is_an_action_beside_the_existing_controls(sqlite_store, tmp_path):
    """"Existing Controls | Recommended Mitigation | Owner": the controls in place became each risk's action
    and the mitigation the register recommends went to the notes. A recommended (or suggested) field is that
    field: both are the risk's actions."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["Risk ID", "Threat", "Likelihood", "Impact", "Existing Controls", "Recommended Mitigation", "Owner"],
        ["R-01", "Phishing Attack", "High", "High", "Basic spam filtering", "Security awareness training", "IT"],
        ["R-02", "Credential Compromise", "High", "High", "Password-only login", "Implement MFA", "IT"],
    ])
    import_all(sqlite_store, path)
    assert {"Basic spam filtering", "Security awareness training", "Password-only login",
            "Implement MFA"} <= set(_actions(sqlite_store))
    assert "Recommended Mitigation" not in (by_code(sqlite_store, "risks")["R-01"]["notes"] or "")


def test_a_dashboards_axis_sorted_by_name_does_not_rank_the_levels(sqlite_store, tmp_path):
    """A risk register with a dashboard whose heat map's axis is "High | Low | Medium" (a pivot sorts its
    labels by name): that order was taken as the scale's, a likelihood "Low" read 3 and "Medium" 2. Level
    words in alphabetical order that their usual levels take up and down sort the words, they do not rank
    them."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Sheet1": [["Risk ID", "Risk Description", "Impact", "Likelihood", "Status"],
                   ["T-1", "SQL Injection", "High", "Medium", "Planned"],
                   ["T-2", "Cross-Site Scripting", "Medium", "Low", "Planned"],
                   ["T-3", "API Abuse", "Medium", "High", "Planned"]],
        "Dashboard": [["Heatmap: Impact x Likelihood"], ["Impact \\ Likelihood", "High", "Low", "Medium"],
                      ["High", 0, 0, 1], ["Medium", 1, 1, 0]],
    })
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["T-1"]["probability"], got["T-2"]["probability"], got["T-3"]["probability"]) == (3, 2, 4)


def test_a_threat_catalogue_named_short_adds_no_risks(sqlite_store, tmp_path):
    """A risk register beside its "Threat-Cat" sheet (a threat catalogue: threat, category, definition, and
    under no header the impact each threat has, as the risks' descriptions word it): skipped as a list the
    register draws on, the catalogue was read again as more risks because its unheaded column names them,
    the threats the register does not name added as new risks (twelve, on the real one). A sheet whose name
    is a catalogue's, a library's or another kind of register's with its last word cut short stays skipped."""
    risks = [("R1", "Power failure", "A power failure stops the servers"),
             ("R2", "Theft", "A stolen laptop exposes data"), ("R3", "Hacking", "Hacking exposes the systems"),
             ("R4", "Malicious Code", "Malicious code corrupts the files")]
    threats = [*risks, ("", "Terrorist Attack", "An attack endangers staff"),
               ("", "Disaster", "A disaster stops the business")]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risk-Register": [["Risk ID", "Threat scenario\n(attack scenario)", "Assets", "Vulnarability",
                           "Risk description", "Impacts"]]
        + [[c, t, "Servers", "No monitoring", d, "X"] for c, t, d in risks],
        "Threat-Cat": [[], [None, "Threats", None, None, None, "Impact on", None, None, "Impact"],
                       [None, "Threat", "Category", "Assets", "Definition", "C", "I", "A"]]
        + [["T1" if i == 2 else None, t, "Hardware", "Servers", f"Definition of {t.lower()}", None, "X", "X", d]
           for i, (_c, t, d) in enumerate(threats)],
    }, merges={"Threat-Cat": ["B2:E2", "F2:H2"]})
    plan = import_all(sqlite_store, path)
    assert sorted(by_code(sqlite_store, "risks")) == ["R1", "R2", "R3", "R4"]
    assert any(t == "Threat-Cat" and "Risk-Register" in why for t, why in plan.skipped_sheets)

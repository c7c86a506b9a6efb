"""Unseen set 94's miss classes as general rules (classes94)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def _plan_rows(header: str) -> list[list[object]]:
    rows: list[list[object]] = [["Risk Definition", None, None, "Risk Control"],
                                ["ID", "Risk Description", "Cause", header]]
    rows += [[i, f"Database server number {i} runs out of space", f"Growth of the archive {i}",
              f"* Archive old records every month.\n* Add a second disk to server {i}.\n* Alert at 80 % full."]
             for i in range(1, 5)]
    return rows


def test_a_strategy_column_of_bulleted_measures_is_the_response_plan(sqlite_store, tmp_path):
    """"Strategy" names the response type (Reduce, Accept …), but a column of sentences and bullets under it is
    the plan: decided by the column's content, said. It was kept in the notes or read as no type at all."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": _plan_rows("Strategy")},
                                        {"Sheet1": ["A1:C1"]}))
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 4
    actions = " ".join(a["description"] or "" for a in rows_of(sqlite_store, "risk_actions"))
    assert "Add a second disk to server 3" in actions


def test_a_one_letter_slip_in_the_strategy_header_is_still_the_plan(sqlite_store, tmp_path):
    """"Stragety" / "Stagery" (a letter dropped or swapped) under a group label: matched to "strategy" as the
    header word is long and no other header word is as close."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": _plan_rows("Stagery")},
                                        {"Sheet1": ["A1:C1"]}))
    actions = " ".join(a["description"] or "" for a in rows_of(sqlite_store, "risk_actions"))
    assert "Add a second disk to server 2" in actions


def _asset_rows(filled: int) -> list[list[object]]:
    rows: list[list[object]] = [
        ["ASSET IDENTIFICATION", None, None, None, None, "RISK ASSESSMENT", None, None, None, None, None, None,
         "RISK TREATMENT", None],
        [None, None, None, None, None, "RISK IDENTIFICATION", None, None, None, "RISK ANALYSIS", None, None, None,
         None],
        ["Application", "Asset owner", "Confidentiality", "Integrity", "Availability", "ID", "THREAT IDENTIFICATION",
         "VULNERABILITY IDENTIFICATION", "INCIDENT SCENARIO", "PROBABILITY OF OCCURRENCE", "RISK LEVEL",
         "LEVEL OF CONSEQUENCE", "Risk Owner", "MANAGEMENT DECISION", "Revised Likelihood",
         "Revised Level of Consequence"]]
    apps = ["Payroll portal", "Mail gateway", "Network monitor", "Ticket desk", "File server", "Badge system"]
    owners = ["Dana Smith", "Ravi Patel", "Lena Cho"]
    for i, app in enumerate(apps, start=1):
        text = i <= filled
        rows.append([app, owners[i % 3], 3, 2 + i % 2, 3, f"RT{i}",
                     f"Outage of the {app.lower()} host" if text else None,
                     f"Single host without failover for {app.lower()}" if text else None,
                     f"Staff cannot use the {app.lower()} for a day" if text else None,
                     3, "MODERATE" if i % 2 else "HIGH", "MAJOR", owners[(i + 1) % 3], "ACCEPT", "Rare", "Low"])
    return rows


def test_an_asset_register_with_its_threat_text_mostly_empty_is_titled_by_the_asset(sqlite_store, tmp_path):
    """An asset-risk register (ISO 27001 style) whose threat, vulnerability and scenario are filled on the first
    row only: each row still names its asset, so the asset titles the rows whose text is empty (said) and the one
    filled row is titled by its threat. Its "Revised Likelihood" and "Revised Level of Consequence" (the ratings
    after the measures) no longer make it a document's version history: it was refused whole."""
    book = write_xlsx(tmp_path / "Risk.xlsx", {"Sheet1": _asset_rows(1)},
                      {"Sheet1": ["A1:E1", "F1:L1", "M1:N1", "F2:I2", "J2:L2"]})
    import_all(sqlite_store, book)
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == [f"RT{i}" for i in range(1, 7)]
    assert risks["RT1"]["title"] == "Outage of the payroll portal host"
    assert "Mail gateway" in risks["RT2"]["title"]
    assert risks["RT2"]["residual_impact"] == 2  # "Revised Level of Consequence": Low


def test_threat_and_incident_scenario_headers_title_over_the_vulnerability(sqlite_store, tmp_path):
    """"THREAT IDENTIFICATION" and "INCIDENT SCENARIO" name the risk; the vulnerability is its cause. With every
    row filled, the vulnerability titled the rows."""
    book = write_xlsx(tmp_path / "Risk.xlsx", {"Sheet1": _asset_rows(6)},
                      {"Sheet1": ["A1:E1", "F1:L1", "M1:N1", "F2:I2", "J2:L2"]})
    import_all(sqlite_store, book)
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 6
    assert risks["RT3"]["title"] == "Outage of the network monitor host"


def test_an_action_column_half_of_strategy_words_is_the_response(sqlite_store, tmp_path):
    """"Acción" holding "Mitigar" on half the rows and one other short word repeated on the rest, beside "Plan de
    Acción" of sentences: the column is the response type (the word it does not know kept in the notes, said), not
    one action a risk titled "Mitigar"."""
    rows: list[list[object]] = [["Riesgo", "Probabilidad", "Impacto", "Acción", "Plan de Acción", "Estado"]]
    for i in range(1, 7):
        rows.append([f"El proveedor número {i} entrega tarde", 2, 3, "Mitigar" if i % 2 else "Actuar ya",
                     f"Acordar con el proveedor {i} una fecha de entrega fija", "Abierto"])
    import_all(sqlite_store, write_xlsx(tmp_path / "matriz.xlsx", {"Matriz": rows}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 6
    assert risks["El proveedor número 1 entrega tarde"]["response"] == "Reduce"
    assert "Actuar ya" in (risks["El proveedor número 2 entrega tarde"]["notes"] or "")
    actions = [a["description"] for a in rows_of(sqlite_store, "risk_actions")]
    assert "Mitigar" not in actions and "Actuar ya" not in actions
    assert "Acordar con el proveedor 4 una fecha de entrega fija" in actions

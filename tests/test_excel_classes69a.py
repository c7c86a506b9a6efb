"""Issue 12, classes69a: the miss classes of unseen set 68 as general rules — an "ID" column of sentences that
names the records, a failure's long "Reason" over a "Comments" column, a score pair restating the assessment (no
residual), an abbreviated "Pri" header, and a template's drop-down lists and instruction row read as records.
Each test writes a workbook of the shape (never a fetched file) and failed on the code before (main bd415b9c)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import


def test_an_id_column_of_sentences_titles_the_records_and_rows_without_a_description_stay(sqlite_store, tmp_path):
    """A data team's log of problems and fixes: "Sr # | Error ID | Description | Resolution", the "Error ID" being
    each problem's name in words ("Hive query fails at 20GB"), no code. It was kept in the notes, the title taken
    from the description's first line, and the rows with no description skipped as section headings (lost). An
    ID column whose values are phrases, none shaped as a code, names the records; a column of codes stays one."""
    rows = [["Sr #", "Error ID", "Description", "Resolution", "Project Name"],
            [1, "Spark: Failed to connect to the worker", "In cluster mode the job cannot reach the worker.",
             "Decrease the batch size", "Streaming"],
            [2, "Hive query fails at 20GB of data", "All files are gz, so the mappers fail on the join.",
             "Extract the files first", "Adform"],
            [3, "Cloudera installation cannot format the NameNode", None, "Remove the old folders", "Benchmark"],
            [4, "Map Reduce job hangs in accepted state", None, "Increase the container memory", "Benchmark"]]
    coded = [["Sr #", "Error ID", "Description", "Resolution", "Project Name"],
             [1, "ERR-101", "The export is empty.", "Fixed the query", "Adform"],
             [2, "ERR-102", "The icon is blurred.", "New icon", "Adform"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"Sheet1": rows, "Issues": coded}))
    got = {r["title"]: r["description"] for r in rows_of(sqlite_store, "issues")}
    assert set(got) == {"Spark: Failed to connect to the worker", "Hive query fails at 20GB of data",
                        "Cloudera installation cannot format the NameNode", "Map Reduce job hangs in accepted state",
                        "The export is empty.", "The icon is blurred."}
    assert got["Hive query fails at 20GB of data"].startswith("All files are gz")


def test_a_long_reason_names_the_records_over_the_comments(sqlite_store, tmp_path):
    """A bot team's failures: "Issue Date | Applicant | Process Name | Reason | Status | Comments | Assignee", the
    failure written in "Reason", what was found or done in "Comments". The comments titled the records, and the
    rows with no comment (nor status) were skipped as text under the header or left out with no title: 3 of 5
    lost. The long texts filled on more rows than the comments name the records; the comments describe them."""
    rows = [["Issue Date", "Applicant", "Process Name", "Reason", "Status", "Comments", "Assignee"],
            ["26/03/2020", "Aguilar 860981", "MLO jobs", "Failed to complete the update: the COM call failed.",
             None, None, "Vishal"],
            ["30/03/2020", "Potts 619694", "Hippo process", "Exception in the county lookup: no object was set.",
             "Issue resolved", "The API side was down that day", "Tossen"],
            ["13/04/2020", "Denson 1000026134", "Employment check", "The tax return file was password protected.",
             "Issue resolved", None, "Vishal"],
            ["14/04/2020", "Noldner 1000026272", "MLO jobs", "The account number field was not found in the path.",
             "Pending", "A fault in the cadence application", "Rohith"],
            ["20/04/2020", "Ott 1000003797", "Fannie Mae", "Cannot find the UI element of the credit report link.",
             None, None, "Rohith"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Tracker.xlsx", {"Bug Tracker": rows}))
    got = {r["title"]: r["description"] for r in rows_of(sqlite_store, "issues")}
    assert set(got) == {"Failed to complete the update: the COM call failed.",
                        "Exception in the county lookup: no object was set.",
                        "The tax return file was password protected.",
                        "The account number field was not found in the path.",
                        "Cannot find the UI element of the credit report link."}
    assert "The API side was down that day" in got["Exception in the county lookup: no object was set."]


def test_a_score_pair_restating_the_likelihood_and_impact_is_no_residual(sqlite_store, tmp_path):
    """A bank's risk log rates each risk in words ("Likelihood", "Impact"), plans its measures, then writes the
    same rating in numbers ("Impact Score", "Likelihood Score") that "Risk Score (I x L)" multiplies. The score
    pair was read as the residual rating on every risk. A header adding a word to the first one's ("Score") with
    no word of a later assessment restates it; "Residual Likelihood" after the measures is still the residual."""
    head = ["Risk ID", "Risk Title", "Likelihood", "Impact", "Risk Owner", "Mitigating Actions"]
    restated = [head + ["Impact Score", "Likelihood Score", "Risk Score (I x L)"],
                ["ID 1", "IT system failure", "Moderate", "High", "CIO", "Audits", 5, 4, 20],
                ["ID 2", "Market volatility", "High", "High", "CFO", "Hedging", 5, 5, 25],
                ["ID 3", "Regulatory changes", "Moderate", "Medium", "CCO", "Legal review", 3, 3, 9]]
    residual = [head + ["Residual Likelihood", "Residual Impact"],
                ["RR-1", "Loan defaults", "High", "High", "CRO", "Credit checks", "Low", "Medium"],
                ["RR-2", "Fraud", "Moderate", "High", "CRO", "Background checks", "Low", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Assessment Matrix.xlsx",
                                        {"Risk Log": restated, "Risk Register": residual}))
    risks = {r["code"]: (r["residual_probability"], r["residual_impact"]) for r in rows_of(sqlite_store, "risks")}
    assert risks == {"ID 1": (None, None), "ID 2": (None, None), "ID 3": (None, None),
                     "RR-1": (2, 3), "RR-2": (2, 3)}


def test_an_abbreviated_priority_header_is_read_by_its_levels(sqlite_store, tmp_path):
    """A research team's issue log heads its ratings "Sev" and "Pri" (M, H): the priority was only kept in the
    notes. A short form of a field's word is that field when the column's values are its levels, the short form
    of the field's own name first; a "Pri" column of people's initials stays in the notes."""
    head = ["id", "Title", "Desc", "raised date", "Sev", "Pri", "status", "Owner"]
    rated = [head, [1, "Hop count revision", "Counts are too low", "2024-04-16", "M", "H", "Open", "Erin"],
             [2, "Data processing revision", "A memory error", "2024-04-11", "M", "L", "Closed", "Eugene"],
             [3, "Sorting revised data", "Python crashes", "2024-04-24", "L", "M", "Open", "Erin"]]
    initials = [head[:4] + ["Pri"], [1, "Upload fails", "Timeout", "2024-05-01", "JK"],
                [2, "Logo blurred", "Small screens", "2024-05-02", "PW"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"Issues": rated, "Older issues": initials}))
    got = {r["title"]: r["priority"] for r in rows_of(sqlite_store, "issues")}
    assert got == {"Hop count revision": "High", "Data processing revision": "Low", "Sorting revised data": "Medium",
                   "Upload fails": "", "Logo blurred": ""}


def test_an_empty_templates_instruction_row_is_no_record(sqlite_store, tmp_path):
    """A course's empty risk-log template: under its header one row says what goes in each column ("dd/mm/yy",
    "Add a brief description of the identified risk", "… Choose either Low/Medium/High", "A description of the
    actions …"). It made a risk titled "Add a brief description of the identified risk". Only its first cell
    began with a guidance word; a sentence beginning with one, a date's format and "a description of …" tell
    what to write too. A risk whose text has such a sentence among its record's values stays a risk."""
    head = ["Ref", "Date Raised", "Raised By", "Risk Description", "Likelihood (L/M/H)", "Impact (L/M/H)",
            "Description of Impact", "Risk Strategy", "Risk Owner"]
    told = [None, "dd/mm/yy", None, "Add a brief description of the identified risk",
            "Probability of the risk occurring. Choose either Low/Medium/High",
            "Estimated impact on the program if the risk occurs", "A brief description of what effect the risk "
            "would have", "A description of the actions that will reduce the probability", None]
    template = [["Risk Log"], [], head, told]
    filled = [head, ["R1", "2024-03-01", "Ana", "Supplier fails to deliver. Check the contract first", "M", "H",
                     "Delay of a month", "Second supplier", "Ana"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Log.xlsx", {"Template": template, "Risks": filled}))
    assert [r["code"] for r in rows_of(sqlite_store, "risks")] == ["R1"]


def test_an_empty_templates_drop_down_lists_beside_it_make_no_records(sqlite_store, tmp_path):
    """Two empty templates: a RAID log numbered 1–12 with, under no header past its last column, the words its
    drop-downs choose from (Risk, Assumption … Open, Closed, Critical … Negligible), and a bug tracker whose
    list ("Bug", "New Feature") stands past its header. The list was taken for the title column: 8 risks
    "Assumption", "Open", "Critical" …, and an issue "New Feature". The list names no record: nothing is made.
    The same list beside a table of records is kept out of it as before."""
    raid = [[None, "RAID Category", "Description", "Impact", "Mitigation", "Owner", "Priority", "Status"],
            [1, None, None, None, None, None, None, None, "Risk"], [2, *[None] * 7, "Assumption"],
            [3, *[None] * 7, "Issue"], [4, *[None] * 7, "Dependency"], [5], [6, *[None] * 7, "Open"],
            [7, *[None] * 7, "Closed"], [8], [9, *[None] * 7, "Critical"], [10, *[None] * 7, "High"],
            [11, *[None] * 7, "Moderate"], [12, *[None] * 7, "Negligible"]]
    bugs = [["Issue No", "Feature", "Intent", "Action", "Expected Result", "Actual Result", "Screenshot",
             None, None, "Bug"], [None] * 9 + ["New Feature"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"RAID LOG": raid}))
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Tracker.xlsx", {"Sheet1": bugs}))
    made = {register: [r.get("title") for r in rows_of(sqlite_store, register)]
            for register in ("risks", "issues", "assumptions", "dependencies")}
    assert made == {"risks": [], "issues": [], "assumptions": [], "dependencies": []}


def test_an_id_spelled_as_one_token_is_a_code_and_an_event_log_no_register(sqlite_store, tmp_path):
    """An event log's "event_id | event_type | timestamp | … | description | source", its IDs written as phrases
    ("event:mobile_app_release_v5_4"), read as risks by its "description": the worded-ID rule moved that title
    column to a description risks do not have, and the import ended "Unexpected error (KeyError: risks has no
    field 'description')" (held-out round 61's change_log.csv on merged main). An identifier spelled as one token
    is a code, not a phrase naming the record: the log is refused as it was before the rule, no error."""
    rows = [["event_id", "event_type", "timestamp", "region", "channel", "description", "source"],
            ["event:mobile_app_release_v5_4", "product_release", "2026-08-12T09:00:00Z", "North_India",
             "Mobile_App", "Mobile checkout flow redesign rolled out to North India users.", "change_log"],
            ["event:competitor_diwali_promo", "market_event", "2026-08-11T00:00:00Z", "South_India", "Web",
             "Competitor launched an early promotional campaign targeting web shoppers.", "change_log"],
            ["event:pricing_update_east", "price_change", "2026-07-20T00:00:00Z", "East_India", "Store",
             "Routine price list update applied to the store channel, no major shift expected.", "change_log"],
            ["event:warehouse_strike_west", "supply_event", "2026-07-02T00:00:00Z", "West_India", "Store",
             "Warehouse staff strike delayed deliveries to western stores for two days.", "change_log"]]
    try:
        plan = plan_workbook_import(sqlite_store, write_csv(tmp_path / "change_log.csv", rows))
    except WorkbookError as refused:  # an event log is no register: refused with its reason, as before the rule
        assert "header row" in str(refused)
    else:
        assert not any(sheet.register == "risks" for sheet in plan.sheets)

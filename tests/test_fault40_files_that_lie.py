"""Fault round 40: files that are not what their name says, as offices have them. Jira's (and many web systems')
"Export to Excel" is a web page named .xls, and an Excel 2003 XML Spreadsheet named .xls is what others write: both
are plain data, and were refused ("open it in Excel, save it as .xlsx"); now they are read as Excel opens them. The
lock file Excel keeps beside an open workbook ("~$Risks.xlsx"), LibreOffice's (".~lock.Risks.xlsx#", read as a CSV
of one row), SharePoint's "Export to Excel" (a web query, .iqy, which holds an address) and an Excel Binary Workbook
(.xlsb, "a zip file but not an Excel workbook") are each refused in one sentence naming what they are and what to do,
the file untouched."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli
from xlsx_factory import snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog

ROWS = [("Risk", "RISK-12", "Vendor may miss the go-live date", "Ann Lee", "High", "In Progress", "Unresolved",
         "01/Dec/26 10:15 AM"),
        ("Risk", "RISK-13", "Data migration &amp; cut-over overrun", "Bob Ray", "Medium", "Open", "Unresolved",
         "02/Dec/26 2:40 PM"),
        ("Risk", "RISK-14", "Key tester leaves<br/>before UAT", "Ann Lee", "Low", "Done", "Done",
         "03/Dec/26 9:05 AM")]


def jira_page(rows=ROWS) -> str:
    """Jira's "Export ▸ Excel (Current fields)": a web page named .xls — a table of the site's name and how many
    issues, the issue table, a table saying when it was generated; icons with their alternative text."""
    head = ["Issue Type", "Key", "Summary", "Assignee", "Priority", "Status", "Resolution", "Created"]
    out = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
           'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
           'charset=UTF-8">\n<title>Acme Jira</title>\n<style>\n@page { margin:1.0in .75in 1.0in .75in; }\n'
           "br {mso-data-placement:same-cell;}\n</style>\n</head>\n<body>\n<table border=\"1\">\n"
           '    <tr bgcolor="#0747a6" height="29"><td colspan="8"><img src="/logo.png" alt="Acme Jira"/></td></tr>\n'
           '    <tr><td colspan="8"><a href="https://jira.acme.test/issues/?jql=project">Acme Jira</a></td></tr>\n'
           f'    <tr><td colspan="8">Displaying {len(rows)} issues at 05/Dec/26 9:02 AM.</td></tr>\n</table>\n'
           '<table id="issuetable" border="1" cellpadding="3" cellspacing="1" width="100%">\n<thead>\n'
           '<tr class="rowHeader">']
    out += [f'<th class="colHeaderLink sortable" data-id="c{i}">\n  {h}\n</th>' for i, h in enumerate(head)]
    out.append("</tr>\n</thead>\n<tbody>")
    for kind, key, summary, assignee, priority, status, resolution, created in rows:
        out.append(
            f'<tr id="issuerow{key[5:]}" data-issuekey="{key}" class="issuerow">\n'
            f'<td class="issuetype"><a class="hidden-link issue-link" href="/browse/{key}"><img src="/ico.png" '
            f'height="16" width="16" border="0" align="absmiddle" alt="{kind}" title="{kind} - A risk"></a></td>\n'
            f'<td class="issuekey"><a class="issue-link" href="/browse/{key}">{key}</a></td>\n'
            f'<td class="summary"><p>\n  <a class="issue-link" href="/browse/{key}">{summary}</a>\n</p></td>\n'
            f'<td class="assignee"><span class="user-hover" rel="x">{assignee}</span></td>\n'
            f'<td class="priority"><img src="/p.png" alt="{priority}"/>&nbsp;{priority}</td>\n'
            f'<td class="status"><span class="jira-issue-status-lozenge">{status}</span></td>\n'
            f'<td class="resolution"><em>{resolution}</em></td>\n'
            f'<td class="created"> {created}</td>\n</tr>')
    out.append('</tbody>\n</table>\n<table border="1">\n<tr><td colspan="8">Generated at Sat Dec 05 09:02:11 UTC 2026 '
               "by Ann Lee using Jira 9.4.0#940000-sha1:5c5ab9e.</td></tr>\n</table>\n</body>\n</html>\n")
    return "\n".join(out)


def issues(store) -> list[dict]:
    reg = REGISTERS["issues"]
    with store.session() as s:
        return [dict(zip(reg.field_names, r[2:])) for r in records.fetch_rows(s, reg, records.load_context(s))]


def test_a_jira_web_page_named_xls_is_imported_as_excel_shows_it(tmp_path: Path) -> None:
    office = tmp_path / "office.pmo"
    Store.create(office, program_name="office").close()
    page = tmp_path / "Jira.xls"
    page.write_text(jira_page(), encoding="utf-8")
    done = run_cli("import", office, page, cwd=tmp_path, ok=True)
    assert "Imported 3 new" in done.stdout, done.stdout
    store = Store.open(office)
    try:
        got = [(r["title"], r["owner"], r["raised_on"], r["priority"]) for r in issues(store)]
        assert got == [("Vendor may miss the go-live date", "Ann Lee", date(2026, 12, 1), "High"),
                       ("Data migration & cut-over overrun", "Bob Ray", date(2026, 12, 2), "Medium"),
                       ("Key tester leaves\nbefore UAT", "Ann Lee", date(2026, 12, 3), "Low")]
        texts = " ".join(str(v) for r in issues(store) for v in r.values())
        assert "Generated at" not in texts and "Acme Jira" not in texts  # the page's footer and title are no issue's
        assert all("RISK-1" in r["description"] for r in issues(store))  # its key kept with it
    finally:
        store.close()


def test_the_import_dialog_previews_and_imports_a_jira_page(qtbot, document, tmp_path: Path) -> None:
    page = tmp_path / "Jira.xls"
    page.write_text(jira_page(), encoding="utf-8")
    before = page.read_bytes()
    dialog = ImportDialog(document, page)
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.ok, dialog.summary.text()
    assert dialog.plan.count("insert") == 3
    dialog.do_import()
    assert [r["title"] for r in issues(document.store)][:1] == ["Vendor may miss the go-live date"]
    assert page.read_bytes() == before


XML_2003 = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>
 <Worksheet ss:Name="Risk Register">
  <Table>
   <Row><Cell ss:MergeAcross="4"><Data ss:Type="String">Project Phoenix – risk register</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">Title</Data></Cell><Cell><Data ss:Type="String">Probability</Data></Cell>
    <Cell><Data ss:Type="String">Impact</Data></Cell><Cell><Data ss:Type="String">Raised</Data></Cell>
    <Cell><Data ss:Type="String">Owner</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Supplier &amp; vendor late</Data></Cell><Cell><Data ss:Type="Number">4</Data></Cell>
    <Cell><Data ss:Type="Number">3</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="DateTime">2026-11-03T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="String">Ann Lee</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Crane permit refused</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">5</Data></Cell>
    <Cell ss:StyleID="d"><Data ss:Type="DateTime">2026-11-20T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="String">Bob Ray</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Lists">
  <Table><Row><Cell><Data ss:Type="String">Open</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
</Workbook>
"""


def test_an_excel_2003_xml_spreadsheet_named_xls_is_imported_cell_by_cell(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(XML_2003, encoding="utf-8")
    plan = plan_import(sqlite_store, path)
    assert [s.sheet for s in plan.sheets] == ["Risk Register"]  # the hidden list sheet not offered
    rows = [r.values for r in plan.sheets[0].rows if r.report.action.value == "insert"]
    assert [(r["title"], r["probability"], r["impact"], r["raised_on"], r["owner"]) for r in rows] == [
        ("Supplier & vendor late", 4, 3, date(2026, 11, 3), "Ann Lee"),
        ("Crane permit refused", None, 5, date(2026, 11, 20), "Bob Ray")]  # ss:Index skipped its probability


def test_an_xml_spreadsheet_declaring_entities_is_refused_unread(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "lol.xls"
    path.write_text(XML_2003.replace('<?mso-application progid="Excel.Sheet"?>',
                                     '<!DOCTYPE Workbook [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'),
                    encoding="utf-8")
    with pytest.raises(WorkbookError, match="refused as unsafe"):
        plan_import(sqlite_store, path)


EXCEL_LOCK = bytes([7]) + b"Ann Lee" + b" " * 46 + bytes([7, 0]) + "Ann Lee".encode("utf-16-le") + b"\0" * 96


@pytest.mark.parametrize("name,content,said", [
    ("~$Risks.xlsx", EXCEL_LOCK, "“~$Risks.xlsx” is the lock file a spreadsheet program keeps beside “Risks.xlsx” "
                                 "while someone has it open (it holds only their name), not the workbook; import "
                                 "“Risks.xlsx” itself."),
    (".~lock.Risks.xlsx#", b"Ann Lee,ANN-PC,ann,05.12.2026 09:00,file:///C:/Users/ann/AppData/Roaming/LibreOffice/4;",
     "“.~lock.Risks.xlsx#” is the lock file a spreadsheet program keeps beside “Risks.xlsx”"),
    ("query.iqy", b"WEB\r\n1\r\nhttps://acme.sharepoint.com/sites/pmo/_vti_bin/owssvr.dll?XMLDATA=1&List={1}\r\n",
     "“query.iqy” is an Excel web query (.iqy), what SharePoint's “Export to Excel” gives: it holds the list's "
     "address, not its rows; open it in Excel"),
    ("Risks.xlsb", None, "“Risks.xlsb” is an Excel Binary Workbook (.xlsb), which is not read here; open it in Excel, "
                         "save it as an Excel Workbook (.xlsx) and import that."),
])
def test_a_file_standing_for_a_workbook_is_named_in_one_sentence_and_left_alone(sqlite_store, tmp_path: Path,
                                                                               name: str, content, said: str) -> None:
    path = tmp_path / name
    if content is None:  # an .xlsb: a zip whose parts are binary records, workbook.bin for workbook.xml
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.bin", b"\x83\x01\x00")
            z.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    else:
        path.write_bytes(content)
    before, stored = path.read_bytes(), snapshot(sqlite_store)
    with pytest.raises(WorkbookError) as refused:
        plan_import(sqlite_store, path)
    assert str(refused.value).startswith(said) and "\n" not in str(refused.value)
    assert path.read_bytes() == before and snapshot(sqlite_store) == stored
    done = run_cli("import", "--dry-run", sqlite_store.path, path, cwd=tmp_path)
    assert done.returncode != 0 and said in done.stderr

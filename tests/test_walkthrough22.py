"""Walkthrough 22: what walkthrough 21's newcomer tripped on and was left — each fixed, by real key presses on
real widgets and real workbooks."""


from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def test_the_import_summary_counts_people_not_persons(qtbot, document, tmp_path):
    """A workbook of a people list and a risk log: the summary said "(2 risks, 2 persons)". Every register's
    noun counts as a colleague would say it: people, dependencies, status reports, one risk."""
    other = Store.create(tmp_path / "colleague.pmo")  # a colleague's office, exported as the app writes it
    with other.transaction() as s:
        for name in ("Helen Brooks", "Omar Said"):
            records.create_record(s, REGISTERS["people"], {"name": name})
        records.create_record(s, REGISTERS["risks"], {"title": "Vendor slips", "probability": 2, "impact": 2,
                                                      "owner": "Helen Brooks"})
    export_workbook(other, tmp_path / "office.xlsx", ["people", "risks"])
    other.close()
    dialog = ImportDialog(document, tmp_path / "office.xlsx")
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert "(2 people, 1 risk)" in summary
    from pmo_desktop.models.fields import count_of, plural_of

    for reg in REGISTERS.values():
        assert count_of(1, reg.noun) == f"1 {reg.noun}"
        assert not count_of(2, reg.noun).endswith(("ys", "persons", "ss"))
    assert plural_of("category") == "categories" and plural_of("dependency") == "dependencies"

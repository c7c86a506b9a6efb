"""Classes of problem found on round 50 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_change_logs_date_of_the_change_is_the_day_decided(sqlite_store, tmp_path):
    """A course project's change log: "document | change_description | change_date | major_update | version |
    approved_by", each row a change made to a plan and who approved it. It goes to the decision log (README),
    titled by the change and decided by its approver, but "change_date" stayed in the rationale: no day
    decided, so every approved, dated change was left Pending. The date of the change is the day it was
    decided, in a change log of any of the office's languages; with who approved it, the change is Decided."""
    path = write_csv(tmp_path / "change_log.csv", [
        ["document", "change_description", "change_date", "major_update", "version", "approved_by"],
        ["Outing Plan", "Initial plan created", "2024-06-05", "Yes", "v1.0", "Project Lead"],
        ["Outing Plan", "Added weather contingency", "2024-06-12", "No", "v1.2", "Project Lead"],
        ["Participant List", "10 people confirmed", "2024-06-14", "Yes", "v1.0", "Team Rep"]])
    import_all(sqlite_store, path)
    got = {d["title"]: d for d in rows_of(sqlite_store, "decisions")}
    assert got["Added weather contingency"]["decided_on"] == dt.date(2024, 6, 12)
    assert {d["status"] for d in got.values()} == {"Decided"}

    spanish = write_xlsx(tmp_path / "registro_de_cambios.xlsx", {"Cambios": [
        ["N° cambio", "Descripción del cambio", "Fecha del cambio", "Aprobado por"],
        ["C-01", "Se amplía el alcance del módulo de pagos", dt.date(2024, 3, 4), "Comité de cambios"],
        ["C-02", "Se retrasa la entrega del informe", dt.date(2024, 3, 18), "Comité de cambios"]]})
    import_all(sqlite_store, spanish)
    assert by_code(sqlite_store, "decisions")["C-02"]["decided_on"] == dt.date(2024, 3, 18)

"""Classes of problem found on round 26 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_xlsx


def _partners_list(ratings: list[tuple[str, str]]) -> list[list[object]]:
    """A project partners' stakeholder list: groups of columns one empty column apart under a band of
    captions, and the stakeholders rated A, B or C."""
    rows: list[list[object]] = [
        ["Stakeholders list"], [],
        ["", "Basic information", "", "", "", "Rating", "", "", "Segments of cooperation", "", "",
         "Contact information (optional)", "", "", "", ""],
        ["", "Project partner", "Stakeholder name", "Stakeholder type", "", "Interest", "Power of influence", "",
         "Co-design process", "Living labs", "", "Contact phone", "Contact e-mail", "Website URL", "",
         "Special notes and comments"],
    ]
    for n, (interest, power) in enumerate(ratings, 1):
        rows.append([n, "ANCI Lazio", f"Agency {n}", "Primary stakeholder" if n % 2 else "Secondary stakeholder",
                     None, interest, power, None, "Yes" if n % 3 else "No", "No", None,
                     f"+39 06 555 {n:04d}" if n % 2 else None, f"info{n}@agency.example" if n % 2 else None,
                     f"https://agency{n}.example" if n % 2 else None, None, "Met in May" if n == 2 else None])
    return rows


def test_columns_past_a_spacer_under_one_band_of_captions_are_the_registers(sqlite_store, tmp_path):
    """A stakeholder list whose groups of columns ("Basic information", "Rating", "Segments of cooperation",
    "Contact information") one empty column each sets apart, under a band of captions: the groups after the
    first column with nothing the office names were taken for a legend beside the table and dropped (every
    contact, e-mail and comment lost). One band of captions heads one table: the phone is the contact, the
    rest kept, labelled, in the notes."""
    ratings = [("A", "A"), ("A", "B"), ("B", "A"), ("A", "A"), ("B", "B"), ("A", "A")]
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders list": _partners_list(ratings)})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert len(got) == 6
    assert got["Agency 1"]["contact"] == "+39 06 555 0001"
    assert "Contact e-mail: info1@agency.example" in got["Agency 1"]["notes"]
    assert "Website URL: https://agency1.example" in got["Agency 1"]["notes"]
    assert "Co-design process: Yes" in got["Agency 1"]["notes"]
    assert "Special notes and comments: Met in May" in got["Agency 2"]["notes"]


def test_letter_grades_rank_from_a_down(sqlite_store, tmp_path):
    """Interest and power graded A, B and C, the C's first far down the list: A was read as high and B as
    low (Spanish "(A, M, B)": alta, media, baja), and every C refused (the rows left out). A column that
    writes C and no M is graded: A high, B medium, C low."""
    ratings = [("A", "A"), ("A", "B"), ("B", "A"), ("B", "B")] * 10 + [("B", "C"), ("C", "C"), ("A", "C")]
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders list": _partners_list(ratings)})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert len(got) == 43
    assert (got["Agency 1"]["interest"], got["Agency 1"]["power"]) == (4, 4)
    assert (got["Agency 2"]["interest"], got["Agency 2"]["power"]) == (4, 3)
    assert (got["Agency 41"]["interest"], got["Agency 41"]["power"]) == (3, 2)
    assert (got["Agency 42"]["interest"], got["Agency 42"]["power"]) == (2, 2)
    # the Spanish stakeholder register's "(A, M, B)" (alta, media, baja) keeps B as low where M is written
    path = write_xlsx(tmp_path / "Registro de Interesados.xlsx", {"Stakeholders": [
        ["ID", "Nombre", "Puesto", "Impacto (A, M, B)", "Influencia (A, M, B)"],
        ["E-1", "Lidia Crucinta", "Gerente", "A", "A"],
        ["E-2", "Nelly Ulloa", "Especialista", "M", "B"],
        ["E-3", "Pedro Sulla", "Consultor", "B", "M"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "stakeholders")
    assert (got["E-2"]["interest"], got["E-2"]["power"]) == (3, 2)
    assert (got["E-3"]["interest"], got["E-3"]["power"]) == (2, 3)

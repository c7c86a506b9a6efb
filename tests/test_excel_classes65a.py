"""Issue 12, classes65a: the miss classes of unseen set 64 left by classes64, as general rules — a status word
the office does not know, a Greek register, a Russian defect list titled by its description. Each test writes
a workbook of the shape (never a fetched file) and failed on the code before (main e9b1c4cd)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def _notes(plan) -> str:
    return " ".join(s.note for s in plan.sheets if s.note)


def test_a_status_word_the_office_does_not_know_keeps_its_row(sqlite_store, tmp_path):
    """A vendor tracker's defect export: "Fixed", "Closed", "Open" and a state of its own between them
    ("Vendor Replied"). Each row writing that state was left out whole; it is imported at the state a new issue
    starts in, the word kept in its notes and said once for the column."""
    rows = [["Defect ID", "Summary", "Priority", "Defect Status"],
            ["7001", "Port view shows stale alarms", "2 Major", "Fixed"],
            ["7002", "Login banner misspelt", "3 Minor", "Vendor Replied"],
            ["7003", "Backup job fails at midnight", "1 Urgent", "Closed"],
            ["7004", "Map tiles load slowly", "3 Minor", "Vendor Replied"],
            ["7005", "Export drops the last column", "2 Major", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "defects.xlsx", {"Sheet1": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == ["7001", "7002", "7003", "7004", "7005"]
    assert issues["7002"]["status"] == "Open" and "Vendor Replied" in issues["7002"]["description"]
    assert _notes(plan).count("“Vendor Replied” (2 rows) is no state the office knows: those rows are imported as "
                              "“Open”") == 1


def test_a_trackers_waiting_and_deferred_states_read_as_open(sqlite_store, tmp_path):
    """A tracker's intermediate states the words files now name ("Replied", "Waiting for vendor",
    "Deferred"): read as Open, not left as unknown words."""
    rows = [["ID", "Title", "Status"],
            ["B-1", "Crash on save", "Replied"],
            ["B-2", "Slow search", "Waiting for vendor"],
            ["B-3", "Wrong font in the footer", "Deferred"],
            ["B-4", "Help page missing", "Closed"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Issues": rows}))
    status = {r["code"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert status == {"B-1": "Open", "B-2": "Open", "B-3": "Open", "B-4": "Closed"}
    assert "no state the office knows" not in _notes(plan)


def test_a_greek_security_risk_assessment_is_read(sqlite_store, tmp_path):
    """A clinic's information security risk assessment in Greek (asset, threat, weak point, the property at
    stake, likelihood and severity before the measures, the measures, the same after): refused with no Greek
    words file. Each risk now placed as an English sheet of that shape is: the threat its event and title, the weak
    point its cause, the first pair its ratings, the pair after the measures its residual ratings, the measures
    its plan, the asset and the risk scores in the notes."""
    rows = [["ΑΞΙΟΛΟΓΗΣΗ ΚΙΝΔΥΝΩΝ ΑΣΦΑΛΕΙΑΣ ΤΗΣ ΚΛΙΝΙΚΗΣ"], [],
            ["Α/Α", "Περιουσιακό στοιχείο", "Απειλή", "Τρωτό σημείο", "Πιθανότητα πριν τη λήψη μέτρων",
             "Σοβαρότητα πριν τη λήψη μέτρων", "Επικινδυνότητα πριν", "Μέτρα αντιμετώπισης",
             "Πιθανότητα μετά τη λήψη μέτρων", "Σοβαρότητα μετά τη λήψη μέτρων", "Επικινδυνότητα μετά"],
            [1, "Βάση δεδομένων ραντεβού", "Διαρροή προσωπικών δεδομένων", "Αδύναμοι κωδικοί πρόσβασης", 4, 5, 20,
             "Πολιτική ισχυρών κωδικών και έλεγχος ταυτότητας δύο παραγόντων", 2, 5, 10],
            [2, "Εξυπηρετητής αρχείων", "Πυρκαγιά στο μηχανοστάσιο", "Απουσία συστήματος πυρόσβεσης", 2, 4, 8,
             "Εγκατάσταση αυτόματης πυρόσβεσης", 1, 4, 4],
            [3, "Φορητοί υπολογιστές", "Κλοπή εξοπλισμού", "Μη κρυπτογραφημένοι δίσκοι", 3, 3, 9,
             "Κρυπτογράφηση δίσκων", 3, 1, 3]]
    import_all(sqlite_store, write_xlsx(tmp_path / "ektimisi.xlsx", {"Εκτίμηση": rows}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == ["1", "2", "3"]
    first = risks["1"]
    assert first["title"] == first["event"] == "Διαρροή προσωπικών δεδομένων"
    assert first["cause"] == "Αδύναμοι κωδικοί πρόσβασης"
    assert (first["probability"], first["impact"], first["residual_probability"], first["residual_impact"]) == \
        (4, 5, 2, 5)
    assert "Βάση δεδομένων ραντεβού" in first["notes"]
    assert len(rows_of(sqlite_store, "risk_actions")) == 3  # the measures, each risk's plan


def test_a_greek_issue_log_reads_its_priorities_and_statuses(sqlite_store, tmp_path):
    """A Greek issue log: its headers, priorities and statuses (one of them a tracker's "Σε αναμονή", waiting)."""
    rows = [["Κωδικός", "Πρόβλημα", "Προτεραιότητα", "Κατάσταση", "Υπεύθυνος"],
            ["Π-1", "Καθυστέρηση παράδοσης εξοπλισμού", "Υψηλή", "Ανοιχτό", "Νίκος"],
            ["Π-2", "Ελλιπής τεκμηρίωση", "Χαμηλή", "Σε αναμονή", "Μαρία"],
            ["Π-3", "Σφάλμα στην εκτύπωση", "Κρίσιμη", "Επιλύθηκε", "Νίκος"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "provlimata.xlsx", {"Προβλήματα": rows}))
    issues = {r["code"]: (r["priority"], r["status"]) for r in rows_of(sqlite_store, "issues")}
    assert issues == {"Π-1": ("High", "Open"), "Π-2": ("Low", "Open"), "Π-3": ("Critical", "Resolved")}


def _defect_list(head: list[str]) -> dict[str, list[list[object]]]:
    return {"Лист1": [["", "Дефекты страницы поиска"], ["Проверялась форма поиска интернет-магазина."], head,
                      [1, "Кнопка поиска не реагирует на пустое поле", "S4 Незначительная (Minor)", ""],
                      [2, "Фильтр цены сбрасывается при переходе на вторую страницу", "S3 Значительная (Major)",
                       "Составлен баг-репорт"],
                      [3, "Счётчик результатов на единицу больше списка", "S5 Тривиальная (Trivial)", ""]]}


def test_a_russian_defect_list_titled_by_its_description_is_read(sqlite_store, tmp_path):
    """A tester's defect list "№ п/п | Описание дефекта | Серьезность (Severity) | Примечание" under a title and a
    note: refused (no title column, "№ п/п" no ID, the severity ladder "S3 Значительная (Major)" no priority).
    The description of the defect names the issues (the title where no column gives one), the header with its
    translation in brackets is read by either word, and the ladder's word, or its translation, gives the level."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Defects.xlsx", _defect_list(
        ["№ п/п", "Описание дефекта", "Серьезность (Severity)", "Примечание"])))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == ["1", "2", "3"]
    assert issues["2"]["title"] == "Фильтр цены сбрасывается при переходе на вторую страницу"
    assert [issues[c]["priority"] for c in ("1", "2", "3")] == ["Low", "High", "Low"]
    assert "Составлен баг-репорт" in issues["2"]["description"]
    assert not rows_of(sqlite_store, "risks")


def test_a_defect_description_in_other_languages_names_an_issue_not_a_risk(sqlite_store, tmp_path):
    """The same list headed in Ukrainian, French and Spanish ("Опис дефекту", "Description du défaut",
    "Descripción del defecto"): a description of a defect is an issue's, never a risk's title (the French and
    Spanish lists were refused or read as risks)."""
    heads = {"uk": ["№ з/п", "Опис дефекту", "Серйозність (Severity)", "Примітка"],
             "fr": ["N°", "Description du défaut", "Gravité", "Remarque"],
             "es": ["N.º", "Descripción del defecto", "Gravedad", "Observación"]}
    read = {lang: [(s.register, len(s.rows)) for s in import_all(
        sqlite_store, write_xlsx(tmp_path / f"defects_{lang}.xlsx", _defect_list(head))).sheets]
        for lang, head in heads.items()}
    assert read == {lang: [("issues", 3)] for lang in heads}
    assert not rows_of(sqlite_store, "risks")


def test_a_level_misspelt_by_one_slip_is_that_level_said_once(sqlite_store, tmp_path):
    """A web app's security risks, one severity typed "Hgih", one "Lwo" and a priority "Meduim": each was kept in
    the notes, the field left empty. A level word two letters swapped (or, from five letters, one letter off) from
    exactly one level word is that level, said once for the column; a short word that is another word is not."""
    rows = [["ID", "Description", "Severity", "Status"],
            ["R1", "Session tokens never expire", "High", "Open"],
            ["R2", "Passwords stored with a fast hash", "Hgih", "Open"],
            ["R3", "Verbose errors on the login page", "Lwo", "Open"],
            ["R4", "No rate limit on the reset form", "Medium", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    impact = {r["code"]: r["impact"] for r in rows_of(sqlite_store, "risks")}
    assert impact == {"R1": 4, "R2": 4, "R3": 2, "R4": 3}
    assert _notes(plan).count("“Hgih” read as 4 of 5") == 1 and "both read as" not in _notes(plan)
    issues = [["ID", "Issue", "Priority"], ["I1", "Build server out of disk", "Meduim"],
              ["I2", "Licence renewal late", "Owl"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": issues}))
    priority = {r["code"]: r["priority"] for r in rows_of(sqlite_store, "issues")}
    assert priority == {"I1": "Medium", "I2": ""}  # "Owl" kept in the notes, no slip of "Low"

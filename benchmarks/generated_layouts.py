"""Layouts the shared corpus lacks, written for bench_corpus.py: (workbook, its expectation).

Each mirrors a class of real register: headers in another language, a table in column C under a
two-row header, a RAID log on one sheet, stakeholders over two merged rows, a cause/event CSV, an
OpenDocument file. Random but seeded, so every run measures the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from real_world_factory import write_csv, write_ods, write_xlsx  # noqa: E402

WORDS = ["supplier", "budget", "data", "migration", "staff", "licence", "vendor", "server", "training", "audit",
         "scope", "network", "contract", "security", "testing", "launch"]


def _title(rng: random.Random, i: int) -> str:
    return f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} problem number {i}"


def french(folder: Path) -> tuple[Path, dict]:
    rng = random.Random(1)
    rows: list[list[Any]] = [["Registre des risques"], [],
                             ["Réf", "Intitulé du risque", "Catégorie", "Probabilité", "Gravité", "Propriétaire",
                              "Statut", "Plan d'action"]]
    for i in range(1, 21):
        rows.append([f"RQ-{i}", _title(rng, i), rng.choice(["Financier", "Technique", "Juridique"]),
                     rng.choice(["Faible", "Moyenne", "Élevée"]), rng.choice(["Faible", "Moyen", "Élevé", "Critique"]),
                     rng.choice(["Anne", "Luc"]), rng.choice(["Ouvert", "En cours", "Clôturé"]), "Suivi mensuel"])
    path = write_xlsx(folder / "generated_fr_registre.xlsx", {"Risques": rows})
    return path, {"Risques": {"register": "risks", "header_row": 3, "rows": 20, "key": "Intitulé du risque",
                              "columns": {"Réf": "code", "Intitulé du risque": "title", "Catégorie": "category",
                                          "Probabilité": "probability", "Gravité": "impact", "Propriétaire": "owner",
                                          "Statut": "status", "Plan d'action": "keep"}}}


def german_two_row_header(folder: Path) -> tuple[Path, dict]:
    rng = random.Random(2)
    rows: list[list[Any]] = [["Risikoregister Projekt Alpha"], [],
                             [None, None, "Risiko", None, "Vor Maßnahmen", None, "Nach Maßnahmen", None, None],
                             [None, None, "Nr", "Risikobeschreibung", "Wahrscheinlichkeit", "Auswirkung",
                              "Wahrscheinlichkeit", "Auswirkung", "Maßnahmen"]]
    for i in range(1, 16):
        rows.append([None, None, f"D-{i}", _title(rng, i), rng.choice(["hoch", "mittel", "niedrig"]),
                     rng.randint(1, 5), rng.choice(["niedrig", "mittel"]), rng.randint(1, 3), "Lieferant wechseln"])
    path = write_xlsx(folder / "generated_de_two_row_header.xlsx", {"Register": rows},
                      merges={"Register": ["E3:F3", "G3:H3"]})
    return path, {"Register": {"register": "risks", "header_row": 4, "rows": 15, "key": "Risikobeschreibung",
                               "columns": {"Nr": "code", "Risikobeschreibung": "title", "Maßnahmen": "keep"}}}


def spanish_stakeholders_merged(folder: Path) -> tuple[Path, dict]:
    rng = random.Random(3)
    rows: list[list[Any]] = [["Nombre", "Organización", "Cargo", "Influencia", "Interés", "Expectativas"]]
    merges = []
    names = ["Ana Ruiz", "Luis Gómez", "Marta Díaz", "Pablo León", "Sara Vidal", "Juan Mora", "Eva Ramos", "Iker Sanz"]
    for i, name in enumerate(names):
        r = len(rows) + 1
        rows.append([name, rng.choice(["Finanzas", "TI", "Ventas"]), "Director", rng.choice(["Alta", "Media", "Baja"]),
                     rng.choice(["Alto", "Medio"]), "Informes mensuales"])
        if i % 2 == 0:  # this stakeholder takes two rows, name merged down
            rows.append([None, None, None, None, None, "Reunión trimestral"])
            merges.append(f"A{r}:A{r + 1}")
    path = write_xlsx(folder / "generated_es_interesados.xlsx", {"Interesados": rows}, merges={"Interesados": merges})
    return path, {"Interesados": {"register": "stakeholders", "header_row": 1, "rows": 8, "key": "Nombre",
                                  "columns": {"Nombre": "name", "Organización": "organisation", "Cargo": "role",
                                              "Influencia": "power", "Interés": "interest",
                                              "Expectativas": "concerns"}}}


def raid_one_sheet(folder: Path) -> tuple[Path, dict]:
    rng = random.Random(4)
    rows: list[list[Any]] = [["RAID log"], ["ID", "Type", "Description", "Owner", "Status", "Priority", "Mitigation"]]
    kinds = ["Risk"] * 10 + ["Issue"] * 6 + ["Assumption"] * 3 + ["Dependency"] * 3
    rng.shuffle(kinds)
    for i, kind in enumerate(kinds, start=1):
        rows.append([str(i), kind, _title(rng, i), rng.choice(["Ann", "Bo"]), rng.choice(["Open", "In Progress",
                     "Closed"]), rng.choice(["High", "Medium", "Low"]), "Weekly review"])
    path = write_xlsx(folder / "generated_raid_one_sheet.xlsx", {"RAID": rows})
    risks = {"register": "risks", "header_row": 2, "rows": 10, "key": "Description", "filter": ("Type", "Risk"),
             "columns": {"Description": "title", "Owner": "owner", "Status": "status", "Mitigation": "keep"}}
    issues = {"register": "issues", "header_row": 2, "rows": 6, "key": "Description", "filter": ("Type", "Issue"),
              "columns": {"Description": "title", "Owner": "owner", "Status": "status", "Priority": "priority"}}
    return path, {"RAID": risks, "RAID#issues": {**issues, "sheet": "RAID"}}


def cause_event_csv(folder: Path) -> tuple[Path, dict]:
    rng = random.Random(5)
    rows: list[list[Any]] = [["Cause", "Event", "Effect", "Likelihood (%)", "Severity", "Proximity"]]
    for i in range(1, 13):
        rows.append([f"Because {rng.choice(WORDS)} is late", f"{_title(rng, i)} occurs", "Delay of a month",
                     f"{rng.choice([10, 30, 50, 70, 90])}%", rng.choice(["Minor", "Moderate", "Major"]),
                     f"2026-0{rng.randint(1, 9)}-15"])
    path = write_csv(folder / "generated_cause_event.csv", rows, delimiter=";")
    return path, {"generated_cause_event": {
        "register": "risks", "header_row": 1, "rows": 12, "key": "Event",
        "columns": {"Cause": "cause", "Event": "title", "Effect": "effect", "Likelihood (%)": "probability",
                    "Severity": "impact", "Proximity": "proximity"}}}


def ods_register(folder: Path) -> tuple[Path, dict]:
    rng = random.Random(6)
    rows: list[list[Any]] = [["Risk No", "Risk Title", "Probability", "Impact", "Response", "Risk Owner"]]
    for i in range(1, 11):
        rows.append([i, _title(rng, i), rng.choice([0.1, 0.3, 0.5, 0.7, 0.9]), rng.choice(["L", "M", "H"]),
                     rng.choice(["Avoidance", "Mitigation", "Transfer", "Acceptance"]), "Ann"])
    path = write_ods(folder / "generated_register.ods", {"Risk log": rows})
    return path, {"Risk log": {"register": "risks", "header_row": 1, "rows": 10, "key": "Risk Title",
                               "columns": {"Risk No": "code", "Risk Title": "title", "Probability": "probability",
                                           "Impact": "impact", "Response": "response", "Risk Owner": "owner"}}}


LAYOUTS: list[Callable[[Path], tuple[Path, dict]]] = [french, german_two_row_header, spanish_stakeholders_merged,
                                                       raid_one_sheet, cause_event_csv, ods_register]

"""Classes of problem found on round 54's held-out set (docs/import-rounds.md), fixed after it was measured: each
test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_trackers_titles_tagged_as_stories_and_epics_are_its_backlog(sqlite_store, tmp_path):
    """A GitHub issue import of a clinic app's backlog: "[EPIC] Agenda e serviços", "[US] Login e cadastro de
    usuários" (US: a user story), labelled by feature ("auth;rbac", "agenda") and only the epics' first rows
    "epic". The rows labelled "epic" were left out as planned work, the 24 stories imported as 24 issues. A
    title opening with its kind in brackets says what the row is where its labels do not; a "[Bug]" is still
    an issue."""
    path = write_csv(tmp_path / "issues.csv", [
        ["Title", "Body", "Labels", "Milestone", "Assignee"],
        ["[EPIC] Agendamentos (fluxo paciente)", "Fluxo completo de agendamento com reservas.", "epic", "MVP", ""],
        ["[EPIC] Prontuário básico", "Registro simples de atendimento e histórico.", "records", "MVP", ""],
        ["[US] Login e cadastro de usuários", "Implementar login/cadastro com validação de e-mail.", "auth;rbac",
         "MVP", ""],
        ["[US] Bloqueios de agenda", "Criar bloqueios pontuais (férias e eventos).", "agenda", "MVP", ""],
        ["[US] Pagamento Pix", "Gerar QR Code e atualizar status via webhook.", "payments;pix", "MVP", ""],
        ["[Bug] Webhook duplica pagamentos", "O mesmo pagamento chega duas vezes.", "payments", "MVP", "Ana"]])
    import_all(sqlite_store, path)
    assert [i["title"] for i in rows_of(sqlite_store, "issues")] == ["[Bug] Webhook duplica pagamentos"]
    assert {p["name"] for p in rows_of(sqlite_store, "people")} <= {"Ana"}


def test_a_project_impact_written_out_is_the_effect_not_a_project(sqlite_store, tmp_path):
    """A capstone's risk log on a government template: "Risk Impact" (High, Medium) and beside it "Project
    Impact" ("Project not complete", "The project outcomes may get delayed …"). The second was read as the
    project each risk belongs to: seven projects made of those phrases, every risk linked to one. A header
    naming a rating whole ("project impact" is the impact's) over phrases is that rating written out, the
    risk's effect; and "Actively Accept" is the response Accept."""
    rows = [["RISK MANAGEMENT LOG"],
            ["Project Name:", None, None, "Naaman"],
            ["ID", "Current\nStatus", "Risk\nImpact", "Probability of\nOccurrence", "Risk\nDescription",
             "Project\nImpact", "Risk Area", "Risk Response\nStrategy", "Contingency Plan"],
            ["Data Loss", "Open", "High", "Low", "Data loss due to a hardware failure",
             "The team will need to rebuild the project", "Project Resources", "Avoid", "Keep cloud backups."],
            ["Health Issues", "Open", "Medium", "Low", "A team member falls ill",
             "The project outcomes may get delayed", "Schedule", "Actively Accept", "Others carry on the work."],
            ["Strategic risks", "Open", "High", "Low", "Choosing the wrong strategy", "Project not complete",
             "Outcome", "Avoid", "Survey the existing systems first."],
            ["Legal risks", "Open", "Low", "Low", "The app gives medical advice", "Project may be rejected",
             "Final product", "Avoid", "Write a privacy policy."]]
    path = write_xlsx(tmp_path / "Risk Management.xlsx", {"Risk_Tracking_Log": rows})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "projects") == []
    risks = {r["effect"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"The team will need to rebuild the project", "The project outcomes may get delayed",
                          "Project not complete", "Project may be rejected"}
    assert risks["The team will need to rebuild the project"]["impact"] == 4
    assert risks["The project outcomes may get delayed"]["response"] == "Accept"

"""Issue 12, classes70b: unseen set 70's header-word miss classes (English registers) as general rules — a header
written as a question names the field it asks for; a field said with what it bears on ("Effect on project") is that
field; a title header in another language the office knows is read among English ones. Each test writes a workbook
of the shape (never a fetched file) and failed on the code before (main bc6ca4f6)."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.header_detection import kind_for, map_header


def test_a_header_asking_who_deals_with_it_is_the_owner(sqlite_store, tmp_path):
    """A game team's bug list asks "Who will deal with it?" over the one fixing each bug: it was kept in the notes
    on every row. A question word and a word saying what is asked of the one it names (deal, own, fix) name the
    owner; a question opening on a field's name ("What is the status?") names that field."""
    bugs = [["Number", "Date Found", "Priority", "Who will deal with it?", "What is the status?", "Summary"],
            [1, "2016-04-08", "High", "Charles Ward", "Open", "Bullets fire from the centre of the sprite"],
            [2, "2016-04-09", "Medium", "Dana Kim", "Closed", "The camera shows the edges of the map"],
            [3, "2016-04-15", "Low", "Charles Ward", "Open", "Players do not respawn at the checkpoint"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Bugs": bugs}))
    issues = by_code(sqlite_store, "issues")
    assert {c: (i["owner"], i["status"]) for c, i in issues.items()} == {
        "1": ("Charles Ward", "Open"), "2": ("Dana Kim", "Closed"), "3": ("Charles Ward", "Open")}
    assert all("Who will deal" not in (i["description"] or "") for i in issues.values())


def test_questions_name_the_field_of_each_register_that_has_it():
    """The same question asks for the register's own field: the owner of a risk, the actionee of an action list,
    who decided a decision; "How likely is it?" is the likelihood, "When was it raised?" the day. A register of
    people is named by "Who" itself: there it is no owner."""
    risk, _ = map_header(kind_for("risks"), ["Risk", "How likely is it?", "Who owns it?", "When was it raised?"])
    assert risk == {0: "title", 1: "probability", 2: "owner", 3: "raised_on"}
    actions, _ = map_header(kind_for("risk_actions"), ["Action", "Who will do it?", "By when?"])
    assert actions[1] == "actionee"
    decisions, _ = map_header(kind_for("decisions"), ["Decision", "Who decided?", "When was it decided?"])
    assert (decisions[1], decisions[2]) == ("decided_by", "decided_on")
    issues, _ = map_header(kind_for("issues"), ["Issue", "Who", "Status"])
    assert issues[1] == "owner"
    # a sentence opening on a question word is a row's text, no header
    said, _ = map_header(kind_for("risk_actions"), ["Action", "When a check-in is done from the bookings page the "
                                                              "room is not saved", "Owner"])
    assert 1 not in said
    people, _ = map_header(kind_for("stakeholders"), ["Who", "Role", "Interest"])
    assert people.get(0) != "owner"
    # the words files say the questions of other languages: "Qui s'en occupe ?", "¿Quién se encarga?"
    for header in ("Qui s'en occupe ?", "¿Quién se encarga?", "Wer kümmert sich darum?"):
        assert map_header(kind_for("issues"), ["Issue", header, "Status"])[0][1] == "owner"


def test_effect_on_the_project_is_the_effect(sqlite_store, tmp_path):
    """"Effect on project" beside the risk's probability and impact was kept in the notes though the register has
    the effect: "Effect" alone is known, but one short word is not read as the start of a longer header. A field's
    name followed by a tail saying what it bears on — "on"/"to", articles, the project, programme or business —
    names that field; "Impact on the business" stays the effect, as "Impact on business" is."""
    risks = [["Risk Detail", "Probability(Low, Medium, High)", "Impact(Low, Medium, High)", "Effect on project",
              "Risk Reduction Actions"],
             ["Loss of key staff", "L", "H", "Unable to complete key features", "Pair programming"],
             ["Architecture changes", "L", "H", "Time and quality cost", "Investigate the requirements well"],
             ["Poor communication in the team", "M", "M", "Disjointed work", "Weekly meetings"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risk assessment.xlsx", {"Risks": risks}))
    effects = {r["title"]: r["effect"] for r in rows_of(sqlite_store, "risks")}
    assert effects == {"Loss of key staff": "Unable to complete key features",
                       "Architecture changes": "Time and quality cost",
                       "Poor communication in the team": "Disjointed work"}
    mapping, _ = map_header(kind_for("risks"), ["Risk", "Impact", "Impact on the business", "Owner to the programme"])
    assert mapping == {0: "title", 1: "impact", 2: "effect", 3: "owner"}


def test_a_vulnerability_headed_in_indonesian_names_the_risks(sqlite_store, tmp_path):
    """A security course's risk register, its headers English but the vulnerability's ("Kerentanan", Indonesian),
    was refused: no column named the records ("Risk" holds levels). The office reads every language's headers at
    once: the Indonesian word is the vulnerability, the risk's cause, as "Vulnerability" is — which names the
    records where no title column does, as it did for the English header."""
    register = [["Risk Register Final"], [],
                ["ID", "Kerentanan", "OWASP", "CVSS", "Likelihood", "Impact", "Risk"],
                ["VUL-002", "SQL Injection (login)", "A03", 9.8, "High", "Critical", "Critical"],
                ["VUL-011", "ReDoS (ua-parser-js)", "A06", 10.0, "High", "Medium", "High"],
                ["VUL-003", "Insecure File Upload", "A08", 8.8, "High", "High", "High"],
                ["VUL-020", "Open Redirect", "A01", 6.1, "High", "Medium", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Register Final.xlsx", {"Sheet1": register}))
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["VUL-002", "VUL-003", "VUL-011", "VUL-020"]
    assert (risks["VUL-003"]["title"], risks["VUL-003"]["cause"]) == ("Insecure File Upload", "Insecure File Upload")

"""The demo program office: a retail transformation program, so every screen has something real."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from sqlalchemy import URL
from sqlalchemy.orm import Session

from . import clock, disk, errors, records
from .program import Program
from .registers import REGISTERS
from .store import Store

PROJECTS = [
    ("Inventory management", "Priya Shah", "Tom Walker", "Active", date(2025, 10, 1), date(2026, 12, 31), 1_800_000),
    ("Point of sale replacement", "Marcus Lee", "Tom Walker", "Active", date(2025, 11, 1), date(2027, 3, 31), 2_400_000),
    ("Customer loyalty", "Elena Rossi", "Grace Kim", "Active", date(2026, 1, 15), date(2027, 6, 30), 950_000),
    ("E-commerce platform", "David Okafor", "Grace Kim", "Proposed", date(2026, 6, 1), date(2027, 12, 31), 3_100_000),
    ("Store operations training", "Aisha Patel", "Helen Brooks", "Active", date(2026, 2, 1), date(2026, 11, 30), 300_000),
]

OBJECTIVES = [
    ("Grow like-for-like sales by 5% a year", "Sales growth across stores and online."),
    ("Reduce stock-outs and waste", "The right stock in the right store at the right time."),
    ("Know and keep our customers", "A single view of the customer and a loyalty offer they value."),
]

OUTCOMES = [
    ("Accurate real-time stock visibility", ["Inventory management"]),
    ("Faster checkout", ["Point of sale replacement"]),
    ("Personalised customer offers", ["Customer loyalty", "Point of sale replacement"]),
    ("Staff confident with new tools", ["Store operations training"]),
]

STAKEHOLDERS = [
    # name, organisation, role, group, program level, projects, power, interest, attitude, current, desired, owner
    ("Helen Brooks", "Executive board", "Chief Operating Officer", "Executive", True, [], 5, 5, "Champion", "Leading", "Leading", "Tom Walker"),
    ("Raj Mehta", "Finance", "Finance Director", "Executive", True, [], 5, 3, "Critic", "Neutral", "Supportive", "Tom Walker"),
    ("Store managers forum", "Stores", "Store managers", "Operations", False, ["Point of sale replacement", "Store operations training"], 3, 5, "Neutral", "Resistant", "Supportive", "Aisha Patel"),
    ("Linda Osei", "IT", "Head of IT Operations", "Technology", True, ["Inventory management", "Point of sale replacement"], 4, 4, "Supporter", "Supportive", "Leading", "Marcus Lee"),
    ("Union representatives", "Staff union", "Shop stewards", "Staff", False, ["Store operations training"], 3, 4, "Opponent", "Resistant", "Neutral", "Helen Brooks"),
    ("Payments provider", "PayCo Ltd", "Account manager", "Supplier", False, ["Point of sale replacement"], 2, 3, "Neutral", "Neutral", "Supportive", "Marcus Lee"),
    ("Marketing team", "Marketing", "Head of CRM", "Business", False, ["Customer loyalty"], 2, 5, "Champion", "Supportive", "Leading", "Elena Rossi"),
    ("Data protection officer", "Legal", "DPO", "Governance", True, ["Customer loyalty"], 4, 2, "Neutral", "Unaware", "Supportive", "Grace Kim"),
]

RISKS = [
    # title, kind, category, level, project, related, owner, p, i, rp, ri, response, status, areas
    ("POS supplier delivers late", "Threat", "Supplier", "Project", "Point of sale replacement", [], "Marcus Lee", 4, 4, 2, 3, "Reduce", "Open", "Time; Cost"),
    ("Stock data quality too poor to migrate", "Threat", "Technical", "Project", "Inventory management", [], "Priya Shah", 3, 5, 2, 4, "Reduce", "Open", "Time; Quality"),
    ("Store staff resist new tills", "Threat", "People", "Project", "Store operations training", [], "Aisha Patel", 3, 3, 2, 2, "Reduce", "Open", "Benefits"),
    ("Inventory and POS integration slips", "Threat", "Interdependency", "Program", "Inventory management",
     ["Inventory management", "Point of sale replacement"], "Tom Walker", 4, 5, 3, 4, "Reduce", "Open", "Time; Benefits"),
    ("Loyalty uptake below business case", "Threat", "Benefits", "Program", None, ["Customer loyalty"], "Grace Kim", 3, 4, 3, 3, "Reduce", "Open", "Benefits"),
    ("Peak trading freeze squeezes go-live window", "Threat", "Capacity", "Program", None,
     ["Point of sale replacement", "Store operations training"], "Tom Walker", 5, 3, 4, 2, "Accept", "Open", "Time"),
    ("Reuse loyalty data for e-commerce personalisation", "Opportunity", "Strategic", "Program", None,
     ["Customer loyalty", "E-commerce platform"], "Grace Kim", 3, 4, 4, 4, "Exploit", "Open", "Benefits"),
    ("GDPR consent model rejected by DPO", "Threat", "Regulatory", "Project", "Customer loyalty", [], "Elena Rossi", 2, 5, 1, 4, "Avoid", "Open", "Time; Quality"),
    ("Key developer leaves", "Threat", "People", "Project", "Inventory management", [], "Priya Shah", 2, 3, 2, 2, "Transfer", "Closed", "Time"),
    ("Card terminal certification fails", "Threat", "Technical", "Project", "Point of sale replacement", [], "Marcus Lee", 2, 4, 1, 3, "Reduce", "Occurred", "Time"),
]

BENEFITS = [
    # title, category, owner, objectives, projects, outcomes, measure, unit, baseline, target, plan pts, actuals
    ("Reduced stock-outs", "Financial cashable", "Priya Shah", [1], ["Inventory management"], ["Accurate real-time stock visibility"],
     "Lost sales from stock-outs", "£k/month", 420.0, 250.0, [(0, 420), (6, 380), (12, 300), (18, 250)], [(2, 405), (5, 388), (8, 356)]),
    ("Faster checkout", "Non-financial", "Marcus Lee", [0], ["Point of sale replacement"], ["Faster checkout"],
     "Average transaction time", "seconds", 95.0, 60.0, [(0, 95), (9, 80), (15, 60)], [(3, 92), (6, 87)]),
    ("Loyalty revenue uplift", "Financial cashable", "Elena Rossi", [0, 2], ["Customer loyalty", "Point of sale replacement"],
     ["Personalised customer offers"], "Incremental revenue from members", "£k/month", 0.0, 300.0,
     [(0, 0), (6, 60), (12, 180), (18, 300)], [(4, 20), (7, 35)]),
    ("Lower stock write-offs", "Financial cashable", "Priya Shah", [1], ["Inventory management"], ["Accurate real-time stock visibility"],
     "Write-offs", "£k/quarter", 800.0, 600.0, [(0, 800), (12, 650), (24, 600)], [(3, 766)]),
    ("Staff satisfaction with tools", "Non-financial", "Aisha Patel", [], ["Store operations training"], ["Staff confident with new tools"],
     "Survey score", "%", 55.0, 75.0, [(0, 55), (12, 75)], []),
    ("Temporary drop in till throughput", "Non-financial", "Marcus Lee", [0], ["Point of sale replacement"], ["Faster checkout"],
     "Transactions per till hour lost", "transactions", 0.0, 0.0, [(0, 0), (3, 10), (9, 0)], [(2, 7)]),
]


def _months(start: date, n: int) -> date:
    from .stakeholder_rules import add_months

    return add_months(start, n)



def _in_a_sentence(title: str) -> str:
    """A title inside a sentence: its first letter small, its acronyms as written ("POS supplier delivers late",
    "GDPR consent model rejected by DPO") — lowered whole, the board read "pos" and "gdpr … by dpo"."""
    first = title.split(" ", 1)[0]
    return title if first.isupper() and len(first) > 1 else title[:1].lower() + title[1:]

def populate(store: Store, today: date | None = None) -> None:
    """Fill an empty program office with the demo program (dates relative to today)."""
    today = today or clock.today()
    # The program started ten months ago, so every demo measurement (up to month 8) lies in the past.
    start = _months(date(today.year, today.month, 1), -10)
    R = REGISTERS
    project: str | None  # a risk's project and owner may be blank, unlike a stakeholder's or an output's
    owner: str | None
    with store.transaction() as s:
        program = s.query(Program).first()
        assert program is not None  # every new file has its program row
        program.name = "Retail Transformation Programme"
        program.description = "Modernise stores, stock and customer relationships across 120 shops."
        program.sponsor = "Helen Brooks"
        program.manager = "Tom Walker"
        program.start_date = date(2025, 10, 1)
        program.end_date = date(2027, 12, 31)
        for name, mgr, sponsor, status, st, en, budget in PROJECTS:
            records.create_record(s, R["projects"], {"name": name, "manager": mgr, "sponsor": sponsor, "status": status,
                                                     "start_date": st, "end_date": en, "budget": budget})
        objectives = [records.create_record(s, R["objectives"], {"title": t, "description": d}) for t, d in OBJECTIVES]
        for name, _projects in OUTCOMES:
            records.create_record(s, R["outcomes"], {"name": name})
        for i, (name, projects) in enumerate(OUTCOMES):
            for project in projects:
                records.create_record(s, R["outputs"], {"name": f"{project} release {i + 1}", "project": project,
                                                        "outcomes": [name]})
        for (name, org, role, group, prog, projects, power, interest, att, cur, des, owner) in STAKEHOLDERS:
            records.create_record(s, R["stakeholders"], {
                "name": name, "organisation": org, "role": role, "group": group, "program_level": prog,
                "projects": projects, "power": power, "interest": interest, "attitude": att,
                "current_engagement": cur, "desired_engagement": des, "owner": owner})
        comms = [
            ("Weekly project status report", None, "Project managers", "Email", "Weekly", "Tom Walker", today - timedelta(days=9)),
            ("Monthly program review", "Helen Brooks", "Program board", "Meeting", "Monthly", "Tom Walker", _months(today, -1)),
            ("Quarterly stakeholder update", None, "All stakeholders", "Newsletter", "Quarterly", "Grace Kim", _months(today, -2)),
            ("Finance benefits check-in", "Raj Mehta", "", "1:1", "Monthly", "Tom Walker", today - timedelta(days=20)),
            ("Store managers roadshow", "Store managers forum", "", "Workshop", "Quarterly", "Aisha Patel", _months(today, -4)),
            ("Union consultation", "Union representatives", "", "Meeting", "Fortnightly", "Helen Brooks", today - timedelta(days=10)),
        ]
        for msg, sh, audience, channel, freq, owner, last in comms:
            records.create_record(s, R["communications"], {"message": msg, "stakeholder": sh, "audience": audience,
                                                           "channel": channel, "frequency": freq, "owner": owner,
                                                           "last_held": last})
        for n, (title, kind, cat, level, project, related, owner, p, i, rp, ri, resp, status, areas) in enumerate(RISKS):
            risk = records.create_record(s, R["risks"], {
                "title": title, "kind": kind, "category": cat, "level": level, "project": project,
                "related_projects": related, "owner": owner, "raised_on": start + timedelta(days=10 * n),
                "proximity": today + timedelta(days=30 + 15 * n), "probability": p, "impact": i,
                "residual_probability": rp, "residual_impact": ri, "response": resp, "status": status,
                "impact_areas": areas, "event": f"{title}.", "reviewed_on": today - timedelta(days=4 + 9 * n),
                "escalated": level == "Program" and project is not None,
                "escalation_reason": "Affects more than one project." if level == "Program" and project else ""})
            records.create_record(s, R["risk_actions"], {"description": f"Agree mitigation plan for: {_in_a_sentence(title)}",
                                                         "actionee": owner, "due": today + timedelta(days=14 + n),
                                                         "status": "In progress" if n % 2 else "Not started"},
                                  parent_id=risk.id)
            if status == "Occurred":
                issue = records.create_record(s, R["issues"], {"title": title, "project": project, "owner": owner,
                                                               "raised_on": today - timedelta(days=5),
                                                               "priority": "High", "risk": risk.code})
                records.create_record(s, R["issue_actions"], {"description": "Book a second certification slot",
                                                              "actionee": owner, "due": today + timedelta(days=3)},
                                      parent_id=issue.id)
        for (title, cat, owner, objs, projects, outcomes, measure, unit, base, target, plan, actuals) in BENEFITS:
            benefit = records.create_record(s, R["benefits"], {
                "title": title, "category": cat, "owner": owner, "objectives": [objectives[k].title for k in objs],
                "projects": projects, "outcomes": outcomes, "measure": measure, "unit": unit,
                "baseline_value": base, "baseline_date": start, "target_value": target,
                "target_date": _months(start, plan[-1][0]), "window_start": start,
                "window_end": _months(start, plan[-1][0] + 6), "lifecycle": "Realizing" if actuals else "Planned",
                "dis_benefit": title.startswith("Temporary"), "confidence": "Medium",
                "measurement_frequency": "Monthly"})  # assessed and planned, as the office's
            for month, value in plan:
                records.create_record(s, R["benefit_plan"], {"on": _months(start, month), "value": value}, parent_id=benefit.id)
            for month, value in actuals:
                records.create_record(s, R["benefit_measurements"], {"on": _months(start, month), "value": value,
                                                                     "source": "Monthly MI pack"}, parent_id=benefit.id)
        _raid(s, today)
        _status(s, today)


POS, INVENTORY, LOYALTY = "Point of sale replacement", "Inventory management", "Customer loyalty"
ECOMMERCE, TRAINING = "E-commerce platform", "Store operations training"


def _raid(s: Session, today: date) -> None:
    """A few assumptions, dependencies and decisions, linked to the demo's projects, risks and issues."""
    R = REGISTERS

    def day(n: int) -> date:
        return today + timedelta(days=n)

    for values in (
        {"title": "Stores can close tills for two hours a night for installation", "project": POS,
         "owner": "Marcus Lee", "raised_on": day(-90), "validate_by": day(20), "risks": ["R-001"],
         "impact_if_false": "Installation moves to weekends: about 15% more cost and four weeks longer."},
        {"title": "The business can cleanse stock data within three months", "project": INVENTORY,
         "owner": "Priya Shah", "raised_on": day(-120), "validate_by": day(-7), "risks": ["R-002"],
         "impact_if_false": "Migration slips; the stock API needed by the tills is late."},
        {"title": "Four in ten customers consent to offers through the app", "project": LOYALTY,
         "owner": "Elena Rossi", "raised_on": day(-150), "validate_by": day(-30), "status": "Validated",
         "risks": ["R-005", "R-008"], "impact_if_false": "Loyalty benefit falls short of the business case."},
    ):
        records.create_record(s, R["assumptions"], values)
    for values in (
        {"title": "Real-time stock API", "from_project": INVENTORY, "to_project": POS, "needed_by": day(30),
         "owner": "Priya Shah", "status": "At risk", "criticality": "High"},
        {"title": "Till transaction feed", "from_project": POS, "to_project": LOYALTY, "needed_by": day(60),
         "owner": "Marcus Lee", "criticality": "High"},
        {"title": "Customer profile service", "from_project": LOYALTY, "to_project": ECOMMERCE, "needed_by": day(120),
         "owner": "Elena Rossi", "criticality": "Medium"},
        {"title": "New tills in the training stores", "from_project": POS, "to_project": TRAINING,
         "needed_by": day(-10), "owner": "Marcus Lee", "criticality": "Critical",
         "notes": "Still On track in the log, but its date has passed: the map shows it late."},
        {"title": "Card terminal certification", "external_party": "Card schemes", "to_project": POS,
         "needed_by": day(45), "owner": "Marcus Lee", "status": "At risk", "criticality": "Critical"},
        {"title": "Warehouse system upgrade", "external_party": "Supply Chain Programme", "to_project": INVENTORY,
         "needed_by": day(-40), "owner": "Priya Shah", "status": "Delivered", "criticality": "Medium"},
    ):
        records.create_record(s, R["dependencies"], values)
    for values in (
        {"title": "One point of sale vendor for all 120 stores", "level": "Program", "projects": [POS, TRAINING],
         "options": "A: one vendor. B: two vendors by region. C: keep the old tills in small stores.",
         "cost_impact": 2_400_000, "decided_by": "Helen Brooks", "status": "Decided", "decided_on": day(-60),
         "rationale": "Lowest whole-life cost; one training course.", "risks": ["R-001"]},
        {"title": "Go-live freeze over peak trading", "level": "Program", "projects": [POS, TRAINING],
         "options": "Freeze from mid-November, or go live in two waves either side of peak.",
         "decided_by": "Tom Walker", "due": day(10), "risks": ["R-006"]},
        {"title": "Build or buy the loyalty app", "level": "Project", "project": LOYALTY, "cost_impact": 40_000,
         "options": "Build in-house, or license a white-label app.", "decided_by": "Elena Rossi", "due": day(25)},
        {"title": "Migrate stock data in one weekend", "level": "Project", "project": INVENTORY,
         "cost_impact": 20_000, "options": "Big bang over a weekend, or region by region.",
         "decided_by": "Priya Shah", "status": "Decided", "decided_on": day(-20), "risks": ["R-002"]},
        {"title": "Certify terminals with a second acquirer", "level": "Project", "project": POS,
         "options": "Wait for the card schemes, or certify with a second acquirer in parallel.",
         "decided_by": "Marcus Lee", "due": day(-3), "issues": ["I-001"]},
    ):
        records.create_record(s, R["decisions"], values)


# Overall, schedule, cost, scope, quality, benefits as letters, oldest period first: some movement, so
# the dashboard shows a project getting worse, one getting better and one new.
STATUS_HISTORY = {
    "Inventory management": ["GGGGGG", "GAGGGG", "AAGGAG", "AAAGAG"],
    "Point of sale replacement": ["GGGGGG", "AAGGGA", "AAAGGA", "RRAGAA"],
    "Customer loyalty": ["AAGGGA", "RRAGGR", "AAGGGA", "GGGGGA"],
    "Store operations training": ["GGGGGG", "GGGGGG", "GGAGGG", "AAAGGA"],
    "E-commerce platform": ["GGGGGG"],
}
STATUS_COMMENTS = {
    "Inventory management": ("Stock data cleansing is behind; migration rehearsal moved by two weeks.",
                             "Ask: a decision on migrating region by region if the rehearsal fails."),
    "Point of sale replacement": ("Card terminal certification failed and the pilot missed its date; a second "
                                  "acquirer is being certified in parallel.",
                                  "Escalation: agree the go-live freeze over peak trading (DEC-002)."),
    "Customer loyalty": ("Consent model approved by the DPO; the app is on track for store launch.", ""),
    "Store operations training": ("Trainers are ready but the training stores still lack new tills.",
                                  "Ask: priority for the training stores in POS wave 1."),
    "E-commerce platform": ("Business case in preparation.", ""),
}
EARLIER_COMMENT = {"G": "On plan.", "A": "Some pressure on the plan; recovery actions in hand.",
                   "R": "Off plan; a recovery plan is agreed with the sponsor."}
# title, project (None: the program's own), owner, baseline, forecast, actual — days from today
MILESTONES = [
    ("Stock data cleansed", "Inventory management", "Priya Shah", -60, None, -55),
    ("Real-time stock API live", "Inventory management", "Priya Shah", 20, 35, None),
    ("All stores on the new stock system", "Inventory management", "Priya Shah", 200, None, None),
    ("Pilot store live on new tills", "Point of sale replacement", "Marcus Lee", -10, None, None),
    ("Card terminals certified", "Point of sale replacement", "Marcus Lee", 10, 40, None),
    ("Rollout wave 1 complete", "Point of sale replacement", "Marcus Lee", 120, 120, None),
    ("Consent model approved", "Customer loyalty", "Elena Rossi", -30, None, -28),
    ("Loyalty app in stores", "Customer loyalty", "Elena Rossi", 25, 25, None),
    ("Trainers trained", "Store operations training", "Aisha Patel", 14, None, None),
    ("All store staff trained", "Store operations training", "Aisha Patel", 150, None, None),
    ("Business case approved", "E-commerce platform", "David Okafor", 45, None, None),
    ("Programme mid-point review", None, "Tom Walker", 28, None, None),
]


def _status(s: Session, today: date) -> None:
    """Monthly status reports for the last few months (the current month not yet reported) and each
    project's key milestones, one of them slipped and one late."""
    from .status_rules import period_of

    R = REGISTERS
    letters = {"G": "Green", "A": "Amber", "R": "Red"}
    managers = {name: mgr for name, mgr, *_rest in PROJECTS}
    this_month = date(today.year, today.month, 1)
    for project, history in STATUS_HISTORY.items():
        comment, ask = STATUS_COMMENTS[project]
        for k, ratings in enumerate(history):
            month = _months(this_month, k - len(history))
            values: dict[str, object] = {
                "project": project, "period": period_of(month, "Monthly"), "state": "Final",
                "reported_on": _months(month, 1) - timedelta(days=3), "author": managers[project],
                "commentary": comment if k == len(history) - 1 else EARLIER_COMMENT[ratings[0]],
                "asks": ask if k == len(history) - 1 else ""}
            values.update(zip(("overall", "schedule", "cost", "scope", "quality", "benefits"),
                              (letters[c] for c in ratings)))
            records.create_record(s, R["status_reports"], values)
    for title, of_project, owner, baseline, forecast, actual in MILESTONES:
        records.create_record(s, R["milestones"], {
            "title": title, "project": of_project, "owner": owner, "baseline": today + timedelta(days=baseline),
            "forecast": today + timedelta(days=forecast) if forecast is not None else None,
            "actual": today + timedelta(days=actual) if actual is not None else None})


def _backdate_history(store: Store) -> None:
    """Give the demo a risk trend: each risk opened scored a notch higher on the day it was raised and
    reached today's scores and status ten weeks later."""
    from sqlalchemy import delete, select

    from .risks import Risk, RiskHistory

    with store.transaction() as s:
        s.execute(delete(RiskHistory))
        for risk in s.scalars(select(Risk)):
            assert risk.raised_on is not None  # every demo risk has a raised date
            raised = datetime.combine(risk.raised_on, datetime.min.time())
            s.add(RiskHistory(risk_id=risk.id, recorded_at=raised, note="created", status="Open", level="Project",
                              probability=min((risk.probability or 1) + 1, 5), impact=risk.impact,
                              residual_probability=risk.residual_probability, residual_impact=risk.residual_impact))
            s.add(RiskHistory(risk_id=risk.id, recorded_at=raised + timedelta(days=70), note="changed",
                              status=risk.status, level=risk.level, probability=risk.probability, impact=risk.impact,
                              residual_probability=risk.residual_probability, residual_impact=risk.residual_impact))


def create_demo(target: str | os.PathLike[str] | URL, today: date | None = None) -> Store:
    def fill(store: Store) -> None:
        try:
            populate(store, today)
            _backdate_history(store)
        except errors.StoreError as e:
            folder = store.path.parent if store.path is not None else None
            cause = disk.failure_cause(e, folder) or str(e)
            raise errors.StoreError(f"Could not create the demo office: {cause}.") from e

    # A half-filled demo (the disk filled up, the program killed) is no demo: Store.create fills it under a
    # temporary name and gives it the demo's only when whole, so neither `new --demo` nor the window's
    # demo office (made once, then reused) leaves a half-made office under the demo's name.
    return Store.create(target, program_name="Retail Transformation Programme", fill=fill)

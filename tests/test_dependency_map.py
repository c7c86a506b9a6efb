"""The dependency map: projects and outside parties as nodes, dependencies as arrows by status, and what a
late or at-risk dependency threatens downstream (projects, outputs, benefits)."""

from datetime import date

from pmo_desktop.models import records
from pmo_desktop.models.dependency_map import load_dependency_map, threatened
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2027, 3, 1)


def build(store):
    R = REGISTERS
    with store.transaction() as s:
        for name in ("Network", "Tills", "Loyalty", "Warehouse"):
            records.create_record(s, R["projects"], {"name": name})
        records.create_record(s, R["outcomes"], {"name": "Faster checkout"})
        records.create_record(s, R["outputs"], {"name": "New tills live", "project": "Tills", "outcomes": "Faster checkout"})
        records.create_record(s, R["outputs"], {"name": "Loyalty app", "project": "Loyalty"})
        records.create_record(s, R["outputs"], {"name": "Racking", "project": "Warehouse"})
        records.create_record(s, R["benefits"], {"title": "Shorter queues", "outcomes": "Faster checkout"})
        records.create_record(s, R["benefits"], {"title": "Repeat visits", "projects": "Loyalty"})
        records.create_record(s, R["benefits"], {"title": "Less stock", "projects": "Warehouse"})
        D = R["dependencies"]
        ids = [records.create_record(s, D, values).id for values in (
            {"title": "Store network", "from_project": "Network", "to_project": "Tills", "status": "At risk"},
            {"title": "Till data feed", "from_project": "Tills", "to_project": "Loyalty",
             "needed_by": date(2027, 2, 1)},                         # past its date: late
            {"title": "Card approval", "external_party": "Card scheme", "to_project": "Tills", "status": "Delivered"},
            {"title": "Old feed", "from_project": "Loyalty", "to_project": "Warehouse", "status": "Cancelled"},
        )]
    return ids


def test_nodes_arrows_and_columns(store):
    build(store)
    with store.session() as s:
        graph = load_dependency_map(s, TODAY)
    assert [[graph.labels[n] for n in col] for col in graph.columns] == [
        ["Card scheme", "Network"], ["Tills"], ["Loyalty"], ["Warehouse"]]
    # An outside party stands just left of the project that needs it.
    with store.transaction() as s:
        records.create_record(s, REGISTERS["dependencies"], {"title": "Vouchers", "external_party": "Bank",
                                                              "to_project": "Warehouse"})
    with store.session() as s:
        graph = load_dependency_map(s, TODAY)
    assert [graph.labels[n] for n in graph.columns[2]] == ["Bank", "Loyalty"]
    assert [(a.code, a.status) for a in graph.arrows] == [
        ("D-001", "At risk"), ("D-002", "Late"), ("D-003", "Delivered"), ("D-004", "Cancelled"), ("D-005", "On track")]
    assert [a.code for a in graph.in_trouble()] == ["D-001", "D-002"]


def test_a_dependency_in_trouble_threatens_what_lies_downstream(store):
    network, feed, card, old = build(store)
    with store.session() as s:
        upstream = threatened(s, network)
        late = threatened(s, feed)
    # The network feeds Tills, and Tills feeds Loyalty; the cancelled feed to Warehouse carries nothing.
    assert upstream.projects == ("Tills", "Loyalty")
    assert upstream.outputs == ("OP-01 New tills live", "OP-02 Loyalty app")
    assert upstream.benefits == ("B-001 Shorter queues", "B-002 Repeat visits")  # via an outcome, and direct
    assert (late.projects, late.outputs, late.benefits) == (("Loyalty",), ("OP-02 Loyalty app",), ("B-002 Repeat visits",))


def test_the_map_tab_draws_every_project_and_lists_what_is_threatened(qtbot, document):
    from pmo_desktop.models import clock
    from pmo_desktop.views.raid.page import RaidPage

    build(document.store)
    with clock.frozen(TODAY):
        page = RaidPage(document)
        qtbot.addWidget(page)
        page.show()
        page.tabs.setCurrentWidget(page.dependency_map)
        widget = page.dependency_map
        assert sorted(widget.view.boxes.values(), key=lambda b: b.key)[0].text.toPlainText()
        assert len(widget.view.boxes) == 5 and len(widget.view.arrows) == 4
        top = widget.trouble.topLevelItem(0)
        assert top.text(0) == "D-001 Store network — At risk"
        assert top.child(0).text(0) == "Projects: Tills, Loyalty"
        widget.trouble.itemActivated.emit(top.child(2), 0)  # a line under it opens the dependency
        assert page.tabs.currentWidget() is page.views["dependencies"]
        assert page.register_view.current_record_id() == 1

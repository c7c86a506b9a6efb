"""The benefits map: the chain's nodes and edges, orphans flagged, columns ordered."""

from pmo_desktop.models import records
from pmo_desktop.models.benefits_map import LAYERS, ORPHAN, WARNING, build_map, load_map
from pmo_desktop.models.registers import REGISTERS


def test_orphans_in_a_built_office(store):
    R = REGISTERS
    with store.transaction() as s:
        for name in ("Tills", "Stock", "Idle project"):
            records.create_record(s, R["projects"], {"name": name})
        records.create_record(s, R["objectives"], {"title": "Grow sales"})
        records.create_record(s, R["outcomes"], {"name": "Fast checkout"})
        records.create_record(s, R["outputs"], {"name": "New tills", "project": "Tills", "outcomes": ["Fast checkout"]})
        chained = records.create_record(s, R["benefits"], {"title": "Shorter queues", "outcomes": ["Fast checkout"],
                                                           "objectives": ["Grow sales"]}).id
        direct = records.create_record(s, R["benefits"], {"title": "Less waste", "projects": ["Stock"],
                                                          "objectives": ["Grow sales"]}).id
        orphan = records.create_record(s, R["benefits"], {"title": "Wishful thinking"}).id
    with store.session() as s:
        graph = load_map(s)
        idle = records.find_id_by_code(s, R["projects"], "P-03")
    assert graph.flagged("benefits") == {orphan}
    assert graph.flagged("projects") == {idle}
    assert graph.nodes[("benefits", orphan)].reason == "No enabling project"
    assert graph.nodes[("projects", idle)].reason == "Enables no benefit"
    assert graph.nodes[("benefits", chained)].flag == ""
    # "Less waste" is enabled only by a direct project link: drawn as a direct edge.
    directs = [e for e in graph.edges if e.direct]
    assert [(e.source[0], e.target) for e in directs] == [("projects", ("benefits", direct))]
    assert [len(c) for c in graph.columns] == [3, 1, 1, 3, 1]


def test_chain_edges_and_warnings():
    g = build_map(
        projects=[(1, "P-01", "Tills"), (2, "P-02", "Stock")],
        outputs=[(10, "OP-01", "New tills", 1), (11, "OP-02", "Report", 2)],
        outcomes=[(20, "OC-01", "Fast checkout"), (21, "OC-02", "Nobody needs this")],
        benefits=[(30, "B-001", "Queues"), (31, "B-002", "Unlinked objective")],
        objectives=[(40, "O-1", "Grow"), (41, "O-2", "Forgotten")],
        output_outcomes=[(10, 20), (11, 21)], benefit_outcomes=[(30, 20)],
        benefit_objectives=[(30, 40)], benefit_projects=[(31, 2), (30, 1)])
    chain = {(e.source, e.target) for e in g.edges if not e.direct}
    assert chain == {(("projects", 1), ("outputs", 10)), (("projects", 2), ("outputs", 11)),
                     (("outputs", 10), ("outcomes", 20)), (("outputs", 11), ("outcomes", 21)),
                     (("outcomes", 20), ("benefits", 30)), (("benefits", 30), ("objectives", 40))}
    # P-01 → B-001 is implied by the chain, so only P-02 → B-002 is a direct edge.
    assert [(e.source, e.target) for e in g.edges if e.direct] == [(("projects", 2), ("benefits", 31))]
    assert not g.orphans
    flags = {k: (n.flag, n.reason) for k, n in g.nodes.items() if n.flag}
    assert flags == {("outcomes", 21): (WARNING, "Realizes no benefit"),
                     ("benefits", 31): (WARNING, "Serves no strategic objective"),
                     ("objectives", 41): (WARNING, "No benefit serves it")}


def test_ordering_follows_the_chain():
    # Two parallel chains given in crossed order: the sweeps untangle them.
    g = build_map(
        projects=[(1, "P-01", "A"), (2, "P-02", "B")],
        outputs=[(10, "OP-01", "for B", 2), (11, "OP-02", "for A", 1)],
        outcomes=[(20, "OC-01", "from A"), (21, "OC-02", "from B")],
        benefits=[(30, "B-001", "from B"), (31, "B-002", "from A")],
        objectives=[], output_outcomes=[(11, 20), (10, 21)], benefit_outcomes=[(31, 20), (30, 21)],
        benefit_objectives=[], benefit_projects=[])
    rows = [[g.nodes[k].label for k in col] for col in g.columns]
    assert rows[0] == ["A", "B"] and rows[1] == ["for A", "for B"]
    assert rows[2] == ["from A", "from B"] and rows[3] == ["from A", "from B"]
    assert ORPHAN not in {n.flag for n in g.nodes.values()} and len(g.columns) == len(LAYERS)


def test_demo_map(demo_store):
    with demo_store.session() as s:
        g = load_map(s)
    assert {n.label for n in g.orphans} == {"E-commerce platform"}
    assert all(g.columns)

"""The power/interest grid: drags re-rate stakeholders in the file (undoably), clicks select rows,
crowded cells stay readable, the project filter applies."""

import pytest
from stakeholder_helpers import STAKEHOLDERS, make_page, mouse_click, mouse_drag, reopened

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.stakeholder_queries import GridPoint
from pmo_desktop.models.stakeholder_rules import DIVIDER, KEEP_INFORMED, MANAGE_CLOSELY
from pmo_desktop.views.register_table.commands import DeleteRecordsCommand
from pmo_desktop.views.stakeholders.layout import place


def _seed(store):
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
        ann = records.create_record(s, STAKEHOLDERS, {"name": "Ann Board", "power": 5, "interest": 4,
                                                      "projects": "Tills", "attitude": "Champion"}).id
        bob = records.create_record(s, STAKEHOLDERS, {"name": "Bob Finance", "power": 2, "interest": 2,
                                                      "program_level": True, "attitude": "Critic"}).id
    return ann, bob


def test_dragging_a_point_rerates_the_stakeholder_and_undo_restores(qtbot, store):
    ann, bob = _seed(store)
    page = make_page(qtbot, store)
    grid = page.grid
    # The handlers the mouse uses, in scene coordinates: drop Ann near power 1, interest 5.
    assert grid.press_at(grid.scene_pos_of(ann)) == ann
    grid.drag_to(grid.view_to_scene(3.0, 3.0))
    assert grid.positions[ann] == pytest.approx((3.0, 3.0))  # follows the mouse while dragging
    assert grid.release_at(grid.view_to_scene(4.8, 1.3)) is True
    rec = reopened(store, STAKEHOLDERS, ann)
    assert (rec["power"], rec["interest"], rec["quadrant"]) == (1, 5, KEEP_INFORMED)
    assert page.register_view.current_record_id() == ann  # the dragged stakeholder is selected
    assert page.document.undo_stack.count() == 1          # power and interest: one undo step

    page.document.undo_stack.undo()
    rec = reopened(store, STAKEHOLDERS, ann)
    assert (rec["power"], rec["interest"], rec["quadrant"]) == (5, 4, MANAGE_CLOSELY)
    assert grid.point(ann).power == 5                      # the grid redrew from the file
    page.document.undo_stack.redo()
    assert (reopened(store, STAKEHOLDERS, ann)["power"], reopened(store, STAKEHOLDERS, ann)["interest"]) == (1, 5)


def test_real_mouse_drag_and_click_on_the_plot(qtbot, store):
    ann, bob = _seed(store)
    page = make_page(qtbot, store)
    grid = page.grid
    mouse_drag(grid, grid.scene_pos_of(bob), grid.view_to_scene(DIVIDER + 0.2, DIVIDER + 0.1))  # just over both lines
    rec = reopened(store, STAKEHOLDERS, bob)
    assert (rec["power"], rec["interest"], rec["quadrant"]) == (3, 3, MANAGE_CLOSELY)
    page.register_view.select_record(bob)
    mouse_click(grid, grid.scene_pos_of(ann))
    assert page.register_view.current_record_id() == ann
    assert grid.selected == ann


def test_a_drop_on_the_same_cell_or_the_unrated_strip_changes_nothing(qtbot, store):
    ann, _ = _seed(store)
    page = make_page(qtbot, store)
    grid = page.grid
    before = reopened(store, STAKEHOLDERS, ann)["version"]
    grid.press_at(grid.scene_pos_of(ann))
    assert grid.release_at(grid.view_to_scene(4.2, 5.3)) is False   # still power 5, interest 4
    grid.press_at(grid.scene_pos_of(ann))
    assert grid.release_at(grid.view_to_scene(3.0, 0.0)) is False   # below the grid
    assert reopened(store, STAKEHOLDERS, ann)["version"] == before
    assert page.document.undo_stack.count() == 0
    assert grid.press_at(grid.view_to_scene(1.0, 5.0)) is None       # nothing there: no drag
    assert grid.dragging is None


def test_colour_toggle_and_legend(qtbot, store):
    ann, bob = _seed(store)
    page = make_page(qtbot, store)
    grid = page.grid
    assert grid.colour_of(grid.point(ann)) != grid.colour_of(grid.point(bob))  # Champion vs Critic
    assert "Champion" in grid.legend.text()
    grid.colour_combo.setCurrentIndex(1)
    assert grid.colour_mode == "gap" and "On target" in grid.legend.text()
    # Neither's engagement is assessed (round unassessed47: no made-up default): the same gap colour.
    assert grid.colour_of(grid.point(ann)) == grid.colour_of(grid.point(bob))


def test_project_filter_applies_to_table_grid_and_matrix(qtbot, store):
    ann, bob = _seed(store)
    page = make_page(qtbot, store)
    page.scope_combo.setCurrentIndex(page.scope_combo.findText("Tills"))
    assert [p.id for p in page.grid.points] == [ann]
    assert page.register_view.proxy.rowCount() == 1
    assert [r.id for r in page.matrix.model.rows] == [ann]
    page.set_scope("program")
    assert [p.id for p in page.grid.points] == [bob] and page.register_view.proxy.rowCount() == 1
    page.register_view.filter_chip.click()  # removing the table's filter shows everyone everywhere
    assert page.scope is None and len(page.grid.points) == 2 and page.register_view.proxy.rowCount() == 2
    # Deleting the project being shown goes back to everyone rather than showing a stale filter.
    page.scope_combo.setCurrentIndex(page.scope_combo.findText("Tills"))
    tills = page.scope
    page.document.execute(DeleteRecordsCommand(page.document, REGISTERS["projects"], [tills]))
    assert page.scope_combo.findText("Tills") == -1
    assert page.scope is None and len(page.grid.points) == 2 and page.register_view.proxy.rowCount() == 2


def test_points_sharing_a_cell_fan_out_deterministically():
    pts = [GridPoint(i, 1, f"S-{i}", f"Name {i}", 4, 4, "Neutral", "Unaware", "Supportive") for i in (5, 2, 9)]
    placed = place(pts)
    again = place(list(reversed(pts)))
    assert placed == again
    ys = [placed[i].y for i in (2, 5, 9)]
    assert ys == sorted(ys, reverse=True) and len(set(ys)) == 3     # stacked by id, top to bottom
    assert all(3.5 < placed[i].x < 4.5 and 3.5 < placed[i].y < 4.5 for i in placed)  # all inside the cell
    crowd = [GridPoint(i, 1, "", f"N{i}", 2, 5, "Neutral", None, None) for i in range(1, 8)]
    spots = place(crowd)
    assert len({(p.x, p.y) for p in spots.values()}) == 7
    assert all(4.5 < p.x < 5.5 and 1.5 < p.y < 2.5 for p in spots.values())
    assert place([GridPoint(1, 1, "", "New", None, 3, "Neutral", None, None)]) == {}  # not rated: listed beside

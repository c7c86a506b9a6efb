"""Every control a screen reader can land on says what it is: the main window with the demo office, every
page and every tab, every interactive widget on it (buttons, lists, text boxes, tables, charts, maps),
must have an accessible name: set on it, from its label (a buddy), or a button's own words."""

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QToolButton,
    QWidget,
)
from screens import demo_with_a_colleagues_csv, screens

from pmo_desktop.models.demo import create_demo

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit,
               QTextEdit, QGraphicsView, QSlider)


def is_part_of_another_control(widget: QWidget) -> bool:
    """A table's header, a combo box's or spin box's own line edit, a combo's popup list: named by their
    control."""
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        if isinstance(parent, QAbstractItemView) and isinstance(widget, QLineEdit):
            return True  # an open cell editor: the cell names it
        parent = parent.parentWidget()
    return False


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces, strictly: one set on the control, the text of a label whose
    buddy it is, or a button's own words. (On Linux Qt would also offer a combo box's current value as its
    name — "All" says nothing about what it filters, so that does not count here.)"""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text().strip()
    if isinstance(widget, QAbstractButton):
        action = widget.defaultAction() if isinstance(widget, QToolButton) else None
        text = widget.text() or (action.text() if action is not None else "")
        return text.replace("&", "").strip()
    return ""


def describe(widget: QWidget) -> str:
    parents, parent = [], widget.parentWidget()
    while parent is not None and len(parents) < 4:
        parents.append(type(parent).__name__ + (f"#{parent.objectName()}" if parent.objectName() else ""))
        parent = parent.parentWidget()
    text = getattr(widget, "text", lambda: "")() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__}#{widget.objectName()} text={text!r} in {' < '.join(parents)}"


def unnamed_controls(window) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible() or is_part_of_another_control(widget):
            continue
        if not accessible_name(widget):
            found.append(describe(widget))
    return found


def test_every_control_on_every_page_has_an_accessible_name(main_window, qtbot, tmp_path):
    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert main_window.open_path(str(path))
    main_window.resize(1280, 720)
    missing: dict[str, list[str]] = {}
    visited = 0
    for screen in screens(main_window, qtbot):
        visited += 1
        unnamed = unnamed_controls(main_window)
        if unnamed:
            missing[screen] = unnamed
    assert visited >= 15
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(sorted(set(items))) for screen, items in missing.items())
    assert not missing, "Controls without an accessible name:\n" + report


def test_the_walk_finds_an_unnamed_control(main_window, qtbot):
    """The walk can fail: a bare line edit with no label and no name is reported."""
    from PySide6.QtWidgets import QLineEdit

    bare = QLineEdit(main_window.welcome)
    bare.show()
    assert any("QLineEdit" in d for d in unnamed_controls(main_window))
    bare.setAccessibleName("Search")
    assert not any("QLineEdit" in d for d in unnamed_controls(main_window))


def unnamed_in(widget: QWidget) -> list[str]:
    found = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, INTERACTIVE) and child.isVisible() and not is_part_of_another_control(child) \
                and not accessible_name(child):
            found.append(describe(child))
    return found


def test_the_welcome_page_and_the_dialogs_name_their_controls(main_window, qtbot, tmp_path):
    from pmo_desktop.views.benefits.thresholds import ThresholdsDialog, current_thresholds
    from pmo_desktop.views.exchange.import_dialog import ImportDialog
    from pmo_desktop.views.people_page import MergeDialog
    from pmo_desktop.views.program_dialog import ProgramDialog
    from pmo_desktop.views.raid.settings import rules_dialog
    from pmo_desktop.views.risks.dialogs import ReasonDialog, ScaleDialog

    assert not unnamed_controls(main_window)  # no file open: the welcome page
    document, csv = demo_with_a_colleagues_csv(main_window, tmp_path)
    dialogs = {
        "Program details": ProgramDialog(document, main_window),
        "Find in all registers": main_window.quick_search(),
        "Help": main_window.show_help(),
        "Risk scale": ScaleDialog(document.context.risk_scale, main_window),
        "Escalation reason": ReasonDialog("R-001", "A risk", main_window),
        "Benefit thresholds": ThresholdsDialog(current_thresholds(document), main_window),
        "RAID rules": rules_dialog(document, main_window),
        "Merge people": MergeDialog(["Helen"], ["Helen Brooks", "Tom Walker"], "Helen: 2 risks", main_window),
        "Import": ImportDialog(document, csv, main_window),
    }
    missing = {}
    for title, dialog in dialogs.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        unnamed = unnamed_in(dialog)
        if unnamed:
            missing[title] = unnamed
        dialog.close()
    report = "\n".join(f"{title}:\n  " + "\n  ".join(sorted(set(items))) for title, items in missing.items())
    assert not missing, "Controls without an accessible name:\n" + report

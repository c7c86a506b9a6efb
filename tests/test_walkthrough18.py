"""Walkthrough 18: the risk detail's line at a glance breaks between its items, never inside one."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

CTRL = Qt.KeyboardModifier.ControlModifier


def lines_of(label, width: int) -> list[str]:
    """The lines a rich-text label's text is laid out on at ``width`` pixels, in the label's font."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(width)
    doc.size()  # lays the text out
    lines = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(text[line.textStart():line.textStart() + line.textLength()].replace("\u00a0", " "))
        block = block.next()
    return lines


def test_the_glance_line_breaks_between_its_items_not_inside_one(demo_window, qtbot):
    """On a narrow detail pane (presenting on a small screen) the summary broke inside an item: "Proximity: 3"
    on one line and "Jan 2027" on the next, "Owner: Marcus" over "Lee". Each item now stays whole and the
    line breaks only at the dots between them."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.detail.risk_id is not None)
    summary = page.detail.summary
    doc = QTextDocument()
    doc.setHtml(summary.text())
    items = [" ".join(p.replace("\u00a0", " ").split()) for p in doc.toPlainText().split("·")]
    assert len(items) >= 4 and any(i.startswith("Proximity") for i in items), items
    for width in range(260, 760, 20):
        lines = [" ".join(line.split()) for line in lines_of(summary, width)]
        assert len(lines) > 1 or width > 500, (width, lines)
        for item in items:
            assert any(item in line for line in lines), (width, item, lines)

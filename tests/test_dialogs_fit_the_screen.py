"""A dialog opens within the screen: its buttons reachable on a small laptop at 150 % (a 1280×720 screen is
853×480 for Qt there), where no window manager is obliged to move a window that runs past the screen's edge.
Here the offscreen screen is 800×800, smaller than the import preview's 1100×700 and the snapshots' 1100×620."""

from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from screens import demo_with_a_colleagues_csv

from pmo_desktop.views.changes_dialog import ChangesDialog
from pmo_desktop.views.exchange.import_dialog import ImportDialog
from pmo_desktop.views.snapshots_dialog import SnapshotsDialog


def test_the_larger_dialogs_open_within_the_screen_with_their_buttons_on_it(main_window, qtbot, tmp_path):
    document, csv = demo_with_a_colleagues_csv(main_window, tmp_path)
    dialogs = {
        "Import": ImportDialog(document, csv, main_window),
        "Snapshots": SnapshotsDialog(document, main_window),
        "What changed": ChangesDialog(document, main_window),
        "Help": main_window.show_help(),
    }
    for title, dialog in dialogs.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        room = dialog.screen().availableGeometry()
        assert room.width() < 1100  # the small screen this is about
        assert room.contains(dialog.geometry()), (title, dialog.geometry(), room)
        for button in dialog.findChildren(QPushButton):
            if button.isVisible() and isinstance(button.parent(), QDialogButtonBox):
                assert room.contains(button.mapToGlobal(button.rect().bottomRight())), (title, button.text())
        if title == "Import":  # made narrower, it still shows the columns' mapping and the values to translate
            qtbot.waitUntil(lambda s=dialog.splitter: s.sizes()[0] >= min(350, s.width() // 2) - 1)
            assert dialog.mapping_table.isVisible() and dialog.values_table.width() > 300
        dialog.close()

"""The main window: File/Edit/View/Help menus, navigation between pages, status bar, settings."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from . import file_dialogs, stored_settings
from .excel_keys import DELETE_ROW_KEYS, INSERT_ROW_KEYS, ZOOM_IN_KEYS, ZOOM_OUT_KEYS, is_redo, redo_keys
from .keyboard_back import dialogs_give_keyboard_back
from .messages import warn
from .page_area import PageArea, size_tabs_by_the_shown_tab
from .page_list import PageList
from .pages import PAGE_OF_REGISTER, PAGES, RecordPage, load_page_class
from .read_only_banner import ReadOnlyBanner
from .reading_order import ReadingOrderStack
from .status_line import StatusLine
from .zoom import scale_with_zoom

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoCommand

    from .conflict_dialog import ConflictDialog
    from .document import Document
    from .kept_offer import KeptOffer
    from .left_out_banner import LeftOutBanner
    from .recent_offices import RecentOfficesList
    from .server_away_banner import ServerAwayBanner
    from .tab_keys import TabsLeaveCtrlTab
    from .text_undo import OfficeUndoInTextBoxes
    from .written_note import WrittenNote

# The models (SQLAlchemy) are imported when a file is opened, not before the window is first shown:
# the window appears at once and the file fills it a moment later.

MAX_RECENT = 8
SPREADSHEETS = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"})  # imported, not opened
SYNC_INTERVAL_MS = 5000
# The Edit menu's table commands that change the office: off while it is open read only.
# The pages in View, each with its letter (Alt+V, R for Risks): none had one, so Alt+V and a letter did nothing.
PAGE_LETTERS = {"Program overview": "Pro&gram overview", "Projects": "Pro&jects", "Stakeholders": "&Stakeholders",
                "Risks": "&Risks", "Benefits": "&Benefits", "People": "P&eople", "RAID": "RAI&D", "Status": "Stat&us"}
WRITING_TABLE_ACTIONS = frozenset({"paste", "delete_or_clear", "add_row", "duplicate_rows",
                                   "duplicate_selected_rows", "fill_down", "delete_rows",
                                   "open_replace"})


class WelcomePage(QWidget):
    """Shown when no file is open: open, new, the demo, and the offices opened before (``recent_offices``)."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.main_window = window
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(f"<h1>{APP_NAME}</h1><p>Open a program office file, create a new one, or explore the demo.</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        # What is opening at launch (``show_opening``), in the buttons' place until it is open: under load the start
        # screen showed "No file open" and its buttons for seconds before the office named appeared — read as
        # "my file did not open" (walk 57, 58).
        self.opening = QLabel(self)
        self.opening.setObjectName("opening-at-launch")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setWordWrap(True)
        self.opening.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # holds the keyboard while it shows (no Tab stop else)
        self.opening.hide()
        layout.addWidget(self.opening)
        self.buttons: list[QPushButton] = []
        for text, slot in (("Open…", window.open_file), ("New…", window.new_file), ("Open the demo office", window.open_demo)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            button.setMinimumWidth(240)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
            self.buttons.append(button)
        # The offices opened before, newest first, under the buttons, made when there is one to list (a first
        # start has none, and the window is shown without them: 90 M instructions of a 980 M start): Tab reaches
        # the list after the buttons, Enter opens the one chosen, Delete takes it off the list.
        self.recent: RecentOfficesList | None = None
        self.recent_column = QVBoxLayout()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self.recent_column, 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def _make_recent_list(self) -> RecentOfficesList:
        from .recent_offices import RecentOfficesList

        window = self.main_window
        self.recent_title = QLabel("<b>&Recent offices</b> — Enter opens, Delete removes from the list", self)
        self.recent = RecentOfficesList(self)
        self.recent_title.setBuddy(self.recent)
        self.recent.open_requested.connect(window.open_path)
        self.recent.remove_requested.connect(window.forget_recent)
        self.recent.missing_chosen.connect(self._say_missing)
        self.remove_button = QPushButton("Remove from &List", self)
        self.remove_button.clicked.connect(lambda: window.forget_recent(self.recent.current_path() or "")
                                           if self.recent is not None else None)
        self.recent_column.addSpacing(self.fontMetrics().height())
        self.recent_column.addWidget(self.recent_title)
        self.recent_column.addWidget(self.recent)
        self.recent_column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        return self.recent

    def show_recent(self, newest: bool = False) -> None:
        """The list as the settings have it now, each file looked for again (it may have come back, or gone);
        ``newest``: the first office current, else the row it was on."""
        paths = self.main_window.recent_files()
        if self.recent is None and not paths:
            return
        from .recent_offices import describe

        recent = self.recent or self._make_recent_list()
        offices = [describe(path) for path in paths]
        recent.fill(offices, newest)
        for widget in (self.recent_title, recent, self.remove_button):
            widget.setVisible(bool(offices))
        # As tall as its offices (two lines each, eight at most), no empty band under them; on a short screen (150 %
        # on 1280×720) as short as two of them, the rest scrolled to.
        heights = [recent.sizeHintForRow(i) + 2 * recent.spacing() for i in range(recent.count())]
        frame = 2 * recent.frameWidth()
        recent.setMaximumHeight(sum(heights) + frame)
        recent.setMinimumHeight(sum(heights[:2]) + frame)

    def show_opening(self, name: str | None) -> None:
        """"Opening “NAME”…" in the buttons' place while the office named at launch opens; None: the buttons back."""
        had_keyboard = self.opening.hasFocus()
        self.opening.setText(f"<h2>Opening {name}…</h2>" if name else "")
        self.opening.setVisible(bool(name))
        if name:  # the keyboard stays on the start screen (the office takes it to its page list when it opens)
            self.opening.setFocus(Qt.FocusReason.OtherFocusReason)
        for button in self.buttons:
            button.setVisible(not name)
        if had_keyboard and not name:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        if self.recent is not None:
            for widget in (self.recent_title, self.recent, self.remove_button):
                widget.setVisible(not name and self.recent.count() > 0)

    def _say_missing(self, path: str) -> None:
        self.main_window.statusBar().showMessage(
            f"“{path}” is no longer there, so it was not opened: Delete removes it from the list.", 10000)


# Standard keys some platforms bind to nothing, and what people press for them there: Qt gives Quit no key on
# Windows (Alt+F4 closes the window, not the program) nor on the offscreen platform, so Ctrl+Q did nothing.
MISSING_STANDARD_KEYS = {QKeySequence.StandardKey.Quit: "Ctrl+Q"}


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.document: Document | None = None
        self.deleted_offer: QWidget | None = None  # the last "deleted by someone else" question (``offer_deleted``)
        self.kept_offer: KeptOffer | None = None  # the edits an earlier run kept on this computer, offered back (``kept_offer``)
        self._keyboard_when_let_go: QWidget | None = None  # set by may_let_go, read by _remember_place
        self._waiting_for_file = False  # a change waits for the file another program writes to (the wait cursor)
        self._painting_while_waiting = False
        self.pages: dict[int, QWidget] = {}
        self._undo_actions: list[QAction] = []  # the open document's undo/redo in the Edit menu
        self.setWindowTitle(APP_NAME)

        self.nav = PageList([title for title, _spec in PAGES], self)
        self.nav.currentRowChanged.connect(self.show_page)
        self.stack = ReadingOrderStack(self)  # Tab walks the page shown as it reads (reading_order.py)
        self.welcome = WelcomePage(self)
        self.stack.addWidget(self.welcome)
        central = QWidget(self)
        column = QVBoxLayout(central)  # the banner (hidden unless read only) above the pages, same margins
        self.read_only_banner = ReadOnlyBanner(central)
        self.read_only_banner.save_copy_requested.connect(self.save_copy)
        column.addWidget(self.read_only_banner)
        self._banner_column = column
        self._server_away_banner: ServerAwayBanner | None = None  # made the first time a server is away
        self._left_out_banner: LeftOutBanner | None = None  # made the first time an import leaves rows out
        self._written_note: WrittenNote | None = None  # made the first time an export or a board pack is written
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(PageArea(self.stack, central), 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

        self.status_line = StatusLine(self)
        self.setStatusBar(self.status_line)
        self.status_line.follow_pages(self.stack)  # a page's lines go with it (``StatusLine``)
        self.file_label = self.status_line.file_name  # gives way to a long line in the bar (``StatusLine``)
        # Others may edit the same file or server: look for their changes on a light timer and
        # whenever this window comes back to the front.
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(SYNC_INTERVAL_MS)
        self.sync_timer.timeout.connect(self.poll_outside_changes)
        self._make_menus()
        self._restore_geometry()
        self._set_document(None)
        # Ctrl+K's finder, F1's help, What Changed… closed: the keyboard back here, the next shortcut working.
        dialogs_give_keyboard_back(self)
        self._tabs_leave_ctrl_tab: TabsLeaveCtrlTab | None = None  # made with the first page (``_ensure_page``)

    # ------------------------------------------------------------------ menus
    def _add(self, menu, text, slot, shortcut=None, enabled_with_file=False, writes=False) -> QAction:
        """``writes``: the action changes the office, so it is off while one is open read only."""
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            # Every binding of the platform's: QKeySequence(StandardKey.Close) is the first alone, Ctrl+F4,
            # and Ctrl+W — the one people press — did nothing.
            action.setShortcuts(shortcut)
            if not action.shortcuts() and shortcut in MISSING_STANDARD_KEYS:
                action.setShortcut(QKeySequence(MISSING_STANDARD_KEYS[shortcut]))
        elif shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        if enabled_with_file:
            self._file_actions.append(action)
        if writes:
            self._write_actions.append(action)
        return action

    def _make_menus(self) -> None:
        self._file_actions: list[QAction] = []
        self._write_actions: list[QAction] = []  # off while the office is open read only
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._add(file_menu, "&New…", self.new_file, QKeySequence.StandardKey.New)
        self._add(file_menu, "&Open…", self.open_file, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._add(file_menu, "Open the &Demo Office", self.open_demo)
        self._add(file_menu, "Connec&t to Shared Office…", self.connect_to_server)
        file_menu.addSeparator()
        # Ctrl+S, an Excel user's reflex, did nothing and said nothing: was the risk just typed kept? Every change is
        # saved as it is made; Save says so, and names what is not saved yet (walk 61). Its letter is V: Alt+F, S is Board
        # Snapshots' (walkthrough 19).
        self._add(file_menu, "Sa&ve", self.say_saved, QKeySequence.StandardKey.Save, True)
        self._add(file_menu, "Save a Copy &As…", self.save_copy, QKeySequence.StandardKey.SaveAs, True)
        self._add(file_menu, "&Program Details…", self.edit_program, None, True, writes=True)
        self._add(file_menu, "&Your Name in the History…", self.edit_your_name)
        file_menu.addSeparator()
        self._add(file_menu, "&Import from Excel…", self.import_excel, "Ctrl+I", True, writes=True)
        self._add(file_menu, "&Export to Excel…", self.export_excel, "Ctrl+E", True)
        # An Excel user asked for "the risk register" got the whole office, twenty sheets (walk 62): the register on
        # screen alone, with its sub-tables, as the command line's `export --register` writes it. Alt+F, H: no key of
        # its own (Ctrl+Alt+E is AltGr+E, € on many keyboards).
        self._add(file_menu, "Export T&his Register…", self.export_shown_register, None, True)
        self._add(file_menu, "Export &Board Pack…", self.export_board_pack, "Ctrl+Shift+E", True)
        # What was written opened from the window (walk 60): the pack stood written on disk and nothing opened it.
        self._add(file_menu, "Open the &Last Board Pack", lambda: self.open_last_written("board_pack"), "Ctrl+Shift+O")
        self._add(file_menu, "Open the Last E&xport", lambda: self.open_last_written("export"))
        # The pack's paper was chosen only by `boardpack --paper` on the command line: a US office exporting from
        # the window on a computer set to another region got A4, its columns cut by a Letter printer.
        self.paper_menu = file_menu.addMenu("Board Pac&k Paper")
        self.paper_menu.aboutToShow.connect(self._fill_paper_menu)
        self._file_actions.append(self.paper_menu.menuAction())
        self._write_actions.append(self.paper_menu.menuAction())
        self._add(file_menu, "Board &Snapshots…", self.show_snapshots, None, True)
        self._add(file_menu, "&What Changed Since the Last Board…", self.show_changes, "Ctrl+Shift+W", True)
        self.file_menu = file_menu
        file_menu.addSeparator()
        self._add(file_menu, "&Close", self.close_file, QKeySequence.StandardKey.Close, True)
        quit_action = self._add(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.edit_menu = bar.addMenu("&Edit")
        self.undo_placeholder = self._add(self.edit_menu, "Undo", lambda: None, QKeySequence.StandardKey.Undo)
        self.redo_placeholder = self._add(self.edit_menu, "Redo", lambda: None, redo_keys())
        self.undo_placeholder.setEnabled(False)
        self.redo_placeholder.setEnabled(False)
        self.edit_menu.addSeparator()
        self.retry_action = self._add(self.edit_menu, "Retr&y Unsaved Changes", self.retry_pending, "Ctrl+Shift+R")
        self.retry_action.setEnabled(False)
        # These act on the table that has the focus; the tables own the shortcuts (shown after the tab). Each has its
        # letter, Excel's where it has one (Alt+E, C copies; I fills; F finds; E replaces): with none, Alt+E and a
        # letter did nothing, and a keyboard-only user walked the menu with the arrows.
        for text, name in (("&Copy\tCtrl+C", "copy"), ("&Paste\tCtrl+V", "paste"), ("C&lear Cells\tDel", "delete_or_clear"),
                           (None, None), ("Add Ro&w\tCtrl+Shift+N, Ctrl++", "add_row"), ("&Duplicate Rows\tShift+Space, Ctrl+D", "duplicate_selected_rows"),
                           ("F&ill Down\tCtrl+D", "fill_down"),
                           ("Dele&te Rows\tShift+Del, Ctrl+-", "delete_rows"), (None, None), ("&Find\tCtrl+F", "focus_search"),
                           ("R&eplace…\tCtrl+H", "open_replace"), (None, None),
                           ("Go to the Record's Su&b-table and Back\tF6", "to_sub_table"),
                           ("&Sort, Filter and Columns…\tCtrl+Shift+L", "open_header_menu")):
            if text is None:
                self.edit_menu.addSeparator()
                continue
            self._add(self.edit_menu, text, lambda checked=False, n=name: self._on_table(n), enabled_with_file=True,
                      writes=name in WRITING_TABLE_ACTIONS)

        self.edit_menu.addSeparator()
        self._add(self.edit_menu, "Find in &All Registers…", self.quick_search, "Ctrl+K", True)
        # A record's past, which the file keeps (README "History and as at"), had no way to it on screen.
        self._add(self.edit_menu, "Record &History…", lambda: self._on_table("show_history"), "Ctrl+Shift+H", True)
        # Ctrl+F with the keyboard outside every table (the page list, a chart, a detail's text): the page's
        # table's search, its tab brought forward. Enabled only while no table has the focus — a table's own
        # Ctrl+F acts then, and two enabled actions on one key are ambiguous to Qt: neither would fire.
        self.find_elsewhere = QAction("Find", self)
        self.find_elsewhere.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Find))
        self.find_elsewhere.triggered.connect(self._find_from_anywhere)
        self.addAction(self.find_elsewhere)
        app = QApplication.instance()
        self.text_undo: OfficeUndoInTextBoxes | None = None  # made with the first page (text_undo.py)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

        view_menu = bar.addMenu("&View")
        for i, (title, _spec) in enumerate(PAGES):
            self._add(view_menu, PAGE_LETTERS.get(title, title), lambda checked=False, i=i: self.go_to_page(i),
                      f"Ctrl+{i + 1}", True)

        # A page's tabs by keyboard, as Excel's sheets (Ctrl+PgDown / Ctrl+PgUp): from a table, the Issue log tab or
        # the RAID page's Dependencies were reached only by Ctrl+Tab out of it and Tab after Tab to the tab bar.
        self._add(view_menu, "Ne&xt Tab", lambda: self.switch_tab(1), "Ctrl+PgDown", True)
        self._add(view_menu, "Pre&vious Tab", lambda: self.switch_tab(-1), "Ctrl+PgUp", True)
        view_menu.addSeparator()
        self._make_zoom_actions(view_menu)
        view_menu.addSeparator()
        self._make_theme_menu(view_menu)
        self._make_presentation_action(view_menu)

        help_menu = bar.addMenu("&Help")
        self.help_action = self._add(help_menu, f"{APP_NAME} &Help", self.show_help, [QKeySequence("F1")])
        self.help_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogHelpButton))
        about = self._add(help_menu, f"&About {APP_NAME}", self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._make_toolbar()

    # ------------------------------------------------------------------ zoom, toolbar, help
    def _make_zoom_actions(self, menu) -> None:
        """Zoom for the projector: every table, remembered between sessions."""
        from .zoom import zoom

        level = zoom()
        level.set_percent(stored_settings.read_int(self.settings, "view/zoom", 100))  # text in an INI file
        level.changed.connect(self._on_zoom)  # a method, not a lambda: disconnected when the window goes
        # Ctrl++ and Ctrl+- are Excel's Insert and Delete Row in the tables (``excel_keys``, walk61b): zoom keeps
        # Ctrl+= and takes Excel's own zoom keys, Ctrl+Alt+= and Ctrl+Alt+-.
        self.zoom_in_action = self._add(menu, "Zoom &In", level.zoom_in, [QKeySequence(k) for k in ZOOM_IN_KEYS])
        self.zoom_out_action = self._add(menu, "Zoom &Out", level.zoom_out, [QKeySequence(k) for k in ZOOM_OUT_KEYS])
        self.zoom_reset_action = self._add(menu, "&Actual Size (100 %)", level.reset, [QKeySequence("Ctrl+0")])
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        # Out of the tables (a dashboard, a report, the Status page's form) Ctrl+- and Ctrl++ have no row to delete or
        # add and zoom as everywhere else: Ctrl+= zoomed in there while Ctrl+- did nothing, and a zoom taken by the
        # obvious key could not be undone by its pair (review62). Enabled only while no table has the keyboard, as
        # ``find_elsewhere``: two enabled actions on one key are ambiguous to Qt, and neither would fire.
        self.zoom_elsewhere: list[QAction] = []
        for keys, slot in ((DELETE_ROW_KEYS, level.zoom_out), (INSERT_ROW_KEYS, level.zoom_in)):
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
            self.zoom_elsewhere.append(action)

    def _on_zoom(self, percent: int) -> None:
        if not self.presentation.active:  # presentation mode's larger zoom is not kept
            self.settings.setValue("view/zoom", percent)
        self.statusBar().showMessage(f"Zoom {percent} %", 2000)

    def _make_theme_menu(self, view_menu) -> None:
        """View ▸ Theme: follow the system (the default), or light, dark or high contrast; kept in the settings."""
        from PySide6.QtGui import QActionGroup

        from .theme import CHOICES, theme

        current = theme()
        current.set_choice(stored_settings.read_text(self.settings, "view/theme", "system") or "system")
        menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, text in CHOICES:
            action = QAction(text, self, checkable=True)
            action.setChecked(key == current.choice)
            action.triggered.connect(lambda checked=False, k=key: self.set_theme(k))
            group.addAction(action)
            menu.addAction(action)
            self.theme_actions[key] = action

    def set_theme(self, choice: str) -> None:
        from .theme import theme

        theme().set_choice(choice)
        self.settings.setValue("view/theme", theme().choice)
        self.theme_actions[theme().choice].setChecked(True)

    def _make_presentation_action(self, view_menu) -> None:
        """View ▸ Presentation Mode (F11): full screen, no side chrome, projector-sized; Esc leaves."""
        from .presentation import Presentation

        self.presentation = Presentation(self)
        self.presentation_action = self._add(view_menu, "&Presentation Mode", self.presentation.toggle,
                                             [QKeySequence("F11")])
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.addAction(self.presentation_action)  # works with the menu bar hidden too

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab from the page list (or any control outside the pages) into a page starts at its first control,
        in reading order (``ReadingOrderStack.came_in``)."""
        before = QApplication.focusWidget()
        moved = super().focusNextPrevChild(next)
        self.stack.came_in(before, next)
        return moved

    def keyPressEvent(self, event) -> None:
        """Esc that no control used (an open editor or list takes it first) leaves presentation mode; Ctrl+Tab that
        none used moves on as Tab does. Ctrl+Z or
        Ctrl+Y with nothing left to undo or redo (the action off, so the key comes here) says so: the status bar
        stayed on the last "Redone: …", as if the key had redone it again."""
        if event.key() == Qt.Key.Key_Escape and self.presentation.active:
            self.presentation.leave()
            event.accept()
            return
        if (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and not event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)):
            # Ctrl+Tab that no control used — a text box that takes Tab for focus leaves Ctrl+Tab to the tabs
            # around it, and a page without tabs (the stakeholder map's Key concerns) has none — moves on as Tab
            # does, Ctrl+Shift+Tab back: Ctrl+Tab, the README's key out of a table, led the keyboard into such a
            # box and left it there.
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            focus = QApplication.focusWidget()
            # From a page's control, on through the page as it reads, as Tab goes (``ReadingOrderStack``): the
            # window's own move follows Qt's chain, and from the RAID page's Rules… it went back to the page list,
            # and from there to Rules… again, for ever.
            (self.stack if focus is not None and self.stack.isAncestorOf(focus) else self).focusNextPrevChild(forward)
            event.accept()
            return
        if self.document is not None:
            for word, pressed in (("undo", event.matches(QKeySequence.StandardKey.Undo)), ("redo", is_redo(event))):
                if pressed:
                    self.statusBar().showMessage(f"Nothing to {word}", 3000)
                    event.accept()
                    return
        super().keyPressEvent(event)

    def _icon(self, theme: str, fallback: "QStyle.StandardPixmap | None"):
        """The icon theme's icon, else the style's (no fallback: a glyph tool, drawn by ``_draw_glyph_tools``)."""
        from PySide6.QtGui import QIcon

        return QIcon.fromTheme(theme) if fallback is None else QIcon.fromTheme(theme, self.style().standardIcon(fallback))

    def _make_toolbar(self) -> None:
        """The main commands with icons and words, for those who do not know the menus yet."""
        from PySide6.QtWidgets import QToolBar, QToolButton

        bar = QToolBar("Main toolbar", self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        SP = QStyle.StandardPixmap

        def tool(text, theme, fallback, slot, tip, with_file=True, writes=False) -> QAction:
            action = QAction(self._icon(theme, fallback), text, self)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            bar.addAction(action)
            if with_file:
                self._file_actions.append(action)
            if writes:
                self._write_actions.append(action)
            return action

        self.tool_add = tool("Add", "list-add", SP.SP_FileIcon, lambda: self._on_table("add_row"),
                             "Add a row to the table you are in (Ctrl+Shift+N)", writes=True)
        self.tool_delete = tool("Delete", "edit-delete", SP.SP_TrashIcon, lambda: self._on_table("delete_rows"),
                                "Delete the selected rows (Shift+Del)", writes=True)
        bar.addSeparator()
        self.tool_undo = tool("Undo", "edit-undo", None, self._undo, "Undo the last change (Ctrl+Z)", False)
        self.tool_redo = tool("Redo", "edit-redo", None, self._redo, "Redo (Ctrl+Shift+Z)", False)
        bar.addSeparator()
        tool("Import", "document-import", SP.SP_DialogOpenButton, self.import_excel,
             "Import rows from an Excel workbook (Ctrl+I)", writes=True)
        tool("Export", "document-export", SP.SP_DialogSaveButton, self.export_excel,
             "Export the registers to an Excel workbook (Ctrl+E)")
        tool("Board pack", "x-office-spreadsheet", SP.SP_FileDialogDetailedView, self.export_board_pack,
             "Write the board pack workbook (Ctrl+Shift+E)")
        bar.addSeparator()
        for action, icon_name, text in ((self.zoom_out_action, "zoom-out", "Zoom out"),
                                        (self.zoom_in_action, "zoom-in", "Zoom in")):
            action.setIcon(self._icon(icon_name, None))
            action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}); "
                              "Ctrl+0 for 100 %")
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.help_action)
        self.toolbar = bar
        # The "»" button Qt shows when the window is too narrow for every tool (a 1280×720 screen at 150 %): a
        # screen reader said only "button" (walk57).
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:
            extension.setAccessibleName("More tools")
            extension.setToolTip("More tools: those the window is too narrow to show")
        # Where the icon theme has no undo/redo/zoom icons, Fusion's black arrows vanish on a dark toolbar:
        # draw them as characters in the theme's colour, again when the theme changes.
        self._glyph_tools = [(self.tool_undo, "edit-undo", "↶"), (self.tool_redo, "edit-redo", "↷"),
                             (self.zoom_out_action, "zoom-out", "−"), (self.zoom_in_action, "zoom-in", "+")]
        self._draw_glyph_tools()
        from .theme import theme

        theme().changed.connect(self._draw_glyph_tools)
        self._update_undo_tools()

    def _draw_glyph_tools(self, *_args) -> None:
        from PySide6.QtGui import QIcon

        from .theme import glyph_icon

        for action, name, glyph in self._glyph_tools:
            if not QIcon.hasThemeIcon(name):
                action.setIcon(glyph_icon(glyph))

    def _undo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.undo()

    def _redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    def _update_undo_tools(self, *_args) -> None:
        stack = self.document.undo_stack if self.document is not None else None
        if not hasattr(self, "tool_undo"):
            return
        self.tool_undo.setEnabled(bool(stack and stack.canUndo()))
        self.tool_redo.setEnabled(bool(stack and stack.canRedo()))
        self.tool_undo.setToolTip(f"Undo {stack.undoText()} (Ctrl+Z)" if stack and stack.canUndo() else "Nothing to undo")
        self.tool_redo.setToolTip(f"Redo {stack.redoText()} (Ctrl+Shift+Z)" if stack and stack.canRedo() else "Nothing to redo")

    def quick_search(self):
        """Ctrl+K: find a record by ID or name in any register and open it."""
        from .quick_search_dialog import QuickSearchDialog

        if self.document is None:
            return None
        dialog = QuickSearchDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.quick_search_dialog = dialog
        dialog.open()
        dialog.query.setFocus()
        return dialog

    def show_help(self):
        """F1: the help shipped with the application."""
        from .help_dialog import HelpDialog

        dialog = getattr(self, "help_dialog", None)
        if dialog is None:
            dialog = self.help_dialog = HelpDialog(self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _install_undo_actions(self) -> None:
        for action in (self.undo_placeholder, self.redo_placeholder):
            action.setVisible(False)
        if getattr(self, "_undo_actions", None):
            for action in self._undo_actions:
                self.edit_menu.removeAction(action)
                action.deleteLater()
            self._undo_actions = []
        if self.document is None:
            for action in (self.undo_placeholder, self.redo_placeholder):
                action.setVisible(True)
            return
        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(redo_keys())
        first = self.edit_menu.actions()[0]
        self.edit_menu.insertAction(first, undo)
        self.edit_menu.insertAction(first, redo)
        self._undo_actions = [undo, redo]
        stack.indexChanged.connect(self._update_undo_tools)
        stack.cleanChanged.connect(self._update_undo_tools)

    @staticmethod
    def _register_view_around(widget):
        """The register table (a RegisterView) holding ``widget``, if any."""
        while widget is not None:
            if widget.inherits("QWidget") and hasattr(widget, "paste_text") and hasattr(widget, "proxy"):
                return widget
            widget = widget.parentWidget()
        return None

    def active_register_view(self):
        """The table with the keyboard focus, else the current page's main table."""
        view = self._register_view_around(QApplication.focusWidget())
        return view if view is not None else getattr(self.stack.currentWidget(), "register_view", None)

    def _on_focus_changed(self, _old, new) -> None:
        # Tables live only in pages. With none built (the first screen) there is no walk up the parents:
        # a parent made by Qt (a scroll area's viewport) has no Python type yet, and PySide makes the types
        # of every widget class of QtWidgets to find its own (54 classes, a fifth of the start-up's excess).
        inside_table = bool(self.pages) and self._register_view_around(new) is not None
        self.find_elsewhere.setEnabled(not inside_table)
        for action in getattr(self, "zoom_elsewhere", ()):  # Ctrl+- / Ctrl++ zoom where they are no row keys
            action.setEnabled(not inside_table)
        if self.pages and new is not None and new.window() is self:  # boxes live in pages, as tables do
            if self.text_undo is None:
                from .text_undo import OfficeUndoInTextBoxes

                self.text_undo = OfficeUndoInTextBoxes(self)
            self.text_undo.watch(new)

    def _find_from_anywhere(self) -> None:
        """The current page's table's search, the tab holding that table brought forward first."""
        from PySide6.QtWidgets import QTabWidget  # not at start-up: PySide makes a class's type at its import

        view = getattr(self.stack.currentWidget(), "register_view", None) if self.document is not None else None
        if view is None:
            return
        widget = view
        while widget is not None and widget is not self.stack:
            parent = widget.parentWidget()
            tabs = parent.parentWidget() if parent is not None else None
            if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
                tabs.setCurrentWidget(widget)
            widget = parent
        view.focus_search()

    def _on_table(self, name: str) -> None:
        view = self.active_register_view()
        if view is not None:
            getattr(view, name)()

    # ------------------------------------------------------------------ pages
    def show_page(self, row: int) -> None:
        if self.document is None or row < 0:
            return
        page = self._ensure_page(row)
        self.stack.setCurrentWidget(page)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)

    def switch_tab(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) tab of the tabs the keyboard is in on the current page — the
        page's own, or a benefit profile's — round the end, the keyboard into it (``tab_keys``)."""
        from . import tab_keys

        page = self.stack.currentWidget()
        if page is None or page is self.welcome:
            return
        tabs = tab_keys.tabs_of_keyboard(page)
        if tabs is not None:
            tab_keys.switch_tab(tabs, step)

    def go_to_page(self, row: int) -> None:
        """Ctrl+1 … Ctrl+8: the page, with the keyboard in its table (a register page's), so the
        table's keys — Ctrl+F, Ctrl+Shift+N, Ctrl+Shift+L — work at once, not only after a click."""
        self.nav.setCurrentRow(row)
        view = getattr(self.stack.currentWidget(), "register_view", None)
        if view is not None and view.isVisible():
            view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.presentation.active:  # no page list to keep it: the keyboard on the page's first control
            from .presentation import keyboard_on_the_page

            keyboard_on_the_page(self)

    def _ensure_page(self, row: int) -> QWidget:
        """The page of this navigation row, built on first need (not shown)."""
        page = self.pages.get(row)
        if page is None:
            page_class = load_page_class(PAGES[row][1])
            children_before = set(self.stack.children())
            try:
                page = page_class(self.document, self.stack)
            except BaseException:
                # A page whose building failed (its first read, the server away) stayed in the stack half built, its
                # tables without their delegates: the close's check of what is typed raised on one, out of closeEvent,
                # and the window closed without asking about the changes kept while the server was away — lost. It
                # goes with its failure (said by the caller's message); the next visit builds it again.
                from shiboken6 import delete

                for half_built in set(self.stack.children()) - children_before:
                    delete(half_built)
                raise
            # Every page's own words — filter bars, buttons, search boxes, captions — grow with its tables
            # (Ctrl+=, presenting): one zoom for the page, declared here once for every page, not page by page.
            scale_with_zoom(page)
            size_tabs_by_the_shown_tab(page)
            if self._tabs_leave_ctrl_tab is None:
                # Ctrl+Tab on to the next control, never round a page's tabs. Made with the first page, not the
                # window: tabs exist only on pages, and the first paint pays for no tab widget's type
                # (``tests/test_speed47_startup.py``).
                from .tab_keys import TabsLeaveCtrlTab

                self._tabs_leave_ctrl_tab = TabsLeaveCtrlTab(self)
            self._tabs_leave_ctrl_tab.watch(page)
            self.pages[row] = page
            self.stack.addWidget(page)
        return page

    def page(self, title: str) -> QWidget:
        """The page with this navigation title, built if needed (used by charts that navigate)."""
        row = next(i for i, (t, _s) in enumerate(PAGES) if t == title)
        self.show_page(row)
        return self.pages[row]

    def open_filtered(self, target):
        """Show the register a dashboard tile counts, filtered to what it counts (register_filter.py):
        the first page that shows that register takes the filter. Returns the table (or view) shown."""
        # The page that shows the register first, then the pages already built, then the rest in order.
        home = [i for i, (title, _s) in enumerate(PAGES) if title == PAGE_OF_REGISTER.get(target.register)]
        built = sorted(self.pages)
        for i in dict.fromkeys(home + built + list(range(len(PAGES)))):
            show = getattr(self._ensure_page(i), "show_filtered", None)
            view = show(target) if show is not None else None
            if view is not None:
                self.show_page(i)
                table = getattr(view, "table", None)
                (table or view).setFocus()
                return view
        return None

    def go_to_record(self, register_name: str, record_id: int) -> bool:
        before = QApplication.focusWidget()
        shown = self.nav.currentRow()
        for i in range(len(PAGES)):
            self.show_page(i) if i not in self.pages else None
            page = self.pages[i]
            if isinstance(page, RecordPage) and page.select_record(register_name, record_id):
                self.show_page(i)
                self.keyboard_follows(before, register_name)
                return True
        # No page lists it: the window stays on the page it was on, the keyboard where it was — it was left on the
        # last page looked at (Status), the keyboard in its Project box.
        self.show_page(shown)
        if before is not None and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def keyboard_follows(self, before: QWidget | None, register_name: str) -> None:
        """After a record was opened from a chart or a list (Enter on the dependency map's box, a line of the
        action log): the keyboard on the record's row, where it had been in what is now hidden with its tab or page.
        Qt gave it to the next control it found — the Projects page's search box, where Down did nothing and the
        next keys typed a search (walk39)."""
        if before is None or before.isVisible() or not self.isAncestorOf(before):
            return  # still where it was (a dialog's, a table's own move): left there
        self.keyboard_on_register(register_name)

    def keyboard_on_register(self, register_name: str) -> None:
        """The keyboard on the register's table on the page shown (its current row the record gone to)."""
        view = next((v for v in self._register_views_shown(self.stack.currentWidget())
                     if v.register.name == register_name), None)
        if view is not None:
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ documents
    def _set_document(self, document) -> None:
        closing = self.document is not None
        if self.document is not None:
            self._remember_place()
            for page in self.pages.values():
                self.stack.removeWidget(page)
                page.deleteLater()
            self.pages.clear()
            self.document.close()
        self.document = document
        if document is not None:
            # the name this computer's changes to the file are recorded under (models/who), read once an office
            # is open: at the first screen, with no office, it would load the models the start screen does not
            from .your_name_dialog import load_display_name

            load_display_name(self.settings)
        self._install_undo_actions()
        self._update_undo_tools()
        self._on_pending(0)
        self._show_server_away(None)  # a new office's server is not known to be away
        self.hide_left_out()  # the rows an import into the office before left out are that office's
        if self._written_note is not None:  # the file the office before wrote: its note goes with it
            self._written_note.hide_note()
        self._show_read_only()
        self.nav.setEnabled(document is not None)
        if document is None:
            self.sync_timer.stop()
            # each file looked for again as the start screen comes back after an office (no showEvent of the page's
            # own: a Python event handler makes PySide build QEvent's types, 13 M instructions of the first start;
            # at the start ``show_start`` lists them)
            if closing:
                self.welcome.show_recent(newest=True)
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle(APP_NAME)
            self.file_label.setText("No file open")
            if closing:
                # The keyboard on the office just closed, Enter opening it again, as at the start (``show_start``):
                # after Ctrl+W it was on no control, "Enter opens" said over a list Enter did not reach (walk 62).
                recent = self.welcome.recent
                if recent is not None and recent.count() > 0 and not recent.isHidden():
                    recent.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    self.welcome.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        document.error.connect(self.show_error)
        document.read_only_changed.connect(self._show_read_only)
        document.pending_changed.connect(self._on_pending)
        document.outside_changes_found.connect(self._say_outside_changes)
        document.note.connect(self._say_note)
        document.waiting_for_file.connect(self._say_waiting_for_file)
        document.server_state.connect(self._say_server_state)
        document.conflict_handler = self.show_conflict
        document.deleted_handler = self.offer_deleted
        # A bound method, not a lambda: Qt drops the connection with the window, so the stack's last
        # signals as it is destroyed (at a script's exit) never call into a deleted window.
        # the undo stack's index when last told, and its next command to redo
        self._stack_seen: tuple[int, QUndoCommand | None] = (0, None)
        document.undo_stack.indexChanged.connect(self._say_saved)
        self.nav.setCurrentRow(-1)
        focus = self.focusWidget()  # the window's own, active or not
        if focus is not None and self.welcome.isAncestorOf(focus):
            # The start screen's button or list goes as the office takes its place: the keyboard to the page list,
            # as at a launch with the office named (it opens once the window is painted, ``first_paint``; Qt
            # otherwise passes the keyboard to whatever follows the hidden button, the page's bare frame). A place
            # remembered with the keyboard in a table takes it there next.
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_remembered_place()
        if QApplication.focusWidget() is self.stack:
            # Left there by the office before (``may_let_go``: an open cell stores what it holds): the keyboard
            # was on nothing shown — Down moved no page, Tab began nowhere. The page list says where you are.
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        self.sync_timer.start()

    # ------------------------------------------------------------------ the page an office was left on
    # Reopened (File ▸ Open Recent, the program started again), an office showed the Program overview whatever
    # page and tab it was closed on: the risk register typed into a moment before was three keys away, as Excel
    # reopens a workbook on the sheet it was saved on. Kept per office, by its path or server address — with the
    # record and column the register's table was on, and the keyboard in it when it was there, as Excel reopens
    # on the cell it was saved on: the risk typed into was found again by scrolling, the keyboard on the page
    # list (walkthrough 35).
    def _place_key(self) -> str | None:
        import hashlib

        if self.document is None:
            return None
        where = self.document.store.url_to_remember
        return "places/" + hashlib.sha1(where.encode("utf-8", "surrogateescape")).hexdigest()

    def _page_tabs(self, page: QWidget | None):
        """The page's own tab bar (the Risks page's Register, Heat map …), not one inside a tab."""
        from PySide6.QtWidgets import QTabWidget

        if page is None:
            return None
        tabs = page.findChildren(QTabWidget)
        return next((t for t in tabs if not any(o is not t and o.isAncestorOf(t) for o in tabs)), None)

    @staticmethod
    def _register_views_shown(page: QWidget | None) -> list:
        """The register tables of a page's tab shown, a record's own (its actions, its plan) left out."""
        from .register_table.register_view import RegisterView

        if page is None:
            return []
        return [v for v in page.findChildren(RegisterView) if v.model.parent_id is None and v.isVisibleTo(page)]

    def _remember_place(self) -> None:
        key, row = self._place_key(), self.nav.currentRow()
        if key is None or row < 0:
            return
        page = self.pages.get(row)
        tabs = self._page_tabs(page)
        place = f"{row} {tabs.currentIndex() if tabs is not None else 0}"
        from shiboken6 import isValid

        # an open cell's editor, where the keyboard was, is gone once it stored what it held (a message box between)
        left, self._keyboard_when_let_go = self._keyboard_when_let_go, None
        focus = left if left is not None and isValid(left) else QApplication.focusWidget()
        views = self._register_views_shown(page)
        view = next((v for v in views if focus is not None and v.isAncestorOf(focus)), views[0] if views else None)
        record = view.current_record_id() if view is not None else None
        if view is not None and record is not None:
            field = view.model.fields[view.table.currentIndex().column()].name
            keyboard = int(focus is not None and view.isAncestorOf(focus))
            place += f" {view.register.name} {record} {field} {keyboard}"
        self.settings.setValue(key, place)

    def _show_remembered_place(self) -> None:
        """The page and tab the office was left on, else its overview; the record and column its table was on."""
        key = self._place_key()
        place = stored_settings.read_text(self.settings, key).split() if key is not None else []
        row, tab = (int(place[0]), int(place[1])) if len(place) >= 2 and all(p.isdigit() for p in place[:2]) else (0, 0)
        if not 0 <= row < self.nav.count():
            row, tab = 0, 0
        self.show_page(row)
        page = self.pages.get(row)
        tabs = self._page_tabs(page)
        if tabs is not None and 0 <= tab < tabs.count() and tabs.isTabEnabled(tab):
            tabs.setCurrentIndex(tab)
        if len(place) != 6 or not place[3].isdigit():
            return
        register, record, field, keyboard = place[2], int(place[3]), place[4], place[5] == "1"
        view = next((v for v in self._register_views_shown(page) if v.register.name == register), None)
        columns = [f.name for f in view.model.fields] if view is not None else []
        if view is not None and view.select_record(record, columns.index(field) if field in columns else 0) \
                and keyboard:
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say_saved(self, index: int) -> None:
        """"Saved" after an edit; after Ctrl+Z or Ctrl+Shift+Z, what was undone or redone — from another page
        than the change's (the overview, say) the status bar said "Saved" and nothing on screen changed."""
        stack = self.document.undo_stack if self.document is not None else None
        last, following = getattr(self, "_stack_seen", (0, None))
        # the command a redo would do next: a new edit after an undo takes the same place, but is another command
        self._stack_seen = (index, stack.command(index) if stack is not None and index < stack.count() else None)
        # an undo's or redo's line is the office's history, not a page's: it stays while the change's page comes up
        # (``_show_change``, a turn later) — ``StatusLine.stays``
        if self.document is not None and self.document.putting_back:  # the undo or redo just tried changed nothing
            self.status_line.stays(self.document.putting_back, 15000)
        elif stack is not None and index == last - 1:
            self.status_line.stays(f"Undone: {stack.text(index)}", 8000)
            self._show_change(stack.command(index), undoing=True)
        elif stack is not None and index == last + 1 and following is not None and stack.command(last) is following:
            self.status_line.stays(f"Redone: {stack.text(last)}", 8000)
            self._show_change(following, undoing=False)
        else:
            self.statusBar().showMessage("Saved", 1500)

    def _show_change(self, command: QUndoCommand | None, undoing: bool) -> None:
        """After Ctrl+Z (or Ctrl+Shift+Z) on a page that does not show the register changed, go to the record that
        changed, its cell current and the keyboard in its table, as Excel's undo shows the cell it put back —
        undone from the overview, the change was made where nobody looked, and only the status bar said what.
        A change of many rows shows its first, the status bar naming the step; one that leaves no row (an added
        row undone) stays where it is. On the page of the register, its table shows the change as it is."""
        from .document import DocumentCommand
        from .register_table.register_view import RegisterView

        place = command.place(undoing) if isinstance(command, DocumentCommand) else None
        if place is None or not place[1]:
            return
        register, ids, field = place
        page = self.stack.currentWidget()
        if any(v.register.name == register for v in self._register_views_shown(page)):
            return
        if page is not None and any(v.register.name == register and v.isVisibleTo(page)
                                    for v in page.findChildren(RegisterView)):
            return  # a record's own table shown (a benefit's measurements under it): the change is in view there
        QTimer.singleShot(0, self, lambda: self._go_to_change(register, ids[0], field))  # after the stack's step

    def _go_to_change(self, register: str, record_id: int, field: str | None) -> None:
        if self.document is None:
            return
        from .own_record_place import parent_of, show_in_own_table

        parent = parent_of(self.document, register, record_id)
        if parent is not None:  # a sub-table's record (a risk's action, a benefit's measurement): its parent, the row
            if self.go_to_record(*parent) and (page := self.stack.currentWidget()) is not None:
                show_in_own_table(page, register, parent[1], record_id, field)
            return
        if not self.go_to_record(register, record_id):
            return
        view = next((v for v in self._register_views_shown(self.stack.currentWidget()) if v.register.name == register),
                    None)
        if view is None:
            return
        columns = [f.name for f in view.model.fields]
        view.select_record(record_id, columns.index(field) if field in columns else 0)
        view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_read_only(self) -> None:
        """Actions, banner, title and status bar for an office open read only, or that became so (its
        file moved or deleted under the window): the writing commands off, the reason said once."""
        document = self.document
        read_only = document is not None and document.read_only
        for action in self._file_actions:
            action.setEnabled(document is not None and not (read_only and action in self._write_actions))
        self.read_only_banner.show_reason(document.store.display_name if document is not None else "",
                                          document.store.read_only_reason if document is not None else None)
        if document is not None:
            name = document.store.display_name
            self.setWindowTitle(f"{name}{' [read only]' if read_only else ''} — {APP_NAME}")
            self.file_label.setText(f"{name} (read only)" if read_only else name)

    def open_store(self, store) -> None:
        from .document import Document

        document = Document(store, self)
        self._set_document(document)
        self._remember(store.url_to_remember)  # a server URL is remembered without its password
        self._open_kept_journal(document)

    def _open_kept_journal(self, document) -> None:
        """A shared office's kept edits are written to this computer's app-data folder as they are kept
        (``models/kept_journal.py``); what an earlier run left there is offered back once the window has opened
        the office (``kept_offer``) — never applied without the user's word."""
        if document.store.is_sqlite:
            # A file's changes kept for a full disk or a busy file stay in its window, as Save a Copy As… can take
            # them elsewhere (``save_copy``); the journal is for a server that can be away for hours.
            return
        from .app import kept_edits_folder
        from .kept_offer import kept_journal_for, offer_kept_edits

        journal = kept_journal_for(kept_edits_folder(), document)
        document.kept_journal = journal

        def offer() -> None:
            if self.document is document and document is not None:
                self.kept_offer = offer_kept_edits(self, document, journal)

        QTimer.singleShot(0, self, offer)

    def open_path(self, target: str) -> bool:
        import sqlite3

        from ..models import disk
        from ..models.errors import StoreError, WorkbookGivenAsOffice
        from ..models.store import Store

        if not self.may_let_go():
            return False
        try:
            # A server's empty database becomes a new shared office (File ▸ Connect to Shared Office, --database):
            # refused as "not a PMO Desktop program office", a newcomer had no way to put the office on the server.
            store = Store.open(target, password_prompt=self.ask_password if "://" in target else None,
                               create_if_empty="://" in target)
        except (StoreError, OSError, sqlite3.Error) as e:
            message = str(e) if isinstance(e, StoreError) else disk.describe_failure(
                "The program office could not be opened", e, os.path.dirname(os.path.abspath(target)))
            named_a_workbook = "://" not in target and Path(target).suffix.lower() in SPREADSHEETS
            if isinstance(e, WorkbookGivenAsOffice) or (named_a_workbook and Path(target).is_file()):
                # A newcomer's first move is to open the workbook they keep: say where a workbook goes in.
                message += ("\n\nTo bring a workbook's registers into this office, use File ▸ Import from Excel "
                            "(Ctrl+I); File ▸ New… makes an office to import it into.")
            self._say_opening(None)  # the start screen's buttons back behind the reason, not "Opening …"
            warn(self, "Cannot open the program office", message)
            if "://" not in target and not Path(target).exists():
                self._forget(target)
            return False
        self.open_store(store)
        if store.made_on_open:  # said, as the command line says it: an empty office is no office emptied
            self.statusBar().showMessage(
                f"{store.display_name} was an empty database: it is now a new program office. File ▸ Import from "
                "Excel (Ctrl+I) brings your workbook in.", 30_000)
        if store.open_note:  # a -wal another file left beside it was set aside or ignored (stale_wal)
            warn(self, "Opened as last saved", store.open_note)
        return True

    def open_at_launch(self, target: str | None) -> None:
        """What the launch asked for, once the window is painted (``first_paint``): the office named on the command
        line (``target``), or with none the start screen — the demo office at a first start. Until it is open the
        start screen says what is opening, "Opening “office.pmo”…", where its buttons and "No file open" stood
        (under load for seconds: read as "my file did not open", walk 57 item 7)."""
        from .first_paint import after_first_paint

        if not target:
            if not self.recent_files():
                self._say_opening("the demo office")
            self.show_start()
            return
        # a server's address may hold its password: never shown
        self._say_opening(f"“{Path(target).name}”" if "://" not in target else "the shared office")
        after_first_paint(self, lambda: self._opened_then_said(lambda: self.open_named_at_start(target)))

    def _opened_then_said(self, open_it: Callable[[], object]) -> None:
        """``open_it`` run, and the start screen's "Opening …" taken back however it went (opened, refused, failed)."""
        try:
            open_it()
        finally:
            self._say_opening(None)

    def _say_opening(self, name: str | None) -> None:
        self.welcome.show_opening(name)
        if self.document is None:
            self.file_label.setText(f"Opening {name}…" if name else "No file open")

    def open_named_at_start(self, target: str) -> None:
        """The office named on the command line (``run-app.sh office.pmo``, ``pmo-desktop office.pmo``): opened; a
        ``.pmo`` file that does not exist yet, in a folder that does, offered to be made — as a desktop program does.
        It was refused "does not exist" over the start screen, and a newcomer naming a new office there had made
        nothing (walk57). Anything else missing (a workbook, a folder that does not exist) is refused as before; the
        command line's own commands (``summary``, ``import`` …) refuse a missing office as they always have."""
        from .. import FILE_SUFFIX

        path = Path(target).expanduser() if "://" not in target else None
        if path is None or path.exists() or path.suffix.lower() != FILE_SUFFIX or not path.parent.is_dir():
            self.open_path(target)
            return
        self.offer_to_create(str(path.absolute()))

    def offer_to_create(self, path: str) -> None:
        """Asks whether to make the office ``path`` names, which does not exist: Create (Enter) makes it empty and
        opens it, Cancel (Esc) makes nothing and leaves the start screen."""
        from PySide6.QtWidgets import QMessageBox

        from .messages import answer_of

        name, folder = Path(path).name, Path(path).parent
        box = QMessageBox(QMessageBox.Icon.Question, "Create a New Program Office?",
                          f"“{name}” does not exist in “{folder}”.\n\nCreate it as a new, empty program office?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("create-office-offer")
        create = box.addButton("&Create", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(create)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if answer_of(box) is not create:
                self.statusBar().showMessage(f"“{name}” was not created.", 10_000)
            elif self.create_file(path):
                self.statusBar().showMessage(
                    f"“{name}” was created: a new, empty program office. File ▸ Import from Excel (Ctrl+I) brings "
                    "your workbook in.", 30_000)

        box.finished.connect(answered)
        box.open()

    def ask_password(self, server: str) -> str | None:
        """Asked only when neither PGPASSWORD nor ~/.pgpass has the password; kept in memory only."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(self, "Password", f"Password for {server}:", QLineEdit.EchoMode.Password)
        return text if ok else None

    def connect_to_server(self) -> None:
        """File ▸ Connect to Shared Office…: a PostgreSQL URL (the password is asked for when needed)."""
        from PySide6.QtWidgets import QInputDialog

        url, ok = QInputDialog.getText(self, "Connect to Shared Office",
                                       "Database URL (e.g. postgresql+psycopg://you@server/pmo):")
        if ok and url.strip():
            self.open_path(url.strip())

    def open_file(self) -> None:
        path = file_dialogs.ask_open(self, self._chooser_folder())
        if path:
            self.settings.setValue("last_folder", os.path.dirname(path))
            self.open_path(path)

    def new_file(self) -> None:
        path = file_dialogs.ask_save(self, "New Program Office", self._chooser_folder())
        if path and self.create_file(path):
            self.settings.setValue("last_folder", os.path.dirname(path))

    def create_file(self, path: str) -> bool:
        import sqlite3

        from ..models import disk
        from ..models.errors import StoreError
        from ..models.store import Store

        if not self.may_let_go():
            return False
        try:
            store = Store.create(path, program_name=Path(path).stem)
        except (StoreError, OSError, sqlite3.Error) as e:
            message = str(e) if isinstance(e, StoreError) else disk.describe_failure(
                "The program office was not created", e, os.path.dirname(os.path.abspath(path)))
            warn(self, "Cannot create the program office", message)
            return False
        self.open_store(store)
        if store.open_note:  # a -wal a deleted office of that name left was set aside (stale_wal)
            warn(self, "Opened as last saved", store.open_note)
        return True

    def open_demo(self) -> None:
        """The demo office, made on first use in the user's data folder; when that cannot be written
        (a read-only home, a full disk) one message says why, and nothing is left half-made there."""
        import sqlite3

        from ..models import disk
        from ..models.errors import StoreError
        from .app import demo_office_path

        try:
            path = demo_office_path()
        except (StoreError, OSError, sqlite3.Error) as e:
            message = str(e) if isinstance(e, StoreError) else disk.describe_failure(
                "The demo office could not be made in your data folder", e)
            warn(self, "Cannot open the demo office", message)
            return
        self.open_path(str(path))

    def save_copy(self) -> None:
        """File ▸ Save a Copy As…; of an office open read only, the copy is opened in its place to edit,
        with the changes kept when its file went away saved into it."""
        if self.document is None:
            return
        path = file_dialogs.ask_save(self, "Save a Copy As", self._chooser_folder())
        if not (path and self.save_copy_to(path) and self.document.read_only):
            return
        kept, self.document.pending = self.document.pending, []
        if self.open_path(path) and kept and self.document is not None:
            saved = self.document.adopt(kept)
            self.statusBar().showMessage(f"{saved} kept change{'s' if saved != 1 else ''} saved into {Path(path).name}",
                                         8000)

    def save_copy_to(self, path: str) -> bool:
        """Save a Copy As: on any failure (a full disk, no permission) one message naming the cause;
        the destination stays as it was and no temporary file is left (``Store.save_copy``)."""
        import sqlite3

        from ..models import disk
        from ..models.errors import StoreError

        if self.document is None:
            return False
        try:
            self.document.store.save_copy(path)
        except StoreError as e:
            warn(self, "The copy was not saved", str(e))
            return False
        except (OSError, sqlite3.Error) as e:
            warn(self, "The copy was not saved",
                 disk.describe_failure("The copy was not saved", e, os.path.dirname(os.path.abspath(path))))
            return False
        if self.document.store.is_sqlite:
            self.status_line.stays(f"Copy saved to {path}", 5000)
        else:  # a copy of the shared office: say what it is for, and that the server's office is not it
            self.status_line.stays(f"Copy saved to {path}: open it (File ▸ Open) to work offline. What you "
                                   "change there stays in that file; the shared office is unchanged.", 15_000)
        return True

    # ------------------------------------------------------------------ Excel
    def _suggest(self, suffix: str, ext: str = ".xlsx") -> str:
        """Where an export or a board pack is first offered: the folder the last one went to, else the one
        a file was last opened from, else the user's Documents (never the folder the app was started in)."""
        folder = self._export_folder() or self._last_folder() or _documents_folder()
        from ..excel.atomic import windows_name

        stem = Path(self.document.store.display_name).stem if self.document else "office"
        return str(Path(folder or ".") / f"{windows_name(stem)}{suffix}{ext}")  # a name the export takes

    def import_excel(self) -> None:
        from .exchange.actions import ask_workbook_to_open, open_import_dialog

        if self.document is None:
            return
        path = ask_workbook_to_open(self, self._import_folder() or self._chooser_folder())
        if path:
            self.settings.setValue("import_folder", os.path.dirname(path))
            open_import_dialog(self, self.document, path)

    def export_excel(self) -> None:
        if self.document is not None:
            self._export("Export to Excel", " registers", None, "Exported")

    def _export(self, caption: str, suffix: str, registers: list[str] | None, said: str) -> None:
        """Ask for a workbook and write ``registers`` (None: the whole office) there, said as ``said`` to it."""
        from .exchange.actions import ask_workbook_to_save, export_registers

        assert self.document is not None
        path = ask_workbook_to_save(self, caption, self._suggest(suffix))
        if path and export_registers(self, self.document, path, registers):
            self.settings.setValue("export_folder", os.path.dirname(path))
            self.settings.setValue("last_export", path)
            self._show_written("Export", Path(path))
            self.status_line.stays(f"{said} to {path}: “Open It” on the note above opens it", 15_000)

    def shown_register(self):
        """The register of the table the keyboard is in, else of the page's main table, as it stands in a workbook:
        a sub-table's (a risk's actions) its parent's, the communication plan the stakeholder map's; None on a page
        with no register (the overview)."""
        from ..models.registers import REGISTERS

        view = self.active_register_view()
        register = getattr(view, "register", None)
        while register is not None and (register.parent_register or register.exported_with):
            register = REGISTERS[register.parent_register or register.exported_with]
        return register

    def export_shown_register(self) -> None:
        """File ▸ Export This Register (Alt+F, H): the register on screen alone, with its sub-tables."""
        from ..models.registers import children

        if self.document is None:
            return
        register = self.shown_register()
        if register is None:
            self.statusBar().showMessage("This page shows no register: go to one (Ctrl+2 … Ctrl+7) and export it "
                                         "there, or Ctrl+E exports the whole office.", 10_000)
            return
        title = register.title[:1].lower() + register.title[1:]
        with_ = [r.title[:1].lower() + r.title[1:] for r in children(register.name)]
        also = f" (with {', '.join(with_)})" if with_ else ""
        self._export(f"Export the {title} to Excel", f" {title}", [register.name], f"Exported the {title}{also}")

    def export_board_pack(self) -> None:
        from .exchange.actions import ask_workbook_to_save, board_pack_paper, export_board_pack

        if self.document is None:
            return
        path = ask_workbook_to_save(self, "Export Board Pack", self._suggest(" board pack", ".pdf"), pdf=True)
        if path and export_board_pack(self, self.document, path):
            self.settings.setValue("export_folder", os.path.dirname(path))
            paper = "US Letter" if board_pack_paper(self.document) == "Letter" else "A4"
            self.settings.setValue("last_board_pack", path)
            self._show_written("Board pack", Path(path), f"on {paper} paper (File ▸ Board Pack Paper)")
            self.status_line.stays(f"Board pack written to {path}, on {paper} paper: Ctrl+Shift+O opens it", 15_000)

    LAST_WRITTEN = {"board_pack": ("last_board_pack", "board pack", "Ctrl+Shift+E"),
                    "export": ("last_export", "export", "Ctrl+E")}

    def open_last_written(self, kind: str) -> bool:
        """File ▸ Open the Last Board Pack (Ctrl+Shift+O) or Open the Last Export: the file this computer last wrote,
        opened by the computer's program for it; said when there is none, or it is gone."""
        from .written_note import open_file

        key, noun, writes = self.LAST_WRITTEN[kind]
        path = stored_settings.read_text(self.settings, key)
        if not path:
            self.statusBar().showMessage(f"No {noun} written from this computer yet: {writes} writes one.", 8000)
            return False
        if not os.path.isfile(path):
            self.statusBar().showMessage(f"The last {noun}, {path}, is no longer there: {writes} writes it again.", 10_000)
            return False
        self.statusBar().showMessage(f"Opening {path}", 5000)
        return open_file(Path(path))

    def _show_written(self, what: str, path: Path, how: str = "") -> None:
        """The strip over the pages naming the file written, with Open It and Open Its Folder (``written_note``)."""
        if self._written_note is None:
            from .written_note import WrittenNote

            self._written_note = WrittenNote(self.centralWidget())
            self._written_note.close_button.clicked.connect(self._keyboard_to_the_page)
            self._banner_column.insertWidget(1, self._written_note)
        self._written_note.show_written(what, path, how)

    def _fill_paper_menu(self) -> None:
        """File ▸ Board Pack Paper: A4, US Letter, or the computer's region's (the default), the one in use ticked."""
        from PySide6.QtGui import QActionGroup

        from ..models.settings import BOARD_PACK_PAPER
        from .exchange.actions import region_paper

        self.paper_menu.clear()
        if self.document is None:
            return
        chosen = self.document.read_setting(BOARD_PACK_PAPER)
        group = QActionGroup(self.paper_menu)
        for value, text in (("A4", "&A4"), ("Letter", "US &Letter"),
                            ("", f"As This &Computer's Region ({'US Letter' if region_paper() == 'Letter' else 'A4'})")):
            action = QAction(text, self.paper_menu, checkable=True)
            action.setChecked(value == chosen)
            action.triggered.connect(lambda _checked=False, v=value: self.set_board_pack_paper(v))
            group.addAction(action)
            self.paper_menu.addAction(action)

    def set_board_pack_paper(self, paper: str) -> bool:
        """The office's board pack paper ("A4", "Letter", or "" for the region's), one undo step."""
        from ..models.settings import BOARD_PACK_PAPER
        from .raid.settings import SetSettingsCommand

        if self.document is None or paper == self.document.read_setting(BOARD_PACK_PAPER):
            return True
        said = {"A4": "A4", "Letter": "US Letter"}.get(paper, "the computer's region's")
        done = self.document.execute(SetSettingsCommand(self.document, [(BOARD_PACK_PAPER, paper)],
                                                        f"Board pack paper: {said}"))
        if done:
            self.statusBar().showMessage(f"Board pack paper: {said} — the next pack is laid out for it", 8000)
        return done

    def show_snapshots(self):
        """The board snapshots kept in this file: open one read only, or compare it with now."""
        from .snapshots_dialog import SnapshotsDialog

        if self.document is None:
            return None
        dialog = SnapshotsDialog(self.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_changes(self):
        """What changed since the last board (or between any two states), on screen."""
        from .changes_dialog import ChangesDialog

        if self.document is None:
            return None
        dialog = ChangesDialog(self.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def close_file(self) -> None:
        if self.may_let_go():
            self._set_document(None)

    def may_let_go(self) -> bool:
        """Before the office is closed (the window closed, Ctrl+W, another office opened): what is typed in an open
        cell is stored as leaving the cell would store it; a value the register refused, held in its cell, or a
        ✱ line that makes no record yet is asked about — it went without a word. False: the user goes back to it."""
        from PySide6.QtWidgets import QMessageBox

        from .messages import answer_of
        from .register_table.register_view import RegisterView

        if self.document is None:
            return True
        focus = QApplication.focusWidget()
        self._keyboard_when_let_go = focus  # where the office is left (_remember_place), before it is moved
        if focus is not None and self.isAncestorOf(focus):
            # an open cell stores what it holds, as when the window is left: a refused value is held in it, to be
            # asked about below (a click elsewhere passes it by, its text kept only in the cell's note — ``FieldDelegate
            # ._leave_and_tell``, which the office's closing would lose unasked)
            self.stack.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        for view in self.findChildren(RegisterView):
            typed = view.unsaved_typing()
            if typed is None:
                continue
            what, holder = typed
            box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", f"What you typed is not saved: {what}\n\n"
                              "Go back to correct it, or close without it.", QMessageBox.StandardButton.NoButton, self)
            back = box.addButton("&Go Back to It", QMessageBox.ButtonRole.RejectRole)
            box.addButton("&Close Without It", QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(back)
            box.setEscapeButton(back)
            box.exec()
            if answer_of(box) is back:  # no answer (a close by reject) is Go Back: nothing typed goes unasked
                self._show_typing(view, holder)
                return False
            view.let_go_of_typing()
        return self._may_drop_pending()

    def _may_drop_pending(self) -> bool:
        """Changes kept because the store could not take them (a full disk, the server away, the file gone) live
        in this window only: closing it dropped them without a word. Asked, as typing held in a cell is."""
        from PySide6.QtWidgets import QMessageBox

        from ..models.fields import count_of
        from .messages import answer_of

        document = self.document
        if document is None or not document.pending:
            return True
        count = len(document.pending)
        what = count_of(count, "change")
        # A file's copy is written from the window's own connection, so it can take the kept changes elsewhere;
        # an office on a server that has gone away cannot be read for a copy — the box sent a user there to be
        # refused, while leaving the window open until the server is back keeps the changes.
        elsewhere = ("go back to the window (File ▸ Save a Copy As… saves the office with them elsewhere)"
                     if document.store.is_sqlite else
                     "go back to the window and keep it open until the database server is back "
                     "(the window saves them as soon as it is)")
        # A shared office's kept cells are on this computer's disk too (``Document.kept_journal``): closed, they are
        # offered back at the next start against the office, as are rows added or deleted (kept53).
        on_disk = document.journaled()
        # The others: changes of another kind (an escalation, a merge, a setting) — or the journal's disk refused them
        # (full, read only), said here so that "close" is not read as "they are safe on this computer".
        refused = document.kept_journal.failure if document.kept_journal is not None else None
        why_not = f"the disk refused them: {refused}" if refused else "not cells or rows: an escalation, a merge, a setting"
        if on_disk == count:
            where, closing, close_text = ("kept on this computer", f"close: {'it stays' if count == 1 else 'they stay'} "
                                          "kept on this computer and offered back the next time you open this office",
                                          "&Close (Keep Them for Next Time)")
        elif on_disk:
            where, closing, close_text = (
                f"kept ({on_disk} of them on this computer too)",
                f"close anyway: the {count_of(on_disk, 'change')} of cells and rows {'is' if on_disk == 1 else 'are'} "
                f"kept on this computer and offered back the next time you open this office, the other "
                f"{count_of(count - on_disk, 'change')} ({why_not}) "
                f"{'is' if count - on_disk == 1 else 'are'} "
                "lost", "&Close Anyway")
        else:
            where, closing, close_text = "kept in this window only", "close without them", "&Close Without Them"
            if refused:
                where += f" — not on this computer's disk, which refused them: {refused}"
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved",
                          f"{what} could not be saved yet and {'is' if count == 1 else 'are'} {where} "
                          f"(first: {document.pending[0].text()}).\n\nRetry now (once the disk has room or the "
                          f"database is back), {elsewhere}, or {closing}.",
                          QMessageBox.StandardButton.NoButton, self)
        retry = box.addButton("&Retry Now", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("&Go Back", QMessageBox.ButtonRole.RejectRole)
        box.addButton(close_text, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(retry)
        box.setEscapeButton(back)
        box.exec()
        answer = answer_of(box)  # no answer (a close by reject) is Go Back: the kept changes stay
        if answer is back:
            return False
        if answer is retry:
            document.retry_pending()
            return not document.pending  # still failing: its message said why, and the window stays
        document.pending = []
        document.pending_changed.emit(0)
        return True

    def _show_typing(self, view, holder) -> None:
        """The page, tab and cell holding what the user went back to, with the keyboard in it."""
        from .own_record_place import bring_into_view

        page = view
        while page is not None and page.parentWidget() is not self.stack:
            page = page.parentWidget()
        row = next((r for r, p in self.pages.items() if p is page), None)
        if row is not None:
            self.show_page(row)
        bring_into_view(page, view)
        if holder is view.table:  # a note in a red corner: the keyboard on its cell
            view.show_first_note()
        holder.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_program(self) -> bool:
        """The program's name, sponsor, manager, dates and description (one undo step)."""
        from .program_dialog import ProgramDialog

        if self.document is None:
            return False
        return ProgramDialog(self.document, self).exec() == ProgramDialog.DialogCode.Accepted

    def edit_your_name(self) -> bool:
        """The name this computer's changes to an office file are recorded under (models/who)."""
        from .your_name_dialog import YourNameDialog

        store = self.document.office.store if self.document is not None else None
        server = store.display_name if store is not None and not store.is_sqlite else None
        return YourNameDialog(self.settings, self, server).exec() == YourNameDialog.DialogCode.Accepted

    # ------------------------------------------------------------------ recent files and settings
    def _export_folder(self) -> str:
        """The folder the last export or board pack was written to ("" at first, or when it is gone)."""
        value = stored_settings.read_text(self.settings, "export_folder")
        return value if value and os.path.isdir(value) else ""

    def _last_folder(self) -> str:
        """The folder a file was last opened from or saved to ("" at first)."""
        return stored_settings.read_text(self.settings, "last_folder")

    def _import_folder(self) -> str:
        """The folder the last workbook was imported from ("" at first, or when it is gone)."""
        value = stored_settings.read_text(self.settings, "import_folder")
        return value if value and os.path.isdir(value) else ""

    def _chooser_folder(self) -> str:
        """Where New…, Open…, Save a Copy and the first import open their chooser: the folder last opened from or
        saved to, while it is there, else the user's Documents. With no folder Qt's chooser opened in the folder
        the app was started from — a new office was saved among the program's own files."""
        folder = self._last_folder()
        return folder if folder and os.path.isdir(folder) else _documents_folder()

    def recent_files(self) -> list[str]:
        """The offices opened before, newest first (paths, or servers' URLs without their passwords)."""
        # No more than the window keeps: a settings file written by hand or by another program with 10,000 files
        # filled File ▸ Open Recent with 10,000 lines, a second's wait each time it opened, taller than any screen.
        return stored_settings.read_texts(self.settings, "recent_files")[:MAX_RECENT]

    def _remember(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent_files", files[:MAX_RECENT])
        self.welcome.show_recent(newest=True)

    def _forget(self, path: str) -> None:
        self.settings.setValue("recent_files", [p for p in self.recent_files() if p != path])
        self.welcome.show_recent()

    def forget_recent(self, path: str) -> None:
        """Take an office off the recent list (the start screen's Delete, File ▸ Open Recent's removal); its file
        is left as it is."""
        if path:
            self._forget(path)
            self.statusBar().showMessage(f"“{path}” removed from the recent list (the file itself is untouched).", 8000)

    def _fill_recent_menu(self) -> None:
        """Each office by its name and folder, newest first; a missing one greyed, marked and not opened."""
        from .recent_offices import describe

        self.recent_menu.clear()
        offices = [describe(path) for path in self.recent_files()]
        for number, office in enumerate(offices, start=1):
            text = office.one_line.replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number} {text}" if number < 10 else text,
                                                partial(self.open_path, office.path))
            action.setToolTip(office.path)
            action.setEnabled(not office.missing)
        if not offices:
            self.recent_menu.addAction("(none)").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        missing = [office.path for office in offices if office.missing]
        remove = self.recent_menu.addAction("Re&move Missing Offices from List", partial(self._forget_all, missing))
        remove.setEnabled(bool(missing))
        self.recent_menu.addAction("&Clear List", self._clear_recent)

    def _forget_all(self, paths: list[str]) -> None:
        for path in paths:
            self.forget_recent(path)

    def _clear_recent(self) -> None:
        self.settings.setValue("recent_files", [])
        self.welcome.show_recent()

    def show_start(self) -> None:
        """With no office named at launch: the demo at the very first start, else the start screen with the offices
        opened before, the keyboard on the newest — it opened the demo every time, and a user back to the office
        of yesterday looked for it in a chooser."""
        if not self.recent_files():
            # At launch the window is painted first, then the demo is made and opened (a first start's 1.6 s of
            # CPU); after File ▸ Close, at once.
            from .first_paint import after_first_paint

            after_first_paint(self, lambda: self._opened_then_said(self.open_demo))
            return
        self.welcome.show_recent(newest=True)
        if self.welcome.recent is not None:
            self.welcome.recent.setFocus(Qt.FocusReason.OtherFocusReason)

    def _restore_geometry(self) -> None:
        geometry = stored_settings.read_bytes(self.settings, "window/geometry")
        # A saved geometry is kept as it was saved; one from a bigger screen (a laptop off its dock) Qt's
        # restoreGeometry brings within this one.
        if geometry is None or not self.restoreGeometry(geometry):  # none yet, or not a geometry
            # Within the screen: 1400×850 on a 1280×720 laptop or projector ran past its edges, the status bar —
            # where every edit, undo and import says what it did — below the screen's bottom (walk57).
            from .screen_fit import resize_within_screen

            resize_within_screen(self, 1400, 850)

    def _say_server_state(self, away: str | None) -> None:
        """The server gone (the banner, once, until it is back) or back again (the status bar: what was saved)."""
        from ..models.fields import count_of

        document = self.document
        if document is None:
            return
        name = document.store.display_name
        self._show_server_away(name if away is not None else None)
        if away is None:
            saved = document.saved_when_back
            kept = f" {count_of(saved, 'change')} kept while it was away {'was' if saved == 1 else 'were'} saved." \
                if saved else ""
            left = f" {count_of(len(document.pending), 'change')} still to save: Edit ▸ Retry Unsaved Changes." \
                if document.pending else ""
            self.statusBar().showMessage(f"The database server {name} is back.{kept}{left}", 15_000)

    def _show_server_away(self, server: str | None) -> None:
        """The banner over the pages while ``server`` cannot be reached, with the changes kept; hidden on None."""
        if self._server_away_banner is None:
            if server is None:
                return
            from .server_away_banner import ServerAwayBanner  # (not a widget the first paint needs)

            self._server_away_banner = ServerAwayBanner(self.centralWidget())
            self._server_away_banner.try_now_requested.connect(self.poll_outside_changes)
            self._banner_column.insertWidget(1, self._server_away_banner)
        kept = len(self.document.pending) if self.document is not None else 0
        self._server_away_banner.show_away(server, kept)

    def show_left_out(self, count: int, source: Path | None, written: Path | None, why: str = "") -> None:
        """The strip over the pages naming the rows an import left out and the workbook they went to, until it is
        closed, another import is made or the office closed (the status bar alone said it, for 30 seconds)."""
        if self._left_out_banner is None:
            from .left_out_banner import LeftOutBanner  # (not a widget the first paint needs)

            self._left_out_banner = LeftOutBanner(self.centralWidget())
            self._left_out_banner.close_button.clicked.connect(self._keyboard_to_the_page)
            self._banner_column.insertWidget(1, self._left_out_banner)
        self._left_out_banner.show_left_out(count, source, written, why)

    def hide_left_out(self) -> None:
        if self._left_out_banner is not None:
            self._left_out_banner.hide_note()

    def _keyboard_to_the_page(self) -> None:
        """The left-out note closed by its button: the keyboard to the page's table, else the page list (Qt gave it
        to whatever came after the hidden button)."""
        view = self.active_register_view()
        (view.table if view is not None and view.isVisible() else self.nav).setFocus(Qt.FocusReason.OtherFocusReason)

    def said_in_the_window(self, error: BaseException) -> bool:
        """For the failure message hook (``failure_message.install``): a read that found the office's server away
        is said by the banner — once, where a box came for each row moved to — not in a box of its own."""
        from ..models.errors import ConnectionLost

        document = self.document
        if document is None or document.store.is_sqlite or not isinstance(error, ConnectionLost):
            return False
        document.server_went_away(error)
        return True

    def _on_pending(self, count: int) -> None:
        if self.document is not None and self.document.server_away is not None:
            self._show_server_away(self.document.store.display_name)
        self.retry_action.setEnabled(count > 0)
        self.retry_action.setText(f"Retr&y Unsaved Changes ({count})" if count else "Retr&y Unsaved Changes")
        if count:
            self.statusBar().showMessage(f"{count} change{'s' if count != 1 else ''} not saved yet: "
                                         "Edit ▸ Retry Unsaved Changes")

    def say_saved(self) -> str:
        """File ▸ Save (Ctrl+S): there is nothing to save — each change is saved as it is made — said in the status
        line with what is not saved: a cell still being typed, a value refused, changes kept to retry, an office open
        read only. Returns what was said."""
        from .register_table.register_view import RegisterView

        document = self.document
        if document is None:
            return ""
        name = document.store.display_name
        box = QApplication.focusWidget()
        if isinstance(box, (QPlainTextEdit, QTextEdit)) and box.window() is self and not document.read_only:
            # A panel's text box (a risk's Cause, a report's commentary) stores its text as the keyboard leaves it:
            # Save stores it as leaving would, the keyboard staying in it — Save had said all was saved over it.
            QApplication.sendEvent(box, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.OtherFocusReason))
            QApplication.sendEvent(box, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))
        typed_here = self._typed_not_stored()
        if document.read_only:
            said = (f"“{name}” is open read only: nothing changed here can be saved in it — File ▸ Save a Copy As… "
                    "(Ctrl+Shift+S) saves the office elsewhere to edit.")
        elif document.pending:
            said = (f"{len(document.pending)} change{'s are' if len(document.pending) != 1 else ' is'} not saved yet "
                    "(the file or server is away): Edit ▸ Retry Unsaved Changes (Ctrl+Shift+R) tries again.")
        elif typed_here:
            said = (f"“{typed_here}” is not stored yet: Enter or Tab stores it, and it is saved in “{name}” at once, as "
                    "every change is.")
        else:
            unsaved = next((typed for v in self.findChildren(RegisterView) if (typed := v.unsaved_typing())), None)
            said = (f"Every change is saved in “{name}” as it is made: there is nothing left to save." if unsaved is None
                    else f"Every change stored is saved in “{name}” as it is made. Not saved: {unsaved[0]}")
        self.statusBar().showMessage(said, 15000)
        return said

    def _typed_not_stored(self) -> str:
        """The text of the cell being typed where the keyboard is, when it is not what the cell holds; else ""."""
        # imported here, not at the module's top: no combo box type before the first paint (test_speed47_startup)
        from PySide6.QtWidgets import QComboBox

        editor = QApplication.focusWidget()
        view = self._register_view_around(editor)
        if view is None or editor is None:
            return ""
        for table in (view.table, view.new_line):
            if table.isAncestorOf(editor) and isinstance(editor, (QLineEdit, QComboBox)):  # a cell's (a frozen one's)
                text = editor.currentText() if isinstance(editor, QComboBox) else str(getattr(editor, "text", str)())
                held = str(table.currentIndex().data() or "")
                return text if text.strip() and text != held else ""
        return ""

    def retry_pending(self) -> None:
        if self.document is not None:
            saved = self.document.retry_pending()
            if saved and not self.document.pending:
                self.statusBar().showMessage(f"Saved {saved} kept change{'s' if saved != 1 else ''}", 5000)

    def check_outside_changes(self) -> int:
        if self.document is None or QApplication.activeModalWidget() is not None:
            return 0
        changed = self.document.check_outside_changes()
        self._say_outside_changes(changed)
        return changed

    def poll_outside_changes(self) -> None:
        """The timer: the document reads the database off the GUI thread (``Document.poll_outside_changes``)."""
        if self.document is not None and QApplication.activeModalWidget() is None:
            self.document.poll_outside_changes()

    def _say_outside_changes(self, changed: int) -> None:
        if self.document is not None and changed:
            changed, deleted = self.document.take_outside_word()
        else:
            deleted = []
        said = []
        if changed > 0:
            said.append(f"{changed} record{'s' if changed != 1 else ''} changed by someone else (highlighted)")
        if deleted:
            # Named: a row that left the table under the keyboard is not "highlighted", and a user looked for it.
            names = ", ".join(deleted[:3]) + (f" and {len(deleted) - 3} more" if len(deleted) > 3 else "")
            said.append(f"deleted by someone else: {names}")
        if said:
            text = "; ".join(said)
            self.statusBar().showMessage(text[0].upper() + text[1:] + ("." if deleted else ""),
                                         15_000 if deleted else 5000)

    def _say_note(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    WAITING_FOR_FILE = "Waiting for"

    def _say_waiting_for_file(self, seconds_left: float | None) -> None:
        """A change waiting for the office file another program is writing to (SQLite's 5 s): the status bar
        says so, and what comes after, the mouse shows the wait, and the window paints — it froze for the
        5 seconds without a word, then said the file was busy. The keys and clicks of the user wait meanwhile
        (the change under way is not over), but the window's own painting does not."""
        bar = self.statusBar()
        if seconds_left is None:  # over: the change saved, or refused as busy and kept to retry (its own message)
            if self._waiting_for_file:
                self._waiting_for_file = False
                QApplication.restoreOverrideCursor()
                if bar.currentMessage().startswith(self.WAITING_FOR_FILE):
                    bar.clearMessage()
            return
        name = self.document.store.display_name if self.document is not None else "the office file"
        left = max(1, round(seconds_left))
        self.status_line.stays(f"{self.WAITING_FOR_FILE} “{name}”: another program is writing to it. Your change is "
                               f"saved as soon as it lets go — or, after {left} s more, kept to retry (Edit ▸ Retry "
                               "Unsaved Changes).")
        if not self._waiting_for_file:
            self._waiting_for_file = True
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # Painting only, while the change waits on this thread: no key or click is taken (it would start another
        # change in the middle of this one) — they are delivered once the wait is over. Not again from within.
        if not self._painting_while_waiting:
            self._painting_while_waiting = True
            try:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                self._painting_while_waiting = False

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_outside_changes()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        if not self.may_let_go():
            event.ignore()
            return
        self.presentation.leave()  # the window's normal size and place are what is kept, never full screen
        self.settings.setValue("window/geometry", self.saveGeometry())
        self._set_document(None)
        super().closeEvent(event)

    # ------------------------------------------------------------------ messages
    def show_error(self, message: str) -> None:
        document = self.document
        if document is not None and document.refusals_held:
            # A value typed into a cell and refused: the editor stays open with it and shows why; a box
            # here would take the keys typed next (a fast typist's next value went into it, or was lost).
            self.statusBar().showMessage(" ".join(message.split()), 15000)
            return
        # the reason too, not the first line alone: a paste refused said "Nothing was changed:" and no more there
        self.statusBar().showMessage(" ".join(message.split()), 15000)
        warn(self, APP_NAME, message)

    def show_conflict(self, command, conflict) -> "ConflictDialog":
        """Someone else saved the record first: show both values and let the user choose."""
        from .conflict_dialog import ConflictDialog

        theirs = conflict.theirs_values
        title = " ".join(str(v) for v in (theirs.get("code"), theirs.get("title") or theirs.get("name")) if v)
        dialog = ConflictDialog(conflict, title or "This record", self)
        document = self.document
        if document is not None:
            dialog.chosen.connect(lambda choice: document.resolve(command, conflict, choice))
        self.statusBar().showMessage("Someone else changed this record: choose what to keep.", 8000)
        dialog.open()
        return dialog

    def offer_deleted(self, command, gone) -> None:
        """Someone else deleted the record a cell was typed into: once the editor has closed (its commit is still
        under way), the row leaves the table and the user chooses what becomes of what they typed."""
        from .deleted_offer import offer_deleted

        document = self.document

        def offer() -> None:
            if self.document is document and document is not None:
                self.deleted_offer = offer_deleted(self, document, command, gone)

        QTimer.singleShot(0, self, offer)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<h3>{APP_NAME} {__version__}</h3><p>Stakeholder map, risk register and benefits plan "
                          "for a program office, in one file.</p>")


def _documents_folder() -> str:
    """The user's Documents folder, else their home folder."""
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else os.path.expanduser("~")

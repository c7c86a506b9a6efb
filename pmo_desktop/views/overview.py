"""Program overview: a dashboard. Each project's latest RAG and its trend against the period before,
then tiles for milestones due and slipped, top threats, communications due and actions, then a tile per
register that declares an overview entry (models/registers: its heading and lines). Every tile opens the
register filtered to what it counts (a click, Enter or Space); Tab moves between the tiles. Colours come
from the theme and follow it when it changes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..models import records
from ..models.benefit_rules import AT_RISK, OFF_TRACK
from ..models.dashboard import COMMS_WITHIN_DAYS, UNPRIORITISED, Dashboard, Item, dashboard
from ..models.registers import REGISTERS
from ..models.status_rollup import ProjectStatus
from ..models.status_rules import DIMENSIONS, LATE, NEW, RAG_COLOURS, SLIPPED, TREND_ARROWS
from ..models.summary import overview_entries
from ..models.values import day_text, period_text
from .document import Document
from .lazy_refresh import RefreshWhenShown
from .register_filter import RegisterFilter
from .register_page import page_title
from .theme import colours, theme
from .tile import Tile, tile_style
from .zoom import BASE_POINT_SIZE, zoom

OBJECTIVES = REGISTERS["objectives"]
PROJECT_COLUMNS = 5
TILE_COLUMNS = 4
TILE_WIDTH = 240  # px at 100 %: narrower tiles cut project names and chips, so fewer go on a row
SHOWN = 3   # records named on a tile; the register shows them all
NO_PROJECTS = ("<p style='font-size:large'><b>No projects yet.</b></p><p>This page will show each project's latest "
               "status (RAG) and what is due, slipped or most threatening across the registers. Start by adding a "
               "project on the <b>Projects</b> page (Ctrl+2), or import a workbook with <b>File ▸ Import from "
               "Excel</b> (Ctrl+I).</p>")
SHORT = {"schedule": "Sched", "cost": "Cost", "scope": "Scope", "quality": "Qual", "benefits": "Ben"}


def _chip(rating: str, text: str, small: bool = False) -> str:
    theme = colours()
    colour = theme.tint(RAG_COLOURS.get(rating, "#eeeeee"))
    body = f"<small>&nbsp;{escape(text)}&nbsp;</small>" if small else f"&nbsp;{escape(text)}&nbsp;"
    return f'<td bgcolor="{colour}" style="color:{theme.text}">{body}</td>'


def _items(items: list[Item], none: str) -> str:
    if not items:
        return escape(none)
    lines = [f"{escape(i.code)} {escape(i.title)}" + (f" <i>({escape(i.detail)})</i>" if i.detail else "")
             for i in items[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(f"… and {len(items) - SHOWN} more")
    return "<br>".join(lines)


def _issues_listed(d: Dashboard) -> str:
    """The open issues, the highest priority first; those nobody prioritised come last, so the line that counts
    the ones left out says how many of them are ("… and 2 more, 2 not prioritised yet")."""
    html = _items(d.open_issues, "No open issues")
    left_out = sum(1 for i in d.open_issues[SHOWN:] if i.detail == UNPRIORITISED)
    return html + (f", {left_out} {escape(UNPRIORITISED)}" if left_out else "")


def _more_unscored(d: Dashboard) -> str:
    """The open threats not scored yet that the top few leave out: last in the ranking, not to be forgotten."""
    listed = sum(1 for t in d.top_threats[:SHOWN] if t.detail == "unscored")
    more = d.unscored_threats - listed
    return f"<br><small>and {more} more unscored</small>" if more > 0 else ""


class OverviewPage(RefreshWhenShown, QWidget):
    register_view = None

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.tiles: dict[str, Tile] = {}
        self.tiles_per_row = PROJECT_COLUMNS
        content = QWidget(self)
        layout = QVBoxLayout(content)
        self.title = page_title("", content)
        self.description = QLabel(content)
        self.description.setWordWrap(True)
        self.facts = QLabel(content)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.facts)
        self.status_heading = QLabel(content)
        self.status_heading.setWordWrap(True)
        layout.addWidget(self.status_heading)
        self.project_grid = QGridLayout()
        layout.addLayout(self.project_grid)
        self.tile_grid = QGridLayout()
        layout.addLayout(self.tile_grid)
        for grid, columns in ((self.project_grid, PROJECT_COLUMNS), (self.tile_grid, TILE_COLUMNS)):
            for column in range(columns):
                grid.setColumnStretch(column, 1)
        self.objectives = QLabel(content)
        self.objectives.setWordWrap(True)
        box = QGroupBox("Strategic objectives", content)
        QVBoxLayout(box).addWidget(self.objectives)
        layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop showing nothing: its tiles are stops of their own
        self.content = content
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Counts are redone only while the overview is on screen, not on every edit elsewhere.
        self.watch_registers(document, tuple(REGISTERS))
        self.redraw_on_theme_change()  # the RAG chips are drawn in the theme's colours
        theme().changed.connect(self._restyle)
        # Projector zoom (Ctrl+=) makes the tiles' text larger too, as it does the tables'. Under a style
        # sheet a parent's font does not reach its children, so the size is a rule of the sheet. The tiles'
        # text is the tables' (zoom.BASE_POINT_SIZE), not the window's 9 pt: on a projector at 150 % the
        # dashboard's notes and RAG chips (``<small>``) came out at 10.5 pt, under the 12 pt a room reads from
        # three metres, beside tables at 16.5 pt (walk39, walk40).
        self._points = (BASE_POINT_SIZE, self.title.font().pointSizeF())
        self.title.setObjectName("overview-title")
        zoom().changed.connect(self.apply_zoom)
        self.apply_zoom()

    def _style(self) -> str:
        text, title = (round(p * zoom().factor, 1) for p in self._points)
        return tile_style() + (f"QLabel, QGroupBox {{ font-size: {text}pt; }}\n"
                               f"QLabel#overview-title {{ font-size: {title}pt; font-weight: bold; }}\n")

    def apply_zoom(self, *_args) -> None:
        self.content.setStyleSheet(self._style())
        self._relayout()

    def _columns(self, most: int) -> int:
        """Tiles on a row: as many as fit at the zoom level, up to ``most``."""
        return max(1, min(most, int(self.width() // (TILE_WIDTH * zoom().factor))))

    def _relayout(self) -> None:
        if self.tiles and self.isVisible() and self.tiles_per_row != self._columns(PROJECT_COLUMNS):
            self._rearrange()

    def _rearrange(self) -> None:
        """The same tiles on rows of the new width (a zoom, presenting, a resize): moved in their grids, never
        made anew. Remade, the tile with the keyboard was deleted under it — presenting (F11) changes the zoom
        twice, and the keyboard jumped to whatever Qt found next while Python still held the old tile."""
        self.tiles_per_row = self._columns(PROJECT_COLUMNS)
        for grid, most in ((self.project_grid, PROJECT_COLUMNS), (self.tile_grid, TILE_COLUMNS)):
            columns = self._columns(most)
            shown = [t for t in self.tiles.values() if grid.indexOf(t) >= 0]  # in the order they were made
            for tile in shown:
                grid.removeWidget(tile)
            for column in range(most):
                grid.setColumnStretch(column, 1 if column < columns else 0)
            for index, tile in enumerate(shown):
                grid.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _restyle(self, *_args) -> None:
        """Widgets under a style sheet keep the palette they were polished with: set the tiles' style
        sheet anew so the page takes the new theme's palette (text and background)."""
        self.content.setStyleSheet("")
        self.content.setStyleSheet(self._style())

    def select_record(self, register_name: str, record_id: int) -> bool:
        return False

    # ------------------------------------------------------------------ tiles
    def open(self, target: RegisterFilter) -> None:
        window = self.window()
        if hasattr(window, "open_filtered"):
            window.open_filtered(target)

    def _tile(self, grid: QGridLayout, index: int, columns: int, key: str, title: str, html: str,
              target: RegisterFilter, hint: str) -> Tile:
        tile = Tile(key, title, html, target, hint, self.content)
        tile.activated.connect(self.open)
        grid.addWidget(tile, index // columns, index % columns)
        self.tiles[key] = tile
        return tile

    def _clear(self) -> str | None:
        """Remove the tiles; returns the key of the one that had the focus, to give it back."""
        focused = next((k for k, t in self.tiles.items() if t.hasFocus()), None)
        for grid in (self.project_grid, self.tile_grid):
            while grid.count():
                item = grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget:
                    widget.hide()  # gone from the screen now; deleted once the event loop comes round
                    widget.deleteLater()
        self.tiles.clear()
        return focused

    def _project_tile(self, index: int, p: ProjectStatus) -> None:
        latest = p.latest or {}
        if p.latest is None:
            html = "<i>Not reported yet</i>"
        else:
            move = p.trend
            versus = (f"{TREND_ARROWS[move]} {move.lower()} than {period_text(p.previous['period'])}"
                      if move != NEW and p.previous else "first report" if p.previous is None else "")
            if move == "Same" and p.previous:
                versus = f"{TREND_ARROWS[move]} same as {period_text(p.previous['period'])}"
            draft = " (draft)" if latest.get("state") == "Draft" else ""
            overall = p.overall or "Not rated"
            html = (f'<table cellspacing="0" cellpadding="2"><tr>{_chip(p.overall, f"{overall} {TREND_ARROWS[move]}")}'
                    f"<td>&nbsp;{escape(period_text(p.period))}{draft}</td></tr></table>"
                    f'<table cellspacing="2" cellpadding="0"><tr>'
                    + "".join(_chip(latest.get(d) or "", SHORT[d], small=True) for d in DIMENSIONS[1:])
                    + f"</tr></table><small>{escape(versus)}</small>")
        self._tile(self.project_grid, index, self._columns(PROJECT_COLUMNS), f"project:{p.project}", p.project, html,
                   RegisterFilter("status_reports", {"project": frozenset({p.project})}, label=f"Project: {p.project}"),
                   f"Open the status reports of {p.project}")

    def refresh(self) -> None:
        self._stale = False
        program = self.document.store.program()
        path = self.document.store.path
        # Headed as the board pack is titled: a program with no name of its own is "Program", not the file's name
        # ("office") the overview went on showing after the pack stopped printing it (walk45).
        self.title.setText((program.own_name(path.stem if path is not None else None) if program else "") or "Program")
        self.description.setText(program.description if program else "")
        facts = []
        if program:
            facts = [f"Sponsor: <b>{escape(program.sponsor or '—')}</b>",
                     f"Program manager: <b>{escape(program.manager or '—')}</b>",
                     "Dates: <b>" + (" – ".join(day_text(d) for d in (program.start_date, program.end_date) if d)
                                     or "—") + "</b>"]
            if not program.details_given:
                # A new office: its heading is the file's name and every fact a dash, with no word of where they are
                # given — a newcomer's board pack went out titled "office" (walk43).
                facts.append("<i>File ▸ Program Details… names the program and gives these</i>")
        self.facts.setText(" &nbsp;·&nbsp; ".join(facts))
        focused = self._clear()
        self.tiles_per_row = self._columns(PROJECT_COLUMNS)
        for grid, most in ((self.project_grid, PROJECT_COLUMNS), (self.tile_grid, TILE_COLUMNS)):
            for column in range(most):  # the columns in use share the width; unused ones take none
                grid.setColumnStretch(column, 1 if column < self._columns(most) else 0)
        d: Dashboard = self.document.office.read_snapshot(dashboard, self.document.context)
        s = d.summary
        st = s["status"]
        self.status_heading.setText(NO_PROJECTS if not d.projects else f"<b>Project status</b> — latest {st['cadence'].lower()} reports "
                                    f"(current period {period_text(st['current_period'])}); ▲ better, ▼ worse, ▶ same "
                                    "as the period before")
        for i, p in enumerate(d.projects):
            self._project_tile(i, p)
        self._program_tiles(d)
        if focused in self.tiles:
            self.tiles[focused].setFocus()
        objectives = sorted(r[2:4] for r in self.document.office.read(records.fetch_rows, OBJECTIVES))
        self.objectives.setText("\n".join(f"{code}  {title}" for code, title in objectives) or "None recorded yet.")

    def _program_tiles(self, d: Dashboard) -> None:
        """The dashboard's own tiles (what is due, slipped or most threatening, across registers), then a
        tile per register as its declaration says, opening the register filtered as ``_declared_target``."""
        s = d.summary
        act = s["actions"]
        open_threats = frozenset(t.id for t in d.top_threats)
        tiles = [
            ("milestones_due", f"Milestones due ({len(d.milestones_due)})",
             "<small>next 30 days</small><br>" + _items(d.milestones_due, "None in the next 30 days"),
             RegisterFilter("milestones", ids=frozenset(m.id for m in d.milestones_due),
                            label="Due in the next 30 days"), "Open the milestones due in the next 30 days"),
            ("milestones_slipped", f"Slipped or late milestones ({len(d.milestones_slipped)})",
             _items(d.milestones_slipped, "None: every milestone is on its baseline"),
             RegisterFilter("milestones", {"state": frozenset({SLIPPED, LATE})}, label="Slipped or late"),
             "Open the milestones that slipped or are late"),
            ("top_threats", f"Top threats ({len(d.top_threats)})",
             # The order said (the board pack's, models.dashboard.exposure_order): else an unscored threat at
             # the foot of the list read as the least of them, and an inherent rating as what responses left.
             ("<small>highest rating first</small><br>" if d.top_threats else "")
             + _items(d.top_threats, "No open threats") + _more_unscored(d),
             RegisterFilter("risks", ids=open_threats, label=f"Top {len(open_threats)} open threats"),
             "Ranked by residual rating, else inherent, unscored last. Open these threats in the risk register"),
            ("comms_due", f"Communications due ({len(d.comms_due)})",
             f"<small>next {COMMS_WITHIN_DAYS} days, overdue included</small><br>"
             + _items(d.comms_due, "Nothing due this week"),
             RegisterFilter("communications", ids=frozenset(c.id for c in d.comms_due),
                            label=f"Due in the next {COMMS_WITHIN_DAYS} days or overdue"),
             "Open the communication plan filtered to what is due"),
            ("actions", f"Actions ({act['open']} open)",
             f"Overdue: {act['overdue']}<br>Due this week: {act['due_this_week']}",
             RegisterFilter("action_log", view="overdue" if act["overdue"] else "all"),
             "Open the action log" + (" showing the overdue actions" if act["overdue"] else "")),
        ]
        for name, heading, lines in overview_entries(s):
            target, hint = _declared_target(name, d)
            html = "<br>".join(escape(line) for line in lines) or "—"
            if name == "issues":  # the open issues by name, as the dashboard lists what it counts
                html += "<br><small>" + _issues_listed(d) + "</small>"
            tiles.append((name, heading, html, target, hint))
        for index, (key, title, html, target, hint) in enumerate(tiles):
            self._tile(self.tile_grid, index, self._columns(TILE_COLUMNS), key, title, html, target, hint)


def _declared_target(name: str, d: Dashboard) -> tuple[RegisterFilter, str]:
    """Where a register's declared tile leads: the records that need attention where the dashboard knows
    which (open risks and issues, benefits off track, pending decisions, troubled dependencies, slipped
    milestones), else the whole register."""
    if name in ("risks", "issues"):
        return (RegisterFilter(name, {"status": frozenset({"Open"})}, label=f"Open {name}"),
                f"Open the {REGISTERS[name].title.lower()} filtered to open {name}")
    if name == "benefits":
        return (RegisterFilter(name, {"status_rag": frozenset({AT_RISK, OFF_TRACK})}, label="At risk or off track"),
                "Open the benefits at risk or off track")
    if name == "decisions":
        return RegisterFilter(name, {"status": frozenset({"Pending"})}, label="Pending"), "Open the pending decisions"
    if name == "dependencies" and d.troubled_dependencies:
        return (RegisterFilter(name, ids=frozenset(x.id for x in d.troubled_dependencies), label="Late or at risk"),
                "Open the dependencies that are late or at risk")
    if name == "status_reports" and d.summary["status"]["current_period"]:
        period = period_text(d.summary["status"]["current_period"])  # a filter names values as the cells show them
        return (RegisterFilter(name, {"period": frozenset({period})}, label=f"Period {period}"),
                f"Open the status reports of {period}")
    return RegisterFilter(name), f"Open the {REGISTERS[name].title.lower()}"

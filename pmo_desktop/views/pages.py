"""The navigation: which pages the main window shows, in order. Pages are built on first visit,
so start-up does not pay for charts (pyqtgraph) the user has not opened yet."""

from __future__ import annotations

import importlib
from typing import Protocol, runtime_checkable

# (title, "module:Class") — each page class takes (document, parent).
PAGES: list[tuple[str, str]] = [
    ("Program overview", "pmo_desktop.views.overview:OverviewPage"),
    ("Projects", "pmo_desktop.views.projects_page:ProjectsPage"),
    ("Stakeholders", "pmo_desktop.views.stakeholders.page:StakeholdersPage"),
    ("Risks", "pmo_desktop.views.risks.page:RisksPage"),
    ("Benefits", "pmo_desktop.views.benefits.page:BenefitsPage"),
    # After the first five, so that Ctrl+1 … Ctrl+5 keep the pages people learnt them for.
    ("People", "pmo_desktop.views.people_page:PeoplePage"),
    ("RAID", "pmo_desktop.views.raid.page:RaidPage"),
    ("Status", "pmo_desktop.views.status.page:StatusPage"),
]

# Where a dashboard tile finds each register's table, so opening one builds no other page on the way.
PAGE_OF_REGISTER: dict[str, str] = {
    "projects": "Projects", "stakeholders": "Stakeholders", "communications": "Stakeholders",
    "risks": "Risks", "issues": "Risks", "benefits": "Benefits", "assumptions": "RAID", "dependencies": "RAID",
    "decisions": "RAID", "action_log": "RAID", "status_reports": "Status", "milestones": "Status",
}


@runtime_checkable
class RecordPage(Protocol):
    """What the main window asks of every page: show a record of one of its registers (False: not here)."""

    def select_record(self, register_name: str, record_id: int) -> bool: ...


def load_page_class(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)

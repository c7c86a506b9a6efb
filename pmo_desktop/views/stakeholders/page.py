"""The stakeholders page (placeholder: the register table; the stakeholders editor issue builds the full page)."""

from ..register_page import RegisterPage


class StakeholdersPage(RegisterPage):
    register_name = "stakeholders"

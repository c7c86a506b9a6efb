"""The risks page (placeholder: the register table; the risks editor issue builds the full page)."""

from ..register_page import RegisterPage


class RisksPage(RegisterPage):
    register_name = "risks"

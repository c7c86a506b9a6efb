"""The benefits page (placeholder: the register table; the benefits editor issue builds the full page)."""

from ..register_page import RegisterPage


class BenefitsPage(RegisterPage):
    register_name = "benefits"

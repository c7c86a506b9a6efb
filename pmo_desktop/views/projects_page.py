"""The program's projects: the register-table framework on its simplest register."""

from .register_page import RegisterPage


class ProjectsPage(RegisterPage):
    register_name = "projects"

"""The table framework every register uses: model, proxy, delegates, commands, clipboard, view."""

from .register_view import RegisterView  # noqa: F401
from .table_model import RegisterTableModel  # noqa: F401

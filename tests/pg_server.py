"""A throwaway PostgreSQL server for the test session: initdb in a temp dir, loopback only.

The server listens on 127.0.0.1 at a random free port (and on a Unix socket inside its own temp
dir), so nothing is exposed to the network. Logins over TCP need a password (scram-sha-256), which
lets tests exercise the password sources (URL, PGPASSWORD, ~/.pgpass) for real. PostgreSQL refuses
to run as root, so under root (CI) the server runs as the ``postgres`` system user that Debian's
package creates (or ``nobody``), and owns its data dir.

``PgServer.start_or_reason()`` returns a running server, or the reason none could be started, so the
PostgreSQL tests are skipped with that reason while the SQLite run still gates.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

SUPERUSER = "pmo_admin"
SUPERUSER_PASSWORD = "pmo-test-secret"


def find_bindir() -> Path | None:
    """The directory holding initdb and pg_ctl: $PMO_PG_BINDIR, pg_config, or Debian's layout."""
    if os.environ.get("PMO_PG_BINDIR"):  # set: use that one only (also how to test the skip path)
        b = Path(os.environ["PMO_PG_BINDIR"])
        return b if (b / "initdb").exists() and (b / "pg_ctl").exists() else None
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            candidates.append(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                             timeout=10).stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    # Debian/Ubuntu: /usr/lib/postgresql/<major>/bin, newest first.
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                    key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0, reverse=True)
    candidates += debian
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, bindir: Path, base: Path, run_as: str | None):
        self.bindir = bindir
        self.base = base
        self.data = base / "data"
        self.log = base / "server.log"
        self.socket_dir = base / "sock"
        self.run_as = run_as
        self.port = 0
        self._names = itertools.count(1)

    # ------------------------------------------------------------------------ process control
    def _run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=timeout, env=env,
                              cwd=self.base)

    def _chown(self, path: Path) -> None:
        if self.run_as:
            pw = pwd.getpwnam(self.run_as)
            os.chown(path, pw.pw_uid, pw.pw_gid)

    def init(self) -> None:
        self.base.chmod(0o755)
        self._chown(self.base)
        self.socket_dir.mkdir()
        self._chown(self.socket_dir)
        pwfile = self.base / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        pwfile.chmod(0o600)
        self._chown(pwfile)
        try:
            self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}",
                      "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale",
                      "--no-sync")
        finally:
            pwfile.unlink()

    def start(self) -> None:
        if not self.port:
            self.port = _free_port()
        opts = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.socket_dir} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", opts, "-w", "-t", "30", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop", check=False)

    def cleanup(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    # ------------------------------------------------------------------------ databases and roles
    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = SUPERUSER_PASSWORD) -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, password=SUPERUSER_PASSWORD,
                             dbname=database, autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, prefix: str = "t", template: str | None = None) -> str:
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        clause = f' TEMPLATE "{template}" STRATEGY file_copy' if template else ""
        self.sql(f'CREATE DATABASE "{name}"{clause}')
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # ------------------------------------------------------------------------ entry point
    @classmethod
    def start_or_reason(cls) -> "PgServer | str":
        bindir = find_bindir()
        if bindir is None:
            return ("no PostgreSQL server programs (initdb, pg_ctl) found; install the postgresql package "
                    "or set PMO_PG_BINDIR")
        run_as = None
        if os.geteuid() == 0:
            run_as = next((u for u in ("postgres", "nobody") if _user_exists(u)), None)
            if run_as is None or not shutil.which("runuser"):
                return "running as root with no unprivileged user (postgres/nobody) or runuser to start PostgreSQL"
        server = cls(bindir, Path(tempfile.mkdtemp(prefix="pmo-pg-")), run_as)
        try:
            server.init()
            for attempt in range(3):  # the free port can be taken between probing and binding
                try:
                    server.start()
                    break
                except subprocess.CalledProcessError:
                    if attempt == 2:
                        raise
                    server.port = 0
                    time.sleep(0.2)
            return server
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
            detail = getattr(e, "stderr", "") or ""
            if server.log.exists():
                detail += server.log.read_text()[-500:]
            server.cleanup()
            return f"could not start a PostgreSQL test server: {e} {detail.strip()[:400]}"


class ClonePool:
    """Fresh copies of template databases, made ahead of need by a background thread.

    CREATE DATABASE copies ~8 MB of catalogs and takes a few tenths of a second; making the next
    copies while a test runs keeps most of that off the tests' critical path. Every test still gets
    a database nobody has used.
    """

    def __init__(self, server: PgServer, templates: dict[str, str], depth: int = 2):
        self.server = server
        self.templates = templates
        self.ready = {kind: queue.Queue() for kind in templates}
        self.todo: queue.Queue = queue.Queue()
        # Held while the worker talks to the server: the tests' garbage collection between tests waits for
        # it, so psycopg's C code never runs in this thread while the main thread collects cycles.
        self.busy = threading.Lock()
        for kind in templates:
            for _ in range(depth):
                self.todo.put(("clone", kind))
        self.thread = threading.Thread(target=self._work, name="pg-clone-pool", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        while True:
            job, arg = self.todo.get()
            if job == "stop":
                return
            with self.busy:
                self._do(job, arg)

    def _do(self, job: str, arg: str) -> None:
        if job == "drop":
            try:
                self.server.drop_database(arg)
            except Exception:
                pass  # the server may be stopped by a test right now; cleanup removes it anyway
            return
        for attempt in range(40):  # a test may have stopped the server for a moment
            try:
                self.ready[arg].put(self.server.new_database("t", self.templates[arg]))
                return
            except Exception as e:
                if attempt == 39:
                    self.ready[arg].put(e)  # handed to the test that waits for it
                time.sleep(0.25)

    def take(self, kind: str) -> str:
        """The name of a fresh copy of template ``kind``; the pool starts making the next one."""
        name = self.ready[kind].get(timeout=120)
        self.todo.put(("clone", kind))
        if isinstance(name, Exception):
            raise name
        return name

    def give_back(self, name: str) -> None:
        self.todo.put(("drop", name))

    def close(self) -> None:
        self.todo.put(("stop", None))
        self.thread.join(60)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False

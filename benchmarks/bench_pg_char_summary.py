"""Weighed, not kept: SQLite's one-character summary (a bit per ASCII letter and digit a row holds,
models/search_index.py) on PostgreSQL, as a prefilter before the ILIKE of one and two characters, which
pg_trgm cannot serve. Builds the same 1,000,000 risks as bench_big_register.py on a throwaway server,
the summary as a table (its build time and size), then each search by ILIKE over every row and through
the summary (wall: the server's work and the transfer of the ids).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_pg_char_summary.py     # N=200000 … for fewer rows
"""
import os
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]
import bench_big_register as b  # noqa: E402
import psycopg  # noqa: E402
from pg_server import PgServer  # noqa: E402

from pmo_desktop.models import search_index  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

N = int(os.environ.get("N", "1000000"))
server = PgServer.start_or_reason()
assert not isinstance(server, str), server
try:
    url = server.url(server.new_database("exp"))
    Store.create(url).close()
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as con:
        con.execute("INSERT INTO person (name, role, email, created_at, updated_at, version) SELECT 'Owner ' || g, '', '', now(), now(), 1 FROM generate_series(0, 199) g")
        con.execute("INSERT INTO project (code, name, status, description, created_at, updated_at, version) SELECT 'P-' || g, 'Project ' || g, 'Active', '', now(), now(), 1 FROM generate_series(0, 39) g")
        columns = ("code, title, cause, event, effect, kind, category, level, project_id, owner_id, raised_on, proximity, probability, impact, residual_probability, residual_impact, impact_areas, response, trigger, status, notes, escalated, escalation_reason, created_at, updated_at, version")
        t = time.perf_counter()
        with con.cursor().copy(f"COPY risk ({columns}) FROM STDIN") as copy:
            for row in b.risk_rows(N):
                copy.write_row(row)
        con.execute("VACUUM ANALYZE risk")
        print(f"loaded {N:,} in {time.perf_counter()-t:.1f} s", flush=True)
        R = REGISTERS["risks"]
        expr = search_index._pg_sql(R, "risk")
        bits = " | ".join(f"(CASE WHEN strpos(s, '{c}') > 0 THEN {1 << i}::bigint ELSE 0 END)"
                          for i, c in enumerate(string.ascii_lowercase + string.digits))
        t = time.perf_counter()
        con.execute(f"CREATE TABLE risk_chars AS SELECT id, {bits} AS chars FROM (SELECT id, lower({expr}) AS s FROM risk) x")
        con.execute("ALTER TABLE risk_chars ADD PRIMARY KEY (id)")
        con.execute("VACUUM ANALYZE risk_chars")
        print(f"summary built in {time.perf_counter()-t:.1f} s (server), size",
              con.execute("SELECT pg_size_pretty(pg_total_relation_size('risk_chars')), pg_size_pretty(pg_total_relation_size('risk'))").fetchone(), flush=True)
        con.execute("SET max_parallel_workers_per_gather = 2")
        def q(label, sql):
            for _ in range(2):
                t = time.perf_counter()
                n = len(con.execute(sql).fetchall())
                w = time.perf_counter() - t
            print(f"  {label:<50} {n:>9,} rows  {w:.3f} s wall (server + transfer)", flush=True)
        for text in ("ab", "ri", "x", "e", "7"):
            want = 0
            for c in text:
                want |= 1 << (string.ascii_lowercase + string.digits).index(c)
            q(f"'{text}' ILIKE over every row", f"SELECT id FROM risk WHERE {expr} ILIKE '%{text}%' ORDER BY id + 0")
            q(f"'{text}' summary then ILIKE", f"SELECT id FROM risk WHERE id IN (SELECT id FROM risk_chars WHERE chars & {want} = {want}) AND {expr} ILIKE '%{text}%' ORDER BY id + 0")
finally:
    server.cleanup()

"""Run a command against a throw-away PostgreSQL server, then stop it and delete its files.

    python scripts/with_postgres.py -- python -m pytest -m db

The server lives in a new temporary folder, listens only on 127.0.0.1 on a free port, trusts
local connections, and is stopped however the command ends. PostgreSQL refuses to run as root,
so as root the server runs as the `postgres` system user. The command gets DATABASE_URL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def find(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"), reverse=True)
    if candidates:
        return candidates[0]
    sys.exit(f"{tool} not found: install PostgreSQL (Debian: apt-get install postgresql)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def main(command: list[str]) -> int:
    if not command:
        sys.exit("usage: with_postgres.py -- COMMAND [ARGS...]")
    initdb, pg_ctl = find("initdb"), find("pg_ctl")
    root = Path(tempfile.mkdtemp(prefix="pgtest-"))
    data, log = root / "data", root / "server.log"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = free_port()
    started = False
    try:
        subprocess.run(
            as_server_user(
                [
                    initdb,
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-instructions",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            as_server_user([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = True
        env = dict(os.environ, DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/postgres")
        return subprocess.run(command, env=env).returncode
    except subprocess.CalledProcessError as exc:
        if log.exists():
            sys.stderr.write(log.read_text())
        sys.stderr.write(f"PostgreSQL failed to start: {exc}\n")
        return 1
    finally:
        if started:
            subprocess.run(
                as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
                stdout=subprocess.DEVNULL,
            )
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--":
        args = args[1:]
    sys.exit(main(args))

"""Compile every locale/*/LC_MESSAGES/*.po (the project's and each app's) into the .mo file
Django reads, in pure Python.

`make install` runs it, so a fresh machine gets the translations without GNU gettext's msgfmt.
Fuzzy entries and entries without a translation are left out, as msgfmt does.
"""

from __future__ import annotations

import ast
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ("locale/*/LC_MESSAGES/*.po", "*/locale/*/LC_MESSAGES/*.po")


def parse_po(text: str) -> dict[str, str]:
    """msgid → msgstr for every translated, non-fuzzy entry (contexts and plurals included)."""
    messages: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    key: str | None = None
    fuzzy = False

    def finish() -> None:
        nonlocal entry, fuzzy
        if entry and not fuzzy:
            msgid = "".join(entry.get("msgid", []))
            context = entry.get("msgctxt")
            if context is not None:
                msgid = "".join(context) + "\x04" + msgid
            if "msgid_plural" in entry:
                msgid += "\x00" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\x00".join("".join(entry[k]) for k in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr.replace("\x00", "") or msgid == "":
                messages[msgid] = msgstr
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            finish()
            key = None
        elif line.startswith("#,") and "fuzzy" in line:
            if entry:
                finish()
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key is not None:
                entry[key].append(ast.literal_eval(line))
        else:
            word, _, rest = line.partition(" ")
            if word == "msgid" and "msgid" in entry:
                keep, fuzzy = fuzzy, False
                finish()
                fuzzy = keep
            key = word
            entry[key] = [ast.literal_eval(rest)]
    finish()
    return messages


def write_mo(messages: dict[str, str], path: Path) -> None:
    """The GNU .mo layout: header, two offset tables, then the strings (no hash table)."""
    keys = sorted(messages)
    ids = [k.encode("utf-8") for k in keys]
    strs = [messages[k].encode("utf-8") for k in keys]
    header_size = 7 * 4
    table_size = len(keys) * 8
    ids_start = header_size + 2 * table_size
    offsets, blob = [], b""
    for s in ids:
        offsets.append((len(s), ids_start + len(blob)))
        blob += s + b"\0"
    strs_start = ids_start + len(blob)
    str_offsets, str_blob = [], b""
    for s in strs:
        str_offsets.append((len(s), strs_start + len(str_blob)))
        str_blob += s + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, len(keys), header_size, header_size + table_size, 0, 0)
    out += b"".join(struct.pack("<2I", *o) for o in offsets)
    out += b"".join(struct.pack("<2I", *o) for o in str_offsets)
    # A new file moved into place: a process reading the catalogue at the same time (a test
    # worker beside another, a running server) sees the old file or the new one, never half.
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(out + blob + str_blob)
    os.replace(partial, path)


def main() -> int:
    count = 0
    for po in sorted(po for pattern in PATTERNS for po in ROOT.glob(pattern)):
        write_mo(parse_po(po.read_text(encoding="utf-8")), po.with_suffix(".mo"))
        count += 1
    print(f"compiled {count} translation file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

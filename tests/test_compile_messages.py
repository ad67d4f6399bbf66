"""The pure-Python message compiler produces .mo files that gettext reads as msgfmt's would."""

import gettext
import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "compile_messages", Path(__file__).resolve().parent.parent / "scripts" / "compile_messages.py"
)
compile_messages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_messages)

PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Hello"
msgstr "Hola"

#, fuzzy
msgid "Fuzzy one"
msgstr "Borroso"

msgid "Multi "
"line"
msgstr "Varias "
"líneas"

msgctxt "verb"
msgid "File"
msgstr "Presentar"

msgid "%(n)s day"
msgid_plural "%(n)s days"
msgstr[0] "%(n)s día"
msgstr[1] "%(n)s días"

msgid "Untranslated"
msgstr ""
"""


def test_it_compiles_what_gettext_reads(tmp_path):
    mo = tmp_path / "django.mo"
    compile_messages.write_mo(compile_messages.parse_po(PO), mo)
    with open(mo, "rb") as f:
        t = gettext.GNUTranslations(f)
    assert t.gettext("Hello") == "Hola"
    assert t.gettext("Multi line") == "Varias líneas"
    assert t.pgettext("verb", "File") == "Presentar"
    assert t.ngettext("%(n)s day", "%(n)s days", 1) == "%(n)s día"
    assert t.ngettext("%(n)s day", "%(n)s days", 3) == "%(n)s días"


def test_it_leaves_out_fuzzy_and_untranslated_entries():
    messages = compile_messages.parse_po(PO)
    assert "Fuzzy one" not in messages
    assert "Untranslated" not in messages

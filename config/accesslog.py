"""gunicorn's access log without personal data (`make serve` installs it: --logger-class).

The default line holds the whole request line and the Referer: the query string of a dashboard
search (a person's name or register number) and the token of an invitation link, which lets
whoever reads the log join the organisation. This one logs the path without its query string,
the path of an invitation without its token, and no Referer.
"""

from __future__ import annotations

from gunicorn.glogging import Logger

from config.logfilter import redact, safe_path


class RedactingAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact(safe_path(environ.get("PATH_INFO", "")))
        atoms.update(
            {
                "r": f"{atoms['m']} {path} {atoms['H']}",
                "U": path,
                "q": "",
                "f": "-",
                "{referer}i": "-",
            }
        )
        return atoms

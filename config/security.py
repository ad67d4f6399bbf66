"""Response headers that Django 5.2 does not set by itself.

Every page and file but the static ones is `Cache-Control: no-store`: nearly all of them show a
person's name, health or crimes (results, steps, case-file.json, the PDFs), and a family often
uses a shared or library computer, whose browser would otherwise keep them on disk. The PDFs
lose the browser's 304 with it; the server still keeps each render in its own cache.

The Content Security Policy allows no inline script or style and nothing from other sites: the
pages use only the project's own static files, and people's words are never markup.
"""

from django.conf import settings

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_control = response.headers.get("Cache-Control", "")
        if not request.path.startswith(settings.STATIC_URL) and "no-store" not in cache_control:
            response.headers["Cache-Control"] = "no-store"
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

"""The language of each page: Django's choice (the switch's cookie, else the browser's
Accept-Language, else English), except on the pages that exist in English only.

The advocate workspace (/advocate/, workspace/urls.py) is not translated: advocates work
in English, as the courts do. A Spanish-speaking session that opens it gets the whole page in
English, the header and the interview's steps included, so that the page's lang="en" is true
of every word on it and a screen reader reads it with English pronunciation. Family pages keep
the language chosen.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

ENGLISH_ONLY = ("/advocate/",)


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        request.english_only = request.path_info.startswith(ENGLISH_ONLY)
        if request.english_only:
            translation.activate("en")
            request.LANGUAGE_CODE = translation.get_language()

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# A production server never starts without its own key (Django refuses an empty one here).
settings.SECRET_KEY  # noqa: B018

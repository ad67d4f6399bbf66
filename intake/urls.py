from django.urls import path

from intake.views import public

urlpatterns = [
    path("", public.home, name="home"),
]

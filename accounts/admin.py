from django.contrib import admin

from accounts.forms import AdminLoginForm

# The admin's log-in is throttled like the families' (accounts.forms.ThrottledLogin).
admin.site.login_form = AdminLoginForm

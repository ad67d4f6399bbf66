"""Forms of the advocate workspace and of sharing a case. They validate and say what to do."""

from __future__ import annotations

import re
from functools import cache

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.validators import URLValidator
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from eligibility import courts, rules
from eligibility.facts import CaseFileError
from eligibility.grounds import CATALOGUE
from intake import casefiles
from intake.stages import KIND_CHOICES
from workspace import services
from workspace.models import (
    SPOKEN_LANGUAGES,
    CaseShare,
    CaseStatus,
    Invitation,
    MemberRole,
    Membership,
    Organisation,
)

ANY = ("", "Any")


def _choice(label: str, choices) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=[ANY, *choices], required=False)


class DashboardForm(forms.Form):
    """Search, filters and sort of the dashboard (a GET form: every field optional)."""

    q = forms.CharField(
        label="Search",
        help_text="A name, a register number or a case number.",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    verdict = _choice(
        "Result of the check", [(v, lazy(rules.verdict_label, str)(v)) for v in rules.VERDICTS]
    )
    status = _choice("Status", CaseStatus.choices)
    assigned = _choice("Assigned to", ())
    # Every court and facility, not only those of the workspace's cases: finding those meant
    # reading every case on each visit (docs/benchmarks.md), and a court with no case yet
    # simply finds none.
    district = _choice("Sentencing court", ())
    facility = _choice("Facility", ())
    ground = _choice("Reason for release", ((g.id, g.title) for g in CATALOGUE))
    stage = _choice("Stage after the request", KIND_CHOICES)
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[(key, sort.label) for key, sort in services.SORTS.items()],
        required=False,
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned"].choices = [
            ANY,
            (services.UNASSIGNED, "Nobody"),
            *((str(m.pk), m.name) for m in members),
        ]
        self.fields["district"].choices = _district_choices()
        self.fields["facility"].choices = _facility_choices()

    def filters(self) -> services.Filters:
        """The filters asked for; a value that is not on offer is left out, not an error."""
        if not self.is_bound:
            return services.Filters()
        self.is_valid()
        return services.Filters(**{k: v for k, v in self.cleaned_data.items() if v})


@cache
def _district_choices() -> tuple:
    """The district courts by state, as the interview lists them."""
    ordered = sorted(courts.districts(), key=lambda d: (d.state, d.short_name))
    return (ANY, *((d.id, d.short_name) for d in ordered))


@cache
def _facility_choices() -> tuple:
    """The BOP's facilities as every picker lists them; the closed ones after, for cases of
    earlier years."""
    listed = courts.facility_choices()
    return (ANY, *listed.current, ("Former facilities (closed or renamed)", listed.former))


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Move the case to",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the status to move the case to"},
    )

    def __init__(self, *args, share: CaseShare, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(CaseStatus.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in share.next_statuses()]
        self.fields["status"].error_messages["invalid_choice"] = (
            f"A case that is “{share.get_status_display()}” cannot move there. Choose one of "
            "the statuses listed"
        )


class AssignForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        label="Assigned to",
        queryset=Membership.objects.none(),
        required=False,
        empty_label="Nobody",
        error_messages={"invalid_choice": "Choose an advocate of your organization"},
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = organisation.members.all()


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note",
        help_text="Only your organization sees notes. The family never does.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the note before saving it"},
    )


class ChangeRequestForm(forms.Form):
    message = forms.CharField(
        label="What should the family change?",
        help_text="The family sees this message on their case. Use plain words, and say which "
        "answer to change.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write what the family should change"},
    )


class ImportForm(forms.Form):
    case_file = forms.FileField(
        label="Case file",
        help_text="A case file in the JSON format (version 1), such as one downloaded from "
        "this site.",
        error_messages={
            "required": "Choose a case file to import",
            "empty": "The file is empty. Choose a case file",
        },
    )

    def clean_case_file(self):
        upload = self.cleaned_data["case_file"]
        try:
            self.facts, self.interview = casefiles.read_upload(upload)
        except CaseFileError as error:
            where = f" The problem is in “{error.field}”: " if error.field else " "
            raise forms.ValidationError(
                f"This file cannot be imported.{where}{error.problem}. Fix the file and try again",
                code="case_file",
            ) from None
        return upload


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address to send the invitation to",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    role = forms.ChoiceField(
        label="Their role",
        choices=MemberRole.choices,
        initial=MemberRole.ADVOCATE,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role"},
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(user__username__iexact=email).exists():
            raise forms.ValidationError(
                "This person already works with an organization on this site", code="member"
            )
        return email


class JoinForm(forms.Form):
    """Accepting an invitation: the name colleagues will see, and a password if new here."""

    name = forms.CharField(
        label="Your name",
        help_text="Your colleagues see it on the cases you work on.",
        max_length=200,
        error_messages={"required": "Enter your name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label="Choose a password",
        help_text="At least 12 characters. A few words you will remember make a good one.",
        strip=False,
        error_messages={"required": "Choose a password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        error_messages={"required": "Type the password again"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation: Invitation, new_account: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        if not new_account:
            del self.fields["password1"]
            del self.fields["password2"]

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error(
                "password2",
                forms.ValidationError("The two passwords are different", code="mismatch"),
            )
        elif one:
            email = self.invitation.email
            try:
                validate_password(one, get_user_model()(username=email, email=email))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ShareForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Which organization should see your case?"),
        queryset=Organisation.objects.none(),
        widget=forms.HiddenInput,  # each organisation has its own button (intake/share.html)
        empty_label=None,
        error_messages={
            "required": _("Choose an organization to share your case with"),
            "invalid_choice": _("Choose one of the organizations in the list"),
        },
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        serving = [o.pk for o in services.organisations_serving(case)]
        field.queryset = services.organisations_to_share_with(case).filter(pk__in=serving)
        field.label_from_instance = _organisation_label


def _organisation_label(organisation: Organisation) -> str:
    if organisation.description:
        return f"{organisation.name}: {organisation.description}"
    return organisation.name


WEB_ADDRESS = "Enter a website address that starts with https:// or http://"
PHONE = re.compile(r"^[0-9+()., -]*(?:(?:ext\.?|x) ?[0-9]+)?$", re.IGNORECASE)


class ProfileForm(forms.ModelForm):
    """What families see of an organisation beside the button that shares their case."""

    description = forms.CharField(
        label="A short description",
        help_text="One or two plain sentences, such as who you help and where.",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    listed = forms.BooleanField(
        label="Show this organization to families, so they can share their cases with it",
        required=False,
    )
    all_districts = forms.BooleanField(
        label="We take cases from every federal district", required=False
    )
    districts = forms.MultipleChoiceField(
        label="Districts you take cases from",
        help_text="The court that gave the sentence. Leave empty if you take every district.",
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose districts from the list"},
    )
    languages = forms.MultipleChoiceField(
        label="Languages you work in",
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose languages from the list"},
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=40,
        required=False,
        error_messages={"max_length": "Enter a phone number of 40 characters or fewer"},
    )
    website = forms.URLField(
        label="Website",
        assume_scheme="https",
        max_length=200,
        required=False,
        validators=[URLValidator(schemes=["http", "https"], message=WEB_ADDRESS)],
        error_messages={"invalid": WEB_ADDRESS},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )

    class Meta:
        model = Organisation
        fields = [
            "description",
            "listed",
            "all_districts",
            "districts",
            "languages",
            "phone",
            "website",
            "email",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].choices = _district_choices()[1:]  # without "Any"

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and (not PHONE.match(phone) or sum(c.isdigit() for c in phone) < 7):
            raise forms.ValidationError(
                "Enter a phone number with its area code, like (212) 555-0100", code="phone"
            )
        return phone

    def clean(self):
        data = super().clean()
        if (
            not data.get("all_districts")
            and not data.get("districts")
            and not self.has_error("districts")
        ):
            self.add_error(
                "districts",
                forms.ValidationError(
                    "Choose the districts you take cases from, or say you take every district",
                    code="required",
                ),
            )
        return data

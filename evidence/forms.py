"""The upload form: the file, what it is, what it supports. It validates and saves nothing."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.grounds import BY_ID
from eligibility.words import short_date
from evidence import sanitize, validation
from evidence.models import Attachment
from intake.models import Case

ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"


def supports_choices(case: Case) -> list[tuple[str, object]]:
    """What a document can be for, from the case's own answers, grouped for a <select>.

    Values name what the model keeps (see evidence/models.py): "ground:<id>",
    "request:<request's row id>:<role>", "release_plan", "background". Only the case's own
    requests are offered, so a value naming another case's request is refused as any other
    choice not on the list.
    """
    choices: list[tuple[str, object]] = [("", _("Choose what it is for"))]
    requests = []
    for number, request in enumerate(case.warden_requests.all(), start=1):
        for role, label in Attachment.Role.choices:
            words = {"number": number, "label": label}
            if request.sent_on:
                words["date"] = short_date(request.sent_on)
                text = gettext("Request %(number)s, sent %(date)s: %(label)s") % words
            else:
                text = gettext("Request %(number)s: %(label)s") % words
            requests.append((f"request:{request.pk}:{role}", text))
    if requests:
        choices.append((_("Requests to the warden"), requests))
    grounds = [(f"ground:{g.category}", BY_ID[g.category].title) for g in case.grounds.all()]
    if grounds:
        choices.append((_("Reasons for release"), grounds))
    choices.append(
        (
            _("The rest of the case"),
            [
                (
                    "release_plan",
                    _("The release plan (where they would live, money, medical care)"),
                ),
                ("background", _("Background: programs, work, conduct, letters of support")),
            ],
        )
    )
    return choices


def parse_supports(value: str) -> dict:
    """The model fields for a `supports_choices` value."""
    kind, _, rest = value.partition(":")
    if kind == "ground":
        return {"supports": Attachment.Supports.GROUND, "ground": rest}
    if kind == "request":
        request_id, _, role = rest.partition(":")
        return {
            "supports": Attachment.Supports.REQUEST,
            "request_id": int(request_id),
            "request_role": role,
        }
    return {"supports": kind}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The file"),
        help_text=_("A PDF, or a photo or scan as JPEG or PNG."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": _("Choose a file to add"),
            "empty": _("This file is empty. Choose the file again, or another copy of it"),
        },
    )
    description = forms.CharField(
        label=_("What is it? Describe it in a few words"),
        help_text=(
            _(
                "For example: Letter from Dr. Lee about the cancer treatment. The judge will read "
                "this, so do not write a child's full name."
            )
        ),
        max_length=200,
        error_messages={
            "required": _("Describe the document in a few words"),
            "max_length": _("Use 200 characters or fewer to describe it"),
        },
    )
    supports = forms.ChoiceField(
        label=_("What is it for?"),
        error_messages={"required": _("Choose what the document is for")},
    )
    kind = forms.ChoiceField(
        label=_("What kind of paper is it?"),
        choices=Attachment.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Medical records and doctors' letters go in exhibits the court is asked to seal."
        ),
        error_messages={"required": _("Choose what kind of paper it is")},
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["supports"].choices = supports_choices(case)
        self.inspected: validation.Inspected | None = None

    def clean_file(self):
        file = self.cleaned_data["file"]
        limit = settings.EVIDENCE_MAX_FILES_PER_CASE
        if self.case.attachments.count() >= limit:
            raise forms.ValidationError(too_many_message(limit), code="too_many")
        largest = settings.EVIDENCE_MAX_FILE_BYTES
        if file.size > largest:
            raise forms.ValidationError(
                gettext(
                    "This file is larger than %(size)s, the most one document can be. Choose a "
                    "smaller file, or split a long PDF into parts"
                )
                % {"size": filesizeformat(largest)},
                code="too_big",
            )
        self.inspected = validation.inspect(file)
        if self.inspected.content_type == "application/pdf":
            file.seek(0)
            reader = validation.open_pdf(file)
            if sanitize.has_active_content(reader):
                file = SimpleUploadedFile(file.name, sanitize.clean_pdf(reader), file.content_type)
                self.inspected = validation.inspect(file)
        room_left(self.case, self.inspected)
        return file

    def clean_supports(self):
        return parse_supports(self.cleaned_data["supports"])


def too_many_message(limit: int) -> str:
    return gettext(
        "This case already has %(limit)d documents, the most it can hold. Remove one you do not "
        "need before adding another"
    ) % {"limit": limit}


def room_left(case: Case, inspected: validation.Inspected) -> None:
    """Refuse a document that would take the case past its pages or its bytes in all."""
    used = case.attachments.aggregate(pages=Sum("pages"), size=Sum("size"))
    pages = settings.EVIDENCE_MAX_PAGES_PER_CASE
    if (used["pages"] or 0) + inspected.pages > pages:
        raise forms.ValidationError(
            gettext(
                "With this file the case's documents would have more than %(pages)d pages, the "
                "most a filing packet can hold. Add only the pages that matter, or remove a "
                "document you do not need"
            )
            % {"pages": pages},
            code="too_many_pages",
        )
    size = settings.EVIDENCE_MAX_BYTES_PER_CASE
    if (used["size"] or 0) + inspected.size > size:
        raise forms.ValidationError(
            gettext(
                "With this file the case's documents would be larger than %(size)s in all, the "
                "most a case can hold. Add a smaller copy, or remove a document you do not need"
            )
            % {"size": filesizeformat(size)},
            code="too_large_in_all",
        )

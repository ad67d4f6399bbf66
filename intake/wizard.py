"""The guided interview: one formtools step per form, every step saved to the case at once.

The database is the record, not the session. Each valid step is copied onto the `Case` as soon
as it is sent (`process_step`), and every form starts from the case's answers
(`get_form_initial`), so a closed tab, an expired session, a restart or another device carries
on with every answer. The session keeps only what the database cannot: what someone typed on a
step they left with "Back" or "Save and come back later" before it was valid, and a
fingerprint of the step's saved answers at that moment: if the step is saved since (on another
device, or by an advocate), the draft is dropped rather than shown over the newer answers.

Two devices (or a family and an advocate) may have the same case open. Every step's page carries
the case's `version` and the fingerprint of the step's answers it was drawn from. Saving a step
locks the case's row, reads it afresh, and writes only the step's own fields and the
bookkeeping (steps done, the screening, `version` + 1) with an UPDATE that holds only if the
version is still the one read; the step's rows (grounds, requests) are written in the same
transaction. A page drawn before this step's answers were changed elsewhere is refused
(`StaleForm`): it comes back with what was typed and a message, and nothing is written. A page
drawn before another step was saved is not stale: its step's answers are the ones it showed,
and saving it leaves the other step's answers as they are.

formtools keeps its state in the session and trusts it; these overrides, all through its public
hooks, keep it from failing when that state is gone (the known `KeyError`s and the jump back to
step 1):
- `CaseStorage` recreates its data instead of raising when the session was emptied;
- the step comes from the URL, so a request after a lost session is read as the step it was
  sent from;
- `render_done` checks the saved steps on the case instead of re-validating session data that
  may no longer exist.
"""

from __future__ import annotations

import copy
import hashlib
import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from formtools.wizard.forms import ManagementForm
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.views import NamedUrlWizardView

from intake import answers, clock, forms, workspace
from intake.access import case_for_request
from intake.models import NOT_SURE, SCREENING_FIELDS, Case, CaseShare, Role
from intake.review import sections as review_sections
from intake.steps import STEP_INFO, STEPS, numbering

FORMS = (
    ("about_you", forms.AboutYouForm),
    ("screening", forms.ScreeningForm),
    ("person", forms.PersonForm),
    ("sentence", forms.SentenceForm),
    ("grounds", forms.GroundsForm),
    ("requests", forms.RequestsForm),
    ("request_details", forms.RequestFormSet),
    ("release_plan", forms.ReleasePlanForm),
    ("background", forms.BackgroundForm),
    ("review", forms.ReviewForm),
)
DONE = "done"
REVIEW = "review"
# In the wizard's extra data: for each step with a draft, the fingerprint of its saved answers.
DRAFTS_BEGAN_FROM = "drafts_began_from"
# What saving any step writes besides the step's own answers (with `updated_at` and `version`).
BOOKKEEPING_FIELDS = ("completed_steps", "current_step", *SCREENING_FIELDS)


class StaleForm(Exception):
    """The step's answers were saved elsewhere after its page was drawn."""


def requests_were_sent(wizard: CaseWizard) -> bool:
    """Ask for the details of requests only when the family said some were sent."""
    return wizard.case.requests_sent == "yes"


class CaseStorage(BaseStorage):
    """The wizard's state in the session, as formtools' own session storage keeps it, but a
    session emptied mid-way (logout, expiry) reads as new, and a request that changed nothing
    in it does not write the session back.

    formtools' session storage marks the session changed each time its data is read, because
    the storage changes that data in place; every page of the interview then wrote the session
    to the database (a write transaction, on SQLite a lock) only to read it. Here the data is
    compared, once the page is drawn, with a copy taken when it was first read.
    """

    def __init__(self, *args, **kwargs):
        self.as_read = None
        super().__init__(*args, **kwargs)

    @property
    def data(self) -> dict:
        if self.prefix not in self.request.session:
            self.init_data()
        data = self.request.session[self.prefix]
        if self.as_read is None:
            self.as_read = copy.deepcopy(data)
        return data

    @data.setter
    def data(self, value: dict) -> None:
        self.request.session[self.prefix] = value

    def update_response(self, response):
        super().update_response(response)
        if self.request.session.get(self.prefix) != self.as_read:
            self.request.session.modified = True


class CaseWizard(NamedUrlWizardView):
    form_list = FORMS
    condition_dict = {"request_details": requests_were_sent}
    storage_name = "intake.wizard.CaseStorage"
    url_name = "case_step"
    done_step_name = DONE

    def dispatch(self, request, *args, **kwargs):
        self.case = self.get_case(request, kwargs["case_id"])
        step = kwargs.get("step")
        if step != DONE and step not in self.get_form_list():
            return redirect(self.get_resume_url())
        return super().dispatch(request, *args, **kwargs)

    # -- hooks: what a wizard over the same steps for someone else changes ----------------------

    def get_case(self, request, case_id) -> Case:
        """The case the address names, if this person may change it (404 otherwise)."""
        return case_for_request(request, case_id)

    def get_resume_url(self) -> str:
        """Where an address without a step of this case's interview leads."""
        return resume_url(self.case)

    def get_page_after_screening(self) -> str | None:
        """The page of its own that the screening answers call for, if any: the screen-out
        explanation, or how to find out what was answered "Not sure"."""
        if self.case.verdict == "not_eligible":
            return reverse("case_screened_out", kwargs={"case_id": self.case.id})
        if unsure_answers(self.case):
            return reverse("case_find_out", kwargs={"case_id": self.case.id})
        return None

    def get_prefix(self, request, *args, **kwargs):
        # One storage per case, so two cases open in one browser never mix.
        return storage_prefix(kwargs["case_id"])

    def get_step_url(self, step):
        return step_url(self.case, step)

    def get_template_names(self):
        return [f"intake/steps/{self.steps.current}.html"]

    # -- reading: every form starts from the case ---------------------------------------------

    def get(self, *args, **kwargs):
        step = kwargs.get("step")
        if step in self.get_form_list() and self._draft_is_stale(step):
            self.storage.set_step_data(step, None)
            messages.info(
                self.request,
                _(
                    "This step was changed on another device, or by someone helping you. "
                    "Here are the saved answers. What you typed here before was not saved."
                ),
            )
        return super().get(*args, **kwargs)

    def get_form_initial(self, step):
        values = answers.initial(self.case, step)
        # Sent back with the page, so a draft kept from it says which answers it began from.
        self.drawn_from = _digest(values)
        if step == "request_details":
            # The saved requests start from their rows (the formset's instance); this is the
            # start of a new one, when the page draws one.
            return [answers.new_request_initial(self.case)]
        return values

    def get_form_instance(self, step):
        # The request step edits the case's own rows (forms.RequestFormSet).
        return self.case if step == "request_details" else None

    def get_form_kwargs(self, step=None):
        kwargs = super().get_form_kwargs(step)
        if issubclass(self.get_form_list()[step or self.steps.current], forms.CaseDatesMixin):
            # Dates are checked against the answers of other steps (forms.CaseDatesMixin).
            kwargs["case"] = self.case
        if (step or self.steps.current) == "request_details":
            kwargs["adding"] = bool(self.request.GET.get("add"))
        if (step or self.steps.current) == "release_plan":
            # Whose words the home's answers become (the motion's, or a family declaration's).
            kwargs["own"] = self.case.preparer_role == Role.SELF
        return kwargs

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        info = STEP_INFO[self.steps.current]
        number, total = numbering(self.steps.current, with_details=requests_were_sent(self))
        drawn_from, drawn_at_version = self._drawn_from()
        context.update(
            drawn_from=drawn_from,
            drawn_at_version=drawn_at_version,
            case=self.case,
            step_info=info,
            step_number=number,
            # The language buttons send this form: what was typed is kept (_switch_language).
            language_switch_form="step-form",
            total_steps=total,
            return_to_review=self._returning_to_review(),
        )
        if self.steps.current == REVIEW:
            context["sections"] = review_sections(self.case)
        return context

    # -- writing: every valid step goes to the case at once ---------------------------------------

    def post(self, *args, **kwargs):
        try:
            return self._post(*args, **kwargs)
        except StaleForm:
            return self._refuse_stale(kwargs["step"])

    def _post(self, *args, **kwargs):
        step = kwargs["step"]
        if step == DONE:
            return redirect(self.get_resume_url())
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        if management.is_valid() and management.cleaned_data["current_step"] != step:
            raise SuspiciousOperation("The wizard step in the form does not match the address.")
        # The address says which step was sent, whatever the session remembers (or forgot).
        self.storage.current_step = step
        if self.request.POST.get("language") in dict(settings.LANGUAGES):
            return self._switch_language(step)
        leaving = self.request.POST.get("wizard_goto_step") or ("save_later" in self.request.POST)
        if leaving:
            self._keep_unsent(step)
            if "save_later" in self.request.POST:
                return redirect("case_saved", case_id=self.case.id)
        elif "add_request" in self.request.POST and step == "request_details":
            form = self.get_form(data=self.request.POST)
            if form.is_valid():
                self._save(step, form, next_step=step)
                return redirect(self.get_step_url(step) + "?add=1")
            return self.render(form)
        return super().post(*args, **kwargs)

    def process_step(self, form):
        self._save(self.steps.current, form, next_step=self.get_next_step())
        # Nothing left for the session to hold: the case has it all.
        return None

    def process_step_files(self, form):
        # No step asks for a file, and this wizard has no file storage: formtools would fail
        # on a file sent anyway (NoFileStorageConfigured), so it is dropped.
        return {}

    def render_next_step(self, form, **kwargs):
        step = self.steps.current
        if step == "screening" and (page := self.get_page_after_screening()):
            return redirect(page)
        if self._returning_to_review():
            if step == "requests" and requests_were_sent(self):
                return redirect(self.get_step_url("request_details") + "?return=review")
            return redirect(self.get_step_url(REVIEW))
        return super().render_next_step(form, **kwargs)

    def render_done(self, form, **kwargs):
        missing = [s for s in self.get_form_list() if s not in self.case.completed_steps]
        if missing:
            self.case.current_step = missing[0]
            self.case.save(update_fields=["current_step", "updated_at"])
            return redirect(self.get_step_url(missing[0]))
        return self.done([], **kwargs)

    def done(self, form_list, **kwargs):
        self.storage.reset()
        if not self.case.finished_at:
            self.case.finished_at = timezone.now()
            self.case.save(update_fields=["finished_at", "updated_at"])
        return redirect("case_results", case_id=self.case.id)

    # -- helpers ----------------------------------------------------------------------------

    def _save(self, step: str, form, *, next_step: str | None) -> None:
        """Keep a valid step on the case and, in each workspace the case is shared with, a
        record of every answer it changed (question, before, after, who, when)."""
        shares = self._workspaces_to_tell()
        with transaction.atomic():
            # The row as it is now, locked until the step is written (on SQLite the transaction
            # itself holds the write lock), so two saves of one case run one after the other.
            case = Case.objects.select_for_update().get(pk=self.case.pk)
            if self._is_stale(case, step):
                self.case = case
                raise StaleForm
            before = workspace.answer_snapshot(case) if shares else None
            answers.save(case, step, form)
            case.mark_step_done(step, next_step)
            case.rescreen(clock.today())
            fields = (*answers.case_fields(step), *BOOKKEEPING_FIELDS)
            case.updated_at = timezone.now()
            written = Case.objects.filter(pk=case.pk, version=case.version).update(
                **{name: getattr(case, name) for name in fields},
                updated_at=case.updated_at,
                version=F("version") + 1,
            )
            if not written:  # the lock makes this unreachable; never write over a newer save
                raise StaleForm
            case.version += 1
            if shares:
                after = workspace.answer_snapshot(case)
                for share in shares:
                    workspace.record_answer_changes(
                        share=share, user=self.request.user, before=before, after=after
                    )
        self.case = case
        self.storage.set_step_data(step, None)

    def _drawn_from(self) -> tuple[str, int]:
        """The fingerprint and version a page is drawn from: the case's now, except for a form
        sent back with a mistake, which keeps those of the page it was sent from (else the
        answers saved elsewhere in between would be written over when it is sent again)."""
        drawn_from, version = getattr(self, "drawn_from", ""), self.case.version
        if self.request.method == "POST" and not getattr(self, "refused", False):
            sent_from = self.request.POST.get("drawn_from", "")
            sent_version = self.request.POST.get("drawn_at_version", "")
            if FINGERPRINT.fullmatch(sent_from) and sent_version.isdigit():
                drawn_from, version = sent_from, int(sent_version)
        return drawn_from, version

    def _is_stale(self, case: Case, step: str) -> bool:
        """Whether the page sent was drawn before `step`'s answers were saved elsewhere.

        A page that does not say its version (not drawn by this site) is not checked. When the
        case moved on since the page was drawn, the page is stale if the step's saved answers
        are not the ones it was drawn from (or it does not say which those were)."""
        sent = self.request.POST.get("drawn_at_version", "")
        if not sent.isdigit() or int(sent) == case.version:
            return False
        drawn_from = self.request.POST.get("drawn_from", "")
        return not FINGERPRINT.fullmatch(drawn_from) or drawn_from != _digest(
            answers.initial(case, step)
        )

    def _refuse_stale(self, step: str) -> HttpResponse:
        """The step's page again, with what was typed and why nothing was saved; drawn from
        the case as it is now, so sending it again after checking saves it."""
        messages.error(
            self.request,
            _(
                "These answers were changed on another device (or by someone helping you) after "
                "you opened this page. Check them below and send again."
            ),
        )
        self.refused = True
        self.storage.current_step = step
        return self.render(self.get_form(step=step, data=self.request.POST))

    def _workspaces_to_tell(self) -> list[CaseShare]:
        """Where a change of answers is recorded: every organisation the family shares with."""
        return list(workspace.shared_with(self.case))

    def _keep_unsent(self, step: str) -> None:
        """Leaving a step without "Continue": save it if valid, else keep the draft."""
        goto = self.request.POST.get("wizard_goto_step")
        if step != REVIEW:
            form = self.get_form(data=self.request.POST)
            if form.is_valid():
                self._save(step, form, next_step=None)
            else:
                self.storage.set_step_data(step, self.request.POST)
                began_from = self.storage.extra_data.get(DRAFTS_BEGAN_FROM, {})
                # The answers the page was drawn from, which another device may have changed
                # since; the saved ones when the page did not say.
                drawn_from = self.request.POST.get("drawn_from", "")
                began_from[step] = (
                    drawn_from if FINGERPRINT.fullmatch(drawn_from) else self._fingerprint(step)
                )
                self.storage.extra_data = {
                    **self.storage.extra_data,
                    DRAFTS_BEGAN_FROM: began_from,
                }
        self.case.current_step = goto if goto in self.get_form_list() else step
        self.case.save(update_fields=["current_step", "updated_at"])

    def _switch_language(self, step: str) -> HttpResponse:
        """The language switch on a step: keep what was typed (saved if valid, else as a
        draft), then show the same step in the other language."""
        self._keep_unsent(step)
        response = redirect(self.request.get_full_path())
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            self.request.POST["language"],
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response

    def _fingerprint(self, step: str) -> str:
        """The step's answers as saved on the case, in a few bytes."""
        return _digest(answers.initial(self.case, step))

    def _draft_is_stale(self, step: str) -> bool:
        """Whether this browser holds a draft of `step` made before the step's last save."""
        if self.storage.get_step_data(step) is None:
            return False
        began_from = self.storage.extra_data.get(DRAFTS_BEGAN_FROM, {}).get(step)
        return began_from is not None and began_from != self._fingerprint(step)

    def _returning_to_review(self) -> bool:
        return self.request.GET.get("return") == REVIEW or self.request.POST.get("return") == REVIEW


FINGERPRINT = re.compile(r"[0-9a-f]{64}")


def _digest(values) -> str:
    return hashlib.sha256(repr(values).encode()).hexdigest()


def storage_prefix(case_id) -> str:
    return f"case_{case_id.hex}"


def forget_unsent(session, case: Case) -> None:
    """Drop what this browser typed on the case's steps but never sent: a deleted case leaves
    nothing of itself in the session either."""
    session.pop(f"wizard_{storage_prefix(case.id)}", None)


def step_url(case: Case, step: str) -> str:
    return reverse("case_step", kwargs={"case_id": case.id, "step": step})


def resume_url(case: Case) -> str:
    """Where someone coming back to a case carries on."""
    step = case.current_step if case.current_step in STEPS else STEPS[0]
    if step == "request_details" and case.requests_sent != "yes":
        step = "requests"
    return step_url(case, step)


def unsure_answers(case: Case) -> list[str]:
    """The screening questions answered "Not sure", which the find-out page explains."""
    return [name for name in answers.SIMPLE_FIELDS["screening"] if getattr(case, name) == NOT_SURE]

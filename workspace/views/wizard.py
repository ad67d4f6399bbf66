"""The family's interview, step for step, for an advocate changing a case's answers."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse

from intake.access import share_for_request
from intake.models import Case
from intake.wizard import DONE, REVIEW, CaseWizard, requests_were_sent


class AdvocateCaseWizard(CaseWizard):
    """`CaseWizard` with the workspace's access check, addresses and change records.

    Only what differs from the family's interview is here: the case comes through
    `share_for_request`; the answers an advocate changes are recorded in this workspace only
    (the family's, in every workspace they share with); and where the family would see a page
    of their own (the screen-out and find-out explanations, "saved", the results) the advocate
    goes back to the case's review page, so an advocate never lands on a family address.
    """

    url_name = "advocate_case_step"

    def dispatch(self, request, *args, **kwargs):
        return self._within_workspace(super().dispatch(request, *args, **kwargs))

    def get_case(self, request, case_id) -> Case:
        self.share = share_for_request(request, case_id)
        return self.share.case

    def get_resume_url(self) -> str:
        return self.case_page()

    def get_page_after_screening(self) -> None:
        # The screen-out and "how to find out" pages speak to families; the case page gives an
        # advocate the same findings.
        return None

    def case_page(self) -> str:
        return reverse("advocate_case", args=[self.case.id])

    def get_step_url(self, step):
        return reverse("advocate_case_step", kwargs={"case_id": self.case.id, "step": step})

    def get_template_names(self):
        if self.steps.current == REVIEW:
            return ["advocate/steps/review.html"]
        return super().get_template_names()

    def render_next_step(self, form, **kwargs):
        step = self.steps.current
        if self._returning_to_review() and not (step == "requests" and requests_were_sent(self)):
            return redirect(self.case_page() + "#answers")
        return super().render_next_step(form, **kwargs)

    def done(self, form_list, **kwargs):
        super().done(form_list, **kwargs)
        return redirect(self.case_page())

    def _workspaces_to_tell(self):
        return [self.share]

    def _within_workspace(self, response):
        family_pages = reverse("case_resume", args=[self.case.id])
        if isinstance(response, HttpResponseRedirect) and response.url.startswith(family_pages):
            return redirect(self.case_page())
        return response


advocate_case_step = AdvocateCaseWizard.as_view(url_name="advocate_case_step", done_step_name=DONE)

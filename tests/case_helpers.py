"""Shared helpers for the interview tests: answers for each step, and posting them to the wizard."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from intake.models import Case

AS_OF = date(2026, 11, 29)


def freeze_today(monkeypatch, day: date = AS_OF) -> date:
    """Make "today" (the rules' as_of, and the limit for past dates) a fixed day."""
    monkeypatch.setattr("intake.clock.today", lambda: day)
    return day


def date_parts(name: str, value: date | None) -> dict[str, str]:
    """A date as the three boxes of a MonthDayYearField send it."""
    if value is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {
        f"{name}_0": str(value.month),
        f"{name}_1": str(value.day),
        f"{name}_2": str(value.year),
    }


ABOUT_YOU = {
    "role": "family",
    "name": "Ana Doe",
    "relationship": "daughter",
    "contact": "ana@example.com",
}

SCREENING = {
    "sentencing_court": "federal_district",
    "custody_status": "bop_facility",
    "offense_before_1987": "no",
    **date_parts("offense_ended_on", date(2009, 6, 30)),
    "appeal_pending": "no",
    "several_districts": "no",
    "transferred_supervision": "no",
    "prior_motion": "no",
}

PERSON = {
    "person_name": "Jane Q. Doe",
    "register_number": "12345678",
    **date_parts("date_of_birth", date(1957, 3, 2)),
    "facility": "BUT",
    "facility_other": "",
    "unit": "B-2",
}

SENTENCE = {
    "district": "nysd",
    "case_number": "1:10-cr-00123-ABC",
    "judge": "Hon. A. B. Judge",
    **date_parts("imposed_on", date(2011, 1, 14)),
    "term_kind": "years",
    "term_years": "20",
    "term_extra_months": "0",
    **date_parts("custody_began", date(2009, 7, 1)),
    "offense": "Conspiracy to distribute cocaine",
}

GROUNDS = {
    "ground_medical_terminal": "on",
    "facts_medical_terminal": "Stage IV pancreatic cancer, diagnosed August 2, 2026.",
    "evidence_medical_terminal": ["BOP medical records"],
}

RELEASE_PLAN = {"residence": "With her daughter in Queens, New York", "support": "Social Security"}
BACKGROUND = {"programs": "RDAP, parenting", "conduct": "No write-ups in 10 years"}


def request_form(
    index: int,
    *,
    sent_on: date | None,
    received_on: date | None = None,
    grounds=("medical_terminal",),
    asked_for: str = "sentence_reduction",
    method: str = "hand_delivered",
    response: str = "none",
    response_on: date | None = None,
) -> dict:
    prefix = f"{index}-"
    data = {
        f"{prefix}asked_for": asked_for,
        f"{prefix}method": method,
        f"{prefix}facility": "BUT",
        f"{prefix}response": response,
        **date_parts(f"{prefix}sent_on", sent_on),
        **date_parts(f"{prefix}received_on", received_on),
        **date_parts(f"{prefix}response_on", response_on),
    }
    for ground in grounds:
        data[f"{prefix}listed_{ground}"] = "on"
        data[f"{prefix}listed_facts_{ground}"] = "Facts given to the warden."
    return data


def requests_formset(*forms: dict) -> dict:
    data = {
        "TOTAL_FORMS": str(len(forms)),
        "INITIAL_FORMS": "0",
        "MIN_NUM_FORMS": "0",
        "MAX_NUM_FORMS": "20",
    }
    for form in forms:
        data.update(form)
    return data


def step_url(case: Case, step: str) -> str:
    return reverse("case_step", kwargs={"case_id": case.id, "step": step})


def post_step(client, case: Case, step: str, data: dict, *, query: str = "", **buttons):
    """Send one step's form as the browser would: fields prefixed with the step's name."""
    payload = {f"{step}-{key}": value for key, value in data.items()}
    payload[f"case_{case.id.hex}-current_step"] = step
    payload.update(buttons)
    return client.post(step_url(case, step) + query, payload)


def start_case(client) -> Case:
    response = client.post(reverse("case_start"))
    assert response.status_code == 302
    return Case.objects.order_by("-created_at").first()


FIRST_STEPS = (
    ("about_you", ABOUT_YOU),
    ("screening", SCREENING),
    ("person", PERSON),
    ("sentence", SENTENCE),
    ("grounds", GROUNDS),
)


def answer_first_steps(client, case: Case, *, grounds: dict = GROUNDS) -> None:
    """Steps 1 to 5 with the default answers, checking each one is accepted."""
    for step, data in FIRST_STEPS:
        response = post_step(client, case, step, grounds if step == "grounds" else data)
        assert response.status_code == 302, (step, response.content[:2000])


def finish_interview(client, case: Case, *requests: dict):
    """Steps 6 to 9: the requests (none when empty), the plan, the background, the review."""
    sent = "yes" if requests else "no"
    assert post_step(client, case, "requests", {"requests_sent": sent}).status_code == 302
    if requests:
        response = post_step(client, case, "request_details", requests_formset(*requests))
        assert response.status_code == 302, response.content[:3000]
    assert post_step(client, case, "release_plan", RELEASE_PLAN).status_code == 302
    assert post_step(client, case, "background", BACKGROUND).status_code == 302
    return post_step(client, case, "review", {})

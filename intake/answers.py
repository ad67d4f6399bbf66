"""Between the step forms and the case: what each form shows first, and how its answers are kept.

Two functions, one per direction, so the wizard never touches model fields itself:
`initial(case, step)` gives a step's form its starting values from the database (so a lost
session, a restart or another device shows every answer), and `save(case, step, form)` copies a
valid form onto the case and its rows, in the caller's transaction. The grounds step replaces
its rows; the requests to the warden are edited in place (each keeps its row, and so the
documents that point at it), added, or deleted.
"""

from __future__ import annotations

from eligibility.grounds import NOT_GROUNDS
from intake import forms
from intake.models import Case, CaseGround, RequestGround, TermKind, WardenRequest

# Steps whose form fields have the same names as the Case's fields.
SIMPLE_FIELDS: dict[str, tuple[str, ...]] = {
    "screening": (
        "sentencing_court",
        "custody_status",
        "offense_before_1987",
        "offense_ended_on",
        "appeal_pending",
        "several_districts",
        "transferred_supervision",
        "prior_motion",
        "prior_motion_filed_on",
        "prior_motion_decided_on",
        "prior_motion_outcome",
    ),
    "release_plan": ("residence", "household", "support", "medical_care", "medical_payment"),
    "background": ("programs", "work", "education", "conduct", "statement", "support_letters"),
}

ABOUT_YOU = {
    "role": "preparer_role",
    "name": "preparer_name",
    "relationship": "preparer_relationship",
    "contact": "preparer_contact",
}

REQUEST_FIELDS = forms.REQUEST_FIELDS


# The Case fields each step's form writes (answers.save); saving a step writes these and no other
# answers, so what another device saved on another step in the meantime stays.
CASE_FIELDS: dict[str, tuple[str, ...]] = {
    **SIMPLE_FIELDS,
    "about_you": tuple(ABOUT_YOU.values()),
    "person": ("person_name", "register_number", "date_of_birth", "facility", "unit"),
    "sentence": (
        "district",
        "case_number",
        "judge",
        "imposed_on",
        "term_kind",
        "term_months",
        "custody_began",
        "offense",
        "projected_release",
    ),
    "grounds": ("not_grounds",),
    "requests": ("requests_sent", "bop_motion"),
}


def case_fields(step: str) -> tuple[str, ...]:
    """The Case fields `save(case, step, form)` may change (its rows aside: grounds, requests)."""
    return CASE_FIELDS.get(step, ())


_facility_initial = forms.facility_initial


def _facility_value(cleaned: dict) -> str:
    if cleaned.get("facility") == forms.OTHER_FACILITY:
        return cleaned.get("facility_other", "").strip()
    return cleaned.get("facility", "")


def initial(case: Case, step: str) -> dict | list[dict]:
    """The starting values of `step`'s form (a list of dicts for the requests formset)."""
    if step in SIMPLE_FIELDS:
        return {name: getattr(case, name) for name in SIMPLE_FIELDS[step]}
    if step == "about_you":
        return {field: getattr(case, attr) for field, attr in ABOUT_YOU.items()}
    if step == "person":
        return {
            "person_name": case.person_name,
            "register_number": case.register_number,
            "date_of_birth": case.date_of_birth,
            "unit": case.unit,
            **_facility_initial(case.facility),
        }
    if step == "sentence":
        years = months = None
        if case.term_kind == TermKind.YEARS and case.term_months:
            years, months = divmod(case.term_months, 12)
        return {
            "district": case.district,
            "case_number": case.case_number,
            "judge": case.judge,
            "imposed_on": case.imposed_on,
            "term_kind": case.term_kind,
            "term_years": years,
            "term_extra_months": months,
            "custody_began": case.custody_began,
            "offense": case.offense,
            "projected_release": case.projected_release,
        }
    if step == "grounds":
        values: dict = {f"not_{n}": True for n in case.not_grounds}
        for ground in case.grounds.all():
            values[f"ground_{ground.category}"] = True
            values[f"facts_{ground.category}"] = ground.facts
            values[f"evidence_{ground.category}"] = ground.evidence
            values[f"evidence_notes_{ground.category}"] = ground.evidence_notes
            if ground.category == "other":
                values[forms.CHANGE_IN_LAW] = ground.change_in_law
        return values
    if step == "requests":
        return {"requests_sent": case.requests_sent, "bop_motion": case.bop_motion}
    if step == "request_details":
        return [
            {"id": r.pk, **request_initial(r)}
            for r in case.warden_requests.prefetch_related("grounds")
        ]
    return {}


request_initial = forms.request_initial


def new_request_initial(case: Case) -> dict:
    """A request not told about yet starts at the prison the person is in now."""
    return _facility_initial(case.facility)


def save(case: Case, step: str, form) -> None:
    """Copy a valid step form onto the case and its rows; the caller saves the step's fields
    (`case_fields`) afterwards, in the same transaction, so a step is kept whole or not at all."""
    cleaned = form.cleaned_data
    if step in SIMPLE_FIELDS:
        for name in SIMPLE_FIELDS[step]:
            setattr(case, name, cleaned.get(name) or _empty(case, name))
    elif step == "about_you":
        for field, attr in ABOUT_YOU.items():
            setattr(case, attr, cleaned.get(field, "").strip())
    elif step == "person":
        case.person_name = cleaned["person_name"].strip()
        case.register_number = cleaned.get("register_number", "")
        case.date_of_birth = cleaned.get("date_of_birth")
        case.facility = _facility_value(cleaned)
        case.unit = cleaned.get("unit", "").strip()
    elif step == "sentence":
        case.district = cleaned.get("district", "")
        case.case_number = cleaned.get("case_number", "").strip()
        case.judge = cleaned.get("judge", "").strip()
        case.imposed_on = cleaned.get("imposed_on")
        case.term_kind = cleaned.get("term_kind", "")
        case.term_months = cleaned.get("term_months") if case.term_kind == TermKind.YEARS else None
        case.custody_began = cleaned.get("custody_began")
        case.offense = cleaned.get("offense", "").strip()
        case.projected_release = cleaned.get("projected_release")
    elif step == "grounds":
        case.not_grounds = form.chosen_not_grounds()
        case.grounds.all().delete()
        grounds = CaseGround.objects.bulk_create(
            CaseGround(case=case, **ground) for ground in form.chosen_grounds()
        )
        _keep_loaded(case, "grounds", grounds)
    elif step == "requests":
        case.requests_sent = cleaned["requests_sent"]
        case.bop_motion = cleaned.get("bop_motion", False)
        if case.requests_sent != "yes":
            # Their documents stay, no longer attached to a request (Attachment.request).
            case.warden_requests.all().delete()
            _keep_loaded(case, "warden_requests", [])
    elif step == "request_details":
        _save_requests(case, form)


def _empty(case: Case, name: str):
    """Blank for text fields, None for dates."""
    return None if case._meta.get_field(name).null else ""


def _save_requests(case: Case, formset) -> None:
    """Write the request step's formset onto the case's rows: a saved request is updated in
    place (its id, and the documents pointing at it, stay), a removed one is deleted (its
    documents stay, no longer attached to a request), a new one is created. The requests take
    the page's order; one the page did not show (added elsewhere meanwhile) keeps its place
    after them."""
    # Read under the case's lock, so a request deleted or added elsewhere meanwhile is known.
    saved = {r.pk: r for r in case.warden_requests.prefetch_related("grounds")}
    removed = [r.pk for r in formset.removed_requests() if r.pk in saved]
    if removed:
        case.warden_requests.filter(pk__in=removed).delete()
    requests = []
    for form in formset.kept_forms():
        cleaned = form.cleaned_data
        request = form.instance
        if request.pk is not None and request.pk not in saved:
            # Deleted elsewhere since the page was read: what was typed becomes a new request.
            request.pk = None
            request._state.adding = True
        request.case = case
        request.facility = _facility_value(cleaned)
        request.grounds_known = not cleaned.get("grounds_unknown")
        for name in REQUEST_FIELDS:
            setattr(request, name, cleaned.get(name) or _empty_request(name))
        requests.append(request)
    shown = {r.pk for r in requests if r.pk is not None}
    others = [r for pk, r in saved.items() if pk not in shown and pk not in removed]
    for position, request in enumerate([*requests, *others]):
        request.position = position
    for request, form in zip(requests, formset.kept_forms(), strict=True):
        if request.pk is not None:
            request.grounds.all().delete()
        request.save()
        listed = RequestGround.objects.bulk_create(
            RequestGround(request=request, **ground) for ground in form.listed_grounds()
        )
        _keep_loaded(request, "grounds", listed)
    for request in others:
        request.save(update_fields=["position"])
    _keep_loaded(case, "warden_requests", [*requests, *others])


def _keep_loaded(instance, related: str, rows: list) -> None:
    """Let `instance.<related>.all()` give the rows just written, as a prefetch would, so that
    screening the case again right after the save (Case.rescreen) does not read them back.

    The rows must be in the related model's order: they are created in it (grounds by id,
    requests by position, then id). This sets what `prefetch_related_objects` sets; a
    `filter()` or any other new query on the relation still reads the database.
    """
    loaded = getattr(instance, "_prefetched_objects_cache", {})
    loaded.pop(related, None)  # else get_queryset() would give the old rows back
    queryset = getattr(instance, related).get_queryset()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    instance._prefetched_objects_cache = {**loaded, related: queryset}


def _empty_request(name: str):
    return None if WardenRequest._meta.get_field(name).null else ""


def not_grounds_chosen(case: Case):
    """The non-reasons the family picked, with what to do instead (for the results page)."""
    return [n for n in NOT_GROUNDS if n.id in case.not_grounds]

"""Between the step forms and the case: what each form shows first, and how its answers are kept.

Two functions, one per direction, so the wizard never touches model fields itself:
`initial(case, step)` gives a step's form its starting values from the database (so a lost
session, a restart or another device shows every answer), and `save(case, step, form)` copies a
valid form onto the case and its rows. Saving a step that spans several tables (grounds,
requests) replaces that step's rows in one transaction.
"""

from __future__ import annotations

from django.dispatch import Signal

from eligibility import courts
from eligibility.grounds import NOT_GROUNDS
from intake import forms
from intake.models import Case, CaseGround, RequestGround, TermKind, WardenRequest

# Sent when saving moves or removes a case's requests to the warden, with `case` and `moves`:
# each old position, and its new position or None for a request that was removed.
requests_renumbered = Signal()

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

REQUEST_FIELDS = (
    "asked_for",
    "sent_on",
    "method",
    "received_on",
    "receipt_proof",
    "response",
    "response_on",
    "bp9_on",
    "bp10_on",
    "bp11_on",
    "final_denial_on",
)


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


def _facility_initial(value: str) -> dict:
    if not value:
        return {"facility": "", "facility_other": ""}
    if courts.facility(value):
        return {"facility": courts.facility(value).code, "facility_other": ""}
    return {"facility": forms.OTHER_FACILITY, "facility_other": value}


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
        return [request_initial(r) for r in case.warden_requests.prefetch_related("grounds")]
    return {}


def request_initial(request: WardenRequest) -> dict:
    values = {name: getattr(request, name) for name in REQUEST_FIELDS}
    values.update(_facility_initial(request.facility))
    values["grounds_unknown"] = not request.grounds_known
    for ground in request.grounds.all():
        values[f"listed_{ground.category}"] = True
        values[f"listed_facts_{ground.category}"] = ground.facts
    return values


# Marks the blank request a page adds after the saved ones (no form field reads it).
NEW_REQUEST = "new_request"


def new_request_initial(case: Case) -> dict:
    """A request not told about yet starts at the prison the person is in now."""
    return {**_facility_initial(case.facility), NEW_REQUEST: True}


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
            positions = list(case.warden_requests.values_list("position", flat=True))
            case.warden_requests.all().delete()
            _renumbered(case, dict.fromkeys(positions))
            _keep_loaded(case, "warden_requests", [])
    elif step == "request_details":
        _save_requests(case, form)


def _empty(case: Case, name: str):
    """Blank for text fields, None for dates."""
    return None if case._meta.get_field(name).null else ""


def _save_requests(case: Case, formset) -> None:
    """Recreate the case's requests from the formset, in its order, and say where each old
    request went (`requests_renumbered`), so that what points at a request by its position
    (an uploaded document) follows it, or knows it was removed."""
    old = list(case.warden_requests.values_list("position", flat=True))
    if old:  # else deleting would only look for requests again
        case.warden_requests.all().delete()
    kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    # The formset's first forms are the saved requests in order (then, on the "add another
    # request" page, a blank one), unless the requests changed on another device since this
    # page was drawn; then nothing is known to have moved.
    drawn = formset.initial or []
    saved_drawn = [values for values in drawn if values and not values.get(NEW_REQUEST)]
    if formset.initial_form_count() == len(drawn) and len(saved_drawn) == len(old):
        moves = {
            position: kept.index(form) if form in kept else None
            for position, form in zip(old, formset.forms, strict=False)
        }
        _renumbered(case, moves)
    requests = []
    for position, form in enumerate(kept):
        cleaned = form.cleaned_data
        request = WardenRequest.objects.create(
            case=case,
            position=position,
            facility=_facility_value(cleaned),
            grounds_known=not cleaned.get("grounds_unknown"),
            **{name: cleaned.get(name) or _empty_request(name) for name in REQUEST_FIELDS},
        )
        listed = RequestGround.objects.bulk_create(
            RequestGround(request=request, **ground) for ground in form.listed_grounds()
        )
        _keep_loaded(request, "grounds", listed)
        requests.append(request)
    _keep_loaded(case, "warden_requests", requests)


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


def _renumbered(case: Case, moves: dict[int, int | None]) -> None:
    if any(old != new for old, new in moves.items()):
        requests_renumbered.send(sender=Case, case=case, moves=moves)


def _empty_request(name: str):
    return None if WardenRequest._meta.get_field(name).null else ""


def not_grounds_chosen(case: Case):
    """The non-reasons the family picked, with what to do instead (for the results page)."""
    return [n for n in NOT_GROUNDS if n.id in case.not_grounds]

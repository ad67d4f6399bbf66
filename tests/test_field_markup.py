"""What the interview's pages draw for each field and answer, from the real templates
(templates/includes/field.html, the step templates): a label or a legend for every input, the
hint and the error message next to the field and named by its aria-describedby, what was typed
kept and escaped; and the work a page does not repeat (shared choices, its queries).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.html import Element, parse_html
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from intake import forms, review
from intake.models import Case
from tests import workspace_helpers as w
from tests.case_helpers import (
    BACKGROUND,
    PERSON,
    RELEASE_PLAN,
    answer_first_steps,
    freeze_today,
    post_step,
    request_form,
    requests_formset,
    start_case,
    step_url,
)
from workspace.models import ChangeRequest

HOSTILE = '"><script>alert(1)</script>&amp;'
ESCAPED = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


# -- reading the drawn markup --------------------------------------------------------------------


def elements(node):
    if isinstance(node, Element):
        yield node
        for child in node.children:
            yield from elements(child)


def attrs(element: Element) -> dict[str, str | None]:
    return dict(element.attributes)


def by_id(root: Element, element_id: str) -> Element:
    found = [e for e in elements(root) if attrs(e).get("id") == element_id]
    assert len(found) == 1, (element_id, len(found))
    return found[0]


def text(element: Element) -> str:
    return " ".join(
        " ".join(text(c).split()) if isinstance(c, Element) else " ".join(str(c).split())
        for c in element.children
    ).strip()


def labels_for(root: Element, element_id: str) -> list[str]:
    return [
        text(e) for e in elements(root) if e.name == "label" and attrs(e).get("for") == element_id
    ]


def holder(root: Element, element_id: str, css_class: str = "field") -> Element:
    """The innermost element of `css_class` holding the element of `element_id`."""
    found = [
        e
        for e in elements(root)
        if css_class in (attrs(e).get("class") or "").split()
        and any(attrs(d).get("id") == element_id for d in elements(e))
    ]
    assert found, element_id
    return found[-1]


def field_html(bound_field) -> str:
    return render_to_string("includes/field.html", {"field": bound_field})


def described_by(element: Element) -> list[str]:
    return (attrs(element).get("aria-describedby") or "").split()


# -- one field, by kind --------------------------------------------------------------------------


def test_a_text_box_has_its_label_hint_and_error_next_to_it_and_keeps_what_was_typed():
    form = forms.AboutYouForm({"about_you-relationship": HOSTILE * 40}, prefix="about_you")
    assert not form.is_valid()
    html = field_html(form["relationship"])
    page = parse_html(html)

    box = by_id(page, "id_about_you-relationship")
    assert box.name == "input"
    assert labels_for(page, "id_about_you-relationship") == [
        "Your relationship to the person in prison"
    ]
    hint = by_id(page, "id_about_you-relationship_helptext")
    error = by_id(page, "id_about_you-relationship_error")
    assert text(hint) == "For example: daughter, brother, friend, lawyer"
    assert text(error).startswith("Error: This is 1,280 characters long.")
    assert described_by(box) == [
        "id_about_you-relationship_helptext",
        "id_about_you-relationship_error",
    ]
    assert attrs(box)["aria-invalid"] == "true"
    assert "field-error" in attrs(holder(page, "id_about_you-relationship_error"))["class"]
    assert holder(page, "id_about_you-relationship") is holder(
        page, "id_about_you-relationship_error"
    )
    # What was typed comes back as typed, escaped.
    assert attrs(box)["value"] == HOSTILE * 40
    assert "<script>" not in html and ESCAPED in html


def test_a_valid_box_names_only_its_hint_and_one_without_a_hint_nothing():
    form = forms.AboutYouForm(prefix="about_you")
    page = parse_html(field_html(form["relationship"]) + field_html(form["name"]))

    assert described_by(by_id(page, "id_about_you-relationship")) == [
        "id_about_you-relationship_helptext"
    ]
    assert described_by(by_id(page, "id_about_you-name")) == []
    assert "field-error" not in attrs(holder(page, "id_about_you-name"))["class"]


def test_radio_buttons_are_a_fieldset_whose_legend_is_the_question_and_which_names_the_error():
    form = forms.AboutYouForm({"about_you-role": HOSTILE}, prefix="about_you")
    assert not form.is_valid()
    html = field_html(form["role"])
    page = parse_html(html)

    fieldset = next(e for e in elements(page) if e.name == "fieldset")
    legend = next(e for e in elements(fieldset) if e.name == "legend")
    assert text(legend) == "Who is filling this in?"
    assert described_by(fieldset) == ["id_about_you-role_error"]
    error = by_id(fieldset, "id_about_you-role_error")
    assert "Select a valid choice." in text(error)
    assert ESCAPED in html and "<script>" not in html
    radios = [e for e in elements(fieldset) if e.name == "input"]
    assert [attrs(r)["type"] for r in radios] == ["radio"] * 3
    for radio in radios:
        assert labels_for(page, attrs(radio)["id"]) != []
        assert attrs(radio)["name"] == "about_you-role"
        assert "checked" not in attrs(radio)


def test_a_chosen_radio_button_stays_chosen():
    form = forms.AboutYouForm({"about_you-role": "family"}, prefix="about_you")
    page = parse_html(field_html(form["role"]))

    assert "checked" in attrs(by_id(page, "id_about_you-role_1"))
    assert "checked" not in attrs(by_id(page, "id_about_you-role_0"))
    assert labels_for(page, "id_about_you-role_1") == ["A family member or friend"]


@pytest.mark.parametrize(
    ("language", "order"), [("en", ["Month", "Day", "Year"]), ("es", ["Día", "Mes", "Año"])]
)
def test_a_date_is_three_labelled_boxes_in_the_languages_order_in_a_fieldset(language, order):
    with translation.override(language):
        form = forms.PersonForm({"date_of_birth_0": "13", "date_of_birth_2": "1950"})
        assert not form.is_valid()
        page = parse_html(field_html(form["date_of_birth"]))

    fieldset = next(e for e in elements(page) if e.name == "fieldset")
    assert "id_date_of_birth_error" in described_by(fieldset)
    boxes = [e for e in elements(fieldset) if e.name == "input"]
    assert [attrs(b)["id"] for b in boxes] == (
        ["id_date_of_birth_0", "id_date_of_birth_1", "id_date_of_birth_2"]
        if language == "en"
        else ["id_date_of_birth_1", "id_date_of_birth_0", "id_date_of_birth_2"]
    )
    assert [labels_for(page, attrs(b)["id"])[0] for b in boxes] == order
    assert attrs(by_id(page, "id_date_of_birth_0"))["value"] == "13"
    assert "value" not in attrs(by_id(page, "id_date_of_birth_1"))
    assert attrs(by_id(page, "id_date_of_birth_2"))["inputmode"] == "numeric"


def test_a_tick_box_comes_before_its_label():
    form = forms.RequestForm(prefix="0", initial={"listed_age": True})
    html = field_html(form["grounds_unknown"])

    assert re.search(
        r'<input type="checkbox" name="0-grounds_unknown"[^>]*id="id_0-grounds_unknown">'
        r'<label for="id_0-grounds_unknown">',
        html,
    )


@pytest.mark.parametrize(
    ("form", "name", "chosen"),
    [
        (forms.PersonForm(), "facility", ""),  # "Choose", until one is chosen
        (forms.PersonForm({"facility": "BUT"}), "facility", "BUT"),
        (forms.PersonForm({"facility": forms.OTHER_FACILITY}), "facility", forms.OTHER_FACILITY),
        (forms.PersonForm({"facility": HOSTILE}), "facility", None),
        (forms.RequestForm({"0-facility": "ACC"}, prefix="0"), "facility", "ACC"),  # former
        (forms.RequestForm(prefix="0", initial={"facility": "BUT"}), "facility", "BUT"),
        (forms.SentenceForm({"district": "nysd"}), "district", "nysd"),
        (forms.SentenceForm(initial={"district": "not-a-court"}), "district", None),
    ],
)
def test_a_long_list_marks_the_one_chosen_option(form, name, chosen):
    bound_field = form[name]
    page = parse_html(field_html(bound_field))

    select = by_id(page, bound_field.auto_id)
    assert labels_for(page, bound_field.auto_id) == [str(bound_field.label)]
    options = [e for e in elements(select) if e.name == "option"]
    choices = bound_field.field.widget.choices
    assert len(options) == sum(len(v) if isinstance(v, list | tuple) else 1 for _, v in choices)
    selected = [attrs(o)["value"] for o in options if "selected" in attrs(o)]
    assert selected == ([] if chosen is None else [chosen])


def test_a_long_box_says_how_much_it_holds_and_whose_words_it_becomes():
    with translation.override("es"):
        form = forms.ReleasePlanForm(prefix="release_plan")
        html = field_html(form["residence"])
    page = parse_html(html)

    count = by_id(page, "id_release_plan-residence_count")
    assert text(count) == "Hasta 10 000 caracteres."  # grouped as Spanish writes it
    assert "{count}" in attrs(count)["data-count"] and "{over}" in attrs(count)["data-over"]
    assert by_id(page, "id_release_plan-residence_voice")
    assert "Up to" not in html


# -- the reasons, on the grounds step and in a request --------------------------------------------


GROUNDS_WITH_ERRORS = {
    "ground_medical_terminal": "on",
    "facts_medical_terminal": HOSTILE * 1000,  # too long
    "evidence_medical_terminal": ["BOP medical records", HOSTILE],  # not a choice
    "ground_age": "on",
    "evidence_notes_age": "n" * 1001,
    "not_rehabilitation": "on",
}


@pytest.mark.django_db
def test_each_reason_is_a_box_with_its_questions_and_errors_next_to_them(client):
    case = start_case(client)
    answer_first_steps(client, case)

    response = post_step(client, case, "grounds", GROUNDS_WITH_ERRORS)

    assert response.status_code == 200
    html = response.content.decode()
    page = parse_html(html)
    facts = "id_grounds-facts_medical_terminal"
    box = by_id(page, facts)
    assert box.name == "textarea"
    assert described_by(box) == [f"{facts}_ask", f"{facts}_error"]
    assert [e.name for e in by_id(page, f"{facts}_ask").children] == ["li"] * len(
        by_id(page, f"{facts}_ask").children
    )
    assert holder(page, facts) is holder(page, f"{facts}_error")
    assert "This is 32,000 characters long" in text(by_id(page, f"{facts}_error"))
    assert "checked" in attrs(by_id(page, "id_grounds-ground_medical_terminal"))
    # Each reason's questions are in the panel its box opens.
    panel = holder(page, facts, "reveal")
    assert by_id(panel, "id_grounds-ground_medical_terminal")
    assert by_id(panel, "id_grounds-evidence_medical_terminal_error")
    assert "Select a valid choice." in text(
        by_id(panel, "id_grounds-evidence_medical_terminal_error")
    )
    notes = holder(page, "id_grounds-evidence_notes_age_error")
    assert by_id(notes, "id_grounds-evidence_notes_age")
    # The words typed come back whole and escaped, and the error links lead to the fields.
    assert html.count(ESCAPED) >= 1000 and "<script>alert" not in html
    assert f'href="#{facts}"' in html
    assert 'href="#id_grounds-evidence_medical_terminal_0"' in html


@pytest.mark.django_db
def test_a_request_lists_each_reason_with_what_it_said(client):
    case = start_case(client)
    answer_first_steps(client, case)
    assert post_step(client, case, "requests", {"requests_sent": "yes"}).status_code == 302
    data = request_form(0, sent_on=date(2026, 9, 1), grounds=("medical_terminal", "age"))
    data["0-listed_facts_medical_terminal"] = HOSTILE * 3000

    response = post_step(client, case, "request_details", requests_formset(data))

    assert response.status_code == 200
    html = response.content.decode()
    page = parse_html(html)
    facts = "id_request_details-0-listed_facts_medical_terminal"
    panel = holder(page, facts, "reveal")
    assert "checked" in attrs(by_id(panel, "id_request_details-0-listed_medical_terminal"))
    assert labels_for(page, facts)
    assert described_by(by_id(page, facts))[-1] == f"{facts}_error"
    assert holder(page, facts) is holder(page, f"{facts}_error")
    assert ESCAPED in html and "<script>alert" not in html
    # The wizard's and the formset's hidden fields are on the page.
    assert 'name="request_details-TOTAL_FORMS" value="1"' in html
    assert f'name="case_{case.id.hex}-current_step" value="request_details"' in html


# -- the answers on "Check your answers" ----------------------------------------------------------


def test_the_answers_keep_their_lines_and_are_escaped():
    rows = [
        review.Row("Their full name", HOSTILE),
        review.Row("Where would they live?", "With her daughter\r\nin <Queens>\rNY\nUSA"),
        review.Row(review.NOT_ANSWERED, review.NOT_ANSWERED),
    ]

    html = render_to_string("intake/_answer_rows.html", {"rows": rows})

    assert html == (
        f"<div><dt>Their full name</dt><dd>{ESCAPED}</dd></div>"
        "<div><dt>Where would they live?</dt>"
        "<dd>With her daughter<br>in &lt;Queens&gt;<br>NY<br>USA</dd></div>"
        f"<div><dt>{review.NOT_ANSWERED}</dt><dd>{review.NOT_ANSWERED}</dd></div>"
    )


def test_the_long_lists_are_built_once_and_shared_by_every_form():
    assert (
        forms.PersonForm().fields["facility"].choices
        is forms.PersonForm.base_fields["facility"].choices
    )
    assert (
        forms.RequestForm().fields["facility"].widget.choices
        is forms.RequestForm().fields["facility"].choices
    )
    assert forms.ScreeningForm().fields["custody_status"].choices is (
        forms.ScreeningForm().fields["custody_status"].choices
    )


def test_a_forms_dates_share_their_three_boxes_but_not_their_own_attributes():
    one, two = forms.RequestForm(prefix="0"), forms.RequestForm(prefix="1")
    date_one, date_two = one.fields["sent_on"], two.fields["sent_on"]

    assert date_one is not date_two and date_one.widget is not date_two.widget
    assert date_one.fields is date_two.fields
    assert date_one.widget.widgets is date_two.widget.widgets
    date_one.widget.attrs["data-x"] = "1"
    assert "data-x" not in date_two.widget.attrs
    assert forms.RequestForm.base_fields["sent_on"].widget.attrs == {}


@pytest.mark.django_db
def test_the_review_asks_every_question_each_step_form_asks():
    """The review reads the form classes' declared fields: they are the questions a built
    form asks, less the ones the review words itself (facility, the length of the term)."""
    case = Case.objects.create(session_key="k" * 32, requests_sent="yes")
    sections = {section.step: section for section in review.sections(case)}
    worded = {"facility", "facility_other", "term_kind", "term_years", "term_extra_months"}

    for step, form_class in (
        ("about_you", forms.AboutYouForm),
        ("screening", forms.ScreeningForm),
        ("person", forms.PersonForm),
        ("sentence", forms.SentenceForm),
        ("requests", forms.RequestsForm),
        ("release_plan", forms.ReleasePlanForm),
        ("background", forms.BackgroundForm),
    ):
        asked = [str(f.label) for name, f in form_class().fields.items() if name not in worded]
        shown = [row.question for row in sections[step].rows]
        assert [q for q in shown if q in asked] == asked, step


# -- the pages' queries ------------------------------------------------------------------------


def finished_case(client, *requests: dict) -> Case:
    case = start_case(client)
    answer_first_steps(client, case)
    assert post_step(client, case, "requests", {"requests_sent": "yes"}).status_code == 302
    assert (
        post_step(client, case, "request_details", requests_formset(*requests)).status_code == 302
    )
    assert post_step(client, case, "release_plan", RELEASE_PLAN).status_code == 302
    assert post_step(client, case, "background", BACKGROUND).status_code == 302
    assert post_step(client, case, "review", {}).status_code == 302
    return case


def queries_of(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def some_requests(count: int) -> list[dict]:
    return [
        request_form(n, sent_on=date(2026, 1 + n, 1), received_on=date(2026, 1 + n, 2))
        for n in range(count)
    ]


@pytest.mark.django_db
def test_the_results_read_the_cases_rows_once_however_many_requests(client):
    one = finished_case(client, *some_requests(1))
    three = finished_case(client, *some_requests(3))

    one_queries = queries_of(client, f"/cases/{one.pk}/results/")
    three_queries = queries_of(client, f"/cases/{three.pk}/results/")

    assert len(three_queries) == len(one_queries)
    assert sum('FROM "intake_requestground"' in sql for sql in three_queries) == 1


@pytest.mark.django_db
def test_a_case_shared_with_no_one_needs_no_look_at_change_requests(client):
    case = finished_case(client, *some_requests(1))

    for url in (f"/cases/{case.pk}/results/", step_url(case, "review")):
        assert not any("intake_changerequest" in sql for sql in queries_of(client, url))


@pytest.mark.django_db
def test_a_change_asked_by_an_organisation_holding_the_case_is_shown(client):
    case = finished_case(client, *some_requests(1))
    share = w.share(case, w.organisation("Federal Defenders"), active=True)
    ChangeRequest.objects.create(share=share, author_name="Dana", message="Add the <b>date</b>")

    for url in (f"/cases/{case.pk}/results/", step_url(case, "review")):
        page = client.get(url).content.decode()
        assert 'id="changes-asked"' in page
        assert "Add the &lt;b&gt;date&lt;/b&gt;" in page


@pytest.mark.django_db
def test_the_person_step_still_keeps_the_chosen_facility(client):
    case = start_case(client)
    answer_first_steps(client, case)

    page = client.get(step_url(case, "person")).content.decode()

    assert f'<option value="{PERSON["facility"]}" selected>' in page
    assert page.count(" selected>") == 1


def test_forms_sharing_the_catalogues_fields_keep_their_own_answers_and_errors():
    one = forms.GroundsForm({"ground_medical_terminal": "on", "facts_medical_terminal": "Ill"})
    two = forms.GroundsForm({"ground_age": "on", "evidence_notes_age": "n" * 1001})

    assert one.fields["facts_medical_terminal"] is two.fields["facts_medical_terminal"]
    assert one.is_valid() and not two.is_valid()
    assert one.chosen_grounds()[0]["facts"] == "Ill"
    assert list(two.errors) == ["evidence_notes_age"]
    assert forms.GroundsForm().errors == {}


@pytest.mark.django_db
def test_the_reviews_questions_follow_the_pages_language():
    case = Case.objects.create(session_key="k" * 32, sentencing_court="federal_district")

    def questions(language: str) -> list[str]:
        with translation.override(language):
            screening = next(s for s in review.sections(case) if s.step == "screening")
            return [row.question for row in screening.rows]

    english, spanish = questions("en"), questions("es")

    assert english[0] == "Where is your loved one now?"
    assert spanish[0] != english[0]
    assert questions("en") == english and questions("es") == spanish


# -- work a page does not repeat ---------------------------------------------------------------


def reads_of(queries: list[str], table: str) -> int:
    """The queries that read `table` itself (not in a subquery of another table's read)."""
    own = re.compile(rf'SELECT (DISTINCT )?("{table}"\.|1 AS "a" FROM "{table}"|COUNT\(\*\))')
    return sum(
        bool(own.match(sql)) and (f'FROM "{table}"' in sql or f'"{table}".' in sql[:80])
        for sql in queries
    )


@pytest.mark.django_db
def test_a_case_shared_with_no_one_needs_no_look_at_shares_or_organisations(client):
    case = finished_case(client, *some_requests(1))

    for url in (f"/cases/{case.pk}/results/", step_url(case, "review")):
        queries = queries_of(client, url)
        assert reads_of(queries, "intake_caseshare") == 0, url
    # The results list the organisations the family can turn to: one read, none on the review.
    assert reads_of(queries_of(client, f"/cases/{case.pk}/results/"), "intake_organisation") == 1
    assert reads_of(queries_of(client, step_url(case, "review")), "intake_organisation") == 0


@pytest.mark.django_db
def test_the_results_offer_sharing_only_while_an_organisation_is_left_to_share_with(client):
    case = finished_case(client, *some_requests(1))
    url = f"/cases/{case.pk}/results/"
    offer = "Share my case with them"
    assert offer not in client.get(url).content.decode()  # no organisation is listed

    fdny = w.organisation("Federal Defenders", listed=True)
    assert offer in client.get(url).content.decode()

    w.share(case, fdny, active=True)
    page = client.get(url).content.decode()
    assert "Shared with Federal Defenders." in page
    assert offer not in page  # none left


@pytest.mark.django_db
def test_a_step_page_that_changes_nothing_does_not_write_the_session(client):
    case = finished_case(client, *some_requests(1))
    client.get(step_url(case, "review"))  # the wizard's place in the session is now "review"

    queries = queries_of(client, step_url(case, "review"))

    assert not any(sql.startswith("UPDATE") and "django_session" in sql for sql in queries)


@pytest.mark.django_db
def test_saving_the_requests_screens_the_case_without_reading_them_back(client):
    case = finished_case(client, *some_requests(2))
    payload = {
        f"request_details-{key}": value
        for key, value in requests_formset(*some_requests(2)).items()
    }
    # Sent as the page draws it: each form edits its saved request.
    payload["request_details-INITIAL_FORMS"] = "2"
    for index, request in enumerate(case.warden_requests.all()):
        payload[f"request_details-{index}-id"] = str(request.pk)
    payload[f"case_{case.id.hex}-current_step"] = "request_details"
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.post(step_url(case, "request_details"), payload)

    assert response.status_code == 302
    written = next(
        i for i, sql in enumerate(queries) if sql.startswith(("INSERT", "UPDATE", "DELETE"))
    )
    assert reads_of(queries[written:], "intake_wardenrequest") == 0
    assert reads_of(queries[written:], "intake_requestground") == 0
    case.refresh_from_db()
    assert case.verdict == "ready_to_file"

"""The parts of the interview's pages drawn in Python (intake/templatetags/intake_tags.py) draw
exactly what the templates they replaced drew, and the shared, built-once pieces behind them
(choices, date boxes) stay shared without changing what a form does.

The old template text is kept here, so each comparison is with what the page used to be.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.safestring import mark_safe
from formtools.wizard.forms import ManagementForm

from intake import forms, review
from intake.models import Case, ChangeRequest
from intake.templatetags import intake_tags
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

OLD_REASON_LOOP = """{% load intake_tags %}{% for row in form.rows %}
    <div class="reveal">
      {% described_widget row.choose %}<label for="{{ row.choose.id_for_label }}">{{ row.info.title }}</label>
      <p class="hint">{{ row.info.explanation }}</p>
      <div class="reveal-panel">
        {% if row.info.available %}
          <div class="field{% if row.facts.errors %} field-error{% endif %}">
            <label class="label" for="{{ row.facts.id_for_label }}">{{ row.facts.label }}</label>
            <ul class="hint" id="{{ row.facts.auto_id }}_ask">
              {% for fact in row.info.facts_to_ask %}<li>{{ fact }}</li>{% endfor %}
            </ul>
            {% include "includes/field_errors.html" with field=row.facts %}
            {% described_widget row.facts row.facts.auto_id|add:"_ask" %}{% voice_notice row.facts %}
          </div>
          {% if row.change_in_law %}{% include "includes/field.html" with field=row.change_in_law %}
          {% endif %}{% include "includes/field.html" with field=row.evidence %}
          {% include "includes/field.html" with field=row.notes %}
        {% else %}
          <p class="notice">{{ row.info.unavailable_reason }}</p>
        {% endif %}
      </div>
    </div>
  {% endfor %}"""  # noqa: E501

OLD_LISTED_REASON_LOOP = """{% load intake_tags %}{% for row in form.ground_rows %}
        <div class="reveal">
          {% described_widget row.choose %}<label for="{{ row.choose.id_for_label }}">{{ row.info.title }}</label>
          <div class="reveal-panel">{% include "includes/field.html" with field=row.facts %}</div>
        </div>
      {% endfor %}"""  # noqa: E501

OLD_ANSWER_LOOP = (
    "{% for row in rows %}<div><dt>{{ row.question }}</dt>"
    "<dd>{{ row.answer|linebreaksbr }}</dd></div>{% endfor %}"
)

HOSTILE = '"><script>alert(1)</script>&amp;'


def old(template: str, **context) -> str:
    return engines["django"].from_string(template).render(context)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    return freeze_today(monkeypatch)


@pytest.fixture(params=["en", "es"])
def language(request):
    with translation.override(request.param):
        yield request.param


GROUNDS_WITH_ERRORS = {
    "ground_medical_terminal": "on",
    "facts_medical_terminal": HOSTILE * 1000,  # too long
    "evidence_medical_terminal": ["BOP medical records", HOSTILE],  # not a choice
    "ground_age": "on",
    "evidence_notes_age": "n" * 1001,
    "not_rehabilitation": "on",
}


@pytest.mark.parametrize("data", [None, GROUNDS_WITH_ERRORS, {}])
def test_the_reasons_are_drawn_as_the_template_loop_drew_them(language, data):
    if data is None:
        form = forms.GroundsForm(prefix="grounds")
    else:
        form = forms.GroundsForm({f"grounds-{k}": v for k, v in data.items()}, prefix="grounds")
        assert not form.is_valid()

    assert intake_tags.reason_rows(form) == old(OLD_REASON_LOOP, form=form)


@pytest.mark.parametrize("with_errors", [False, True])
def test_the_reasons_a_request_gave_are_drawn_as_the_template_loop_drew_them(language, with_errors):
    if with_errors:
        data = request_form(0, sent_on=date(2026, 9, 1), grounds=("medical_terminal", "age"))
        data["0-listed_facts_medical_terminal"] = HOSTILE * 3000
        form = forms.RequestForm(data, prefix="0")
        assert not form.is_valid()
    else:
        form = forms.RequestForm(prefix="0", initial={"listed_age": True})

    assert intake_tags.listed_reason_rows(form) == old(OLD_LISTED_REASON_LOOP, form=form)


def test_the_answers_are_drawn_as_the_template_loop_drew_them():
    rows = [
        review.Row("Their full name", HOSTILE),
        review.Row("Where would they live?", "With her daughter\r\nin <Queens>\rNY\nUSA"),
        review.Row(mark_safe("<em>Asked</em>"), mark_safe("<b>kept</b>\nas is")),
        review.Row(review.NOT_ANSWERED, review.NOT_ANSWERED),
    ]

    assert intake_tags.answer_rows(rows) == old(OLD_ANSWER_LOOP, rows=rows)


@pytest.mark.parametrize(
    "form",
    [
        ManagementForm(prefix="case_x", initial={"current_step": "about_you"}),
        forms.RequestFormSet(initial=[{}, {}], prefix="request_details").management_form,
        forms.RequestFormSet(
            {"request_details-TOTAL_FORMS": "x"}, prefix="request_details"
        ).management_form,
    ],
)
def test_a_management_form_is_drawn_as_django_draws_it(form):
    assert intake_tags.hidden_form(form) == str(form)


@pytest.mark.parametrize(
    ("form", "name"),
    [
        (forms.PersonForm(), "facility"),
        (forms.PersonForm({"facility": "BUT"}), "facility"),
        (forms.PersonForm({"facility": forms.OTHER_FACILITY}), "facility"),
        (forms.PersonForm({"facility": HOSTILE}), "facility"),
        (forms.RequestForm({"0-facility": "ACC"}, prefix="0"), "facility"),  # a former one
        (forms.RequestForm(prefix="0", initial={"facility": "BUT"}), "facility"),
        (forms.SentenceForm({"district": "nysd"}), "district"),
        (forms.SentenceForm(initial={"district": "not-a-court"}), "district"),
    ],
)
def test_a_long_list_is_drawn_as_djangos_select_template_draws_it(language, form, name):
    bound_field = form[name]

    drawn = intake_tags._widget(bound_field, {"aria-describedby": "hint"})

    assert drawn == bound_field.as_widget(attrs={"aria-describedby": "hint"})
    assert drawn.count(" selected") <= 1


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

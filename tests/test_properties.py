"""Properties of `screen` over generated well-formed case files (hypothesis).

The strategy builds case dicts the way a file would hold them: random but real dates clustered
around `as_of` (so the 31-day line, estimates and denials overlap often), every custody status
and court, plain-id and object grounds, 0-4 requests with random fields, the BOP's own motion and
an earlier motion. The dates the contract requires are recomputed here from the case file alone
(`expected_dates`), written from docs/case-format.md, not from rules.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility import courts
from eligibility.facts import (
    CUSTODY_STATUSES,
    DELIVERY_METHODS,
    PRIOR_MOTION_OUTCOMES,
    RECEIPT_PROOFS,
    REQUEST_KINDS,
    RESPONSES,
    SENTENCING_COURTS,
    read_case,
)
from eligibility.grounds import GROUND_IDS
from eligibility.rules import screen
from tests.casebuilder import FORMAT, VERDICTS

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DISTRICTS = [d.id for d in courts.districts()]
REQUIRED = {"federal_only", "ground_matching", "exhaustion"}
DATE_BEARING = {"waiting", "ready_to_file", "needs_information"}


# -- the strategy --------------------------------------------------------------------------------


def maybe(strategy, none_weight: int = 1):
    return st.one_of(*[st.none()] * none_weight, strategy)


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@st.composite
def near(draw, as_of: date, before: int = 150, after: int = 40) -> date:
    """A date around `as_of`, mostly in the past, sometimes exactly on an edge."""
    return as_of + timedelta(days=draw(st.integers(-before, after)))


@st.composite
def ground_list(draw, pool: list[str], min_size: int = 0, max_size: int = 4) -> list:
    ids = draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=max_size))
    out = []
    for g in ids:
        shape = draw(st.sampled_from(["id", "facts", "empty"]))
        if shape == "id":
            out.append(g)
        else:
            out.append({"category": g, "facts": "Some facts." if shape == "facts" else ""})
    return out


@st.composite
def warden_request(
    draw, as_of: date, motion: list[str], ripe: bool = False, second_round: bool = True
) -> dict:
    """One request; `ripe` keeps it counting and dated within ten weeks of `as_of`."""
    window = (70, 10) if ripe else (150, 40)
    sent = draw(maybe(near(as_of, *window), 1))
    receipt = draw(st.sampled_from(["known", "known", "unknown", "unknown", "any"]))
    if sent is not None and receipt == "known":
        received = sent + timedelta(days=draw(st.integers(0, 15)))
    elif receipt == "unknown":
        received = None
    else:
        received = draw(maybe(near(as_of, *window)))
    extra = draw(st.lists(st.sampled_from(GROUND_IDS), max_size=1))
    pool = sorted(set(motion) | set(extra)) or list(GROUND_IDS)
    shapes = (
        ["motion", "random"] if ripe else ["motion", "motion", "random", "random", "null", "empty"]
    )
    shape = draw(st.sampled_from(shapes))
    listed = {"null": None, "empty": [], "motion": list(motion)}.get(shape)
    if shape == "random":
        listed = draw(ground_list(pool))
    if sent is not None and received is not None and received < sent:
        sent, received = received, sent  # a request is never received before it is sent
    response = draw(maybe(st.sampled_from(RESPONSES)))
    response_on = draw(maybe(near(as_of))) if response else None
    if received is not None and response_on is not None and response_on < received:
        response_on = received  # nor answered before it is received
    return {
        "sent_on": iso(sent),
        "asked_for": draw(
            st.sampled_from(
                ["sentence_reduction", None]
                if ripe
                else ["sentence_reduction"] * 5 + [*REQUEST_KINDS, None]
            )
        ),
        "method": draw(maybe(st.sampled_from(DELIVERY_METHODS))),
        "received_on": iso(received),
        "receipt_proof": draw(maybe(st.sampled_from(RECEIPT_PROOFS), 2)) if second_round else None,
        "facility": draw(st.sampled_from(["BUT", "but", "TRM", "Some jail", None])),
        "grounds": listed,
        "response": response,
        "response_on": iso(response_on),
        "appeal": {
            "bp9_on": iso(draw(maybe(near(as_of), 2))),
            "bp11_on": iso(draw(maybe(near(as_of), 2))),
            "final_denial_on": iso(draw(maybe(near(as_of, *window), 4))),
        },
    }


@st.composite
def custody(draw, ripe: bool = False) -> dict:
    """Mostly a plain federal prisoner (so the later rules get exercised), sometimes anything."""
    if ripe or draw(st.sampled_from([True, True, True, False])):
        return {
            "sentencing_court": "federal_district",
            "status": draw(
                st.sampled_from(
                    [
                        "bop_facility",
                        "rrc",
                        "home_confinement",
                        "contract_facility",
                        "state_custody",
                    ]
                )
            ),
            "offense_date": "2010-01-01",
        }
    return {
        "sentencing_court": draw(maybe(st.sampled_from(SENTENCING_COURTS))),
        "status": draw(maybe(st.sampled_from(CUSTODY_STATUSES))),
        "offense_date": iso(
            draw(maybe(st.dates(date(1985, 1, 1), date(1990, 12, 31)) | st.just(date(1987, 11, 1))))
        ),
    }


@st.composite
def cases(
    draw, max_requests: int = 4, ripe: bool = False, second_round: bool = True
) -> tuple[dict, date]:
    """A well-formed case and the day to screen it on. `ripe` cases are federal-eligible, with
    grounds, no BOP motion and no earlier motion, and recent requests that count: they reach
    the date-bearing verdicts far more often. `second_round` adds the answers of the second
    round of rules (what shows a receipt, how an earlier motion ended)."""
    as_of = draw(st.dates(date(2020, 1, 1), date(2032, 12, 31)))
    dob = draw(
        st.one_of(
            st.none(),
            near(as_of - timedelta(days=65 * 365 + 16), 30, 30),
            st.dates(date(1930, 1, 1), date(1960, 12, 31)),
            st.dates(date(1930, 1, 1), date(1995, 12, 31)),
        )
    )
    term = draw(maybe(st.one_of(st.integers(1, 600), st.just(99999))))
    life = term is None and draw(st.booleans())
    no_grounds = not ripe and draw(st.sampled_from([False] * 9 + [True]))
    motion = [] if no_grounds else draw(ground_list(list(GROUND_IDS), min_size=1, max_size=3))
    motion_ids = [g if isinstance(g, str) else g["category"] for g in motion]
    data = {
        "format": FORMAT,
        "person": {
            "date_of_birth": iso(dob),
            "facility": draw(st.sampled_from(["BUT", "TRM", "Some jail", None])),
        },
        "custody": draw(custody(ripe)),
        "sentence": {
            "district": draw(maybe(st.sampled_from(DISTRICTS))),
            "term_months": term,
            "life": life,
            "custody_began": iso(draw(maybe(near(as_of, 6000, 30)))),
            "appeal_pending": draw(st.sampled_from([None, False, True])),
        },
        "grounds": motion,
        "warden_requests": [
            draw(warden_request(as_of, motion_ids, ripe, second_round))
            for _ in range(
                draw(st.sampled_from([1, 1, 2, 2, 3] if ripe else [0, 1, 1, 2, 2, 3, 4]))
                % (max_requests + 1)
            )
        ],
        "bop_motion": not ripe and draw(st.sampled_from([False] * 5 + [True])),
        "prior_motion": {
            "filed_on": None if ripe else iso(draw(maybe(near(as_of), 4))),
            "outcome": draw(maybe(st.sampled_from(PRIOR_MOTION_OUTCOMES)))
            if second_round
            else None,
        },
    }
    return data, as_of


# Cases as the first round of rules knew them (what other tests round-trip), and with every answer.
any_case = st.one_of(cases(second_round=False), cases(ripe=True, second_round=False))
every_case = st.one_of(cases(), cases(ripe=True))


# -- the contract's dates, recomputed from the file -----------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _family(g: str) -> str:
    return "medical" if g.startswith("medical_") else g


def _ids(grounds) -> list[str]:
    return [g if isinstance(g, str) else g["category"] for g in grounds or []]


def counting_requests(data: dict) -> list[dict]:
    """case-format.md "Which requests count"."""
    prior = data.get("prior_motion") or {}
    # an earlier motion dismissed as premature does not use up its requests
    filed = None if prior.get("outcome") == "dismissed_unexhausted" else _day(prior.get("filed_on"))
    out = []
    for r in data["warden_requests"]:
        if r["asked_for"] in ("home_confinement", "other"):
            continue
        used = _day(r["received_on"]) or _day(r["sent_on"])
        if filed and used and used < filed:
            continue
        out.append(r)
    return out


def candidates(r: dict) -> list[tuple[date, bool]]:
    """A request's candidate dates (date, proven): receipt + 31 (estimated when receipt is
    unknown) and a final denial (path B)."""
    out = []
    received, sent = _day(r["received_on"]), _day(r["sent_on"])
    if received:
        # a remembered date that nothing shows is an estimate
        out.append((received + timedelta(days=31), r.get("receipt_proof") != "none"))
    elif sent:
        delay = 0 if r["method"] in ("hand_delivered", "electronic") else 7
        out.append((sent + timedelta(days=delay + 31), False))
    final = _day(r["appeal"]["final_denial_on"])
    if final:
        out.append((final, True))
    return out


def covers(r: dict, g: str) -> bool:
    return any(_family(asked) == _family(g) for asked in _ids(r["grounds"]))


def qualifying(data: dict, result) -> list[str]:
    """Motion grounds that are not unavailable and do not fail their criteria."""
    failed = {
        f.ground
        for f in result.findings
        if f.rule in ("ground_available", "ground_criteria") and f.status == "fail"
    }
    return [g for g in dict.fromkeys(_ids(data["grounds"])) if g not in failed]


def expected_dates(data: dict, grounds: list[str]) -> tuple[date | None, date | None]:
    """(proven date, soonest date), case-format.md "Estimated receipt never gives ready_to_file"."""
    requests = counting_requests(data)
    proven, soonest = [], []
    for g in grounds:
        cands = [c for r in requests if covers(r, g) for c in candidates(r)]
        proven.append(min((d for d, p in cands if p), default=None))
        soonest.append(min((d for d, _ in cands), default=None))
    if not grounds or None in soonest:
        return None, None
    return (None if None in proven else max(proven)), max(soonest)


def floor_for(data: dict, g: str) -> date | None:
    """The earliest date any counting request covering `g` allows: receipt + 31 (or its
    estimate) or a completed path B."""
    dates = [d for r in counting_requests(data) if covers(r, g) for d, _ in candidates(r)]
    return min(dates, default=None)


def run(data: dict, as_of: date):
    return screen(read_case(data), as_of)


# -- the properties -------------------------------------------------------------------------------


@SETTINGS
@given(every_case)
def test_it_never_raises_and_always_gives_one_of_the_seven_verdicts(generated):
    data, as_of = generated

    result = run(data, as_of)

    assert result.verdict in VERDICTS
    out = result.to_json()
    assert out["verdict"] in VERDICTS
    assert {f["rule"] for f in out["findings"]} >= REQUIRED
    assert "partial_filing_date" in out


@SETTINGS
@given(every_case)
def test_it_never_gives_a_date_before_a_covering_request_allows_it(generated):
    data, as_of = generated
    result = run(data, as_of)
    assert result.verdict in DATE_BEARING or result.earliest_filing_date is None

    if result.earliest_filing_date is None:
        return
    for g in qualifying(data, result):
        floor = floor_for(data, g)
        assert floor is not None, g
        assert result.earliest_filing_date >= floor, g


@SETTINGS
@given(every_case)
def test_it_gives_exactly_the_contracts_date_for_each_date_bearing_verdict(generated):
    data, as_of = generated
    result = run(data, as_of)
    when = result.earliest_filing_date
    proven, soonest = expected_dates(data, qualifying(data, result))

    if result.verdict == "ready_to_file" and not data["bop_motion"]:
        assert when == proven
        assert when <= as_of
    elif result.verdict == "ready_to_file":
        assert when is None
    elif result.verdict == "waiting":
        assert when == soonest
        assert when > as_of
    elif result.verdict == "needs_information" and when is not None:
        # only proof of receipt is missing: the date is the estimate, and it has passed
        assert when == soonest <= as_of
        assert proven is None or proven > as_of
        assert "fail" in {f.status for f in result.by_rule("receipt_proof")}
        assert {f.status for f in result.by_rule("exhaustion")} == {"unknown"}
    else:
        assert when is None


@SETTINGS
@given(every_case)
def test_it_never_calls_a_case_ready_on_an_estimated_receipt(generated):
    data, as_of = generated
    result = run(data, as_of)
    if result.verdict != "ready_to_file" or data["bop_motion"]:
        return

    requests = counting_requests(data)
    for g in qualifying(data, result):
        proven = [d for r in requests if covers(r, g) for d, p in candidates(r) if p]
        assert proven and min(proven) <= result.earliest_filing_date


@SETTINGS
@given(every_case)
def test_it_gives_a_partial_date_and_unmatched_grounds_only_where_the_contract_says(generated):
    data, as_of = generated
    result = run(data, as_of)

    if result.partial_filing_date is not None:
        assert result.verdict in ("new_request_needed", "waiting", "needs_information")
        assert result.partial_grounds
    else:
        assert result.partial_grounds == ()
    if result.verdict in ("waiting", "needs_information") and result.earliest_filing_date:
        # the qualifying grounds whose own proven date has passed, when some but not all have
        grounds = qualifying(data, result)
        requests = counting_requests(data)
        ready = {}
        for g in grounds:
            proven = [d for r in requests if covers(r, g) for d, p in candidates(r) if p]
            if proven and min(proven) <= as_of:
                ready[g] = min(proven)
        if ready and len(ready) < len(grounds):
            assert set(result.partial_grounds) == set(ready)
            assert result.partial_filing_date == max(ready.values())
        else:
            assert result.partial_filing_date is None
    if result.verdict == "new_request_needed":
        assert result.unmatched_grounds
    if result.unmatched_grounds:
        assert counting_requests(data)
        assert set(result.unmatched_grounds) <= set(qualifying(data, result))
        for g in result.unmatched_grounds:
            assert not any(covers(r, g) for r in counting_requests(data))
    if result.verdict == "needs_warden_request":
        assert result.unmatched_grounds == ()


@st.composite
def case_and_extra_request(draw):
    ripe = draw(st.booleans())
    data, as_of = draw(cases(max_requests=3, ripe=ripe))
    extra = draw(warden_request(as_of, _ids(data["grounds"]), ripe))
    return data, as_of, extra


@SETTINGS
@given(case_and_extra_request())
def test_it_never_makes_the_date_later_when_a_request_is_appended(generated):
    """Precisely: appending a request never makes a date-bearing verdict's date later, except
    that an estimate (needs_information: proof missing) may give way to a later *proven* date
    (ready_to_file) — that is the contract, not a regression. A ready case stays ready, and no
    ground becomes unmatched."""
    data, as_of, extra = generated
    before = run(data, as_of)
    after = run({**data, "warden_requests": [*data["warden_requests"], extra]}, as_of)

    if before.verdict == "ready_to_file":
        assert after.verdict == "ready_to_file"
    if before.unmatched_grounds:
        assert set(after.unmatched_grounds) <= set(before.unmatched_grounds)
    b, a = before.earliest_filing_date, after.earliest_filing_date
    if b is None or a is None:
        return
    if before.verdict == "needs_information" and after.verdict == "ready_to_file":
        return
    assert a <= b


@SETTINGS
@given(case_and_extra_request())
def test_it_never_makes_either_motion_date_later_when_a_request_is_appended(generated):
    """The two dates behind the verdict (proven and soonest) each only move earlier."""
    data, as_of, extra = generated
    result = run(data, as_of)
    grounds = qualifying(data, result)
    more = {**data, "warden_requests": [*data["warden_requests"], extra]}

    proven, soonest = expected_dates(data, grounds)
    proven_after, soonest_after = expected_dates(more, grounds)

    if soonest is not None:
        assert soonest_after is not None and soonest_after <= soonest
    if proven is not None:
        assert proven_after is not None and proven_after <= proven


@settings(max_examples=100, deadline=None)
@given(
    st.dates(),
    st.dates(),
    st.integers(1, 10**6),
    st.sampled_from(DELIVERY_METHODS),
    st.dates(),
)
def test_it_never_raises_on_extreme_dates_and_terms(as_of, some_day, term, method, other_day):
    data = {
        "format": FORMAT,
        "person": {"date_of_birth": iso(some_day), "facility": "BUT"},
        "custody": {
            "sentencing_court": "federal_district",
            "status": "bop_facility",
            "offense_date": "2000-01-01",
        },
        "sentence": {"custody_began": iso(other_day), "term_months": term},
        "grounds": ["age", "medical_terminal"],
        "warden_requests": [
            {
                "sent_on": iso(some_day),
                "method": method,
                "grounds": ["age"],
                "response": "denied",
                "response_on": iso(other_day),
            },
            {
                "received_on": iso(other_day),
                "grounds": ["medical_terminal"],
                "response": "denied",
                "response_on": iso(max(some_day, other_day)),
            },
        ],
    }

    result = run(data, as_of)

    assert result.verdict in VERDICTS

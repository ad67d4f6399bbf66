"""A case as a family enters it, and the rows that hang off it.

The answers are stored as the interview asks them ("not sure" included), and `Case.to_facts()`
turns them into the `eligibility.facts.CaseFacts` that the rules read: "not sure" and blank
become None, never a guess. The verdict and the earliest filing date are copied onto the case
after every save (`Case.rescreen`) so that lists of cases can filter and sort on them without
running the rules for each row; the results page always screens afresh.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility import after_filing, courts, facts, rules
from eligibility.grounds import BY_ID
from eligibility.words import short_date
from intake.steps import STEP_INFO, STEPS, numbering

NOT_SURE = "not_sure"


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = NOT_SURE, _("Not sure")


class Role(models.TextChoices):
    SELF = "self", _("I am the person in prison")
    FAMILY = "family", _("A family member or friend")
    ADVOCATE = "advocate", _("An advocate, paralegal or lawyer")


class SentencingCourt(models.TextChoices):
    FEDERAL_DISTRICT = "federal_district", _("A U.S. district court (a federal court)")
    STATE = "state", _("A state court")
    DC_SUPERIOR = "dc_superior", _("D.C. Superior Court")
    COURT_MARTIAL = "court_martial", _("A military court-martial")
    NOT_SURE = NOT_SURE, _("Not sure")


class CustodyStatus(models.TextChoices):
    BOP_FACILITY = "bop_facility", _("In a federal prison (run by the Bureau of Prisons)")
    RRC = "rrc", _("In a halfway house (residential reentry center)")
    HOME_CONFINEMENT = "home_confinement", _("On home confinement")
    CONTRACT_FACILITY = (
        "contract_facility",
        _("In a jail or prison the BOP does not run (a contract facility or a holding jail)"),
    )
    STATE_CUSTODY = "state_custody", _("In state prison or jail, with the federal sentence to come")
    SUPERVISED_RELEASE = "supervised_release", _("Out of prison, on supervised release")
    PROBATION = "probation", _("Out of prison, on probation")
    PRETRIAL = "pretrial", _("Held before trial or before sentencing")
    IMMIGRATION_DETENTION = "immigration_detention", _("In immigration detention")
    NOT_SURE = NOT_SURE, _("Not sure")


class TermKind(models.TextChoices):
    YEARS = "years", _("A number of years and months")
    LIFE = "life", _("Life in prison")
    NOT_SURE = NOT_SURE, _("Not sure")


class RequestKind(models.TextChoices):
    SENTENCE_REDUCTION = (
        "sentence_reduction",
        _("Compassionate release (a motion to reduce the sentence)"),
    )
    HOME_CONFINEMENT = "home_confinement", _("Home confinement or the CARES Act")
    OTHER = "other", _("Something else, such as a transfer or halfway-house time")
    NOT_SURE = NOT_SURE, _("Not sure")


class DeliveryMethod(models.TextChoices):
    HAND_DELIVERED = "hand_delivered", _("Handed to prison staff")
    ELECTRONIC = "electronic", _("Sent as an electronic request to staff (TRULINCS)")
    MAIL = "mail", _("Mailed")
    EMAIL = "email", _("Emailed")
    FAX = "fax", _("Faxed")
    NOT_SURE = NOT_SURE, _("Not sure")


class ReceiptProof(models.TextChoices):
    WARDEN_REPLY = "warden_reply", _("The warden's answer, which gives the date received")
    STAFF_STAMP = "staff_stamp", _("A copy stamped or signed by staff with the date")
    DELIVERY_CONFIRMATION = "delivery_confirmation", _("A delivery confirmation or tracking record")
    ELECTRONIC_RECORD = "electronic_record", _("A record of the electronic request")
    NONE = "none", _("Nothing yet")


class PriorMotionOutcome(models.TextChoices):
    DECIDED = "decided", _("The judge decided it")
    DISMISSED_UNEXHAUSTED = (
        "dismissed_unexhausted",
        _("It was dismissed because it was filed too early"),
    )
    NOT_SURE = NOT_SURE, _("Not sure")


class Response(models.TextChoices):
    NONE = "none", _("No answer yet")
    DENIED = "denied", _("The warden said no")
    APPROVED = "approved", _("The warden said yes")
    NOT_SURE = NOT_SURE, _("Not sure")


# Ground ids and verdicts belong to `eligibility` and are checked there and in the forms; they
# are not model choices, so a change of wording in the catalogue needs no migration.


def _known(value: str) -> str | None:
    """An answer as the rules want it: blank and "not sure" are unknown."""
    if not value or value == NOT_SURE:
        return None
    return value


def yes_no(value: str) -> bool | None:
    return {YesNo.YES: True, YesNo.NO: False}.get(value)


# The last screening as kept on a case (Case.rescreen).
SCREENING_FIELDS = [
    "verdict",
    "earliest_filing_date",
    "filing_date_is_estimate",
    "screened_on",
    "next_deadline",
    "next_deadline_kind",
]


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cases",
    )
    # The anonymous visitor who started the case; cleared once an account owns it.
    session_key = models.CharField(max_length=40, blank=True, db_index=True)
    current_step = models.CharField(max_length=32, default=STEPS[0])
    completed_steps = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The last screening, kept for lists and filters (see the module docstring).
    verdict = models.CharField(max_length=32, blank=True)
    earliest_filing_date = models.DateField(null=True, blank=True)
    # The screening's `date_is_estimate`: the date rests on a receipt nobody has shown yet.
    filing_date_is_estimate = models.BooleanField(default=False)
    screened_on = models.DateField(null=True, blank=True)
    # The soonest date ahead that the case waits for on the day it was screened, and what it is
    # (eligibility.after_filing.next_deadline): the first day to file, a reply, an appeal...
    next_deadline = models.DateField(null=True, blank=True)
    next_deadline_kind = models.CharField(max_length=32, blank=True)
    # Goes up by one each time a step's answers are saved. Every step's page carries the number
    # it was drawn at, so a page drawn before answers changed elsewhere (another device, an
    # advocate) is refused instead of writing older answers back (intake.wizard).
    version = models.PositiveIntegerField(default=0)

    # Step 1: about you (the preparer).
    preparer_role = models.CharField(max_length=16, choices=Role.choices, blank=True)
    preparer_name = models.CharField(max_length=200, blank=True)
    preparer_relationship = models.CharField(max_length=100, blank=True)
    preparer_contact = models.CharField(max_length=200, blank=True)

    # Step 2: where things stand.
    sentencing_court = models.CharField(max_length=32, choices=SentencingCourt.choices, blank=True)
    custody_status = models.CharField(max_length=32, choices=CustodyStatus.choices, blank=True)
    offense_before_1987 = models.CharField(max_length=16, choices=YesNo.choices, blank=True)
    offense_ended_on = models.DateField(null=True, blank=True)
    appeal_pending = models.CharField(max_length=16, choices=YesNo.choices, blank=True)
    several_districts = models.CharField(max_length=16, choices=YesNo.choices, blank=True)
    transferred_supervision = models.CharField(max_length=16, choices=YesNo.choices, blank=True)
    prior_motion = models.CharField(max_length=16, choices=YesNo.choices, blank=True)
    prior_motion_filed_on = models.DateField(null=True, blank=True)
    prior_motion_decided_on = models.DateField(null=True, blank=True)
    prior_motion_outcome = models.CharField(
        max_length=32, choices=PriorMotionOutcome.choices, blank=True
    )

    # Step 3: the person in prison.
    person_name = models.CharField(max_length=200, blank=True)
    register_number = models.CharField(max_length=9, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    # A BOP facility code, or the name typed when the facility is not on the list.
    facility = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=100, blank=True)

    # Step 4: the sentence.
    district = models.CharField(max_length=8, blank=True)
    case_number = models.CharField(max_length=100, blank=True)
    judge = models.CharField(max_length=200, blank=True)
    imposed_on = models.DateField(null=True, blank=True)
    term_kind = models.CharField(max_length=16, choices=TermKind.choices, blank=True)
    term_months = models.PositiveIntegerField(null=True, blank=True)
    custody_began = models.DateField(null=True, blank=True)
    offense = models.TextField(blank=True)
    projected_release = models.DateField(null=True, blank=True)

    # Step 5: the grounds are CaseGround rows; these are reasons the law does not accept
    # (eligibility.grounds.NOT_GROUNDS ids) that the family picked, so the results can say so.
    not_grounds = models.JSONField(default=list, blank=True)

    # Step 6: requests to the warden are WardenRequest rows.
    requests_sent = models.CharField(max_length=16, choices=YesNo.choices, blank=True)
    bop_motion = models.BooleanField(default=False)

    # Step 7: release plan.
    residence = models.TextField(blank=True)
    household = models.TextField(blank=True)
    support = models.TextField(blank=True)
    medical_care = models.TextField(blank=True)
    medical_payment = models.TextField(blank=True)

    # Step 8: background for the judge.
    programs = models.TextField(blank=True)
    work = models.TextField(blank=True)
    education = models.TextField(blank=True)
    conduct = models.TextField(blank=True)
    statement = models.TextField(blank=True)
    support_letters = models.TextField(blank=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            # The dashboard's default sort (filing date, then name, then id), read in order and
            # stopped after a page: alone, within a verdict, or within a district and verdict
            # (workspace.CaseList). They also count those filters without reading a row.
            models.Index(fields=["earliest_filing_date", "person_name", "id"]),
            models.Index(fields=["verdict", "earliest_filing_date", "person_name", "id"]),
            models.Index(
                fields=["district", "verdict", "earliest_filing_date", "person_name", "id"]
            ),
            # The dashboard looks for cases not screened today (workspace.py).
            models.Index(fields=["screened_on"]),
            # The dashboard's "next date" sort (its default), read in order like the filing
            # date's: alone, within a verdict, or within a district and verdict.
            models.Index(fields=["next_deadline", "person_name", "id"]),
            models.Index(fields=["verdict", "next_deadline", "person_name", "id"]),
            models.Index(fields=["district", "verdict", "next_deadline", "person_name", "id"]),
        ]

    def __str__(self) -> str:
        if self.person_name:
            return self.person_name
        # The day in the site's time zone, in the reader's language: not the UTC date.
        started = timezone.localdate(self.created_at) if self.created_at else timezone.localdate()
        return gettext("Case started %(date)s") % {"date": short_date(started)}

    def get_absolute_url(self) -> str:
        return reverse("case_resume", args=[self.id])

    # -- the interview ---------------------------------------------------------------------

    def mark_step_done(self, step: str, next_step: str | None) -> None:
        if step not in self.completed_steps:
            self.completed_steps = [s for s in STEPS if s in {*self.completed_steps, step}]
        if next_step:
            self.current_step = next_step

    @property
    def current_step_label(self) -> str:
        """'Step 4 of 9: The sentence'."""
        step = self.current_step if self.current_step in STEP_INFO else STEPS[0]
        number, total = numbering(step, with_details=self.requests_sent == YesNo.YES)
        return gettext("Step %(number)s of %(total)s: %(title)s") % {
            "number": number,
            "total": total,
            "title": STEP_INFO[step].title,
        }

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def facility_name(self) -> str:
        found = courts.facility(self.facility)
        return found.display_name if found else self.facility

    @property
    def district_name(self) -> str:
        found = courts.district(self.district)
        return found.short_name if found else ""

    # -- the rules -------------------------------------------------------------------------

    def to_facts(self, as_of: date | None = None) -> facts.CaseFacts:
        """The answers as the rules read them (docs: case-format.md). Unknown stays None."""
        return facts.CaseFacts(
            as_of=as_of,
            person=facts.Person(
                name=self.person_name or None,
                register_number=self.register_number or None,
                date_of_birth=self.date_of_birth,
                facility=self.facility or None,
                unit=self.unit or None,
            ),
            custody=facts.Custody(
                sentencing_court=_known(self.sentencing_court),
                status=_known(self.custody_status),
                offense_date=self.offense_ended_on,
                old_law=yes_no(self.offense_before_1987),
            ),
            sentence=facts.Sentence(
                district=self.district or None,
                case_number=self.case_number or None,
                judge=self.judge or None,
                imposed_on=self.imposed_on,
                term_months=self.term_months if self.term_kind == TermKind.YEARS else None,
                life=self.term_kind == TermKind.LIFE,
                custody_began=self.custody_began,
                offense=self.offense or None,
                appeal_pending=yes_no(self.appeal_pending),
                projected_release=self.projected_release,
            ),
            grounds=tuple(g.to_facts() for g in self.grounds.all()),
            warden_requests=tuple(r.to_facts() for r in self.warden_requests.all()),
            bop_motion=self.bop_motion,
            prior_motion=facts.PriorMotion(
                filed_on=self.prior_motion_filed_on if self.prior_motion == YesNo.YES else None,
                decided_on=(
                    self.prior_motion_decided_on if self.prior_motion == YesNo.YES else None
                ),
                outcome=(
                    _known(self.prior_motion_outcome) if self.prior_motion == YesNo.YES else None
                ),
            ),
            release_plan=facts.ReleasePlan(
                residence=self.residence or None,
                household=self.household or None,
                support=self.support or None,
                medical_care=self.medical_care or None,
                medical_payment=self.medical_payment or None,
            ),
            background=facts.Background(
                programs=self.programs or None,
                work=self.work or None,
                education=self.education or None,
                conduct=self.conduct or None,
                statement=self.statement or None,
                support_letters=self.support_letters or None,
            ),
            preparer=facts.Preparer(
                name=self.preparer_name or None,
                relationship=self.preparer_relationship or None,
                contact=self.preparer_contact or None,
            ),
        )

    def screen(self, as_of: date) -> rules.Screening:
        return rules.screen(self.to_facts(as_of), as_of)

    def rescreen(self, as_of: date) -> rules.Screening:
        """Screen afresh and keep the verdict, the date and the next date on the case (see the
        module docstring). Every save of answers or stages comes through here."""
        case_facts = self.to_facts(as_of)
        result = rules.screen(case_facts, as_of)
        self.verdict = result.verdict
        self.earliest_filing_date = result.earliest_filing_date
        self.filing_date_is_estimate = result.date_is_estimate
        self.screened_on = as_of
        stages = [s.to_stage() for s in self.stages.all()]
        deadline = after_filing.next_deadline(
            stages, case_facts, result.earliest_filing_date, as_of
        )
        self.next_deadline = deadline.due_on if deadline else None
        self.next_deadline_kind = deadline.kind if deadline else ""
        return result

    def refresh_screening(self, as_of: date) -> rules.Screening:
        """Screen afresh for a page, and update what is kept if time has changed it."""
        kept = [getattr(self, name) for name in SCREENING_FIELDS if name != "screened_on"]
        result = self.rescreen(as_of)
        if kept != [getattr(self, name) for name in SCREENING_FIELDS if name != "screened_on"]:
            self.save(update_fields=SCREENING_FIELDS)
        return result

    @property
    def next_deadline_label(self) -> str:
        """What the next date is, in the reader's language ("Reply due")."""
        label = after_filing.DEADLINE_LABELS.get(self.next_deadline_kind)
        return gettext(label) if label else ""


class CaseGround(models.Model):
    """A reason the motion will give (an id of eligibility.grounds.CATALOGUE)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="grounds")
    category = models.CharField(max_length=32)
    facts = models.TextField(blank=True)
    # The catalogue's evidence items the family has or can get, in their words as shown.
    evidence = models.JSONField(default=list, blank=True)
    evidence_notes = models.TextField(blank=True)
    # For an `other` reason: is it a change in the law since sentencing? (domain.md § 4)
    change_in_law = models.CharField(max_length=16, choices=YesNo.choices, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "category"], name="one_ground_per_category")
        ]

    def __str__(self) -> str:
        return BY_ID[self.category].title

    def to_facts(self) -> facts.Ground:
        return facts.Ground(self.category, self.facts, change_in_law=yes_no(self.change_in_law))


class WardenRequest(models.Model):
    """A request that the BOP move for compassionate release, as sent to a warden."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="warden_requests")
    position = models.PositiveSmallIntegerField(default=0)
    asked_for = models.CharField(max_length=32, choices=RequestKind.choices, blank=True)
    sent_on = models.DateField(null=True, blank=True)
    method = models.CharField(max_length=32, choices=DeliveryMethod.choices, blank=True)
    received_on = models.DateField(null=True, blank=True)
    receipt_proof = models.CharField(max_length=32, choices=ReceiptProof.choices, blank=True)
    # A BOP facility code, or the name typed when it is not on the list.
    facility = models.CharField(max_length=200, blank=True)
    # False: the family does not know which reasons the request listed.
    grounds_known = models.BooleanField(default=True)
    response = models.CharField(max_length=16, choices=Response.choices, blank=True)
    response_on = models.DateField(null=True, blank=True)
    bp9_on = models.DateField(null=True, blank=True)
    bp10_on = models.DateField(null=True, blank=True)
    bp11_on = models.DateField(null=True, blank=True)
    final_denial_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"Request to the warden sent {self.sent_on or 'on an unknown date'}"

    @property
    def facility_name(self) -> str:
        found = courts.facility(self.facility)
        return found.display_name if found else self.facility

    def to_facts(self) -> facts.WardenRequest:
        return facts.WardenRequest(
            sent_on=self.sent_on,
            asked_for=_known(self.asked_for),
            method=_known(self.method),
            received_on=self.received_on,
            receipt_proof=self.receipt_proof or None,
            facility=self.facility or None,
            grounds=(
                tuple(g.to_facts() for g in self.grounds.all()) if self.grounds_known else None
            ),
            response=_known(self.response),
            response_on=self.response_on,
            appeal=facts.Appeal(
                bp9_on=self.bp9_on,
                bp10_on=self.bp10_on,
                bp11_on=self.bp11_on,
                final_denial_on=self.final_denial_on,
            ),
        )


class RequestGround(models.Model):
    """A reason a request to the warden listed, with the facts it gave (domain.md § 3)."""

    request = models.ForeignKey(WardenRequest, on_delete=models.CASCADE, related_name="grounds")
    category = models.CharField(max_length=32)
    facts = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "category"], name="one_request_ground_per_category"
            )
        ]

    def __str__(self) -> str:
        return BY_ID[self.category].title

    def to_facts(self) -> facts.Ground:
        return facts.Ground(self.category, self.facts)


# -- the advocate workspace (issue 5) --------------------------------------------------------
#
# An organisation's advocates see a case only through a CaseShare: the family shared it with
# the organisation, or an advocate started or imported it there. The review lives on the share
# (status, assignment, notes, change requests, the audit trail), so a case shared with two
# organisations is reviewed by each on its own. intake/access.py decides who may see what.


class Organisation(models.Model):
    """A federal defender's office, a clinic or a nonprofit whose advocates review cases."""

    name = models.CharField(max_length=200, unique=True)
    description = models.CharField(
        max_length=300, blank=True, help_text="One line families see, such as where it works."
    )
    listed = models.BooleanField(
        default=True, help_text="Families can choose it when they share a case."
    )
    # The public profile families see beside the share button (edited by the organisation's
    # admin in the workspace). An organisation made before it had a profile serves everywhere.
    all_districts = models.BooleanField(
        default=True, help_text="It takes cases from every federal district."
    )
    districts = models.JSONField(
        default=list, blank=True, help_text="The ids of the districts it takes cases from."
    )
    languages = models.JSONField(
        default=list, blank=True, help_text="The codes of the languages it works in."
    )
    phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True, validators=[URLValidator(schemes=["http", "https"])])
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "organization"

    def __str__(self) -> str:
        return self.name

    def serves(self, district_id: str | None) -> bool:
        """Whether it takes cases from the district (only those taking every district when
        the district is not known)."""
        return self.all_districts or bool(district_id and district_id in self.districts)

    @property
    def phone_link(self) -> str:
        """The number as a tel: link reads it: digits, and a leading "+"."""
        number = self.phone.lower().split("x")[0]
        return ("+" if number.strip().startswith("+") else "") + "".join(
            c for c in number if c.isdigit()
        )

    def language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]


# The languages an organisation can say it works in, as families read them.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("ko", _("Korean")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
    ("tl", _("Tagalog")),
    ("vi", _("Vietnamese")),
    ("asl", _("American Sign Language")),
]


class MemberRole(models.TextChoices):
    ADVOCATE = "advocate", "Advocate"
    ADMIN = "admin", "Organization admin"


class Membership(models.Model):
    """An advocate: an account working for one organisation. Admins also invite colleagues."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200, help_text="The name colleagues see.")
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.ADVOCATE)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_admin(self) -> bool:
        return self.role == MemberRole.ADMIN


INVITATION_DAYS = 14


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An emailed link to join an organisation.

    Only a hash of the link's token is stored, so the database alone cannot be used to join;
    a link works once, for `INVITATION_DAYS` days, unless an admin withdraws it first.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.ADVOCATE)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation}"

    @classmethod
    def issue(cls, *, organisation: Organisation, email: str, role: str, invited_by) -> tuple:
        """A new invitation and the token for its link (shown once, in the email)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            invited_by=invited_by,
            token_hash=_token_hash(token),
        )
        return invitation, token

    @classmethod
    def open_for_token(cls, token: str) -> Invitation | None:
        invitation = (
            cls.objects.select_related("organisation").filter(token_hash=_token_hash(token)).first()
        )
        return invitation if invitation is not None and invitation.is_open else None

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=INVITATION_DAYS)

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and timezone.now() < self.expires_at
        )


class CaseStatus(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    WARDEN_REQUEST_SENT = "warden_request_sent", "Warden request sent"
    READY_TO_FILE = "ready_to_file", "Ready to file"
    FILED = "filed", "Filed"
    GRANTED = "granted", "Granted"
    DENIED = "denied", "Denied"
    WITHDRAWN = "withdrawn", "Withdrawn"


_S = CaseStatus
# Where a case can go from each status. The work runs new → in review → (changes requested ↔
# in review) → warden request sent → ready to file → filed → granted or denied; it can be
# withdrawn until decided, and a denied or withdrawn case can be opened again (a second motion
# needs its own request to the warden: domain.md § 2 rule 8).
STATUS_MOVES: dict[str, tuple[str, ...]] = {
    _S.NEW: (_S.IN_REVIEW, _S.CHANGES_REQUESTED, _S.WITHDRAWN),
    _S.IN_REVIEW: (_S.CHANGES_REQUESTED, _S.WARDEN_REQUEST_SENT, _S.READY_TO_FILE, _S.WITHDRAWN),
    _S.CHANGES_REQUESTED: (
        _S.IN_REVIEW,
        _S.WARDEN_REQUEST_SENT,
        _S.READY_TO_FILE,
        _S.WITHDRAWN,
    ),
    _S.WARDEN_REQUEST_SENT: (
        _S.IN_REVIEW,
        _S.CHANGES_REQUESTED,
        _S.READY_TO_FILE,
        _S.WITHDRAWN,
    ),
    _S.READY_TO_FILE: (_S.IN_REVIEW, _S.CHANGES_REQUESTED, _S.FILED, _S.WITHDRAWN),
    _S.FILED: (_S.GRANTED, _S.DENIED, _S.WITHDRAWN),
    _S.GRANTED: (),
    _S.DENIED: (_S.IN_REVIEW,),
    _S.WITHDRAWN: (_S.IN_REVIEW,),
}


class ShareOrigin(models.TextChoices):
    FAMILY = "family", "Shared by the family"
    STARTED = "started", "Started by an advocate"
    IMPORTED = "imported", "Imported from a case file"


class CaseShare(models.Model):
    """A case in an organisation's workspace, and the organisation's review of it.

    Advocates see the case only while the share is `active`. When the family stops sharing,
    the row stays (inactive) with its status, notes and audit trail, so sharing again picks up
    where the review stopped, and nobody can read it in the meantime.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="shares")
    origin = models.CharField(
        max_length=16, choices=ShareOrigin.choices, default=ShareOrigin.FAMILY
    )
    active = models.BooleanField(default=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=32, choices=CaseStatus.choices, default=CaseStatus.NEW)
    assigned_to = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_shares",
    )

    class Meta:
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="one_share_per_org")
        ]
        indexes = [models.Index(fields=["organisation", "active", "status"])]

    def __str__(self) -> str:
        return f"{self.case} at {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("advocate_case", args=[self.case_id])

    def next_statuses(self) -> tuple[str, ...]:
        return STATUS_MOVES.get(self.status, ())

    def can_move_to(self, status: str) -> bool:
        return status in self.next_statuses()


class Note(models.Model):
    """A note internal to the organisation: the family never sees it."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Note by {self.author_name}"


class ChangeRequest(models.Model):
    """An advocate's message asking the family to change answers; shown on the family's case."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="change_requests")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200)
    message = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Changes asked by {self.author_name}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete a record that may only be added to."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are never changed")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model.__name__} rows are never changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows are never deleted")


class AppendOnlyModel(models.Model):
    """A record that is written once: saving it again or deleting it raises AppendOnlyError.

    Only the rows' owners going away (the case, the share) takes them with it, through the
    database's cascade, so a family that deletes its case deletes its history too.
    """

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows are never deleted")


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed the case"
    DOWNLOADED = "downloaded", "Downloaded a draft"
    EXPORTED = "exported", "Exported the case file"
    CHANGED = "changed", "Changed answers"
    STARTED = "started", "Started the case"
    IMPORTED = "imported", "Imported the case from a file"
    SHARED = "shared", "Shared the case"
    UNSHARED = "unshared", "Stopped sharing the case"
    STATUS = "status", "Changed the status"
    ASSIGNED = "assigned", "Changed who it is assigned to"
    NOTE = "note", "Added a note"
    CHANGES_REQUESTED = "changes_requested", "Asked the family for changes"
    CHANGES_DONE = "changes_done", "Marked the changes as made"


class AuditEvent(AppendOnlyModel):
    """Who viewed, downloaded or changed a case in a workspace, and when. Never edited."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # As the actor was named then ("The family" for the family), kept if the account goes.
    actor_name = models.CharField(max_length=200)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.actor_name}: {self.get_action_display()}"


class AnswerChange(AppendOnlyModel):
    """One answer an advocate changed: the question, the answer before and after, who, when."""

    share = models.ForeignKey(CaseShare, on_delete=models.CASCADE, related_name="answer_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by_name = models.CharField(max_length=200)
    step = models.CharField(max_length=32)
    # The question as the interview asks it (intake/review.py), with its group ("Request 1").
    field = models.CharField(max_length=500)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.field}: {self.old} → {self.new}"


from intake.stages import CaseStage  # noqa: E402, F401  (its own module: domain.md § 9)

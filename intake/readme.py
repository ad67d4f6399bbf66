"""The family's "Read me first" sheet: what each paper is, who signs, the dates, where each
paper goes, and what happens next (domain.md § 6 "Papers that are safe to sign" and "Where it
goes", § 9).

Every instruction a family needs lives here, never inside a court paper. The sheet is built as
plain data in the active language, so the results page shows it in the family's language and
read-me-first.pdf (rendered in English by intake.drafts, like every paper) prints the same
content. Nothing here decides a rule: the dates come from the screening, the list of papers
from the drafts, the addresses from eligibility.courts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from eligibility import after_filing, courts, rules
from eligibility.facts import CaseFacts
from eligibility.words import long_date

# Custody where the "warden" is the Residential Reentry Manager (domain.md § 2 rule 5).
REENTRY_CUSTODY = frozenset({"rrc", "home_confinement"})
WARDEN = "Warden"
REENTRY_MANAGER = "Residential Reentry Manager"

# What a person writing for himself may put as his relationship to himself.
_SELF_WORDS = frozenset({"self", "me", "myself", "i", "yo", "yo mismo", "yo misma", "mismo"})


# -- who receives each paper -------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """Where the request to the warden goes, in the English the envelope and letter use.

    `place` is None and `lines` empty for what is unknown: they print as visible blanks.
    """

    title: str
    place: str | None
    lines: tuple[str, ...]
    reentry_office: bool = False


def warden_recipient(facts: CaseFacts) -> Recipient:
    """The warden of the facility where the person is held now, at its street address; for a
    halfway house or home confinement, the Residential Reentry Manager of the RRM office.

    A person in reentry custody whose facility is not an RRM office gets a blank office, never
    an invented "RRM, <institution>" (domain.md § 5).
    """
    found = courts.facility(facts.person.facility)
    if found is not None and found.is_reentry_office:
        return Recipient(REENTRY_MANAGER, found.display_name, found.address_lines, True)
    if facts.custody.status in REENTRY_CUSTODY:
        return Recipient(REENTRY_MANAGER, None, (), True)
    if found is not None:
        return Recipient(WARDEN, found.display_name, found.address_lines)
    return Recipient(WARDEN, facts.person.facility or None, ())


def writes_for_self(facts: CaseFacts, role: str | None = None) -> bool:
    """Whether the person in prison prepared the papers himself, so the request to the warden
    speaks in his voice alone (domain.md § 5).

    `role` is the interview's answer when the caller has it; a case file carries only the
    preparer's name, which is then the person's own name (or none at all).
    """
    preparer = facts.preparer
    if role == "self" or not preparer.name:
        return True
    if role:
        return False
    same_name = _folded(preparer.name) == _folded(facts.person.name)
    return same_name or _folded(preparer.relationship) in _SELF_WORDS


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


# -- the sheet ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """An envelope to write: `lines` top to bottom, or blank lines and `find_it` when unknown."""

    key: str
    heading: str
    lines: tuple[str, ...]
    blank_lines: int = 0
    find_it: str = ""
    check: str = ""
    url: str = ""

    @property
    def blanks(self) -> range:
        return range(self.blank_lines)


@dataclass(frozen=True)
class Paper:
    document: str
    title: str
    about: str
    who_signs: str
    where: str


@dataclass(frozen=True)
class Section:
    heading: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class ReadMeFirst:
    person: str
    papers: tuple[Paper, ...]
    dates: tuple[str, ...]
    addresses: tuple[Address, ...]
    sections: tuple[Section, ...]


def build(
    facts: CaseFacts,
    screening: rules.Screening,
    *,
    papers: Sequence[str],
    role: str | None = None,
) -> ReadMeFirst:
    """The sheet for `papers` (document ids, in the order drafted), in the active language."""
    for_self = writes_for_self(facts, role)
    motions = [d for d in papers if d in MOTIONS]
    district = courts.district(facts.sentence.district)
    addresses = [_warden_address(facts)] if "warden-request" in papers else []
    if motions:
        addresses += [_clerk_address(facts, district), _usao_address(district)]
    return ReadMeFirst(
        person=facts.person.name or "",
        papers=tuple(_paper(d, for_self, screening.verdict) for d in papers if d in TITLES),
        dates=tuple(_dates(screening, papers)),
        addresses=tuple(addresses),
        sections=tuple(_sections(facts, screening, papers, for_self)),
    )


FILED_MOTIONS = ("motion", "motion-now")
SEAL_MOTIONS = ("seal-motion", "seal-motion-now")
MOTIONS = (*FILED_MOTIONS, *SEAL_MOTIONS)


def _titles() -> dict[str, str]:
    return {
        "warden-request": _("The request to the warden"),
        "motion": _("The motion for the court"),
        "motion-now": _("The motion to file now, on some reasons only"),
        "seal-motion": _("The motion to keep medical records private (file under seal)"),
        "seal-motion-now": _(
            "The motion to keep medical records private, for the motion to file now"
        ),
        "family-declaration": _("Your own statement for the judge"),
    }


TITLES = frozenset(
    {
        "warden-request",
        "motion",
        "motion-now",
        "seal-motion",
        "seal-motion-now",
        "family-declaration",
    }
)


def _paper(document: str, for_self: bool, verdict: str = "") -> Paper:
    clerk = _("Your loved one mails it to the clerk's office below, with the motion.")
    if document == "warden-request":
        return Paper(
            document,
            _titles()[document],
            _(
                "A request that counts was already sent, so this one is not needed to file. "
                "Send a new one only to add reasons the warden has not seen. Its own 30 days "
                "start when the warden receives it."
            )
            if verdict in ("ready_to_file", "waiting")
            else _(
                "It asks the warden to ask the court to shorten the sentence. The 30 days of "
                "waiting start when the warden receives it."
            ),
            _("Your loved one signs it at the end.")
            if for_self
            else _("You sign it at the end, because you are the one sending it."),
            _(
                "Your loved one can hand it to prison staff and ask for a copy stamped with the "
                "date. Or mail it to the address below, with tracking."
            ),
        )
    if document == "family-declaration":
        return Paper(
            document,
            _titles()[document],
            _(
                "It tells the judge what you know yourself: the home you offer and the help you "
                "will give. It goes with the motion as an exhibit."
            ),
            _("You sign it and write the date. Sign only what you know is true."),
            _("Send it to your loved one with the other papers. It goes in with the motion."),
        )
    if document in SEAL_MOTIONS:
        return Paper(
            document,
            _titles()[document],
            _("It asks the judge to keep the medical records out of the public court file."),
            _("Only your loved one signs it, and writes the date."),
            clerk,
        )
    return Paper(
        document,
        _titles()[document],
        _("It asks the judge to shorten the sentence, and lists the papers that prove why.")
        if document == "motion"
        else _(
            "It asks the judge to shorten the sentence now, on the reasons the warden already "
            "saw. The other reasons are left out."
        ),
        _(
            "Only your loved one signs it: the motion, the statement under penalty of perjury "
            "and the certificate of service. You cannot sign it for them."
        ),
        _(
            "Your loved one mails it to the clerk's office below, from the prison. A copy goes "
            "to the U.S. Attorney's Office below."
        ),
    )


def _dates(screening: rules.Screening, papers: Sequence[str]) -> list[str]:
    dates = []
    if "warden-request" in papers:
        dates.append(
            _(
                "The 30 days start on the day the warden receives the request. Keep proof of "
                "that day: a copy stamped by staff, the warden's answer, or a delivery receipt."
            )
        )
    if not any(d in FILED_MOTIONS for d in papers) and screening.no_motion_reason:
        dates.append(screening.no_motion_reason)
    for document in FILED_MOTIONS:
        when = screening.filing_date_for(document) if document in papers else None
        if when is None:
            continue
        words = {"title": _titles()[document], "date": long_date(when)}
        dates.append(_("%(title)s: the first day to file is %(date)s.") % words)
        if screening.estimate_for(document):
            dates.append(
                _(
                    "This date is a guess until you have proof of the day the warden received "
                    "the request."
                )
            )
        if when > screening.as_of:
            dates.append(
                _(
                    "Nothing in it may be signed, dated or mailed before %(date)s. A motion "
                    "mailed earlier is filed too early, and the court will dismiss it."
                )
                % words
            )
    dates += [f.message for f in screening.by_rule("denial_before_30_days") if f.status == "warn"]
    return dates


def _warden_address(facts: CaseFacts) -> Address:
    recipient = warden_recipient(facts)
    attention = f"Attn: {recipient.title}"
    if recipient.reentry_office:
        heading = _("The request to the warden goes to the Residential Reentry Manager")
        find_it = _(
            "Look up your loved one in the BOP inmate locator at bop.gov. It names the "
            "reentry office (RRM) in charge. Its address is on bop.gov."
        )
    else:
        heading = _("The request to the warden goes here")
        find_it = _("Find the prison's page on bop.gov. It gives the street address.")
    if recipient.lines:
        return Address("warden", heading, (recipient.place or "", attention, *recipient.lines))
    lines = (recipient.place, attention) if recipient.place else (attention,)
    return Address("warden", heading, lines, blank_lines=2, find_it=find_it)


def _clerk_address(
    facts: CaseFacts, district: courts.District | None, heading: str | None = None
) -> Address:
    heading = heading or _("The motion goes to the clerk's office")
    if district is None:
        return Address(
            "clerk",
            heading,
            ("Clerk of Court",),
            blank_lines=3,
            find_it=_(
                "The judgment names the court that gave the sentence. The court's website "
                "gives the clerk's office address."
            ),
        )
    # The interview does not ask for the sentencing division: the district's first staffed
    # office, checked on the court's website (domain.md § 6 "Where it goes").
    office = courts.clerk_office(district.id)
    check = _("Check this address on the court's website before mailing.")
    if office is None or not office.address_lines:
        return Address(
            "clerk",
            heading,
            ("Clerk of Court", district.name),
            blank_lines=2,
            find_it=_("The court's website gives the clerk's office address."),
            url=district.url,
        )
    return Address(
        "clerk",
        heading,
        ("Clerk of Court", district.name, *office.address_lines),
        find_it=_(
            "This is the court's office in %(place)s. If the sentence was given in another "
            "city, use the office there. The court's website lists them."
        )
        % {"place": office.division}
        if office.division
        else "",
        check=check,
        url=district.url,
    )


def _usao_address(district: courts.District | None, heading: str | None = None) -> Address:
    first = (
        f"United States Attorney's Office, {district.short_name}"
        if district
        else "United States Attorney's Office"
    )
    return Address(
        "usao",
        heading or _("A copy of the motion goes to the U.S. Attorney's Office"),
        (first,),
        blank_lines=3,
        find_it=_(
            "We do not have this address. Find it at justice.gov/usao, or ask the clerk's "
            "office. Write it on the certificate of service before your loved one signs."
        ),
    )


def _sections(
    facts: CaseFacts, screening: rules.Screening, papers: Sequence[str], for_self: bool
) -> list[Section]:
    motions = any(d in MOTIONS for d in papers)
    sections = [Section(_("Getting the papers to your loved one and back"), _mail(for_self))]
    if motions:
        sections += [
            Section(_("Before mailing: black out private facts"), _privacy(papers)),
            Section(
                _("Putting the filing packet together"),
                (
                    _(
                        "Behind each exhibit's cover page, put copies of the papers for that "
                        "exhibit. Mark on the cover's list the papers you put in."
                    ),
                    _("Send copies, not the only copy of a paper. Keep a full copy of it all."),
                ),
            ),
            Section(_("What happens next"), _next()),
        ]
    emergency = any(screening.emergency_for(d) for d in papers if d in FILED_MOTIONS)
    sections.append(Section(_("Good to know"), _good_to_know(facts, motions, emergency)))
    return sections


def _mail(for_self: bool) -> tuple[str, ...]:
    points = [
        _(
            "Mail the papers to your loved one at the prison address you already use for "
            "letters, with their name and register number. That address can be different from "
            "the warden's street address."
        ),
        _(
            "Your loved one reads every page, writes in the blank lines by hand, and signs "
            "where each paper says."
        ),
        _(
            "To send a paper to the court, your loved one hands the sealed envelope to prison "
            "staff for mailing, with first-class postage, and writes down that day. The court "
            "counts the paper as filed on that day (the mailbox rule)."
        ),
        _("Keep a copy of every page, and every receipt."),
    ]
    if not for_self:
        points.insert(
            1,
            _(
                "Some courts look hard at a request sent only by family. Ask your loved one to "
                "sign a copy of the request too, or to send the same request to staff."
            ),
        )
    return tuple(points)


def _privacy(papers: Sequence[str]) -> tuple[str, ...]:
    points = [
        _(
            "Court papers are public. In each exhibit, black out all of a Social Security or "
            "bank number but the last four digits."
        ),
        _("Black out birth dates except the year, and children's names except their initials."),
        _("Black out home addresses except the city and state."),
    ]
    if any(d in SEAL_MOTIONS for d in papers):
        points.append(
            _(
                "Keep the exhibits marked “under seal” together, and send them with "
                "the motion to keep medical records private. The court's local rules say how."
            )
        )
    return tuple(points)


def _next() -> tuple[str, ...]:
    return (
        _(
            "The clerk puts the motion in the case file. The judge usually orders the "
            "government to answer by a date."
        ),
        _(
            "The government's answer often says the warden was not asked first, or that "
            "medical care in prison is enough. Your loved one may answer it (a reply) by the "
            "date the order gives."
        ),
        _("Then the judge decides. There is no set time for that."),
        _(
            "If the judge says no, a notice of appeal must be filed within 14 days after the "
            "order is entered. Ask a lawyer right away."
        ),
        _(
            "If the motion is dismissed because it came too early, your loved one can file "
            "again once the 30 days have passed."
        ),
    )


def _good_to_know(facts: CaseFacts, motions: bool, emergency: bool) -> tuple[str, ...]:
    points = []
    if motions:
        points += [
            _("There is no fee to file this motion."),
            _(
                "Check the court's local rules on its website. Many courts send these motions "
                "to the Federal Defender, and some have their own form."
            ),
        ]
        if emergency:
            points.append(
                _(
                    "For a terminal illness, the motion's title starts with “Emergency”. "
                    "It asks the judge to decide soon."
                )
            )
    if facts.sentence.appeal_pending:
        points.append(
            _("An appeal is still open. Talk to the appeal lawyer before anything is filed.")
        )
    points.append(
        _(
            "This is information, not legal advice. For a hard case, talk to a lawyer or the "
            "federal defender's office."
        )
    )
    return tuple(points)


# -- the sheet for the reply to the government's response (domain.md § 9) ---------------------

REPLY = "reply"


def build_reply(
    facts: CaseFacts, *, reply_due_on: date | None, as_of: date, role: str | None = None
) -> ReadMeFirst:
    """The family's sheet for the reply, in the active language: who signs it, the date the
    court's order gives (never guessed: without it, where to find it), where it goes and the
    copy to the U.S. Attorney, the mailbox rule, and what comes next (domain.md §§ 6, 9)."""
    district = courts.district(facts.sentence.district)
    return ReadMeFirst(
        person=facts.person.name or "",
        papers=(_reply_paper(writes_for_self(facts, role)),),
        dates=tuple(_reply_dates(reply_due_on, as_of)),
        addresses=(
            _clerk_address(facts, district, _("The reply goes to the clerk's office")),
            _usao_address(district, _("A copy of the reply goes to the U.S. Attorney's Office")),
        ),
        sections=(
            Section(_("Getting the reply to your loved one and back"), _reply_mail()),
            Section(_("What happens next"), _reply_next()),
            Section(_("Good to know"), _reply_good_to_know(facts)),
        ),
    )


def _reply_paper(for_self: bool) -> Paper:
    return Paper(
        REPLY,
        _("The reply to the government's answer"),
        _(
            "It answers the points the government made against the motion, in your loved "
            "one's own words. The judge reads it with the motion."
        ),
        _(
            "Only you sign it: the reply, the statement under penalty of perjury and the "
            "certificate of service. Family cannot sign it for you."
        )
        if for_self
        else _(
            "Only your loved one signs it: the reply, the statement under penalty of perjury "
            "and the certificate of service. You cannot sign it for them."
        ),
        _(
            "Your loved one mails it to the clerk's office below, from the prison. A copy goes "
            "to the U.S. Attorney's Office below."
        ),
    )


def _reply_dates(reply_due_on: date | None, as_of: date) -> list[str]:
    if reply_due_on is None:
        return [
            _(
                "The court's order gives the date the reply is due. We do not guess that date. "
                "Find it in the order, and write it on the steps page of your case."
            )
        ]
    words = {"date": long_date(reply_due_on)}
    dates = [
        _(
            "The court's order says the reply is due by %(date)s. Your loved one hands it to "
            "staff for mailing on or before that day."
        )
        % words
    ]
    state = after_filing.reply(reply_due_on, as_of).state
    if state == after_filing.PAST:
        dates.append(
            _("That date has passed. Ask a lawyer or the clerk's office right away what to do.")
        )
    elif state == after_filing.CLOSE:
        dates.append(_("The date is close: mail the reply now."))
    return dates


def _reply_mail() -> tuple[str, ...]:
    return (
        _(
            "Mail the reply to your loved one at the address you use for letters. Put their "
            "name and register number on it."
        ),
        _(
            "Your loved one reads every page. Each answer is sworn as their own words, so it "
            "must be true."
        ),
        _(
            "Before signing, write the U.S. Attorney's Office address on the certificate of "
            "service. It is at the end of the reply."
        ),
        _(
            "Your loved one signs in three places: the reply, the statement under penalty of "
            "perjury and the certificate of service. They write the date and the prison's "
            "name in the blank lines."
        ),
        _(
            "The reply goes in one envelope to the clerk's office. A copy goes in another "
            "envelope to the U.S. Attorney's Office."
        ),
        _(
            "Your loved one hands both sealed envelopes to prison staff for mailing, with "
            "first-class postage, and writes down that day. The same date goes on the "
            "certificate of service. The court counts the reply as filed on that day (the "
            "mailbox rule)."
        ),
        _("Keep a copy of every page, and every receipt."),
    )


def _reply_next() -> tuple[str, ...]:
    return (
        _("Then the judge decides. There is no set time for that."),
        _(
            "If the judge says no, a notice of appeal must be filed within 14 days after the "
            "order is entered. Ask a lawyer right away."
        ),
        _(
            "Write each step on the steps page of your case: the day the reply is mailed, and "
            "the judge's decision. We show what comes next and by when."
        ),
    )


def _reply_good_to_know(facts: CaseFacts) -> tuple[str, ...]:
    points = []
    if facts.sentence.appeal_pending:
        points.append(
            _("An appeal is still open. Talk to the appeal lawyer before anything is filed.")
        )
    points.append(
        _(
            "This is information, not legal advice. For a hard case, talk to a lawyer or the "
            "federal defender's office."
        )
    )
    return tuple(points)


def reply_labels(person: str) -> dict[str, str]:
    """The printed sheet's own words, in the active language (the PDF's template holds no
    text of its own, so the Spanish sheet prints in Spanish)."""
    return {
        "title": _("Read me first: how to sign and mail the reply"),
        "for_papers_of": _("For the papers of %(name)s.") % {"name": person} if person else "",
        "for_you": _("This sheet is for you. Do not send it to the court or the prison."),
        "papers": _("Your papers"),
        "who_signs": _("Who signs:"),
        "where": _("Where it goes:"),
        "dates": _("The dates"),
        "addresses": _("Where each paper goes"),
        "page_footer": _("Page %(page)s of %(pages)s"),
        "envelope": _(
            "Write the address on the envelope in English, as shown. A line means we do not "
            "have that part: write it in by hand."
        ),
    }

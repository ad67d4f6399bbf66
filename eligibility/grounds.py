"""The catalogue of "extraordinary and compelling reasons" (USSG §1B1.13(b), 2023).

The ids are stable: models, the case file and tests use them. The words are shown to families
(plain language, domain.md § 8) and printed in the drafts. Source: docs/domain.md § 4.

Each text is kept in English (the `_en` fields: the drafts, which courts read in English, and
stable form values use them) and read through a property that translates it into the active
language, so a family sees its own language and every other caller gets a plain `str`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

from eligibility.i18n import gettext


@dataclass(frozen=True)
class GroundInfo:
    id: str
    paragraph: str  # the §1B1.13(b) paragraph, e.g. "(b)(1)(A)"
    family: str  # grounds of one family cover each other in a request (domain.md § 3)
    title_en: str  # plain words, for the interview
    heading: str  # formal heading, for the drafts; never translated
    # The legal standard of the paragraph, in the motion's own words, so that each ground's
    # section tells the court which test the facts meet; English, never translated. Empty for
    # a ground no motion may raise.
    standard: str
    explanation_en: str
    facts_to_ask_en: tuple[str, ...]
    evidence_en: tuple[str, ...]
    available: bool = True
    unavailable_reason_en: str = ""

    @property
    def title(self) -> str:
        return gettext(self.title_en)

    @property
    def explanation(self) -> str:
        return gettext(self.explanation_en)

    @property
    def facts_to_ask(self) -> tuple[str, ...]:
        return tuple(gettext(text) for text in self.facts_to_ask_en)

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(gettext(text) for text in self.evidence_en)

    @property
    def unavailable_reason(self) -> str:
        return gettext(self.unavailable_reason_en) if self.unavailable_reason_en else ""

    @property
    def citation(self) -> str:
        return f"USSG §1B1.13{self.paragraph}"

    @property
    def is_medical(self) -> bool:
        return self.family == "medical"


CATALOGUE: tuple[GroundInfo, ...] = (
    GroundInfo(
        id="medical_terminal",
        paragraph="(b)(1)(A)",
        family="medical",
        title_en=gettext_noop("A terminal illness"),
        heading="Terminal Illness",
        standard=(
            "A terminal illness is an extraordinary and compelling reason: a serious and advanced "
            "illness with an end-of-life trajectory, such as metastatic cancer, amyotrophic "
            "lateral sclerosis (ALS), end-stage organ disease or advanced dementia. No specific "
            "prognosis of life expectancy is required."
        ),
        explanation_en=gettext_noop(
            "Your loved one has a serious illness that is getting worse. It is expected to "
            "end their life. Examples are cancer that has spread, ALS, or organs that are "
            "failing. No doctor has to say how long they have to live."
        ),
        facts_to_ask_en=(
            gettext_noop("The diagnosis"),
            gettext_noop("When it was diagnosed"),
            gettext_noop("What the doctors expect (the prognosis), if known"),
            gettext_noop("The doctors treating it"),
            gettext_noop("The treatment now"),
        ),
        evidence_en=(
            gettext_noop("BOP medical records"),
            gettext_noop("Notes from specialists"),
            gettext_noop("A doctor's letter about the prognosis"),
        ),
    ),
    GroundInfo(
        id="medical_self_care",
        paragraph="(b)(1)(B)",
        family="medical",
        title_en=gettext_noop(
            "A health problem that makes it very hard to care for themselves in prison"
        ),
        heading="Serious Medical Condition Limiting Self-Care",
        standard=(
            "A serious physical or medical condition, a serious functional or cognitive "
            "impairment, or deteriorating health because of the aging process is an extraordinary "
            "and compelling reason when it substantially diminishes the ability to provide "
            "self-care within a correctional facility and recovery is not expected."
        ),
        explanation_en=gettext_noop(
            "Your loved one has a serious health problem. It may be an illness, a disability, "
            "or old age. It makes it very hard for them to take care of themselves in prison. "
            "They are not expected to get better."
        ),
        facts_to_ask_en=(
            gettext_noop("The health conditions"),
            gettext_noop(
                "What daily tasks are hard or impossible (bathing, dressing, eating, using the "
                "toilet, moving around)"
            ),
            gettext_noop("Aids they use, like a wheelchair or walker"),
            gettext_noop("Help they get from staff or other people in prison"),
        ),
        evidence_en=(
            gettext_noop("Medical records"),
            gettext_noop("Functional assessments"),
            gettext_noop("Their BOP care level"),
        ),
    ),
    GroundInfo(
        id="medical_care_not_provided",
        paragraph="(b)(1)(C)",
        family="medical",
        title_en=gettext_noop("Needed medical care that the prison is not giving"),
        heading="Serious Medical Condition Requiring Care That Is Not Being Provided",
        standard=(
            "A medical condition that requires long-term or specialized medical care that is not "
            "being provided, without which there is a risk of serious deterioration in health or "
            "death, is an extraordinary and compelling reason."
        ),
        explanation_en=gettext_noop(
            "Your loved one needs long-term care or care from a special doctor. The prison is "
            "not giving it. Without it, they could get much sicker or die."
        ),
        facts_to_ask_en=(
            gettext_noop("The condition"),
            gettext_noop("The care doctors ordered"),
            gettext_noop("What was delayed or missed, with dates"),
            gettext_noop("What happened because of it"),
        ),
        evidence_en=(
            gettext_noop("Records of the orders and the delays"),
            gettext_noop("Sick-call requests"),
            gettext_noop("Medical grievances"),
            gettext_noop("A letter from an outside doctor"),
        ),
    ),
    GroundInfo(
        id="medical_outbreak",
        paragraph="(b)(1)(D)",
        family="medical",
        title_en=gettext_noop("A disease outbreak at the prison that puts them at special risk"),
        heading="Outbreak of Infectious Disease or Public Health Emergency",
        standard=(
            "An extraordinary and compelling reason exists when the facility is affected, or at "
            "imminent risk of being affected, by an ongoing outbreak of infectious disease or a "
            "declared public health emergency; personal health risk factors put the defendant at "
            "increased risk of severe complications or death from it; and that risk cannot be "
            "adequately mitigated in a timely manner."
        ),
        explanation_en=gettext_noop(
            "All three must be true. A disease is spreading at the prison, or is about to. "
            "Your loved one's health makes them more likely to get very sick or die from it. "
            "And the risk cannot be lowered in time."
        ),
        facts_to_ask_en=(
            gettext_noop("The facility"),
            gettext_noop("Proof of the outbreak or emergency"),
            gettext_noop("Their personal risk factors"),
            gettext_noop("Vaccination"),
            gettext_noop("What the prison can do to lower the risk"),
        ),
        evidence_en=(
            gettext_noop("Outbreak data or the emergency declaration"),
            gettext_noop("Medical records"),
        ),
    ),
    GroundInfo(
        id="age",
        paragraph="(b)(2)",
        family="age",
        title_en=gettext_noop("Older age with failing health"),
        heading="Age of the Defendant",
        standard=(
            "An extraordinary and compelling reason exists when the defendant is at least 65 years "
            "old, is experiencing a serious deterioration in physical or mental health because of "
            "the aging process, and has served at least 10 years or 75 percent of the term of "
            "imprisonment, whichever is less."
        ),
        explanation_en=gettext_noop(  # xgettext:no-python-format
            "Your loved one is 65 or older. Their body or mind is getting much weaker with "
            "age. And they have served 10 years, or 75% of the sentence if that is less."
        ),
        facts_to_ask_en=(
            gettext_noop("Date of birth"),
            gettext_noop("The sentence imposed"),
            gettext_noop("The date federal custody began"),
            gettext_noop("How their health is declining"),
        ),
        evidence_en=(
            gettext_noop("The BOP sentence computation"),
            gettext_noop("Medical records"),
        ),
    ),
    GroundInfo(
        id="family_child_caregiver",
        paragraph="(b)(3)(A)",
        family="family_child_caregiver",
        title_en=gettext_noop(
            "The person caring for their child died or can no longer care for the child"
        ),
        heading="Death or Incapacitation of the Caregiver of the Defendant's Child",
        standard=(
            "The death or incapacitation of the caregiver of the defendant's minor child, or of "
            "the defendant's adult child who cannot care for themselves because of a disability or "
            "medical condition, is an extraordinary and compelling reason."
        ),
        explanation_en=gettext_noop(
            "Someone was caring for your loved one's child. That person has died or can no "
            "longer do it. The child is under 18, or is an adult who cannot care for "
            "themselves."
        ),
        facts_to_ask_en=(
            gettext_noop(
                "The child's initials and year of birth only (not the full name or birth date), "
                "and how they are related"
            ),
            gettext_noop("Who the caregiver was"),
            gettext_noop("What happened to the caregiver"),
            gettext_noop("Who else could care for the child, and why they cannot"),
        ),
        evidence_en=(
            gettext_noop("A death certificate or a doctor's letter"),
            gettext_noop("The child's birth certificate"),
            gettext_noop("Custody or child-welfare records"),
            gettext_noop("Statements from relatives"),
        ),
    ),
    GroundInfo(
        id="family_spouse_partner",
        paragraph="(b)(3)(B)",
        family="family_spouse_partner",
        title_en=gettext_noop("Their spouse or partner can no longer care for themselves"),
        heading="Incapacitation of the Defendant's Spouse or Registered Partner",
        standard=(
            "The incapacitation of the defendant's spouse or registered partner, when the "
            "defendant would be the only available caregiver, is an extraordinary and compelling "
            "reason."
        ),
        explanation_en=gettext_noop(
            "Your loved one's husband, wife or partner can no longer care for themselves. No "
            "one but your loved one is there to care for them."
        ),
        facts_to_ask_en=(
            gettext_noop("The spouse's or partner's condition"),
            gettext_noop("Who else could care for them, and why they cannot"),
        ),
        evidence_en=(
            gettext_noop("Marriage certificate or partnership record"),
            gettext_noop("The spouse's medical records"),
            gettext_noop("A doctor's letter"),
        ),
    ),
    GroundInfo(
        id="family_parent",
        paragraph="(b)(3)(C)",
        family="family_parent",
        title_en=gettext_noop("Their parent can no longer care for themselves"),
        heading="Incapacitation of the Defendant's Parent",
        standard=(
            "The incapacitation of the defendant's parent, when the defendant would be the only "
            "available caregiver for the parent, is an extraordinary and compelling reason."
        ),
        explanation_en=gettext_noop(
            "Your loved one's mother or father can no longer care for themselves. No one but "
            "your loved one is there to care for them."
        ),
        facts_to_ask_en=(
            gettext_noop("The parent's condition"),
            gettext_noop("Brothers, sisters or other relatives, and why they cannot help"),
        ),
        evidence_en=(
            gettext_noop("The parent's medical records"),
            gettext_noop("Your loved one's birth certificate"),
            gettext_noop("Letters from brothers and sisters"),
        ),
    ),
    GroundInfo(
        id="family_other",
        paragraph="(b)(3)(D)",
        family="family_other",
        title_en=gettext_noop("Another close family member needs them as their only caregiver"),
        heading="Incapacitation of Another Immediate Family Member",
        standard=(
            "Circumstances like those of USSG §1B1.13(b)(3)(A)–(C) involving another immediate "
            "family member, or someone whose relationship with the defendant is like that of an "
            "immediate family member, are an extraordinary and compelling reason when the "
            "defendant would be the only available caregiver."
        ),
        explanation_en=gettext_noop(
            "Another close family member can no longer care for themselves. This can be a "
            "grandchild, grandparent, brother, sister, or someone just as close. No one but "
            "your loved one is there to care for them."
        ),
        facts_to_ask_en=(
            gettext_noop("The relationship"),
            gettext_noop(
                "For a child: the initials and year of birth only (not the full name or birth date)"
            ),
            gettext_noop("The family member's condition"),
            gettext_noop("Why no one else can care for them"),
        ),
        evidence_en=(
            gettext_noop("The family member's medical records"),
            gettext_noop("A doctor's letter"),
            gettext_noop("Letters from relatives"),
            gettext_noop("Proof of the relationship"),
        ),
    ),
    GroundInfo(
        id="abuse_in_custody",
        paragraph="(b)(4)",
        family="abuse_in_custody",
        title_en=gettext_noop("They were abused by prison staff while serving this sentence"),
        heading="Victim of Abuse While in Custody",
        standard=(
            "An extraordinary and compelling reason exists when, while serving this sentence, the "
            'defendant was the victim of sexual abuse involving a "sexual act" (18 U.S.C. § '
            "2246(2)), or of physical abuse resulting in serious bodily injury, committed by a "
            "correctional officer, another employee or contractor of the Bureau of Prisons, or "
            "anyone else who had custody or control of the defendant. The misconduct must be "
            "established by a conviction, a civil finding or admission of liability, or an "
            "administrative finding, unless those proceedings are unduly delayed or the defendant "
            "is in imminent danger."
        ),
        explanation_en=gettext_noop(
            "While serving this sentence, your loved one was sexually abused or badly hurt. A "
            "guard, another prison worker, or someone else in charge of them did it. Abuse by "
            "another prisoner does not count here. Most of the time, the abuse must be "
            "proven. That can be a conviction, a court or agency finding, or an admission. It "
            "is not needed if those steps take far too long or your loved one is in danger "
            "now."
        ),
        facts_to_ask_en=(
            gettext_noop("When it happened"),
            gettext_noop("Who did it (their job, not only a name)"),
            gettext_noop("The injuries"),
            gettext_noop("Reports made"),
            gettext_noop("Where any case or investigation stands"),
        ),
        evidence_en=(
            gettext_noop("PREA report"),
            gettext_noop("Investigation findings"),
            gettext_noop("Court records"),
            gettext_noop("Medical records"),
        ),
    ),
    GroundInfo(
        id="other",
        paragraph="(b)(5)",
        family="other",
        title_en=gettext_noop("Another reason just as serious"),
        heading="Other Extraordinary and Compelling Reasons",
        standard=(
            "Any other circumstance or combination of circumstances that, alone or together with "
            "the reasons in USSG §1B1.13(b)(1)–(4), is similar in gravity to those reasons is an "
            "extraordinary and compelling reason."
        ),
        explanation_en=gettext_noop(
            "Something else is happening that is just as serious as the reasons above. It can "
            "stand alone or go with another reason."
        ),
        facts_to_ask_en=(
            gettext_noop("What is happening and why it is as serious as the reasons above"),
        ),
        evidence_en=(gettext_noop("Whatever shows what happened: records, letters, reports"),),
    ),
    GroundInfo(
        id="unusually_long_sentence",
        paragraph="(b)(6)",
        family="unusually_long_sentence",
        title_en=gettext_noop("An unusually long sentence because the law has changed"),
        heading="Unusually Long Sentence",
        standard="",
        explanation_en=gettext_noop(
            "This reason can no longer be used on its own terms. Please talk to a lawyer."
        ),
        facts_to_ask_en=(),
        evidence_en=(),
        available=False,
        unavailable_reason_en=gettext_noop(
            "In May 2026 the Supreme Court ruled on this (Rutherford v. United States). A "
            "change in the law that does not reach back to old cases cannot be the reason. "
            "Whether any part of this reason is left is a question for a lawyer. A federal "
            "defender's office may be able to help."
        ),
    ),
)

BY_ID: dict[str, GroundInfo] = {g.id: g for g in CATALOGUE}
GROUND_IDS: tuple[str, ...] = tuple(BY_ID)
MEDICAL_IDS: frozenset[str] = frozenset(g.id for g in CATALOGUE if g.is_medical)


@dataclass(frozen=True)
class NotAGround:
    """Reasons people often give that the law does not accept as grounds (domain.md § 4)."""

    id: str
    title_en: str
    why_en: str
    instead_en: str
    citation: str

    @property
    def title(self) -> str:
        return gettext(self.title_en)

    @property
    def why(self) -> str:
        return gettext(self.why_en)

    @property
    def instead(self) -> str:
        return gettext(self.instead_en)


NOT_GROUNDS: tuple[NotAGround, ...] = (
    NotAGround(
        id="conviction_wrong",
        title_en=gettext_noop("The conviction or the sentence was wrong"),
        why_en=gettext_noop(
            "This motion cannot be used to argue that the conviction or the sentence was wrong."
        ),
        instead_en=gettext_noop(
            "That needs a different kind of case, a motion under 28 U.S.C. § 2255. It has "
            "strict deadlines. Please talk to a lawyer or a federal defender's office soon."
        ),
        citation="28 U.S.C. § 2255; United States v. Ferguson, 55 F.4th 262 (4th Cir. 2022)",
    ),
    NotAGround(
        id="change_in_law",
        title_en=gettext_noop("The law has changed since the sentence"),
        why_en=gettext_noop(
            "A change in the law is not, by itself, a reason for compassionate release."
        ),
        instead_en=gettext_noop(
            "If another reason applies, the change in the law can still be mentioned when "
            "asking the judge how much to shorten the sentence. A lawyer can tell you more."
        ),
        citation="USSG §1B1.13(c); Rutherford v. United States (U.S. May 28, 2026)",
    ),
    NotAGround(
        id="rehabilitation",
        title_en=gettext_noop("They have changed: programs, work, good conduct"),
        why_en=gettext_noop(
            "Having changed for the better is not enough by itself. But it matters a lot once "
            "another reason applies."
        ),
        instead_en=gettext_noop(
            "Tell us about programs, work, education and conduct in the Background step. They "
            "help show the judge that your loved one is not a danger and deserves release."
        ),
        citation="28 U.S.C. § 994(t); USSG §1B1.13(d)",
    ),
)

NOT_GROUNDS_BY_ID: dict[str, NotAGround] = {n.id: n for n in NOT_GROUNDS}


def same_family(a: str, b: str) -> bool:
    """Whether a request that raised `a` covers a motion ground `b` (domain.md § 3 rule 1)."""
    return BY_ID[a].family == BY_ID[b].family

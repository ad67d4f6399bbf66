"""The catalogue of "extraordinary and compelling reasons" (USSG §1B1.13(b), 2023).

The ids are stable: models, the case file and tests use them. The words are shown to families
(plain language, domain.md § 8) and printed in the drafts. Source: docs/domain.md § 4.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroundInfo:
    id: str
    paragraph: str  # the §1B1.13(b) paragraph, e.g. "(b)(1)(A)"
    family: str  # grounds of one family cover each other in a request (domain.md § 3)
    title: str  # plain words, for the interview
    heading: str  # formal heading, for the drafts
    explanation: str
    facts_to_ask: tuple[str, ...]
    evidence: tuple[str, ...]
    available: bool = True
    unavailable_reason: str = ""

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
        title="A terminal illness",
        heading="Terminal Illness",
        explanation=(
            "Your loved one has a serious illness that is getting worse. It is expected to end "
            "their life. Examples are cancer that has spread, ALS, or organs that are failing. "
            "No doctor has to say how long they have to live."
        ),
        facts_to_ask=(
            "The diagnosis",
            "When it was diagnosed",
            "What the doctors expect (the prognosis), if known",
            "The doctors treating it",
            "The treatment now",
        ),
        evidence=(
            "BOP medical records",
            "Notes from specialists",
            "A doctor's letter about the prognosis",
        ),
    ),
    GroundInfo(
        id="medical_self_care",
        paragraph="(b)(1)(B)",
        family="medical",
        title="A health problem that makes it very hard to care for themselves in prison",
        heading="Serious Medical Condition Limiting Self-Care",
        explanation=(
            "Your loved one has a serious health problem. It may be an illness, a disability, "
            "or old age. It makes it very hard for them to take care of themselves in prison. "
            "They are not expected to get better."
        ),
        facts_to_ask=(
            "The health conditions",
            "What daily tasks are hard or impossible (bathing, dressing, eating, using the "
            "toilet, moving around)",
            "Aids they use, like a wheelchair or walker",
            "Help they get from staff or other people in prison",
        ),
        evidence=("Medical records", "Functional assessments", "Their BOP care level"),
    ),
    GroundInfo(
        id="medical_care_not_provided",
        paragraph="(b)(1)(C)",
        family="medical",
        title="Needed medical care that the prison is not giving",
        heading="Serious Medical Condition Requiring Care That Is Not Being Provided",
        explanation=(
            "Your loved one needs long-term care or care from a special doctor. The prison is "
            "not giving it. Without it, they could get much sicker or die."
        ),
        facts_to_ask=(
            "The condition",
            "The care doctors ordered",
            "What was delayed or missed, with dates",
            "What happened because of it",
        ),
        evidence=(
            "Records of the orders and the delays",
            "Sick-call requests",
            "Medical grievances",
            "A letter from an outside doctor",
        ),
    ),
    GroundInfo(
        id="medical_outbreak",
        paragraph="(b)(1)(D)",
        family="medical",
        title="A disease outbreak at the prison that puts them at special risk",
        heading="Outbreak of Infectious Disease or Public Health Emergency",
        explanation=(
            "All three must be true. A disease is spreading at the prison, or is about to. "
            "Your loved one's health makes them more likely to get very sick or die from it. "
            "And the risk cannot be lowered in time."
        ),
        facts_to_ask=(
            "The facility",
            "Proof of the outbreak or emergency",
            "Their personal risk factors",
            "Vaccination",
            "What the prison can do to lower the risk",
        ),
        evidence=("Outbreak data or the emergency declaration", "Medical records"),
    ),
    GroundInfo(
        id="age",
        paragraph="(b)(2)",
        family="age",
        title="Older age with failing health",
        heading="Age of the Defendant",
        explanation=(
            "Your loved one is 65 or older. Their body or mind is getting much weaker with age. "
            "And they have served 10 years, or 75% of the sentence if that is less."
        ),
        facts_to_ask=(
            "Date of birth",
            "The sentence imposed",
            "The date federal custody began",
            "How their health is declining",
        ),
        evidence=("The BOP sentence computation", "Medical records"),
    ),
    GroundInfo(
        id="family_child_caregiver",
        paragraph="(b)(3)(A)",
        family="family_child_caregiver",
        title="The person caring for their child died or can no longer care for the child",
        heading="Death or Incapacitation of the Caregiver of the Defendant's Child",
        explanation=(
            "Someone was caring for your loved one's child. That person has died or can no "
            "longer do it. The child is under 18, or is an adult who cannot care for themselves."
        ),
        facts_to_ask=(
            "The child's age and relationship",
            "Who the caregiver was",
            "What happened to the caregiver",
            "Who else could care for the child, and why they cannot",
        ),
        evidence=(
            "A death certificate or a doctor's letter",
            "The child's birth certificate",
            "Custody or child-welfare records",
            "Statements from relatives",
        ),
    ),
    GroundInfo(
        id="family_spouse_partner",
        paragraph="(b)(3)(B)",
        family="family_spouse_partner",
        title="Their spouse or partner can no longer care for themselves",
        heading="Incapacitation of the Defendant's Spouse or Registered Partner",
        explanation=(
            "Your loved one's husband, wife or partner can no longer care for themselves. No "
            "one but your loved one is there to care for them."
        ),
        facts_to_ask=(
            "The spouse's or partner's condition",
            "Who else could care for them, and why they cannot",
        ),
        evidence=(
            "Marriage certificate or partnership record",
            "The spouse's medical records",
            "A doctor's letter",
        ),
    ),
    GroundInfo(
        id="family_parent",
        paragraph="(b)(3)(C)",
        family="family_parent",
        title="Their parent can no longer care for themselves",
        heading="Incapacitation of the Defendant's Parent",
        explanation=(
            "Your loved one's mother or father can no longer care for themselves. No one but "
            "your loved one is there to care for them."
        ),
        facts_to_ask=(
            "The parent's condition",
            "Brothers, sisters or other relatives, and why they cannot help",
        ),
        evidence=(
            "The parent's medical records",
            "Your loved one's birth certificate",
            "Letters from brothers and sisters",
        ),
    ),
    GroundInfo(
        id="family_other",
        paragraph="(b)(3)(D)",
        family="family_other",
        title="Another close family member needs them as their only caregiver",
        heading="Incapacitation of Another Immediate Family Member",
        explanation=(
            "Another close family member can no longer care for themselves. This can be a "
            "grandchild, grandparent, brother, sister, or someone just as close. No one but your "
            "loved one is there to care for them."
        ),
        facts_to_ask=(
            "The relationship",
            "The family member's condition",
            "Why no one else can care for them",
        ),
        evidence=(
            "The family member's medical records",
            "A doctor's letter",
            "Letters from relatives",
            "Proof of the relationship",
        ),
    ),
    GroundInfo(
        id="abuse_in_custody",
        paragraph="(b)(4)",
        family="abuse_in_custody",
        title="They were abused by prison staff while serving this sentence",
        heading="Victim of Abuse While in Custody",
        explanation=(
            "While serving this sentence, your loved one was sexually abused or badly hurt. "
            "A guard, another prison worker, or someone else in charge of them did it. Abuse "
            "by another prisoner does not count here. Most of the time, the abuse must be "
            "proven. That can be a conviction, a court or agency finding, or an admission. It "
            "is not needed if those steps take far too long or your loved one is in danger now."
        ),
        facts_to_ask=(
            "When it happened",
            "Who did it (their job, not only a name)",
            "The injuries",
            "Reports made",
            "Where any case or investigation stands",
        ),
        evidence=(
            "PREA report",
            "Investigation findings",
            "Court records",
            "Medical records",
        ),
    ),
    GroundInfo(
        id="other",
        paragraph="(b)(5)",
        family="other",
        title="Another reason just as serious",
        heading="Other Extraordinary and Compelling Reasons",
        explanation=(
            "Something else is happening that is just as serious as the reasons above. It can "
            "stand alone or go with another reason."
        ),
        facts_to_ask=("What is happening and why it is as serious as the reasons above",),
        evidence=("Whatever shows what happened: records, letters, reports",),
    ),
    GroundInfo(
        id="unusually_long_sentence",
        paragraph="(b)(6)",
        family="unusually_long_sentence",
        title="An unusually long sentence because the law has changed",
        heading="Unusually Long Sentence",
        explanation=(
            "This reason can no longer be used on its own terms. Please talk to a lawyer."
        ),
        facts_to_ask=(),
        evidence=(),
        available=False,
        unavailable_reason=(
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
    title: str
    why: str
    instead: str
    citation: str


NOT_GROUNDS: tuple[NotAGround, ...] = (
    NotAGround(
        id="conviction_wrong",
        title="The conviction or the sentence was wrong",
        why=("This motion cannot be used to argue that the conviction or the sentence was wrong."),
        instead=(
            "That needs a different kind of case, a motion under 28 U.S.C. § 2255. It has "
            "strict deadlines. Please talk to a lawyer or a federal defender's office soon."
        ),
        citation="28 U.S.C. § 2255; United States v. Ferguson, 55 F.4th 262 (4th Cir. 2022)",
    ),
    NotAGround(
        id="change_in_law",
        title="The law has changed since the sentence",
        why=("A change in the law is not, by itself, a reason for compassionate release."),
        instead=(
            "If another reason applies, the change in the law can still be mentioned when "
            "asking the judge how much to shorten the sentence. A lawyer can tell you more."
        ),
        citation="USSG §1B1.13(c); Rutherford v. United States (U.S. May 28, 2026)",
    ),
    NotAGround(
        id="rehabilitation",
        title="They have changed: programs, work, good conduct",
        why=(
            "Having changed for the better is not enough by itself. But it matters a lot once "
            "another reason applies."
        ),
        instead=(
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

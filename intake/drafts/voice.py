"""Who speaks in the papers (domain.md § 6, "One voice"): the person in prison, who signs the
motion, or the family member who prepared the case and swears to what they know in their own
declaration.
"""

from __future__ import annotations

from eligibility.facts import CaseFacts


def family_prepared(facts: CaseFacts, preparer_role: str | None) -> bool:
    """Whether a family member (or friend) prepared the case, so what they typed about the
    person is theirs to swear to, in their own declaration (domain.md § 6, "One voice").

    The interview's answer decides when there is one; a case file without it counts as
    prepared by family when it names a preparer other than the person. Without the family
    member's name there is no one to sign a declaration.
    """
    name = (facts.preparer.name or "").strip().casefold()
    if not name:
        return False
    if preparer_role:
        return preparer_role == "family"
    return name != (facts.person.name or "").strip().casefold()


def self_prepared(facts: CaseFacts, preparer_role: str | None) -> bool:
    """Whether the person in prison filled in the answers himself."""
    if preparer_role:
        return preparer_role == "self"
    return not family_prepared(facts, None)


def sponsor(facts: CaseFacts) -> str:
    """'my daughter, Maria Example' or 'Maria Example': the person who offers the home."""
    name, relationship = facts.preparer.name, (facts.preparer.relationship or "").strip()
    return f"my {relationship}, {name}" if relationship else name

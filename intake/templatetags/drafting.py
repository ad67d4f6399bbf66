"""Blanks for the drafts: a fact as typed, or a visible line to write it on by hand.

Unknown facts must never print as empty space (domain.md § 6, "Format"): a person reading the
draft has to see what is still missing. Both tags render small templates with autoescaping on,
so people's words stay escaped.
"""

from django import template

register = template.Library()

# Underscores rather than a CSS border, so a blank survives copying and reads as a blank in
# the PDF's text.
_WIDTHS = {"short": 12, "medium": 22, "long": 36}
_FULL_LINE = "_" * 80


@register.inclusion_tag("drafts/_fill.html")
def fill(value, size="medium"):
    """Inline: `{% fill person.name %}` prints the name, or a line of `size` to write it on."""
    return {"value": value, "line": "_" * _WIDTHS[size]}


@register.inclusion_tag("drafts/_words.html")
def words(value, lines=3):
    """A paragraph of the person's own words (line breaks kept), or ruled lines to fill in."""
    return {"value": value, "rules": [_FULL_LINE] * lines}

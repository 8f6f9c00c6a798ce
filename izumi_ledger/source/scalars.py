"""Plain YAML scalars read as a ledger reads them: text, decimal numbers, true/false, null.

Anything YAML 1.1 would silently turn into another value (octal, yes/no, sexagesimal numbers)
is refused with a reason and a hint.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import yaml
from yaml.resolver import Resolver

from izumi_ledger.text.messages import t

_TAG: Final = "tag:yaml.org,2002:"
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_BOOLEAN_WORDS: Final = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_RESOLVER = Resolver()
# YAML 1.1 resolves a plain scalar to a non-text type only when it starts with one of these.
_TYPED_FIRST = frozenset(first for first in Resolver.yaml_implicit_resolvers if first)


class _Refused:
    """Stands in for a refused value so the rest of the tree can still be checked."""

    def __repr__(self) -> str:
        return "<refused>"


REFUSED: Final = _Refused()


@dataclass(frozen=True)
class _PlainRule:
    """How a plain scalar that YAML 1.1 resolves to a type is read, or why it is refused."""

    accepts: Callable[[str], object]
    convert: Callable[[str], Any]
    problem: str
    hint: str


_QUOTE_IT = "yaml.quote_it"
_MAX_DIGITS: Final = sys.get_int_max_str_digits() or 4300
_PLAIN_RULES: Final = {
    "bool": _PlainRule(
        _BOOLEAN_WORDS.__contains__,
        _BOOLEAN_WORDS.__getitem__,
        "yaml.boolean",
        _QUOTE_IT,
    ),
    "int": _PlainRule(
        _DECIMAL_INT.fullmatch,
        int,
        "yaml.ambiguous_int",
        "yaml.decimal_only",
    ),
    "float": _PlainRule(
        _DECIMAL_FLOAT.fullmatch,
        float,
        "yaml.ambiguous_float",
        _QUOTE_IT,
    ),
}


def resolve_scalar(event: yaml.ScalarEvent) -> tuple[Any, str, str]:
    """The value of a scalar, or REFUSED with a reason and a hint."""
    text: str = event.value
    if event.style:  # quoted or block scalars are always text (plain is None or "")
        return text, "", ""
    if text and text[0] not in _TYPED_FIRST:  # most Japanese text: no resolver needed
        return text, "", ""
    digits = len(text.lstrip("+-"))
    if digits > _MAX_DIGITS and text.isascii() and text.lstrip("+-").isdigit():
        # Python refuses to turn this many digits into a number at all.
        return REFUSED, t("yaml.too_many_digits", digits=digits, limit=_MAX_DIGITS), ""
    if text.isascii() and text.isdigit() and (text[0] != "0" or text == "0"):
        # Plain decimal digits without a leading zero (most amounts and numbers): an int in
        # every reading of YAML, so the resolver's answer is known.
        return int(text), "", ""
    resolved: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    tag = resolved.removeprefix(_TAG)
    if tag == "null":
        return None, "", ""
    if tag == "merge":
        return REFUSED, t("yaml.merge"), t("yaml.write_value")
    rule = _PLAIN_RULES.get(tag)
    if rule is None:  # text, and timestamps, which a ledger keeps as the text written
        return text, "", ""
    if rule.accepts(text):
        return rule.convert(text), "", ""
    return REFUSED, t(rule.problem, text=text), t(rule.hint, text=text)

"""Where a zone's profile attributes can hold at all (沿边 and 西部枢纽节点起步区 by province).

One function, :func:`profile_violations`, used by every way a profile enters: ``new`` and
``new --from`` refuse a violation, ``validate`` and ``import -o`` report it as a warning, the
profile screen warns as the switch is turned on. A file with a violation still loads (nothing
recorded is lost); it is the zone's profile that needs correcting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from assess.lang import Lang
from assess.models import ZoneProfile
from assess.regions import BORDER_PROVINCES, HUB_AREAS
from assess.texts import Texts
from assess.texts.profile import VIOLATIONS


@dataclass(frozen=True)
class ProfileViolation:
    """A broken rule: ``code`` names it (a key of ``texts.profile.VIOLATIONS``), ``flag`` the
    attribute that breaks it, ``params`` fill its message."""

    code: str
    flag: str
    params: Mapping[str, str] = field(default_factory=dict)


def _hub_list(lang: Lang) -> str:
    if lang is Lang.EN:
        return "Horinger (Inner Mongolia), Gui'an (Guizhou), Qingyang (Gansu), Zhongwei (Ningxia)"
    return "、".join(f"{area}（{province}）" for province, area in HUB_AREAS.items())


def profile_violations(profile: ZoneProfile) -> list[ProfileViolation]:
    """The rules the profile breaks, in attribute order; empty when it is consistent."""
    out: list[ProfileViolation] = []
    if profile.border and profile.province not in BORDER_PROVINCES:
        params = {"province": profile.province, "allowed": "、".join(BORDER_PROVINCES)}
        out.append(ProfileViolation("border_province", "border", params))
    if profile.hub and profile.province not in HUB_AREAS:
        params = {"province": profile.province, "allowed": _hub_list(Lang.ZH)}
        out.append(ProfileViolation("hub_province", "hub", params))
    return out


def violation_text(violation: ProfileViolation, lang: Lang) -> str:
    """The message in one language (the hub list is named in that language too)."""
    params = dict(violation.params)
    if violation.code == "hub_province":
        params["allowed"] = _hub_list(lang)
    return Texts(lang)(VIOLATIONS[violation.code], **params)

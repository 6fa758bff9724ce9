"""The policy's own lines of ``assess compare`` and ``assess rollup`` (rates, claims, tasks)."""

from __future__ import annotations

from assess.compare import Comparison, format_delta, score_delta
from assess.rollup import Rollup
from assess.scoring import format_score
from assess.texts import Texts
from assess.texts import policy as words
from assess.textwidth import pad


def rate_lines(c: Comparison, t: Texts, name_width: int) -> list[str]:
    """落实率, 政策利用率 and 自定任务 in A, B and Δ, under the overall row."""
    return [
        pad(t(label), name_width)
        + pad(format_score(a.value), 8, right=True)
        + pad(format_score(b.value), 8, right=True)
        + pad(format_delta(score_delta(a, b)), 8, right=True)
        for label, a, b in c.rate_rows()
    ]


def rollup_rate_lines(rollup: Rollup, t: Texts) -> list[str]:
    """Per zone: both rates, approved claims, items behind schedule."""
    heads = (words.IMPLEMENTATION, words.POLICY_USE, words.APPROVED_SHORT, words.BEHIND_SHORT)
    widths = (22, 18, 10, 10)
    lines = ["", t(words.ROLLUP_RATES_HEAD)]
    lines.append(
        pad("", 36) + "".join(pad(t(h), w, right=True) for h, w in zip(heads, widths, strict=True))
    )
    for zone in rollup.zones:
        values = (
            format_score(zone.implementation),
            format_score(zone.policy_use),
            str(zone.approved_claims),
            str(zone.behind),
        )
        lines.append(
            pad(zone.name, 36)
            + "".join(pad(v, w, right=True) for v, w in zip(values, widths, strict=True))
        )
    return lines

"""Many zones at once: what a province (20 zones) or MOFCOM (232) reads.

Every file is loaded and scored with the same rule as a single assessment. A file that
fails to load is skipped with its reason, never fatal. When several files hold the same zone
(same name and province), the most recently updated one is used and the others are listed as
skipped. A roll-up is of one period (评估期): the one named, else the one most zones are
assessed for (on a tie, the one of the most recently updated file); files of other periods
are listed apart and neither ranked nor averaged. Regional averages are the plain mean of the zones' scores (each zone counts once);
a zone with no score for a measure is left out of that measure's mean, and ``n`` says how
many zones the mean is over.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assess.checklist import Checklist
from assess.errors import LoadError, Message
from assess.regions import PROVINCES, Region
from assess.scoring import Summary, summarize
from assess.storage import load
from assess.texts import rollup as texts
from assess.texts.catalog import Texts

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Skipped:
    """A file left out of the roll-up, and why (shown to the user).

    ``superseded`` marks an older file of a zone that is in the roll-up, ``other_period`` a
    file of another period: both are expected in a province's folder, so they are listed
    but are no failure.
    """

    path: Path
    why: Message
    superseded: bool = False
    other_period: str = ""

    @property
    def failed(self) -> bool:
        """The file could not be read (not merely left out by the roll-up's rule)."""
        return not (self.superseded or self.other_period)

    def reason_in(self, t: Texts) -> str:
        """Why the file was left out, in the reader's language."""
        return self.why.render(t)

    @property
    def reason(self) -> str:
        """Why, in both languages (for readers that have not chosen one)."""
        return self.why.both()


@dataclass(frozen=True)
class ZoneResult:
    """One zone's scores in the roll-up."""

    path: Path
    name: str
    province: str
    region: Region
    period: str
    updated: dt.datetime
    summary: Summary

    @property
    def overall(self) -> float | None:
        return self.summary.overall.value

    @property
    def coverage(self) -> float | None:
        return self.summary.overall.coverage

    @property
    def implementation(self) -> float | None:
        return self.summary.implementation.value

    @property
    def policy_use(self) -> float | None:
        return self.summary.policy_use.value

    @property
    def approved_claims(self) -> int:
        return self.summary.approved_claims

    @property
    def behind(self) -> int:
        """Items and own tasks 推进中 but 欠进度."""
        return len(self.summary.behind)


@dataclass(frozen=True)
class Mean:
    value: float | None
    n: int


@dataclass(frozen=True)
class RegionAverage:
    """Averages over a region's zones (``region`` None: all zones)."""

    region: Region | None
    zones: int
    overall: Mean
    coverage: Mean
    measures: dict[int, Mean]
    implementation: Mean = Mean(None, 0)
    policy_use: Mean = Mean(None, 0)


@dataclass(frozen=True)
class GapCount:
    """How many zones have an item as a gap, out of those that assessed it (applicable)."""

    item_id: str
    gaps: int
    assessed: int

    @property
    def share(self) -> float | None:
        return None if self.assessed == 0 else self.gaps / self.assessed


@dataclass
class Rollup:
    checklist: Checklist
    zones: list[ZoneResult]
    skipped: list[Skipped] = field(default_factory=list)
    period: str = ""

    @property
    def other_periods(self) -> list[Skipped]:
        """Files of other periods, listed apart from the roll-up."""
        return [s for s in self.skipped if s.other_period]

    @property
    def left_out(self) -> list[Skipped]:
        """Files not read, and older files of a zone in the roll-up."""
        return [s for s in self.skipped if not s.other_period]

    def ranking(self) -> list[tuple[int | None, ZoneResult]]:
        """Zones by overall score, best first; ties share a rank (1, 2, 2, 4); unscored last."""
        scored = sorted(
            (z for z in self.zones if z.overall is not None),
            key=lambda z: (-(z.overall or 0.0), -(z.coverage or 0.0), z.name),
        )
        out: list[tuple[int | None, ZoneResult]] = []
        for index, zone in enumerate(scored):
            if index and _close(zone.overall, scored[index - 1].overall):
                out.append((out[-1][0], zone))
            else:
                out.append((index + 1, zone))
        out += [(None, z) for z in self.zones if z.overall is None]
        return out

    def region_averages(self) -> list[RegionAverage]:
        """One row per region present (东部, 中部, 西部, 东北 order), then all zones."""
        rows = []
        for region in Region:
            members = [z for z in self.zones if z.region is region]
            if members:
                rows.append(self._average(region, members))
        rows.append(self._average(None, self.zones))
        return rows

    def _average(self, region: Region | None, zones: list[ZoneResult]) -> RegionAverage:
        return RegionAverage(
            region=region,
            zones=len(zones),
            overall=_mean(z.overall for z in zones),
            coverage=_mean(z.coverage for z in zones),
            implementation=_mean(z.implementation for z in zones),
            policy_use=_mean(z.policy_use for z in zones),
            measures={
                m.number: _mean(z.summary.measures[m.number].value for z in zones)
                for m in self.checklist.measures
            },
        )

    def common_gaps(self) -> list[GapCount]:
        """Items by how many zones have them as a gap, most first; items no zone lacks omitted."""
        gaps: Counter[str] = Counter()
        for zone in self.zones:
            gaps.update(zone.summary.gaps)
        order = {item.id: i for i, item in enumerate(self.checklist.items)}
        counts = [GapCount(i, n, self._assessed(i)) for i, n in gaps.items()]
        return sorted(counts, key=lambda g: (-g.gaps, -(g.share or 0.0), order[g.item_id]))

    def _assessed(self, item_id: str) -> int:
        """Zones to which the item applies and that gave it a scored status."""
        return sum(1 for zone in self.zones if zone.summary.items[item_id].scored)


def _close(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and abs(x - y) < 1e-9


def _mean(values: Iterable[float | None]) -> Mean:
    present = [v for v in values if v is not None]
    return Mean(sum(present) / len(present) if present else None, len(present))


def collect_paths(inputs: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files named, plus every ``*.json`` under folders named (recursively), each once."""
    paths: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for given in inputs:
        if given.is_dir():
            found = sorted(p for p in given.rglob("*.json") if not p.name.startswith("."))
            if not found:
                skipped.append(Skipped(given, Message(texts.NO_JSON_IN_FOLDER)))
        elif given.exists():
            found = [given]
        else:
            skipped.append(Skipped(given, Message(texts.NOT_FOUND)))
            continue
        for path in found:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                paths.append(path)
    return paths, skipped


def build_rollup(
    checklist: Checklist,
    paths: Sequence[Path],
    *,
    period: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Rollup:
    """Load and score every file of one period; failures become ``Skipped`` with the reason."""
    zones: list[ZoneResult] = []
    skipped: list[Skipped] = []
    for index, path in enumerate(paths, 1):
        try:
            assessment = load(path, checklist).assessment
        except LoadError as exc:
            why = Message(texts.BAD_FIELD, {"field": exc.field, "problem": exc.body})
            skipped.append(Skipped(path, why if exc.field else exc.body))
        else:
            zone = assessment.zone
            zones.append(
                ZoneResult(
                    path=path,
                    name=zone.name,
                    province=zone.province,
                    region=zone.region,
                    period=assessment.period.strip(),
                    updated=assessment.updated,
                    summary=summarize(checklist, assessment, today),
                )
            )
        if progress is not None:
            progress(index, len(paths))
    chosen = main_period(zones) if period is None else period.strip()
    kept, duplicates = _latest_per_zone([z for z in zones if z.period == chosen])
    others = [_other_period(z, chosen) for z in zones if z.period != chosen]
    province_order = {p: i for i, p in enumerate(PROVINCES)}
    kept.sort(key=lambda z: (province_order.get(z.province, 99), z.name))
    return Rollup(checklist, kept, skipped + duplicates + others, chosen)


def main_period(zones: Sequence[ZoneResult]) -> str:
    """The period most zones are assessed for; on a tie, that of the latest updated file."""
    if not zones:
        return ""
    counts = Counter(period for period, _ in {(z.period, _zone_key(z)) for z in zones})
    latest = {z.period: _when(z) for z in sorted(zones, key=_when)}
    return max(counts, key=lambda p: (counts[p], latest[p]))


def _when(zone: ZoneResult) -> float:
    """When the file was last updated, comparable across files with and without a UTC offset."""
    return zone.updated.timestamp()


def _other_period(zone: ZoneResult, chosen: str) -> Skipped:
    why = Message(texts.OTHER_PERIOD, {"period": zone.period, "rollup": chosen})
    return Skipped(zone.path, why, other_period=zone.period)


def _zone_key(zone: ZoneResult) -> tuple[str, str]:
    return (zone.name.strip(), zone.province)


def _latest_per_zone(zones: list[ZoneResult]) -> tuple[list[ZoneResult], list[Skipped]]:
    latest: dict[tuple[str, str], ZoneResult] = {}
    for zone in zones:
        key = _zone_key(zone)
        current = latest.get(key)
        if current is None or _when(zone) > _when(current):
            latest[key] = zone
    skipped = [
        Skipped(
            z.path,
            Message(texts.SUPERSEDED, {"newer": latest[_zone_key(z)].path}),
            superseded=True,
        )
        for z in zones
        if latest[_zone_key(z)] is not z
    ]
    return list(latest.values()), skipped

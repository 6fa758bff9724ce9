"""Carrying an assessment made with an earlier checklist version onto the current one.

The checklist's ``[[changes]]`` say which items were renumbered, split or given another
item's figure. Applying them moves every record to the item that now holds its sentence, so
a file of 1.0.0 opens under 1.1.0 with nothing recorded lost; what was done is returned so the
loader can tell the user (``storage.Migration``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assess.checklist import Checklist, Kind, VersionChange, item_sort_key
from assess.lang import Lang
from assess.models import Assessment, ItemRecord
from assess.texts import Text, Texts
from assess.texts.profile import (
    MIGRATION_FIGURE_MOVED,
    MIGRATION_KIND_CHANGED,
    MIGRATION_RENAMED,
    MIGRATION_SPLIT,
)


@dataclass
class Remapped:
    """What :func:`apply_changes` did to one file."""

    renamed: list[tuple[str, str]] = field(default_factory=list)
    split: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    figures_moved: list[tuple[str, str, str]] = field(default_factory=list)  # name, from, to
    kinds_changed: list[tuple[str, Kind, Kind]] = field(default_factory=list)  # id, was, now
    displaced: dict[str, ItemRecord] = field(default_factory=dict)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def pending_changes(checklist: Checklist, file_version: str) -> list[VersionChange]:
    """The mappings a file of ``file_version`` needs, oldest first."""
    start = _version_key(file_version)
    return sorted(
        (c for c in checklist.changes if _version_key(c.from_version) >= start),
        key=lambda c: _version_key(c.from_version),
    )


def apply_changes(assessment: Assessment, checklist: Checklist) -> Remapped:
    """Move the file's records onto the current item IDs (in place); report what moved."""
    done = Remapped()
    for change in pending_changes(checklist, assessment.checklist.version):
        _apply_one(assessment, checklist, change, done)
    return done


def _apply_one(
    assessment: Assessment, checklist: Checklist, change: VersionChange, done: Remapped
) -> None:
    items: dict[str, ItemRecord] = {}
    for old_id in sorted(assessment.items, key=item_sort_key):
        record = assessment.items[old_id]
        parts = change.target(old_id)
        if old_id in change.split:
            done.split.append((old_id, parts))
        elif parts[0] != old_id:
            done.renamed.append((old_id, parts[0]))
        for new_id in parts:
            copy = record.model_copy(deep=True)
            if len(parts) > 1:
                copy.figures = _figures_for(new_id, parts, record.figures, checklist)
            if new_id in items and not items[new_id].is_blank():
                done.displaced[old_id] = copy  # two records for one ID: keep both, retire one
                continue
            items[new_id] = copy
    for move in change.figures:
        _move_figure(items, change.target(move.from_item)[0], move.to, move.name, done)
    index = checklist.item_index
    for item_id, was in change.kinds.items():
        if item_id in items and item_id in index and index[item_id].kind is not was:
            done.kinds_changed.append((item_id, was, index[item_id].kind))
    renames = {old: change.target(old)[0] for old in assessment.items}
    for entry in assessment.history:
        if entry.item in renames:
            entry.item = renames[entry.item]
    assessment.items = items


def _figures_for(
    part: str, parts: tuple[str, ...], figures: dict[str, str], checklist: Checklist
) -> dict[str, str]:
    """A split item's figures go to the part listing that indicator (else to the first part)."""
    index = checklist.item_index

    def owner(name: str) -> str:
        for candidate in parts:
            item = index.get(candidate)
            if item is not None and any(i.name == name for i in item.indicators):
                return candidate
        return parts[0]

    return {name: value for name, value in figures.items() if owner(name) == part}


def _move_figure(
    items: dict[str, ItemRecord], source: str, target: str, name: str, done: Remapped
) -> None:
    """Move one figure; if the target already has a different value, leave both where they are."""
    src = items.get(source)
    if src is None or name not in src.figures:
        return
    dst = items.setdefault(target, ItemRecord())
    if dst.figures.get(name, src.figures[name]) != src.figures[name]:
        return
    dst.figures = {**dst.figures, name: src.figures[name]}
    src.figures = {k: v for k, v in src.figures.items() if k != name}
    done.figures_moved.append((name, source, target))


def remapped_messages(done: Remapped) -> list[str]:
    """One line per kind of change, Chinese / English (the style of ``Migration.messages``)."""
    zh, en = Texts(Lang.ZH), Texts(Lang.EN)
    lines: list[str] = []

    def add(entry: Text, key: str, zh_value: str, en_value: str) -> None:
        lines.append(f"{zh(entry, **{key: zh_value})} / {en(entry, **{key: en_value})}")

    if done.renamed:
        pairs = ", ".join(f"{a}→{b}" for a, b in done.renamed)
        add(MIGRATION_RENAMED, "pairs", pairs, pairs)
    if done.split:
        pairs = ", ".join(f"{a}→{'+'.join(parts)}" for a, parts in done.split)
        add(MIGRATION_SPLIT, "pairs", pairs, pairs)
    if done.figures_moved:
        moves = ", ".join(f"{name} {a}→{b}" for name, a, b in done.figures_moved)
        add(MIGRATION_FIGURE_MOVED, "moves", moves, moves)
    if done.kinds_changed:
        add(
            MIGRATION_KIND_CHANGED,
            "changes",
            "，".join(f"{i} {zh.label(was)}→{zh.label(now)}" for i, was, now in done.kinds_changed),
            ", ".join(f"{i} {en.label(was)}→{en.label(now)}" for i, was, now in done.kinds_changed),
        )
    return lines

"""The one key registry: bindings, the footer, ``?`` help and the command palette read it.

Adding a key is one ``Key`` here (and its words in :mod:`assess.texts.tui`). Each key names
an action and a scope — where it is bound:

* ``tree``: the checklist tree (plain letters are free there);
* ``item``: the tree and the item form, so it works wherever the item is, even inside a
  text field for the ``alt+`` chords (a plain letter typed in a field stays text);
* ``app``: the whole app, dialogs included.

Actions are the app's (``app.…``) so the palette can run any of them; tree movement is the
tree's own and stays out of the palette. A key with no ``keys`` only documents one that
Textual already binds (Enter) or one the app reads itself (digits on a drop-down).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding
from textual.dom import DOMNode

from assess.states import Status
from assess.texts import Text, Texts, enum_text
from assess.texts import policy as policy_words
from assess.texts import tui as words

Scope = Literal["tree", "item", "app"]

# The tree's status keys, best first; the same digits pick a status on the form's drop-down.
STATUS_KEYS: dict[str, Status] = {
    "1": Status.DONE,
    "2": Status.IN_PROGRESS,
    "3": Status.NOT_STARTED,
    "4": Status.NOT_APPLICABLE,
    "0": Status.NOT_ASSESSED,
}
# Shifted digits (and what a Chinese input method sends for them) set and go to the next item.
NEXT_KEYS: dict[str, tuple[str, ...]] = {
    "1": ("exclamation_mark", "fullwidth_exclamation_mark"),
    "2": ("at", "fullwidth_commercial_at"),
    "3": ("number_sign", "fullwidth_number_sign"),
    "4": ("dollar_sign", "fullwidth_yen_sign", "yen_sign"),
    "0": ("right_parenthesis", "fullwidth_right_parenthesis"),
}


@dataclass(frozen=True)
class Key:
    """One key: what it is called, what it does, where it is bound and shown."""

    id: str
    keys: str  # Textual key names, comma-separated; "" for a key documented only
    action: str
    text: Text  # help and palette
    scope: Scope = "tree"
    display: str = ""  # how help and the palette write the key
    short: Text | None = None  # footer, where it differs from ``text``
    footer: bool = False
    palette: bool = True
    priority: bool = False
    help: bool = True

    @property
    def shown_keys(self) -> str:
        return self.display or self.keys.replace(",", " / ")

    def binding(self, t: Texts) -> Binding:
        return Binding(
            self.keys,
            self.action,
            t(self.short or self.text),
            show=self.footer,
            key_display=self.display.split(" / ")[0] or None,
            priority=self.priority,
            id=self.id,
        )


def chord_for(binding_id: str | None) -> str | None:
    """The chord a key of ``binding_id`` has for use inside a text field (``e`` → ``alt+e``),
    where the letter itself is typed; None if it has none."""
    key = BY_ID.get(binding_id or "")
    shown = key.display.split(" / ") if key is not None else []
    return shown[1] if len(shown) == 2 and shown[1].startswith("alt+") else None


def _status_keys() -> Iterator[Key]:
    for digit, status in STATUS_KEYS.items():
        action = f"app.set_status('{status.value}')"
        short = words.STATUS_SHORT[status.value]
        yield Key(f"status.{status.value}", digit, action, enum_text(status), short=short,
                  footer=True)  # fmt: skip


def _next_keys() -> Iterator[Key]:
    for digit, names in NEXT_KEYS.items():
        status = STATUS_KEYS[digit]
        yield Key(
            f"status_next.{status.value}",
            ",".join(names),
            f"app.set_status_and_next('{status.value}')",
            words.KEY["status_next"] if digit == "1" else enum_text(status),
            display=f"⇧{digit}",
            palette=False,
        )


K = words.KEY
REGISTRY: tuple[Key, ...] = (
    # the tree: moving
    Key("move", "", "", K["move"], display="↑ ↓ / j k", palette=False),
    Key("move.down", "j", "cursor_down", K["move"], palette=False, help=False),
    Key("move.up", "k", "cursor_up", K["move"], palette=False, help=False),
    Key("fold", "left", "fold", K["fold"], display="← →", palette=False),
    Key("unfold", "right", "unfold", K["fold"], palette=False, help=False),
    Key("into_form", "", "", K["into_form"], display="Enter / Tab", palette=False),
    # Tab moves focus in the app's own turn, before the next key is handed to a widget: text,
    # Tab, text typed without a pause fills two fields (Textual's own Tab ran in the field's
    # turn, after the keys already queued behind it had gone to the same field)
    Key("field.next", "tab", "app.focus_next", K["into_form"], "app", palette=False, help=False,
        priority=True),
    Key("field.previous", "shift+tab", "app.focus_previous", K["into_form"], "app",
        palette=False, help=False, priority=True),
    # setting a status: on an item, or on a measure for all its items
    *_status_keys(),
    *_next_keys(),
    Key("measure_status", "", "", K["measure_status"], display="1 2 3 4 0", palette=False),
    # anywhere in the item: jump to a section, add in one key
    Key("go.explanation", "e,alt+e", "app.go('explanation')", K["explanation"], "item",
        display="e / alt+e", short=words.KEY_SHORT["explanation"], footer=True),
    Key("go.current", "s,alt+s", "app.go('current')", K["current"], "item", display="s / alt+s"),
    Key("go.evidence", "v,alt+v", "app.go('evidence')", K["evidence"], "item",
        display="v / alt+v"),
    Key("go.actions", "a,alt+a", "app.go('actions')", K["actions"], "item", display="a / alt+a"),
    Key("go.figures", "i,alt+i", "app.go('figures')", K["figures"], "item", display="i / alt+i"),
    Key("new_evidence", "n,alt+n", "app.new_evidence", K["new_evidence"], "item",
        display="n / alt+n", short=words.KEY_SHORT["new_evidence"], footer=True),
    Key("cite", "r,alt+r", "app.cite_evidence", K["cite"], "item", display="r / alt+r"),
    Key("new_action", "t,alt+t", "app.new_action", K["new_action"], "item",
        display="t / alt+t", short=words.KEY_SHORT["new_action"], footer=True),
    Key("new_claim", "u,alt+u", "app.new_claim", policy_words.KEY_NEW_CLAIM, "item",
        display="u / alt+u"),
    Key("new_task", "z", "app.new_task", policy_words.KEY_NEW_TASK,
        short=policy_words.KEY_SHORT_TASK),
    Key("remove_task", "delete", "app.remove_task", policy_words.KEY_REMOVE_TASK,
        display="Del"),
    Key("select_digit", "", "", K["select_digit"], display="1–9", palette=False),
    # screens and tools; most needed first (a narrow footer cuts the last ones)
    Key("help", "question_mark", "app.help", K["help"], display="?", footer=True),
    Key("palette", "ctrl+p", "app.command_palette", K["palette"], footer=True, priority=True,
        short=words.KEY_SHORT["palette"], palette=False),
    Key("search", "slash", "app.search", K["search"], display="/",
        short=words.KEY_SHORT["search"], footer=True),
    Key("filter", "f", "app.cycle_filter", K["filter"], short=words.KEY_SHORT["filter"],
        footer=True),
    Key("dashboard", "d", "app.dashboard", K["dashboard"], footer=True),
    Key("profile", "p", "app.profile", K["profile"], footer=True),
    Key("departments", "g", "app.departments", K["departments"]),
    Key("export", "x", "app.export", K["export"], short=words.KEY_SHORT["export"], footer=True),
    Key("compare", "c", "app.compare", K["compare"], short=words.KEY_SHORT["compare"],
        footer=True),
    Key("quit_q", "q", "app.quit", K["quit"], display="q / ctrl+q", footer=True, palette=False),
    # everywhere
    Key("undo", "ctrl+z", "app.undo", K["undo"], "app", short=words.KEY_SHORT["undo"],
        footer=True),
    Key("redo", "ctrl+y", "app.redo", K["redo"], "app", short=words.KEY_SHORT["redo"]),
    Key("save", "ctrl+s", "app.save", K["save"], "app", priority=True),
    Key("form_ok", "", "", K["form_ok"], display="ctrl+s", palette=False),
    Key("quit", "ctrl+q", "app.quit", K["quit"], "app", priority=True, help=False),  # in help as q / ctrl+q
    Key("back", "escape", "app.focus_tree", K["back"], "app", display="Esc", palette=False),
)  # fmt: skip
BY_ID = {key.id: key for key in REGISTRY}


def bindings(scope: Scope, t: Texts) -> list[Binding]:
    """The bindings of one scope, described in the user's language."""
    return [key.binding(t) for key in REGISTRY if key.scope == scope and key.keys and key.action]


def bind(node: DOMNode, scope: Scope, t: Texts, *, no_text: bool = False) -> None:
    """Bind a scope's keys on ``node`` (a widget or the app), replacing any by the same key.

    The ``alt+`` chords, and every key on a widget where no key is text (``no_text``: the
    tree), act in the app's own turn (priority), before the keys typed behind them are handed
    to a widget: ``alt+t`` then the action's text in one burst fills the dialog, not the field
    the chord was pressed in (a binding found on the way back up ran after those keys had gone
    to that field).
    """
    for binding in bindings(scope, t):
        for name in (part.strip() for part in binding.key.split(",")):
            priority = binding.priority or no_text or name.startswith("alt+")
            node._bindings.key_to_bindings[name] = [
                dataclasses.replace(binding, key=name, priority=priority)
            ]


def help_rows(t: Texts) -> list[tuple[str, str]]:
    """(keys, what they do) for ``?``: every key once, in registry order."""
    rows = []
    for key in REGISTRY:
        if not key.help or (key.id.startswith("status_next.") and key.id != "status_next.done"):
            continue
        rows.append((key.shown_keys, t(key.text)))
    return rows


# The keys a form section names in its title: its jump key first, then its one-key adds.
SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "explanation": ("go.explanation",),
    "current": ("go.current",),
    "evidence": ("go.evidence", "new_evidence", "cite"),
    "actions": ("go.actions", "new_action"),
    "figures": ("go.figures",),
    "claims": ("new_claim",),
}
HINTS = {**words.KEY_HINT, "new_claim": policy_words.KEY_HINT_CLAIM}


def section_keys(field_id: str, t: Texts) -> str:
    """``alt+v · alt+n 新增佐证 · alt+r 引用已有佐证``: the chords work in every field."""
    by_id = {key.id: key for key in REGISTRY}
    parts = []
    for key_id in SECTION_KEYS.get(field_id, ()):
        key = by_id[key_id]
        chord = key.keys.split(",")[-1]
        parts.append(chord if key_id.startswith("go.") else f"{chord} {t(HINTS[key_id])}")
    return " · ".join(parts)


def palette_keys() -> list[Key]:
    return [key for key in REGISTRY if key.palette and key.action]

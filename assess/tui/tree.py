"""The left pane: areas → measures → items, each item with its status glyph.

The zone's own tasks (自定任务) follow their measure's items, marked 〔自定〕; the form opens
them like items. A status key changes three labels (item, measure, area); the tree is rebuilt
only when the filter changes or a task is added or removed, so a keystroke never redraws 100
nodes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from assess.lang import Lang
from assess.texts import Texts
from assess.tui.keys import bind
from assess.tui.steady import SteadyScroll

if TYPE_CHECKING:  # the core loads after the first frame (assess.tui.first_frame)
    from assess.checklist import Area, Item, Measure
    from assess.models import ZoneTask
    from assess.tui.first_frame import PreviewNode
    from assess.tui.session import Session


@dataclass(frozen=True)
class NodeRef:
    """What a tree node stands for: ``kind`` is area, measure, item or task (a zone task)."""

    kind: str
    key: str


class ChecklistTree(SteadyScroll, Tree[NodeRef]):
    """The checklist as a tree; ``visible`` decides which items show (the filter)."""

    def __init__(
        self, session: Session | None, lang: Lang, *, id: str | None = None,
        on_key_move: Callable[[TreeNode[NodeRef]], None] | None = None,
    ) -> None:  # fmt: skip
        self._relabelled: set[TreeNode[NodeRef]] = set()  # before Tree's own cursor refresh
        self.on_key_move = on_key_move  # called in the key's own handler (see ``_key_move``)
        # the item a first j/k starts from while nothing has put the cursor on an item yet (the
        # first frame shows the tree before the start puts the cursor on it)
        self.home: str | None = None
        super().__init__("root", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._session = session  # None until the start-up has loaded it (``first_frame``)
        self.t = Texts(lang)
        bind(self, "tree", self.t, no_text=True)
        bind(self, "item", self.t, no_text=True)
        # the nodes the form opens: checklist items by ID, and zone tasks by theirs (Z1…)
        self.item_nodes: dict[str, TreeNode[NodeRef]] = {}
        self.measure_nodes: dict[int, TreeNode[NodeRef]] = {}
        self.area_nodes: dict[int, TreeNode[NodeRef]] = {}

    @property
    def session(self) -> Session:
        assert self._session is not None, "the session is loaded after the first frame"
        return self._session

    @session.setter
    def session(self, session: Session) -> None:
        self._session = session

    def build_preview(self, nodes: list[PreviewNode]) -> None:
        """The first frame's tree, from the labels the start-up child computed: the same nodes
        ``build`` makes for the full checklist, before the core is imported here."""
        from assess.tui.first_frame import label_from_json

        for area in nodes:
            area_node = self.root.add(
                label_from_json(area.label), NodeRef("area", area.key), expand=True
            )
            self.area_nodes[int(area.key)] = area_node
            for measure in area.children:
                measure_node = area_node.add(
                    label_from_json(measure.label), NodeRef("measure", measure.key), expand=True
                )
                self.measure_nodes[int(measure.key)] = measure_node
                for leaf in measure.children:
                    self.item_nodes[leaf.key] = measure_node.add_leaf(
                        label_from_json(leaf.label), NodeRef(leaf.kind, leaf.key)
                    )

    def build(
        self,
        visible: Callable[[str], bool] = lambda _: True,
        show_task: Callable[[ZoneTask], bool] = lambda _: True,
    ) -> None:
        """(Re)build the nodes, keeping only items for which ``visible`` holds (tasks:
        ``show_task``)."""
        self.clear()
        self.item_nodes.clear()
        self.measure_nodes.clear()
        self.area_nodes.clear()
        tasks = [t for t in self.session.assessment.zone_tasks if show_task(t)]
        for area in self.session.checklist.areas:
            shown = [(m, [i for i in m.items if visible(i.id)]) for m in area.measures]
            shown = [
                (m, items)
                for m, items in shown
                if items or any(t.measure == m.number for t in tasks)
            ]
            if not shown:
                continue
            area_node = self.root.add(
                self.area_label(area), NodeRef("area", str(area.number)), expand=True
            )
            self.area_nodes[area.number] = area_node
            for measure, items in shown:
                measure_node = area_node.add(
                    self.measure_label(measure),
                    NodeRef("measure", str(measure.number)),
                    expand=True,
                )
                self.measure_nodes[measure.number] = measure_node
                for item in items:
                    self.item_nodes[item.id] = measure_node.add_leaf(
                        self.item_label(item), NodeRef("item", item.id)
                    )
                for task in tasks:
                    if task.measure == measure.number:
                        self.item_nodes[task.id] = measure_node.add_leaf(
                            self.task_label(task), NodeRef("task", task.id)
                        )

    # labels (assess.tui.tree_labels) -------------------------------------------------

    def area_label(self, area: Area) -> Text:
        from assess.tui.tree_labels import area_label

        return area_label(self.session, self.t, area)

    def measure_label(self, measure: Measure) -> Text:
        from assess.tui.tree_labels import measure_label

        return measure_label(self.session, self.t, measure)

    def item_label(self, item: Item) -> Text:
        from assess.tui.tree_labels import item_label

        return item_label(self.session, self.t, item)

    def task_label(self, task: ZoneTask) -> Text:
        from assess.tui.tree_labels import task_label

        return task_label(self.t, task)

    def label_of(self, key: str) -> Text:
        """The label of the item or zone task ``key``."""
        task = next((t for t in self.session.assessment.zone_tasks if t.id == key), None)
        if task is not None:
            return self.task_label(task)
        return self.item_label(self.session.checklist.item_index[key])

    def refresh_item(self, item_id: str) -> None:
        """Update the labels of one item and of its measure and area (after a status key)."""
        checklist = self.session.checklist
        node = self.item_nodes.get(item_id)
        if node is not None:
            self.relabel(node, self.label_of(item_id))
        if item_id not in checklist.item_index:
            return  # a zone task: scored apart, its measure's score does not move
        measure = checklist.measure_of[item_id]
        area = checklist.area_of[item_id]
        if (m_node := self.measure_nodes.get(measure.number)) is not None:
            self.relabel(m_node, self.measure_label(measure))
        if (a_node := self.area_nodes.get(area.number)) is not None:
            self.relabel(a_node, self.area_label(area))

    def refresh_all_labels(self) -> None:
        """Relabel every node in place (after a profile change or undo)."""
        for item_id, node in self.item_nodes.items():
            self.relabel(node, self.label_of(item_id))
        for area in self.session.checklist.areas:
            if (a_node := self.area_nodes.get(area.number)) is not None:
                self.relabel(a_node, self.area_label(area))
            for measure in area.measures:
                if (m_node := self.measure_nodes.get(measure.number)) is not None:
                    self.relabel(m_node, self.measure_label(measure))

    def relabel(self, node: TreeNode[NodeRef], label: Text) -> None:
        """A new label repaints the node's own line only, and only if it changed.

        Textual repaints every line below a node whose label changes (for its guides): an
        area's new score would redraw the whole visible tree on each status key.
        """
        if node.label == label:
            return
        self._relabelled.add(node)
        node.set_label(label)

    def _refresh_node(self, node: TreeNode[NodeRef]) -> None:
        if node in self._relabelled:  # a label: its line (a cursor or hover: its subtree)
            self._relabelled.discard(node)
            if node.line >= 0:
                self._refresh_line(node.line)
            return
        super()._refresh_node(node)

    def render_label(self, node: TreeNode[NodeRef], base_style: Style, style: Style) -> Text:
        """The label, cut with 「…」 where the pane is narrower than it (80 columns): a title
        cut without a sign reads as a whole, different title. The form shows it in full."""
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room > 0 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        return label

    # navigation -----------------------------------------------------------------------

    @property
    def current_measure(self) -> Measure | None:
        node = self.cursor_node
        if node is None or node.data is None or node.data.kind != "measure":
            return None
        number = int(node.data.key)
        return next(m for m in self.session.checklist.measures if m.number == number)

    @property
    def current_item(self) -> str | None:
        """The item (or zone task) under the cursor; None on a measure or an area."""
        node = self.cursor_node
        if node is None or node.data is None or node.data.kind not in ("item", "task"):
            return None
        return node.data.key

    @property
    def current_task(self) -> str | None:
        node = self.cursor_node
        if node is None or node.data is None or node.data.kind != "task":
            return None
        return node.data.key

    @property
    def measure_at_cursor(self) -> int | None:
        """The measure of the node under the cursor (itself, its item's or its task's)."""
        node = self.cursor_node
        if node is None or node.data is None or node.data.kind == "area":
            return None
        if node.data.kind == "measure":
            return int(node.data.key)
        parent = node.parent
        return None if parent is None or parent.data is None else int(parent.data.key)

    def action_cursor_down(self) -> None:
        self._key_move(super().action_cursor_down)

    def action_cursor_up(self) -> None:
        self._key_move(super().action_cursor_up)

    def to_next_item(self) -> None:
        """Down to the next item (or task) line, past measure and area lines: after ⇧digit the
        cursor is on an item, so the next ⇧digit never sets a whole measure."""
        self._key_move(self._down_to_item)

    def _down_to_item(self) -> None:
        for line in range(self.cursor_line + 1, self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data is not None and node.data.kind in ("item", "task"):
                self._move_to(node)
                return

    def _key_move(self, move: Callable[[], None]) -> None:
        """Move, then tell ``on_key_move`` at once: the form it refills is painted in the same
        frame as the cursor (a NodeHighlighted message arrives after that frame, costing one)."""
        self.place_home()  # j on the first frame goes to 1.2, not to a heading
        before = self.cursor_node
        move()
        node = self.cursor_node
        if node is not None and node is not before and self.on_key_move is not None:
            self.on_key_move(node)

    def place_home(self) -> None:
        """Where the start has not yet put the cursor on the first item (the first frame shows
        the tree before it), a key acting on the cursor starts from that item, not a heading."""
        if self.home is not None and self.current_item is None:
            self.get_node_at_line(0)  # lays the lines out, if no frame has yet
            node = self.item_nodes.get(self.home)
            if node is not None and node.line >= 0:
                self._move_to(node)
        self.home = None

    def go_to_item(self, item_id: str) -> bool:
        self.home = None  # the cursor is placed
        node = self.item_nodes.get(item_id)
        if node is None:
            return False
        if node.parent is not None:
            node.parent.expand()
            if node.parent.parent is not None:
                node.parent.parent.expand()
        if node.line < 0:  # a freshly built tree has no lines until it is laid out
            self.call_after_refresh(self._move_to, node)
        else:
            self._move_to(node)
        return True

    def _move_to(self, node: TreeNode[NodeRef]) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def action_fold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_unfold(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand and not node.is_expanded:
            node.expand()

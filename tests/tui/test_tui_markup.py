"""Issue 11.9: text from the file is shown literally in every widget, never parsed as markup.

A ``[/…]`` in a zone name, an evidence reference or an action text used to raise MarkupError
(on the first item: the file could not be opened at all); other markup vanished or became a
clickable action. Each payload below must appear character for character.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from textual.widgets._toast import Toast
from tui_helpers import SIZE, TODAY

from assess.demo import build_demo
from assess.lang import Lang
from assess.models import Action, Evidence
from assess.resources import default_checklist
from assess.storage import save
from assess.tui.app import AssessApp, open_app
from assess.tui.compare_screen import CompareScreen
from assess.tui.dashboard import DashboardScreen
from assess.tui.modals import CiteEvidence, PathPrompt

PAYLOADS = [
    "[/]",
    "[b]x[/b]",
    "[@click=app.quit]x[/]",
    "[link=http://x]y[/link]",
    "[/link] [red]红[/red] \\[z]",
]


@pytest.fixture(params=PAYLOADS, ids=range(len(PAYLOADS)))
def payload(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture
def hostile_app(tmp_path: Path, payload: str) -> AssessApp:
    """The demo with the payload in every text field of the first item, the zone and evidence."""
    checklist = default_checklist()
    demo = build_demo(checklist, TODAY)
    first = checklist.items[0].id
    demo.zone.name = f"区{payload}"
    demo.period = f"期{payload}"
    demo.assessor = payload
    demo.evidence.append(Evidence(id="E999", title=f"题{payload}", ref=f"号{payload}"))
    record = demo.items[first]
    record.evidence.append("E999")
    record.actions.append(
        Action(
            text=f"举{payload}",
            lead=f"牵{payload}",
            partners=f"配{payload}",
            due=dt.date(2025, 1, 1),  # overdue: the dashboard's warnings quote the text
        )
    )
    for name in ("explanation", "current", "gap", "opportunity", "note"):
        setattr(record, name, f"{name}{payload}")
    path = tmp_path / "hostile.json"
    save(path, demo)
    return open_app(path, today=TODAY)


def cells(table: DataTable[object]) -> list[str]:
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


def options(widget: OptionList) -> list[str]:
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


async def test_file_text_is_literal_in_every_widget(hostile_app: AssessApp, payload: str) -> None:
    app = hostile_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause(0.1)
        assert app.return_code is None  # opened, on the first item, with no MarkupError
        assert f"区{payload}" in str(app.query_one("#zone-line").render())
        assert f"期{payload}" in str(app.query_one("#zone-line").render())
        evidence = cells(app.query_one("#evidence-table", DataTable))
        assert f"题{payload}" in evidence and f"号{payload}" in evidence
        actions = cells(app.query_one("#actions-table", DataTable))
        assert {f"举{payload}", f"牵{payload}", f"配{payload}"} <= set(actions)

        app.notify(f"通知{payload}")  # toasts quote paths and file text
        await pilot.pause()
        note = list(app._notifications)[-1]
        assert f"通知{payload}" in str(Toast(note).render())

        app.push_screen(CiteEvidence(app.t.lang, app.session.assessment.evidence))
        await pilot.pause()
        assert any(f"题{payload}" in o for o in options(app.screen.query_one(OptionList)))
        app.pop_screen()

        app.push_screen(DashboardScreen(app.session, app.t.lang))
        await pilot.pause()
        rows = options(app.screen.query_one("#dash-rows", OptionList))
        assert any(f"举{payload}"[:12] in o for o in rows)  # the warning shortens long texts
        app.pop_screen()

        app.action_compare()  # a path with markup in it: the error is shown literally
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        app.screen.query_one("#path").value = f"/nowhere/{payload}.json"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        shown = str(app.screen.query_one("#form-error").render())
        assert str(Path(f"/nowhere/{payload}.json")) in shown
        app.pop_screen()

        other = app.session.assessment.model_copy(deep=True)
        app.push_screen(
            CompareScreen(app.session.checklist, other, app.session.assessment, Lang.ZH)
        )
        await pilot.pause()
        assert f"区{payload}" in str(app.screen.query_one("#compare-head").render())
        app.pop_screen()
        await pilot.pause()
        assert app.return_code is None  # no [@click=app.quit] ran
    app.session.close()

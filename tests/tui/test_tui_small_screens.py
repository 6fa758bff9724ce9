"""Every screen at 80×24, in both languages: what a user on a small terminal reads (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Select
from textual.widgets._footer import FooterKey
from tui_helpers import TODAY, until

from assess.demo import build_demo
from assess.editing import Editor
from assess.lang import Lang
from assess.models import Status
from assess.regions import PROVINCES
from assess.resources import default_checklist
from assess.storage import save
from assess.texts import Texts
from assess.texts import tui as texts_tui
from assess.texts import tui_screens as texts
from assess.texts.labels import CHANGE_CLASS, STATUS
from assess.texts.messages import ROLLUP_RULE
from assess.texts.provinces import province_label
from assess.textwidth import NO_LINE_START, truncate, width
from assess.tui.app import AssessApp, open_app
from assess.tui.footer import SteadyFooter
from assess.tui.palette import Palette
from assess.tui.prose import Prose

SMALL = (80, 24)


def screen_lines(app: AssessApp) -> list[str]:
    """The terminal's text, line by line, as the user sees it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.fixture(params=[Lang.ZH, Lang.EN], ids=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> Lang:
    return Lang(request.param)


@pytest.fixture
def app_in(demo_path: Path, lang: Lang) -> Iterator[AssessApp]:
    application = open_app(demo_path, lang=lang.value, today=TODAY)
    yield application
    application.session.close()


@pytest.fixture
def previous(demo_path: Path) -> Path:
    """The previous period: each change class at an item of the demo's current period."""
    path = demo_path.with_name("previous.json")
    earlier = build_demo(default_checklist(), TODAY)
    Editor(earlier, who="t").set_status("1.1", Status.NOT_STARTED)
    Editor(earlier, who="t").set_status("1.3", Status.IN_PROGRESS)
    Editor(earlier, who="t").set_status("1.4", Status.DONE)
    Editor(earlier, who="t").set_status("2.1", Status.NOT_ASSESSED)
    save(path, earlier)
    return path


async def open_compare(pilot: Pilot[None], path: Path) -> None:
    await pilot.press("c", *path.name, "enter")
    await pilot.pause()


async def test_dashboard_scrolls_to_every_measure_row(app_in: AssessApp, lang: Lang) -> None:
    """At 80×24 the cursor reaches each measure's score row, and the row is on screen."""
    t = Texts(lang)
    checklist = app_in.session.checklist
    async with app_in.run_test(size=SMALL) as pilot:
        await pilot.press("d")
        await pilot.pause()
        rows = app_in.screen.query_one("#dash-rows", OptionList)
        await pilot.press("home")
        await pilot.pause()
        assert any(t(texts.OVERALL) in line for line in screen_lines(app_in))  # the top
        seen = set()
        for _ in range(rows.option_count):
            option = rows.get_option_at_index(rows.highlighted or 0)
            if option.id and "#m" in option.id:
                measure = checklist.measures[int(option.id.split("#m")[1]) - 1]
                name = t.pick(
                    f"{measure.numeral}{measure.title}", f"({measure.number}) {measure.title_en}"
                )
                shown = truncate(name, 20).rstrip("…")
                assert any(shown in line for line in screen_lines(app_in)), name
                seen.add(measure.number)
            await pilot.press("down")
            await pilot.pause()
        assert seen == {m.number for m in checklist.measures}


async def test_dashboard_breaks_chinese_lines_by_the_rules(demo_path: Path) -> None:
    """The scoring rule wraps without a line starting with ，。、；：）」."""
    application = open_app(demo_path, today=TODAY)
    try:
        async with application.run_test(size=SMALL) as pilot:
            await pilot.press("d")
            await pilot.pause()
            rule = Texts()(ROLLUP_RULE)
            lines = [line.strip(" ▊▎") for line in screen_lines(application)]
            rule_lines = [line for line in lines if line and line in rule]
            assert "".join(rule_lines) == rule  # all of it is on screen, in order
            assert len(rule_lines) > 1
            assert all(line[0] not in NO_LINE_START for line in rule_lines), rule_lines
    finally:
        application.session.close()


async def test_compare_labels_stay_whole_at_80_columns(
    app_in: AssessApp, lang: Lang, previous: Path
) -> None:
    """未变, 未评估, 改善 and 退步 are read in full (not all 「未」); titles are cut with 「…」."""
    t = Texts(lang)
    async with app_in.run_test(size=SMALL) as pilot:
        await open_compare(pilot, previous)
        lines = screen_lines(app_in)
        rows = {
            line.split()[0]: line
            for line in lines
            if line.strip()[:3] in ("1.1", "1.3", "1.4", "2.1")
        }
        assert t(CHANGE_CLASS["improved"]) in rows["1.1"]
        assert t(CHANGE_CLASS["regressed"]) in rows["1.4"]
        assert t(CHANGE_CLASS["no_longer_assessed"]) in rows["1.3"]
        assert t(STATUS["not_assessed"]) in rows["2.1"]
        assert t(CHANGE_CLASS["newly_assessed"]) in rows["2.1"]
        unchanged = next(line for line in lines if line.lstrip().startswith("1.2 "))
        assert t(CHANGE_CLASS["unchanged"]) in unchanged
        assert any("…" in line for line in rows.values())  # long titles are cut visibly
        assert all(width(line) <= SMALL[0] for line in lines)
        footer = lines[-1]
        assert t(texts.KEY_CHANGES_ONLY) in footer and t(texts.KEY_BACK) in footer


async def test_palette_says_no_match_in_the_users_language(app_in: AssessApp, lang: Lang) -> None:
    async with app_in.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app_in.screen, Palette)
        await pilot.press(*"zzzq")
        # Textual shows the sentence after its own timer (0.5 s); nothing to await but time
        await pilot.pause(Palette._NO_MATCHES_COUNTDOWN + 0.3)
        prompts = [
            str(option.prompt.renderable)  # type: ignore[union-attr]
            for option in app_in.screen.query_one(CommandList).options
        ]
        assert Texts(lang)(texts.PALETTE_NO_MATCHES) in prompts
        assert not any("No matches found" in line for line in screen_lines(app_in))


def test_every_province_has_an_english_name() -> None:
    en = Texts(Lang.EN)
    for province in PROVINCES:
        name = province_label(province, en)
        assert name.isascii() and name[0].isupper(), province
    assert province_label("江苏省", en) == "Jiangsu"
    assert province_label("广西壮族自治区", en) == "Guangxi"
    assert province_label("江苏省", Texts(Lang.ZH)) == "江苏省"  # as the zone wrote it
    assert province_label("火星", en) == "火星"  # not a province: the zone's own entry


async def test_profile_shows_the_province_in_the_users_language(
    app_in: AssessApp, lang: Lang
) -> None:
    t = Texts(lang)
    async with app_in.run_test(size=SMALL) as pilot:
        await pilot.press("p")
        await pilot.pause()
        province = app_in.screen.query_one("#province", Select)
        assert province.value == app_in.session.assessment.zone.province == "广西"
        shown = "\n".join(screen_lines(app_in))
        assert province_label("广西", t) in shown
        assert lang is Lang.ZH or "广西" not in shown
        assert t(texts.KEY_BACK) in screen_lines(app_in)[-1]


def test_wrapped_text_keeps_its_styles_and_indents_continuations() -> None:
    from rich.text import Text

    from assess.tui.prose import wrap_text

    text = Text("1.1  ")
    text.append("先行先试，探索", style="bold")
    wrapped = wrap_text(text, 12, indent=2)
    assert wrapped.plain.split("\n") == ["1.1  先行", "  先试，探索"]  # 10 cells after the indent
    bold = "".join(wrapped.plain[s.start : s.end] for s in wrapped.spans if s.style == "bold")
    assert bold.replace("\n", "").replace(" ", "") == "先行先试，探索"


async def test_help_fits_80x24_and_scrolls_to_its_last_key(app_in: AssessApp, lang: Lang) -> None:
    """The ``?`` screen's frame and hint are all on screen; the keys below the fold scroll in."""
    from assess.tui.keys import help_rows

    async with app_in.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app_in.screen.query_one(".dialog")
        assert dialog.region.bottom <= SMALL[1]  # the bottom border is drawn: nothing is cut
        hint = Texts(lang)(texts_tui.HELP_TARGET).split()[0]
        assert any(hint in line for line in screen_lines(app_in))
        *_, (keys, label) = help_rows(Texts(lang))

        def last_row_shown() -> bool:
            return any(keys in line and label in line for line in screen_lines(app_in))

        assert not last_row_shown()  # below the fold at first
        await pilot.press("end")
        await pilot.pause()
        assert last_row_shown()


async def test_footer_at_80_columns_shows_the_most_used_keys(app_in: AssessApp, lang: Lang) -> None:
    """The five status keys, help, the command palette and search fit 80 columns in both
    languages: from these every other key is found."""
    from assess.tui.keys import REGISTRY

    t = Texts(lang)
    wanted = [k for k in REGISTRY if k.id.startswith("status.") or k.id in ("help", "palette")]
    wanted += [k for k in REGISTRY if k.id == "search"]
    async with app_in.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: app_in._started and screen_lines(app_in)[-1].strip() != "")
        footer = screen_lines(app_in)[-1]
    for key in wanted:
        shown = key.display.split(" / ")[0] or {"ctrl+p": "^p"}.get(key.keys, key.keys)
        assert f"{shown} {t(key.short or key.text)}" in footer, (key.id, footer)


async def test_footer_shows_whole_keys_only(app_in: AssessApp, lang: Lang) -> None:
    """A key that does not fit is left out, never cut mid-word ("f fi" in English at 80
    columns); a wider window shows the keys again."""
    async with app_in.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: app_in._started and screen_lines(app_in)[-1].strip() != "")
        footer = app_in.screen.query_one(SteadyFooter)

        def shown_keys() -> list[FooterKey]:
            line = screen_lines(app_in)[-1]
            shown = [key for key in footer.query(FooterKey) if key.display]
            for key in shown:
                assert key.region.right <= footer.region.right, (key.description, line)
                assert f"{key.key_display} {key.description}" in line, (key.description, line)
            return shown

        narrow = shown_keys()
        assert len(narrow) < len(footer.query(FooterKey))  # 80 columns hold only some
        await pilot.resize_terminal(160, 40)
        await until(
            pilot, lambda: len([k for k in footer.query(FooterKey) if k.display]) > len(narrow)
        )
        assert shown_keys()[: len(narrow)] == narrow


async def test_item_pane_breaks_policy_text_by_the_rules(demo_path: Path) -> None:
    """The policy text, the 评估要点 and the suggested evidence of every item wrap without a line
    starting with ，。、；：）」 (Textual's own wrapping broke 1.1's 评估要点 before “；”)."""
    application = open_app(demo_path, today=TODAY)
    try:
        async with application.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: application._started)
            for item in application.session.checklist.items:
                application.detail.show_item(item.id)
                await pilot.pause()
                for part in ("item-head", "item-source", "item-guidance"):
                    prose = application.detail.query_one(f"#{part}", Prose)
                    lines = str(prose.render()).split("\n")
                    starts = [line[0] for line in lines[1:] if line]
                    assert not set(starts) & NO_LINE_START, (item.id, part, lines)
    finally:
        application.session.close()


async def test_item_pane_rewraps_for_a_new_item_and_a_new_width(demo_path: Path) -> None:
    """The wrapped policy text is kept between layout and paint: it must follow the item shown
    and the pane's width, never show the previous item's text or lines of the old width."""
    application = open_app(demo_path, today=TODAY)
    try:
        async with application.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: application._started)
            source = application.detail.query_one("#item-source", Prose)
            for item_id, size in (("1.1", (120, 40)), ("2.1", (120, 40)), ("2.1", SMALL)):
                await pilot.resize_terminal(*size)
                application.detail.show_item(item_id)
                await pilot.pause()
                lines = str(source.render()).split("\n")
                item = next(i for i in application.session.checklist.items if i.id == item_id)
                assert "".join(line.strip() for line in lines).endswith(
                    "".join(item.source.split())
                )
                assert max(width(line) for line in lines) <= source.content_size.width
                assert len(lines) == source.size.height
    finally:
        application.session.close()


@pytest.mark.parametrize("key", ["d", "p"])
async def test_other_screens_footers_speak_the_users_language(app_in: AssessApp, key: str) -> None:
    """总览 and 经开区画像 showed Textual's own “^p palette” in the Chinese UI."""
    async with app_in.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app_in._started)
        await pilot.press(key)
        await until(pilot, lambda: app_in.screen is not app_in.screen_stack[0])
        await pilot.pause()
        footer = screen_lines(app_in)[-1]
        assert footer.strip() and "palette" not in footer, footer


async def test_the_coverage_bar_fills_as_much_as_the_coverage(app_in: AssessApp) -> None:
    """At 43% the bar showed 14 of its 16 cells filled: Textual's bar is 32 cells wide."""
    from textual.widgets import ProgressBar
    from textual.widgets._progress_bar import Bar

    async with app_in.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app_in._started)
        box = app_in.query_one("#coverage", ProgressBar)
        bar = box.query_one(Bar)
        coverage = app_in.session.summary.overall.coverage
        assert 0.2 < coverage < 0.8  # the demo: half assessed
        assert bar.percentage is not None
        assert bar.region.width == box.region.width
        filled = bar.region.width * bar.percentage
        assert abs(filled - box.region.width * coverage) < 1


async def test_tree_titles_cut_at_80_columns_end_in_an_ellipsis(
    app_in: AssessApp, lang: Lang
) -> None:
    """A title the narrow tree cannot hold ends in 「…」 (cut silently, it reads as another
    title); one that fits is shown whole, and no text runs under the scrollbar or the border."""
    async with app_in.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: app_in._started)
        tree = app_in.checklist_tree
        lines = screen_lines(app_in)[tree.region.y : tree.region.bottom]
        cut = whole = 0
        for number, text in enumerate(lines, start=tree.scroll_offset.y):
            node = tree.get_node_at_line(number)
            if node is None:
                continue
            label, shown = node.label.plain, text.split("▕")[0]  # the tree's border
            assert width(shown) == tree.region.width - 1
            shown = shown[:-1].rstrip()  # the last column is the scrollbar's
            if shown.endswith(label):
                whole += 1
            else:
                assert shown.endswith("…"), (label, shown)
                assert shown[:-1].rstrip()[-3:] in label, (label, shown)
                cut += 1
        assert cut and (whole or lang is Lang.EN)  # every English title is longer than 30 cells


async def test_a_question_breaks_its_chinese_lines_by_the_rules(demo_path: Path) -> None:
    """A dialog's body (删除自定任务 and the save questions) was wrapped by Textual, which put
    a lone 。 or ） at the start of a line, whatever the title's length made it fall."""
    application = open_app(demo_path, lang="zh", today=TODAY)
    try:
        async with application.run_test(size=SMALL) as pilot:
            await pilot.pause()
            for filler in range(1, 16):
                body = f"Z1“{'题' * filler}”连同其说明一并删除（修改记录保留原内容，可撤销）。"
                application.push_screen(application.dialogs.confirm_remove_task(body))
                await until(pilot, lambda: application.screen.query("#question-body"))
                await pilot.pause()
                box = application.screen.query_one("#question-body").region
                strips = application.screen._compositor.render_strips()
                shown = [strips[y].crop(box.x, box.right).text.strip() for y in box.line_range]
                assert "".join(shown) == body, shown  # all of it, in order
                assert all(line[0] not in NO_LINE_START for line in shown), shown
                application.pop_screen()
    finally:
        application.session.close()


async def test_the_item_forms_buttons_all_show_at_80_columns(app_in: AssessApp) -> None:
    """移除 (remove) of the evidence row was past the pane's right edge, out of sight."""
    async with app_in.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: app_in._started)
        pane = app_in.detail.region
        for key, row in (("v", "ev-"), ("a", "act-")):
            await pilot.press(key)  # the section scrolled into view
            await pilot.pause()
            buttons = [b for b in app_in.detail.query(Button) if (b.id or "").startswith(row)]
            assert len(buttons) >= 3
            for button in buttons:
                box = button.region
                assert box.width and pane.x <= box.x and box.right <= pane.right, button.id

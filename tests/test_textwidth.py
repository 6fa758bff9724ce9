"""Cuts and line breaks by terminal cells, with Chinese line-breaking rules (禁则)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assess.textwidth import NO_LINE_END, NO_LINE_START, pad, truncate, width, wrap

POLICY = (
    "支持经开区开展先行先试，探索建立与国际高标准经贸规则相衔接的制度体系。"
    "鼓励（有条件的）地区申请试点，并在年底前完成「两张清单」。"
)


def test_width_counts_cjk_as_two_cells() -> None:
    assert width("未评估") == 6
    assert width("A 1") == 3


def test_truncate_marks_the_cut_and_fits_the_cells() -> None:
    assert truncate("未变化", 6) == "未变化"
    assert truncate("未评估", 5) == "未评…"
    assert truncate("江苏省南京市", 6) == "江苏…"  # 江苏 + 「…」 is 5 cells; 江苏省 would be 7
    assert truncate("Jiangsu (East)", 8) == "Jiangsu…"
    assert truncate("abc", 0) == ""


def test_truncate_keeps_short_labels_apart() -> None:
    """The compare screen's 未变 and 未评估 must not both read 未."""
    assert truncate("未变", 6) != truncate("未评估", 6)


def test_pad_cuts_with_ellipsis_to_exact_width() -> None:
    assert pad("江苏省南京市", 7) == "江苏省…"
    assert width(pad("江苏", 7)) == 7


def test_wrap_keeps_closing_punctuation_off_the_line_start() -> None:
    for columns in range(6, 40):
        lines = wrap(POLICY, columns)
        assert "".join(lines) == POLICY
        for line in lines:
            assert width(line) <= columns
            assert line[0] not in NO_LINE_START, (columns, lines)
            assert line[-1] not in NO_LINE_END, (columns, lines)


def test_wrap_pulls_the_character_before_a_comma_down() -> None:
    # 12 cells: 「支持经开区开展」 would fit 14; at 12 the comma after 「试」 must not lead
    assert wrap("先行先试，探索", 8) == ["先行先", "试，探索"]


def test_wrap_moves_an_opening_bracket_to_the_next_line() -> None:
    assert wrap("鼓励「两张清单」", 6) == ["鼓励", "「两张", "清单」"]


def test_wrap_breaks_latin_text_at_spaces_and_keeps_newlines() -> None:
    assert wrap("cross border data\n试点", 12) == ["cross border", "data", "试点"]


def test_wrap_cuts_a_word_longer_than_the_line() -> None:
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]


HAN = st.sampled_from("经开区先行试点制度体系国际规则")
PUNCT = st.sampled_from("，。、；：）」")
CLAUSE = st.tuples(st.lists(HAN, min_size=1, max_size=6), PUNCT).map(lambda c: "".join(c[0]) + c[1])


@given(st.lists(CLAUSE, min_size=1, max_size=12), st.integers(min_value=4, max_value=40))
def test_wrap_never_starts_a_line_with_closing_punctuation(
    clauses: list[str], columns: int
) -> None:
    text = "".join(clauses)
    lines = wrap(text, columns)
    assert "".join(lines) == text
    assert all(width(line) <= columns for line in lines)
    assert all(line[0] not in NO_LINE_START for line in lines)


@given(
    st.text(alphabet=st.sampled_from("ab cd，。（）「」经开区\n"), max_size=80),
    st.integers(min_value=2, max_value=30),
)
def test_wrap_fits_the_width_and_loses_nothing_but_spaces(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert all(width(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")

"""Where quotes are: every kind of mark, nested quotes, closers lost to mojibake or a page
cut, and unmarked statements credited on a dash line."""

from __future__ import annotations

import pytest

from dedup.quote_marks import looks_like_mojibake
from dedup.quotes import extract_quotes


@pytest.mark.parametrize(
    ("opener", "closer"),
    [("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’"), ('"', '"'), ("＂", "＂")],
)
def test_every_kind_of_quote_mark(opener: str, closer: str) -> None:
    said = "稳住就业基本盘，是今年经济工作的重中之重。"
    text = f"李强表示：{opener}{said}{closer}随后他参观了展区。"
    (quote,) = extract_quotes(text)
    assert quote.text == said
    assert text[quote.start : quote.end] == said
    assert (quote.speaker, quote.verb, quote.kind) == ("李强", "表示", "statement")
    assert quote.marked and quote.closed


def test_nested_quotes_stay_inside_the_statement() -> None:
    text = (
        "近平書記十分關心材料科技創新進展和科研成果轉化應用,叮囑:“原創性技術要從‘0’到‘1’,"
        "從實驗實現轉化,而不是停留在論文階段。以后還要把‘1’拉長、推進。”話語中飽含書記的深邃思考。"
    )
    (quote,) = extract_quotes(text)
    assert quote.text.startswith("原創性技術") and quote.text.endswith("推進。")
    assert [text[a:b] for a, b in quote.inner] == ["0", "1", "1"]
    assert (quote.speaker, quote.verb) == ("习近平", "叮嘱")


def test_corner_brackets_nest_inside_double_corner_brackets() -> None:
    text = "他說：「我們會堅持『一國兩制』，這一點不會改變。」"
    (quote,) = extract_quotes(text)
    assert quote.text == "我們會堅持『一國兩制』，這一點不會改變。"
    assert [text[a:b] for a, b in quote.inner] == ["一國兩制"]


def test_closing_mark_lost_to_mojibake_ends_at_the_speakers_sentence() -> None:
    # Seed 000: ”培育壯大新動能 was garbled into 迸嘤龎汛笮聞幽.
    text = (
        "總書記強調:“堅持創(chuàng)新驅(qū)動,加緊培育壯大新動能!迸嘤龎汛笮聞幽,意味著要通過科技"
        "創(chuàng)新形成新的經(jīng)濟增長點。而“加緊”二字,更加充分說明這項工作的重要性。"
    )
    first, second = extract_quotes(text)
    assert first.text == "堅持創(chuàng)新驅(qū)動,加緊培育壯大新動能!"
    assert not first.closed
    assert second.text == "加緊" and second.closed and second.speaker is None


def test_lost_closer_picks_the_garbled_terminator_not_the_first() -> None:
    # Seed 000's second statement has two sentences; the closer went missing after the second.
    text = (
        "習近平總書記在國家信創園考察時強調:“建設社會主義現代化強國,關鍵在科技自立自強。"
        "要充分發揮我們國家集中力量辦大事的優勢,實現我們的戰略目標!痹\ue143紕(chuàng)新、"
        "基礎研究是突破關鍵核心技術“卡脖子”難題的根本路徑。"
    )
    quotes = extract_quotes(text)
    assert quotes[0].text.endswith("實現我們的戰略目標!")
    assert quotes[0].text.startswith("建設社會主義")
    assert not quotes[0].closed
    assert quotes[1].text == "卡脖子"


def test_lost_closer_without_garbage_ends_at_first_sentence_end() -> None:
    text = "王毅指出：“中方愿同各方加强沟通。我们将继续推动对话，各方都应保持克制。随后“和平”一词多次出现。"
    first = extract_quotes(text)[0]
    assert first.text == "中方愿同各方加强沟通。"
    assert not first.closed
    assert first.speaker == "王毅"


def test_page_cut_ends_at_the_line_end() -> None:
    # Seed 003: a headline snippet cut mid-sentence, then a date line.
    text = (
        "以科技创新引领现代化产业体系建设成为2024年经济工作的“重点词”。中央经济工作会议强调,"
        "“要以科技创新推动产业创新,特别是以颠覆性技术和前沿技术催生新产业、新模式、新动能,发展\n"
        "2023-12-22 07:40:00\n"
    )
    term, cut = extract_quotes(text)
    assert (term.text, term.kind, term.speaker) == ("重点词", "term", None)
    assert cut.text.endswith("新动能,发展")
    assert not cut.closed
    assert (cut.speaker, cut.verb, cut.kind) == ("中央经济工作会议", "强调", "statement")


def test_a_stray_mark_before_a_paragraph_of_sentences_ends_at_the_first() -> None:
    # A whole blog post after a lone “, its copyright line included, is not one quote.
    text = (
        "“之前林允一直在假装自己是美妆博主。结果最近真的去当了特约编辑。你们真的相信她么？"
        "今天记得点赞哦！本文为一点号作者原创，未经授权不得转载\n"
    )
    (quote,) = extract_quotes(text)
    assert quote.text == "之前林允一直在假装自己是美妆博主。"
    # one sentence ending in a run of marks is still one sentence: the cut snippet stays whole
    (snippet,) = extract_quotes("他说：“真的吗？！那我们明天就去看看\n")
    assert snippet.text == "真的吗？！那我们明天就去看看"


def test_a_quote_of_several_paragraphs_runs_to_each_paragraph_end() -> None:
    # The convention: every paragraph of a long quote opens with “, only the last closes.
    text = "他说：“第一，我们要稳住基本盘。第二，我们要扩大内需。\n“第三，我们要深化改革。”\n"
    first, second = extract_quotes(text)
    assert first.text == "第一，我们要稳住基本盘。第二，我们要扩大内需。"
    assert second.text == "第三，我们要深化改革。"


def test_unmarked_statement_credited_by_a_dash_line() -> None:
    text = (
        "  【学习金句】\n\n"
        "  把科技创新摆到更加突出的位置,深化教育科技人才综合改革,加强科教创新和产业创新融合。\n\n"
        "  ——2023年12月,习近平总书记在广西考察时强调\n\n"
        "  【实践分享】\n"
    )
    (quote,) = extract_quotes(text)
    assert quote.text.startswith("把科技创新") and quote.text.endswith("产业创新融合。")
    assert not quote.marked and quote.closed
    assert (quote.speaker, quote.verb, quote.kind) == ("习近平", "强调", "statement")


def test_only_the_requested_span_is_searched() -> None:
    head = "习近平总书记强调:“要坚持科技创新和产业创新一起抓。”\n"
    tail = "热门资讯\n转自:某网站“阳光下的守护”法治公安主题宣传活动启动\n"
    text = head + tail
    inside = extract_quotes(text, 0, len(head))
    assert [q.text for q in inside] == ["要坚持科技创新和产业创新一起抓。"]
    outside = extract_quotes(text, len(head))
    assert [q.text for q in outside] == ["阳光下的守护"]
    assert outside[0].start > len(head)


def test_mojibake_detector() -> None:
    assert looks_like_mojibake("!迸嘤龎汛笮聞幽,意味著", 1)
    assert looks_like_mojibake("!痹\ue143紕(chuàng)新", 1)
    assert not looks_like_mojibake("。要充分發揮我們國家", 1)
    assert not looks_like_mojibake("。垃圾分类已成新时尚", 1)

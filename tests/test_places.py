"""Places: the name a document gives itself, and the level it speaks at."""

from __future__ import annotations

import pytest

from summarizer.places import full_form, level_of, place_of


@pytest.mark.parametrize(
    ("body", "level", "expected"),
    [
        pytest.param(
            "政府工作报告\n——2022年1月27日在保定市满城区第三届人民代表大会第二次会议上\n各位代表：",
            None,
            "满城区",
            id="congress-date-line-last-of-the-chain",
        ),
        pytest.param(
            "2020年1月13日在县十六届人民代表大会第四次会议上\n涞源县人民政府县长周峰\n各位代表：",
            None,
            "涞源县",
            id="byline-when-the-congress-is-unnamed",
        ),
        pytest.param(
            "各位代表：\n现在，我代表容城县第十四届人民政府，向大会报告工作。",
            None,
            "容城县",
            id="speaks-for",
        ),
        pytest.param("2025年安徽省政府工作报告\n来源：省政府政策研究室\n", None, "安徽省", id="dated-title"),
        pytest.param(
            "2025年广西政府工作报告\n2025年1月13日在广西壮族自治区第十四届人民代表大会第三次会议上\n"
            "现在，我代表自治区人民政府，向大会报告工作。",
            None,
            "广西壮族自治区",
            id="autonomous-region-not-its-bare-suffix",
        ),
        pytest.param(
            "2025年四川省政府工作报告\n2025年1月20日在四川省第十四届人民代表大会第四次会议上",
            None,
            "四川省",
            id="name-starting-with-a-numeral",
        ),
        pytest.param(
            "各位代表：\n现在，我代表国务院，向大会作政府工作报告。", "国家", "全国", id="state-council"
        ),
        pytest.param(
            "各位代表：\n现在，我代表县政府向大会作工作报告。全县上下要团结一心，项目落户易县。",
            "县",
            None,
            id="self-reference-names-no-place",
        ),
        pytest.param("同志们：明年要抓好以下工作。", None, None, id="nothing"),
        pytest.param(
            "在中共贵州省委经济工作会议上的讲话\n同志们：\n全省上下要团结一心。",
            "省",
            "贵州省",
            id="committee-of-the-title-in-its-full-form",
        ),
        pytest.param("2025年贵州省政府工作报告\n各位代表：", None, "贵州省", id="province-with-its-suffix"),
    ],
)
def test_place_of(body: str, level: str | None, expected: str | None) -> None:
    assert place_of(body, level) == expected  # type: ignore[arg-type]


# A county's report whose head names no place (the date line names ``县十五届人大``, the government is
# ``县政府``): the genre's phrases in its body name it.
COUNTY = (
    "各位代表：\n现在，我代表县人民政府，向大会作工作报告，请予审议。\n一、2017年工作回顾\n全县上下团结奋斗。"
)


@pytest.mark.parametrize(
    ("body", "level", "expected"),
    [
        pytest.param(
            COUNTY
            + "易县被授予全国群众体育先进单位。易县博物馆建成开馆。推进“平安易县”建设。"
            + "在此，向所有关心支持易县发展的朋友们表示敬意！",
            "县",
            "易县",
            id="county-thanks-those-who-support-its-development",
        ),
        pytest.param(
            COUNTY
            + "2019年，是清苑发展史上极不平凡的一年。清苑经济开发区获批。让我们共同开创清苑更加美好的明天！",
            "区",
            "清苑区",
            id="bare-name-completed-by-the-level-that-speaks",
        ),
        pytest.param(
            COUNTY + "向关心、支持和参与定兴发展的各界人士表示感谢。定兴要抢抓机遇，定兴大有可为，定兴必胜。",
            "县",
            "定兴县",
            id="thanks-with-participation",
        ),
        pytest.param(
            COUNTY + "向全县人民和在清苑创业的投资者表示感谢。清苑已经站在新的历史起点，清苑大有可为。",
            "县",
            "清苑县",
            id="investors-thanked-and-the-name-as-subject",
        ),
        pytest.param(
            "在经济工作会议上的讲话\n全省上下坚持稳中求进，深入贯彻习近平总书记考察云南重要讲话精神。"
            "云南正处在战略机遇叠加期。持续推进“美丽云南”建设。",
            "省",
            "云南省",
            id="provincial-leader-speech-cites-the-visit-to-its-province",
        ),
        pytest.param(
            "在省委经济工作会议上的讲话\n" + "全面建设社会主义现代化广西，广西要加快发展。" * 3,
            "省",
            "广西壮族自治区",
            id="province-written-again-and-again-in-its-full-form",
        ),
        pytest.param(
            "在州委经济工作会议上的讲话\n同志们：\n湘西州全面融入全国高铁网。要把湘西州打造成为投资的热土。"
            "建设现代化新湘西，讲好湘西故事。",
            "州",
            "湘西土家族苗族自治州",
            id="autonomous-prefecture-in-its-full-form",
        ),
        pytest.param(
            "同志们：\n全市上下要团结一心。向关心支持首都建设的各界人士表示感谢。首都发展要有新气象，"
            "首都功能核心区，首都经济圈。",
            "市",
            "北京市",
            id="the-capital-is-beijing",
        ),
        pytest.param(
            COUNTY + "争取更多更好的项目落户易县。做好容城至易县高等级公路征迁协调工作。",
            "县",
            None,
            id="a-name-that-merely-occurs-is-not-the-speaker",
        ),
        pytest.param(
            COUNTY + "抢抓京津冀协同发展机遇，开创协同发展新局面，协同推进。",
            "县",
            None,
            id="a-topic-is-no-place",
        ),
        pytest.param(
            COUNTY + "服务保定市发展大局，把保定建设成现代化品质生活之城，保定市要率先发展。",
            "县",
            None,
            id="the-city-above-is-not-the-county",
        ),
        pytest.param(
            COUNTY + "深入贯彻习近平总书记视察河北重要讲话精神，河北要建设经济强省，河北河北河北。",
            "县",
            None,
            id="the-province-above-is-not-the-county",
        ),
        pytest.param(
            COUNTY + "向关心支持易县发展的朋友们致敬。向关心支持涞水发展的朋友们致敬。易县、涞水合作。",
            "县",
            None,
            id="two-names-near-level",
        ),
        pytest.param(
            "同志们：\n**市经济稳中向好。向关心支持**发展的各界人士表示感谢。全市上下要团结一心。",
            "市",
            None,
            id="anonymised-seed-names-none",
        ),
        pytest.param(
            "各位代表：\n现在，我代表国务院，向大会作政府工作报告。关心和支持中国现代化建设的国际朋友。",
            "国家",
            "全国",
            id="national",
        ),
    ],
)
def test_place_named_in_the_body(body: str, level: str, expected: str | None) -> None:
    assert place_of(body, level) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("贵州", "贵州省", id="province-short"),
        pytest.param("贵州省", "贵州省", id="province-full"),
        pytest.param("广西", "广西壮族自治区", id="autonomous-region-short"),
        pytest.param("广西自治区", "广西壮族自治区", id="autonomous-region-half"),
        pytest.param("北京", "北京市", id="municipality"),
        pytest.param("吉林市", "吉林市", id="city-sharing-a-province-name"),
        pytest.param("湘西州", "湘西土家族苗族自治州", id="autonomous-prefecture"),
        pytest.param("海南州", "海南藏族自治州", id="prefecture-sharing-a-province-name"),
        pytest.param("海南省", "海南省", id="province-sharing-a-prefecture-name"),
        pytest.param("易县", "易县", id="county-unchanged"),
        pytest.param("满城区", "满城区", id="district-unchanged"),
    ],
)
def test_full_form(name: str, expected: str) -> None:
    assert full_form(name) == expected


@pytest.mark.parametrize(
    ("place", "level"),
    [
        ("满城区", "区"),
        ("广西壮族自治区", "省"),
        ("北京市", "市"),
        ("安国市", "市"),
        ("蠡县", "县"),
        ("恩施土家族苗族自治州", "州"),
        ("全国", "国家"),
    ],
)
def test_level_of(place: str, level: str) -> None:
    assert level_of(place) == level

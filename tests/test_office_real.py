"""Real-layout office score tables (tests/fixtures/office_real/) import to the tree their seed prints.

The files are typed from the seeds' own tables by ``tests/fixtures/office_real/make.py`` (not generated from
our schemes). The expected trees below are typed from the seed texts as well: names, 赋分/分值 and the
printed subtotals (or, where the seed prints none, the sum of its rows). Codes are the importer's positional
codes (class letter, or T for a file with one table, then the position at each level): the seeds print no codes.
Where the importer gets a file wrong the test is a strict xfail with the diagnosis.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from zwgk.rubric.importer import import_scheme

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "office_real"
D = Decimal

# A tree is a list of (name, points, children); a leaf has children None. Points are the seed's: a
# section's printed subtotal, a leaf's 赋分 (a range's upper bound), 0 for a bonus-only row or a row
# whose points are shared with its section (钟山: 二级指标 without points).

YONGJI_A = [
    (
        "组织领导与工作保障",
        11,
        [
            ("组织领导", 5, [("研究部署政务公开工作情况", 5, None)]),
            ("工作保障", 6, [("机构、人员、经费保障情况", 6, None)]),
        ],
    ),
    ("基层政务公开", 5, [("目录执行", 5, [("已公布标准目录执行情况", 5, None)])]),
    (
        "主动公开",
        37,
        [
            (
                "基础信息公开",
                22,
                [
                    ("信息公开指南", 4, None),
                    ("机构职能", 6, None),
                    ("部门信息公开", 2, None),
                    ("重大项目建设信息公开情况", 6, None),
                    ("财政预决算", 4, None),
                ],
            ),
            (
                "信息公开保密审查",
                8,
                [("审查机制建设", 3, None), ("审查制度执行情况", 5, None)],
            ),
            ("公开属性认定情况", 5, None),
            ("起草政府公文台账管理情况", 2, None),
        ],
    ),
    (
        "依申请公开",
        14,
        [
            ("规范答复", 6, [("对依申请公开的规范答复情况", 6, None)]),
            ("权利保障", 8, [("申请人复议或诉讼情况", 8, None)]),
        ],
    ),
    (
        "解读咨询回应",
        12,
        [
            ("解读责任", 6, [("政府、政府办公文解读情况", 6, None), ("多样化解读", 0, None)]),
            ("公众参与", 6, [("政策咨询", 6, None)]),
            ("利用媒体效果", 0, [("与新闻媒体联系情况", 0, None)]),
        ],
    ),
    (
        "日常监管",
        21,
        [
            (
                "监管责任",
                21,
                [
                    ("政务新媒体开设情况", 5, None),
                    ("检查通报情况", 8, None),
                    ("检查通报情况", 8, None),
                ],
            )
        ],
    ),
]

XX_A = [
    (
        "组织领导与工作保障",
        11,
        [
            (
                "组织领导",
                8,
                [
                    ("乡镇领导班子研究部署相关工作情况", 4, None),
                    ("及时出台并发布有关政策文件情况", 4, None),
                ],
            ),
            ("工作保障", 3, [("机构、人员、经费等保障情况", 3, None)]),
        ],
    ),
    (
        "主动公开",
        52,
        [
            (
                "法定主动公开内容",
                41,
                [
                    ("机构职能信息公开情况", 3, None),
                    ("指南、年报、公开制度、法定主动公开内容等公开", 10, None),
                    ("村级相关事项公开情况", 12, None),
                    ("乡村振兴公开情况", 10, None),
                    ("目录、清单类事项主动公开情况", 6, None),
                ],
            ),
            (
                "拟发公文属性认定",
                11,
                [
                    ("以乡镇政府名义下发的公文属性认定情况及公开", 8, None),
                    ("非主动公开的公文台账管理情况", 3, None),
                ],
            ),
        ],
    ),
    (
        "依申请公开",
        12,
        [
            ("规范流程", 3, [("依申请公开内部流程机制完善情况", 3, None)]),
            ("规范答复", 6, [("依申请公开的及时规范答复情况", 6, None)]),
            ("监督保障", 3, [("依申请公开的行政复议和诉讼情况", 3, None)]),
        ],
    ),
    (
        "解读咨询回应",
        15,
        [
            (
                "解读责任",
                9,
                [
                    ("以乡镇政府名义发文的解读情况", 4, None),
                    ("参加政府开放日和政务直播间情况", 5, None),
                ],
            ),
            ("互动回应", 6, [("回应督办落实情况", 3, None), ("互动回应情况", 3, None)]),
        ],
    ),
    (
        "政务公开平台建设管理与基础工作",
        10,
        [
            ("库数据维护内容保障", 2, [("乡镇规范性文件报备报送情况", 2, None)]),
            ("通报整改", 3, [("整改落实情况", 3, None)]),
            ("通报检查", 5, [("区政府办公室督查通报和检查情况考核运用", 5, None)]),
        ],
    ),
]

SUIZHOU = [
    ("公开渠道", 4, [("渠道覆盖", 2, None), ("渠道功能", 2, None)]),
    (
        "主动公开",
        60,
        [
            (
                "基础信息公开",
                40,
                [
                    ("政策文件", 8, None),
                    ("权责清单", 1, None),
                    ("行政许可和其他管理服务信息", 1, None),
                    ("行政处罚强制等信息", 2, None),
                    ("财政预决算", 2, None),
                    ("行政事业性收费", 1, None),
                    ("公务员招考", 1, None),
                    ("人大代表建议、政协委员提案办理情况", 2, None),
                    ("重大会议信息公开", 2, None),
                    ("重大决策预公开", 6, None),
                    ("规划信息", 7, None),
                    ("市场规则标准和监管执法信息", 2, None),
                    ("政府债务", 2, None),
                    ("惠民惠农政策和资金发放信息", 3, None),
                ],
            ),
            (
                "重点领域公开",
                20,
                [
                    ("财政资金直达基层", 2, None),
                    ("稳岗就业", 2, None),
                    ("疫情防控", 2, None),
                    ("乡村振兴", 2, None),
                    ("养老服务", 2, None),
                    ("社会救助", 2, None),
                    ("生态环境", 2, None),
                    ("食品安全", 2, None),
                    ("教育", 2, None),
                    ("医疗卫生", 2, None),
                ],
            ),
        ],
    ),
    ("依申请公开", 6, [("申请接收渠道指引规范性", 3, None), ("申请回复规范性", 3, None)]),
    (
        "解读回应",
        15,
        [
            ("政策咨询服务情况", 5, None),
            ("问答解读", 6, None),
            ("政策解读质量", 2, None),
            ("回应关切", 2, None),
        ],
    ),
    (
        "能力保障",
        15,
        [
            ("信息公开工作年报", 5, [("年报格式", 2, None), ("年报质量", 3, None)]),
            (
                "政府信息主动公开基本目录",
                10,
                [
                    ("与职权相结合", 2, None),
                    ("明确公开渠道", 2, None),
                    ("明确公开责任", 3, None),
                    ("目录格式完整", 3, None),
                ],
            ),
        ],
    ),
]


def _shared(names: list[str]) -> list:
    return [(n, 0, None) for n in names]


ZHONGSHAN = [
    (
        "政务公开日常工作推进",
        20,
        _shared(
            [
                "工作任务落实",
                "政务公开工作台账落实",
                "年度报告编制",
                "政策解读",
                "常见问题知识库",
                "标准规范清单修订",
            ]
        ),
    ),
    ("重点领域信息公开", 30, _shared(["区政府网站专题页面信息更新保障"])),
    # 平台管理 and 信息审核 are 单项否决 rows, not scored rows: they become vetoes (below)
    ("政务新媒体运维", 10, _shared(["信息保障", "信息报送"])),
    ("依申请公开信件办理", 10, _shared(["依法答复", "规范答复"])),
    # 信息安全(单项否决) likewise
    ("政府网站", 30, _shared(["信息签审", "工作落实", "办事服务", "留言办理"])),
    (
        "加分指标",
        0,
        [
            ("数据发布", 0, None),
            ("解读创新", 0, None),
            ("征集调查", 0, None),
            ("惠企利民政策", 0, None),
            ("表彰鼓励", 0, None),
        ],
    ),
]


def _expected(tree: list, prefix: str) -> list[tuple[str, str, Decimal]]:
    out = []

    def walk(nodes: list, code: str) -> None:
        for i, (name, points, children) in enumerate(nodes, start=1):
            c = f"{code}{i}" if code == prefix else f"{code}.{i}"
            out.append((c, name, D(points)))
            if children:
                walk(children, c)

    walk(tree, prefix)
    return out


def _max(node: dict) -> Decimal:
    if "children" in node:
        if node.get("pooled"):
            return D(str(node.get("points", 0)))
        return sum((_max(c) for c in node["children"]), D(0))
    if node.get("range") is not None:
        return D(str(node["range"][1]))
    return D(str(node.get("points", 0)))


def _actual(table: dict, extra_zero: set[str]) -> list[tuple[str, str, Decimal]]:
    """The imported tree, leaving out zero-point nodes the seed names but does not score."""
    out = []

    def walk(nodes: list) -> None:
        for n in nodes:
            if n["name"] in extra_zero and _max(n) == 0:
                continue
            out.append((n["id"], n["name"], _max(n)))
            walk(n.get("children", []))

    walk(table["sections"])
    return out


def _import(name: str) -> dict:
    return import_scheme(FIXTURES / name).scheme_dict


def test_the_fixtures_are_the_ones_make_py_writes():
    names = {p.name for p in FIXTURES.iterdir() if p.suffix in (".xlsx", ".docx")}
    assert names == {"yongji2023_a.xlsx", "xx2023_a.xlsx", "suizhou2021.docx", "zhongshan2022.docx"}


def test_yongji_a_xlsx_imports_the_seed_tree():
    scheme = _import("yongji2023_a.xlsx")
    (table,) = scheme["tables"]
    assert table["classes"] == ["A"]  # “(A类)” in the title
    # 综合加分项: a first-level row the seed leaves empty (no points, no rule)
    assert _actual(table, {"综合加分项"}) == _expected(YONGJI_A, "A")
    assert D(str(table["total"])) == 100


def test_yongji_a_xlsx_reads_the_six_major_deductions():
    scheme = _import("yongji2023_a.xlsx")
    vetoes = scheme["vetoes"]
    # (一)…(五) “扣5分” from the total; (六) “酌情扣分”
    assert [(v["effect"], v.get("amount"), v.get("discretionary", False)) for v in vetoes] == [
        ("deduct", D(5), False)
    ] * 5 + [("deduct", None, True)]


def test_xx_a_xlsx_imports_the_seed_tree():
    scheme = _import("xx2023_a.xlsx")
    (table,) = scheme["tables"]
    assert table["classes"] == ["A"]
    assert _actual(table, set()) == _expected(XX_A, "A")
    assert D(str(table["total"])) == 100


def test_xx_a_xlsx_reads_the_three_fail_vetoes():
    scheme = _import("xx2023_a.xlsx")
    assert [v["effect"] for v in scheme.get("vetoes", [])] == ["fail"] * 3


def test_suizhou_docx_split_over_pages_imports_the_seed_tree():
    scheme = _import("suizhou2021.docx")
    (table,) = scheme["tables"]
    assert _actual(table, set()) == _expected(SUIZHOU, "T")
    assert D(str(table["total"])) == 100
    # no 扣分标准 in the seed: every row is rated by the assessor between 0 and its 分值
    leaves = [n for n in _walk(table["sections"]) if "children" not in n]
    assert len(leaves) == 38
    assert all(n.get("range") == [D(0), D(str(n["range"][1]))] for n in leaves)


def test_zhongshan_docx_imports_the_seed_tree_with_shared_section_points():
    scheme = _import("zhongshan2022.docx")
    (table,) = scheme["tables"]
    assert _actual(table, set()) == _expected(ZHONGSHAN, "T")
    assert D(str(table["total"])) == 100
    pooled = [s["name"] for s in table["sections"] if s.get("pooled")]
    assert pooled == [
        "政务公开日常工作推进",
        "重点领域信息公开",
        "政务新媒体运维",
        "依申请公开信件办理",
        "政府网站",
    ]


def test_zhongshan_docx_reads_the_single_item_vetoes():
    scheme = _import("zhongshan2022.docx")
    sections = {s["id"]: s["name"] for s in scheme["tables"][0]["sections"]}
    targets = [(v["effect"], sections.get(v.get("target"))) for v in scheme["vetoes"]]
    # 平台管理、信息审核: “政务新媒体运维指标不得分”; 信息安全: “本年度网站工作考核得0分”
    assert targets == [("zero", "政务新媒体运维")] * 2 + [("zero", "政府网站")]


def _walk(nodes: list):
    for n in nodes:
        yield n
        yield from _walk(n.get("children", []))

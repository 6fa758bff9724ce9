"""The demo assessment of a fictional zone, so every feature can be tried at once.

示例经济技术开发区 is in 广西 (西部) and is a border zone: the hub and foreign-talent items do
not apply to it. It uses every status, shares evidence between items, has open, done and
overdue actions, and carries a few quality warnings on purpose.
"""

from __future__ import annotations

import datetime as dt

from assess.checklist import Checklist
from assess.lifecycle import new_assessment
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    Evidence,
    ItemRecord,
    Priority,
    Responsibility,
    Status,
    ZoneProfile,
    assign_action_ids,
)

D = dt.date
DONE, DOING, TODO = ActionStatus.DONE, ActionStatus.DOING, ActionStatus.TODO
HIGH, MID, LOW = Priority.HIGH, Priority.MEDIUM, Priority.LOW

EVIDENCE = [
    Evidence(id="E1", title="2025年管委会工作报告", ref="示经开〔2025〕1号", date=D(2025, 2, 10)),
    Evidence(id="E2", title="科技创新平台认定文件汇编", ref="科创局/平台认定/2025", date=D(2025, 6, 30)),
    Evidence(id="E3", title="招商引资优惠政策及合法性审查意见", ref="示经开规〔2025〕3号", date=D(2025, 4, 18)),
    Evidence(id="E4", title="“标准地”出让公告", ref="https://zrzy.example.gov.cn/bzd/2025-07", date=D(2025, 7, 8)),
    Evidence(id="E5", title="中越跨境产业合作园框架协议", ref="示经开外〔2025〕12号", date=D(2025, 9, 3)),
    Evidence(id="E6", title="绿电交易结算单（2025年上半年）", ref="共享盘/能源/绿电/2025H1.pdf", date=D(2025, 7, 15)),
    Evidence(id="E7", title="“高效办成一件事”重点事项清单", ref="示经开政务〔2025〕5号", date=D(2025, 5, 20)),
]  # fmt: skip


def _a(text: str, lead: str, due: dt.date | None, prio: Priority, status: ActionStatus,
       partners: str = "") -> Action:  # fmt: skip
    return Action(text=text, lead=lead, partners=partners, due=due, priority=prio, status=status)


RECORDS: dict[str, ItemRecord] = {
    "1.1": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="自治区级新材料中试基地已获批，正在建设，预计2026年投用。",
        current="有自治区级工程技术研究中心3家，尚无国家级重大创新平台。",
        evidence=["E2"],
        gap="缺少国家级产业科技创新平台，高端研发人才不足。",
        opportunity="可争取将中试基地纳入国家级平台布局。",
        actions=[
            _a("完成中试基地主体工程建设", "科创局", D(2026, 6, 30), HIGH, DOING, "建设局"),
            _a("编制国家级平台申报方案", "科创局", D(2025, 12, 31), MID, TODO),
        ],
    ),
    "1.2": ItemRecord(
        status=Status.DONE,
        explanation="2025年区内单位承担国家和自治区科技计划项目14项，到位经费6200万元。",
        current="科技计划项目申报辅导已常态化。",
        evidence=["E1", "E2"],
    ),
    "1.4": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="概念验证中心完成选址，质量基础设施“一站式”服务平台已上线试运行。",
        evidence=["E2"],
        gap="中试验证平台尚未建成。",
        opportunity="可申请自治区中试平台建设补助。",
        actions=[_a("建成概念验证中心并对外服务", "科创局", D(2026, 9, 30), MID, DOING)],
    ),
    "1.5": ItemRecord(
        status=Status.DONE,
        explanation="2025年直接申报省级科创载体2家，均已认定。",
        evidence=["E2"],
    ),
    "1.6": ItemRecord(
        status=Status.NOT_APPLICABLE,
        explanation="园区暂无境外研发合作基础，本期不具备设立离岸创新基地条件。",
    ),
    "1.7": ItemRecord(
        status=Status.NOT_STARTED,
        explanation="知识产权工作由市局统筹，园区尚未单独开展示范园区创建。",
        gap="缺少知识产权专门服务机构。",
        opportunity="可申报知识产权强国建设示范园区。",
        actions=[
            _a(
                "对接市场监管局研究创建路径",
                "经发局",
                D(2026, 3, 31),
                LOW,
                TODO,
                "市场监管分局",
            )
        ],
    ),
    "2.1": ItemRecord(
        status=Status.DONE,
        explanation="12家企业纳入大规模设备更新项目清单，获超长期特别国债支持1.1亿元。",
        evidence=["E1"],
    ),
    "2.2": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="制糖、建材两个传统产业数智化改造完成40%。",
        actions=[_a("完成制糖企业智能化改造验收", "经发局", D(2025, 10, 31), HIGH, DOING)],
    ),
    "2.3": ItemRecord(
        status=Status.NOT_STARTED,
        explanation="未来产业方向尚在研究，暂无孵化器载体。",
        gap="未来产业布局空白。",
        opportunity="可争取纳入自治区未来产业先导区试点。",
        actions=[_a("委托第三方开展未来产业方向研究", "经发局", D(2026, 6, 30), MID, TODO)],
    ),
    "3.1": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="已建成自治区级数字化车间5个，智能工厂1个在建。",
        current="规上工业企业数字化转型覆盖率约45%。",
        actions=[
            _a("开展数字化转型诊断全覆盖", "经发局", D(2026, 12, 31), MID, TODO, "大数据中心")
        ],
        figures={},
    ),
    "3.4": ItemRecord(
        status=Status.NOT_STARTED,
        explanation="（示例：园区不在西部枢纽节点起步区内，此条目按画像不适用。）",
    ),
    "4.1": ItemRecord(
        status=Status.DONE,
        explanation="新增高新技术企业18家、专精特新企业9家，培育“链主”企业2家。",
        evidence=["E1"],
        figures={"高新技术企业数": "86"},
    ),
    "4.3": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="与钦州、南宁经开区签订产业链协作备忘录。",
        actions=[_a("建立跨园区产业链供需对接机制", "商务局", D(2026, 4, 30), MID, DOING)],
    ),
    "5.1": ItemRecord(
        status=Status.DONE,
        explanation="与东部某国家级经开区共建“飞地园区”，已落地项目6个。",
        evidence=["E5"],
    ),
    "5.3": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="承接电子信息加工贸易项目3个，2个已投产。",
        opportunity="可申请加工贸易梯度转移重点承接地支持政策。",
        actions=[_a("编制加工贸易承接专项招商目录", "商务局", D(2026, 2, 28), HIGH, TODO)],
    ),
    "5.4": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="中越跨境产业合作园框架协议已签署。",
        evidence=["E5"],
        gap="跨境物流和结算便利化不足。",
        actions=[
            _a("推动跨境产业合作园首批项目签约", "商务局", D(2026, 6, 30), HIGH, DOING, "海关")
        ],
    ),
    "6.1": ItemRecord(
        status=Status.NOT_STARTED,
        explanation="区内外资项目规模较小，尚无项目符合重大外资项目清单门槛。",
        gap="缺少大体量外资项目。",
        opportunity="生物医药项目可争取优先纳入重点外资项目清单。",
        actions=[_a("梳理储备外资项目并对接自治区商务厅", "商务局", D(2025, 11, 30), HIGH, TODO)],
        figures={"实际使用外资": "0.8"},
    ),
    "6.4": ItemRecord(
        status=Status.DONE,
        explanation="",  # deliberately empty: shows the “已落实但未填写成效” warning
    ),
    "7.1": ItemRecord(
        status=Status.DONE,
        explanation="参加2025年“投资中国”东盟专场活动，签约项目2个。",
        evidence=["E1"],
    ),
    "7.5": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="组建产业链招商小分队4支，招商人员培训已开展2期。",
        actions=[],  # deliberately empty: shows the “推进中但没有下一步举措” warning
    ),
    "7.6": ItemRecord(
        status=Status.DONE,
        explanation="优惠政策已经合法性审查后印发，并在门户网站公开。",
        evidence=["E3"],
    ),
    "8.1": ItemRecord(
        status=Status.DONE,
        explanation="与中国信保广西分公司签订合作协议，覆盖区内出口企业37家。",
    ),
    "8.5": ItemRecord(
        status=Status.NOT_APPLICABLE,
        explanation="",  # deliberately empty: shows the “不适用但未说明理由” warning
    ),
    "10.2": ItemRecord(
        status=Status.DONE,
        explanation="实行“党工委（管委会）+公司”管理体制，2024年完成改革。",
        evidence=["E1"],
    ),
    "10.5": ItemRecord(
        status=Status.NOT_STARTED,
        explanation="编制管理权限在市级，需市委编办支持。",
        gap="岗位管理改革未破题。",
        actions=[_a("提请市委编办研究编制分类管理方案", "党政办公室", D(2026, 5, 31), MID, TODO)],
    ),
    "11.2": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="开发建设公司已完成市场化改制方案。",
        actions=[_a("开发公司剥离行政职能", "党政办公室", D(2026, 3, 31), HIGH, DOING, "财政局")],
    ),
    "12.1": ItemRecord(
        status=Status.DONE,
        explanation="建立企业服务专员制度，2025年营商环境评价位列全区前列。",
        evidence=["E1", "E7"],
    ),
    "12.2": ItemRecord(
        status=Status.DONE,
        explanation="“高效办成一件事”清单事项26项全部上线。",
        evidence=["E7"],
    ),
    "12.3": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="“免申即享”已覆盖3项惠企政策。",
        opportunity="可申请自治区“免申即享”试点。",
        actions=[
            _a("扩大“免申即享”政策覆盖面至10项", "行政审批局", D(2026, 6, 30), MID, DOING),
            _a("上线惠企政策计算器", "行政审批局", D(2025, 9, 30), LOW, DONE),
        ],
    ),
    "13.2": ItemRecord(
        status=Status.NOT_STARTED,
        explanation="尚未研究“工业上楼”产业类型。",
        opportunity="电子信息产业可探索“工业上楼”。",
        actions=[
            _a("研究出台“工业上楼”产业指导目录", "自然资源和规划局", D(2026, 8, 31), LOW, TODO)
        ],
    ),
    "13.6": ItemRecord(
        status=Status.DONE,
        explanation="2025年新出让工业用地100%按“标准地”供应。",
        evidence=["E4"],
        figures={},
    ),
    "14.1": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="区内8家企业参与绿电交易，绿电消费占比约12%。",
        evidence=["E6"],
        actions=[
            _a("推动分布式光伏市场化交易试点", "经发局", D(2026, 10, 31), MID, DOING, "供电局")
        ],
    ),
    "14.6": ItemRecord(
        status=Status.DONE,
        explanation="园区总体规划环评已通过审查。",
    ),
    "15.1": ItemRecord(
        status=Status.IN_PROGRESS,
        explanation="出台高层次人才安居办法，引进高层次人才21名。",
        actions=[
            _a("建设人才公寓二期", "人力资源和社会保障局", D(2026, 12, 31), MID, TODO, "建设局")
        ],
    ),
    "16.1": ItemRecord(
        status=Status.NOT_ASSESSED,
        current="2025年获专项债额度3亿元，用于标准厂房建设。",
        note="待财政局补充项目清单后评估。",
    ),
}


DEPARTMENTS = [
    "经发局", "科创局", "商务局", "自然资源和规划局", "财政局", "生态环境分局", "行政审批局",
    "人力资源和社会保障局",
]  # fmt: skip


def _r(lead: str, *partners: str) -> Responsibility:
    return Responsibility(lead=lead, partners=list(partners))


# Who answers for each measure, as a 管委会 would split the plan; one item overridden: 1.7
# (知识产权示范园区) sits with 经发局, which works with 市场监管, not with 科创局.
RESPONSIBILITY: dict[str, Responsibility] = {
    "1": _r("科创局", "经发局", "财政局"),
    "1.7": _r("经发局", "科创局"),
    "2": _r("经发局", "科创局"),
    "3": _r("经发局", "科创局"),
    "4": _r("经发局", "商务局"),
    "5": _r("商务局", "经发局"),
    "6": _r("商务局"),
    "7": _r("商务局", "行政审批局"),
    "8": _r("商务局"),
    "9": _r("商务局", "经发局"),
    "10": _r("经发局", "人力资源和社会保障局"),
    "11": _r("经发局", "财政局"),
    "12": _r("行政审批局", "商务局"),
    "13": _r("自然资源和规划局", "经发局"),
    "14": _r("生态环境分局", "经发局"),
    "15": _r("人力资源和社会保障局", "科创局"),
    "16": _r("财政局", "经发局"),
}

ANCHOR = D(2025, 12, 20)  # the dates above are written as if today were this day


def half_year(day: dt.date) -> str:
    return f"{day.year}年{'上' if day.month <= 6 else '下'}半年"


def build_demo(checklist: Checklist, today: dt.date | None = None) -> Assessment:
    """A fresh copy of the demo, its dates moved so that ``today`` is the anchor day.

    Moving the dates keeps the demo looking current (two actions overdue, the rest open)
    whenever it is made; tests pass a fixed ``today``. Unknown item IDs are skipped.
    """
    today = today or dt.date.today()
    shift = today - ANCHOR
    zone = ZoneProfile(name="示例经济技术开发区", province="广西壮族自治区", border=True)
    assessment = new_assessment(checklist, zone, half_year(today), "示例评估组")
    stamp = dt.datetime.combine(today, dt.time(9, 0), dt.timezone(dt.timedelta(hours=8)))
    assessment.created = assessment.updated = stamp
    assessment.evidence = [
        e.model_copy(update={"date": e.date + shift if e.date else None}) for e in EVIDENCE
    ]
    for item_id, record in RECORDS.items():
        if item_id not in assessment.items:
            continue
        copy = record.model_copy(deep=True)
        copy.actions = [
            a.model_copy(update={"due": a.due + shift if a.due else None}) for a in copy.actions
        ]
        assessment.items[item_id] = copy
    assign_action_ids(assessment)
    assessment.departments = list(DEPARTMENTS)
    known = {str(m.number) for m in checklist.measures} | set(checklist.item_index)
    assessment.responsibility = {
        k: r.model_copy(deep=True) for k, r in RESPONSIBILITY.items() if k in known
    }
    return assessment

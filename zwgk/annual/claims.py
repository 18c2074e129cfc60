"""Numbers in a report's prose that name a quantity of its tables, found by structure.

A report says "全年共受理政府信息公开申请859件", "予以公开及部分公开258件", "因本机关不掌握等原因无法
提供265件", "另有72件申请顺延到下年度", "行政复议7件，诉讼9件", "未发生行政复议、行政诉讼",
"新制定行政规范性文件15件" in many orders and wordings. The prose is cut into clauses (，；、 and
其中 end one); in each clause a number with a counting word (件、份、条、起) is tied to the words of the
clause that name a quantity: the result groups of table 三 and their sub-rows (a reason with 等 is the
group: "因本机关不掌握等原因无法提供"; a reason alone is its row: "属于四类过程性信息1件"), receiving,
carrying over, answering, 行政复议 and 行政诉讼 (table 四), the rows of table 二 that count documents.
Where two readings are possible ("受理N件" is the new requests, or the new plus the carried-over) both
are kept; where the reading itself is a guess ("其他1件") the claim is marked ``certain=False``.
Pure Python, no I/O.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .parse import read_year, squeeze


@dataclass(frozen=True)
class Claim:
    """Claim — 正文所述数字: ``key`` names the table quantity (see ``QUANTITIES``)."""

    key: str
    value: int
    phrase: str  # the words of the clause that say it
    sentence: str
    certain: bool = True


# key: what it is, in Chinese (for messages)
QUANTITIES = {
    "new": "本年新收申请",
    "new_or_total": "收到（受理）申请",
    "carried_in": "上年结转申请",
    "r7": "办结（答复）申请",
    "carry_out": "结转下年度申请",
    "r1": "予以公开",
    "r2": "部分公开",
    "r1+r2": "予以公开及部分公开",
    "r3": "不予公开",
    "r4": "无法提供",
    "r5": "不予处理",
    "r6": "其他处理",
    "review": "行政复议",
    "litigation": "行政诉讼",
    **{
        f"{k}:{p}": f"{zh}{p}"
        for k, zh in (("review", "行政复议"), ("litigation", "行政诉讼"))
        for p in ("结果维持", "结果纠正", "其他结果", "尚未审结")
    },
    "t2_rules_made": "本年制发规章",
    "t2_norm_made": "本年制发行政规范性文件",
    "t2_norm_valid": "现行有效行政规范性文件",
}
_SUBROWS = (
    ("r3_1", "国家秘密"), ("r3_2", "禁止公开"), ("r3_3", "三安全一稳定"), ("r3_4", "第三方"),
    ("r3_5", "内部事务"), ("r3_6", "过程性"), ("r3_7", "执法案卷"), ("r3_8", "行政查询"),
    ("r4_1", "不掌握"), ("r4_1", "信息不存在"), ("r4_1", "不属于本单位"), ("r4_1", "不属于本机关"),
    ("r4_2", "另行制作"), ("r4_2", "没有现成"), ("r4_3", "仍不明确"),
    # 信访 alone is also a channel (网上信访办件) or a body (信访局): the row only as 信访举报…/属于信访
    ("r5_1", "信访举报"), ("r5_1", "信访、"), ("r5_1", "信访类"), ("r5_1", "属于信访"), ("r5_1", "举报投诉"),
    ("r5_2", "重复申请"), ("r5_3", "出版物"),
    ("r5_4", "大量反复"), ("r5_5", "重新出具"), ("r6_1", "不补正"), ("r6_1", "未补正"), ("r6_2", "缴纳费用"),
    ("r6_2", "收费通知"),
)  # fmt: skip
SUBROW_ZH = {
    "r3_1": "不予公开（属于国家秘密）", "r3_2": "不予公开（其他法律行政法规禁止公开）",
    "r3_3": "不予公开（危及“三安全一稳定”）", "r3_4": "不予公开（保护第三方合法权益）",
    "r3_5": "不予公开（三类内部事务信息）", "r3_6": "不予公开（四类过程性信息）",
    "r3_7": "不予公开（行政执法案卷）", "r3_8": "不予公开（行政查询事项）",
    "r4_1": "无法提供（本机关不掌握）", "r4_2": "无法提供（需另行制作）", "r4_3": "无法提供（补正后仍不明确）",
    "r5_1": "不予处理（信访举报投诉）", "r5_2": "不予处理（重复申请）", "r5_3": "不予处理（公开出版物）",
    "r5_4": "不予处理（大量反复申请）", "r5_5": "不予处理（确认或重新出具）",
    "r6_1": "其他处理（逾期不补正）", "r6_2": "其他处理（逾期未缴费）", "r6_3": "其他处理（其他）",
}  # fmt: skip
_GROUPS = (("r3", "不予公开"), ("r4", "无法提供"), ("r5", "不予处理"), ("r6", "其他处理"))

_NUMBER = re.compile(r"(?<![\d.％%])(\d{1,7})(?:\.\d+)?\s*(件|份|条|起|宗|个|项|例)(?![\d％%])")
# 20个工作日, 3个月: a span of time, not a count
_DURATION = re.compile(r"(?:工作|自然)?日|月|小时|天|季度|百分点|年")
_CLAUSE = re.compile(r"[，,；;、：:]|其中|另有|（含|\(含|含")
_OPENING = re.compile(r"[（(]")
# 结转到2025年办理7件 (the next year by its number); 7件正在办理中, 尚未办结2件 (pending at the year's end;
# after a review or a lawsuit 尚未办结 is 尚未审结)
_CARRY_OUT = re.compile(
    r"(?:结转|顺延|转入|转)(?:到|至)?下一?年度?|(?:结转|转结|顺延|转入|转)(?:到|至)\d{4}年"
    r"|(?:结转|转结)\d{4}年度?(?:继续)?(?:办理|办结)|下年度?(?:继续)?办理|结转下年|跨年度?办理"
    r"|(?:正在|尚在|仍在)办理|(?:尚|仍)未(?:办结|办理完毕|答复)"
    # 1件还在答复限期内: pending at the year's end
    r"|(?:还|仍|尚)在(?:答复|办理)(?:期限|限期|时限)内"
)
# 结转上年度…申请3件, 2021年结转…申请2件 (not 结转上年后新收到…: the new ones)
_CARRIED_IN = re.compile(
    r"上一?年度?(?:结转|转结)|(?:结转|转结)(?:自|了)?上一?年度?(?!后)|^[，,、]?\d{4}年度?(?:结转|转结)"
)
_RECEIVED = re.compile(
    r"收到|受理|接收|接到|新收|共收|(?<![征回])收(?=(?:政府)?(?:信息)?公开申请|依申请)"
)
_ANSWERED = re.compile(r"答复|办结|办理完毕|处理完毕|共办理|办理了|已办理|完成办理|回复(?!率)")
_CASES = re.compile(r"案件|(?<!执法)案卷")  # 属于行政执法案卷1件 is a row
# 受理依申请公开案件315件: the cases of 依申请公开 are its applications
_REQUEST_CASES = re.compile(r"(?:依申请|公开申请)(?:公开)?(?:的)?案件")
_REVIEW = re.compile(r"行政复议")
_LITIGATION = re.compile(r"行政诉讼|(?<![行])诉讼|起诉")
_NO_REQUESTS = re.compile(
    r"(?:无|没有|未发生|未收到|未接到|未受理)(?:[^，,。；;]{0,8})?(?:依申请|政府信息公开申请|申请公开|要求公开|公开申请)"
    # 未收到任何单位、组织和个人要求有关公开政府信息的申请: 申请 the object that ends the clause
    r"|(?:未收到|未接到|未受理|没有收到|没有接到)(?![^，,。；;\d]{0,30}?(?:许可|审批|登记|听证|赔偿|救助|补贴|补助))"
    r"[^，,。；;\d]{0,30}?申请(?=[，,。；;]|$)"
)
_NO_CASES = re.compile(
    r"(?:未发生|没有发生|未出现|未产生|未有|没有|无|不存在|未收到|未接到)(?:[^，,。；;\d]{0,20}?)"
    # 行政起诉 for 行政诉讼 (没有…引起行政复议或者行政起诉的案例发生)
    r"((?:行政)?复议(?:[^，,。；;\d]{0,6}(?:行政)?(?:诉讼|起诉))?|行政诉讼|行政起诉|(?<!行政)诉讼)"  # 无…行政复议、诉讼案件;
    # 未发生因依申请政府信息公开引起的相关诉讼
)
# 未收到因政府信息公开申请引起的行政复议: no review, not no request
# (未收到依申请公开信息、行政复议和行政诉讼 lists the three: none of each)
# (没有出现就政府信息公开申请提出复议、诉讼: no review or lawsuit over the requests)
# (没有因依申请公开、主动公开工作引起的行政复议: the cause, across the list, still says so)
# (未发生依申请公开政府信息方面的行政复议: the subject of the reviews)
_NO_REQUESTS_NOT = re.compile(
    r"[^，,。；;]{0,16}?(?:引起|引发|产生|提起|提请)|[^，,。；;、]{0,12}?(?:复议|诉讼)"
)
# 有0件行政复议案件，1件行政诉讼案件，未出现败诉或被纠错情况: neither case went against the body
_NONE_LOST = re.compile(
    r"(?:未发生|没有发生|未出现|没有出现|未有|没有|无)(?:被)?(?:败诉|纠错)(?:或者|或|和|及|、)(?:被)?(?:纠错|败诉)"
)
_NOT_NONE = re.compile(r"纠错|纠正|败诉|撤销|确认违法")
# what a number is about when the sentence last named a channel other than applications
# (县长信箱收到信件183条，答复183条; 收到微博投诉12条，均已办结)
_CHANNEL = re.compile(
    r"信箱|邮箱|(?<!申请)(?<!公开)信件|来信|留言|咨询|热线|工单|投诉|诉求|网民|意见建议|建议和意见|提案|建议"
)
_APPLICATION = re.compile(r"申请")
_RULES_MADE = re.compile(r"(?:新制定|制定|制发|新制作|出台|印发)[^，,。；;\d]{0,8}?规章")
_NORM_MADE = re.compile(
    r"(?:新制定|制定|制发|新制作|出台|印发|新发布)[^，,。；;\d]{0,10}?规范性文件"
    # 本年度制发的48件行政规范性文件: the number between the verb and the documents
    # 共制发24件规范性文件: or right after the verb
    r"|(?:新制定|制定|制发|出台|印发|新发布)(?:的|了)?\d+\s*(?:件|份|个|部)(?:行政)?规范性文件"
)
# 清理规范性文件0件，保留4件，新制发1件: made, of the documents the sentence names
_MADE_BARE = re.compile(
    r"^[，,、：:]?(?:本年|全年)?(?:新制定|新制发|新出台|新印发|(?:制发|制定)(?:件数|数量)(?:为)?)(?:了)?\d"
)
# 办理…申请61件，办结54件: handled = the new (and carried-over) requests, the answered are apart
# (全年实际处理申请共计7件，均按时规范办结7件: 处理 right before the requests, as 办理)
_HANDLED = re.compile(
    r"(?<![已了共成])办理(?!完毕|了|情况|过程|中)|(?<![予和])处理(?=(?:政府信息公开|依申请公开|公开)?申请)"
)
_NORM_VALID = re.compile(r"(?:现行|继续)有效[^，,。；;\d]{0,10}?规范性文件")
# 废止行政规范性文件10件，现行有效件数14件: the count of the documents the sentence names
_VALID_COUNT = re.compile(
    r"^[，,、：:]?(?:现行|继续)有效(?:的)?(?:件数|数量|文件)?(?:为|共|共计)?\d"
)
_MADE_INSIDE = re.compile(r"含新制定|其中新制定|新制定")
# a number followed by 、纸质申请36件: one channel's count of a list of channels, not the whole
_CHANNEL_LIST = re.compile(
    r"^、(?:通过)?(?:纸质|书面|信函|网上|网络|在线|当面|现场|电子邮件|邮件|邮寄|传真|快递|来信|来访)"
    r"(?:形式|方式)?(?:提交|提出)?的?(?:申请)?\d"
)
# 其中8份是网络依申请公开，1份是纸质依申请公开: the count of one channel, said right after the number
_CHANNEL_COUNT = re.compile(
    r"\d\s*(?:件|份|条|个|宗)(?:是|为|系)(?:通过)?(?:纸质|书面|信函|网上|网络|在线|当面|现场|电子邮件|邮件|邮寄|传真)"
)
# 主动公开政府信息17条，作为依申请公开信息数28条，不予公开信息数8条: the disclosure attribute of
# documents (information counted), not applications or their results (收到和处理依申请公开信息0条 is)
_ATTRIBUTE = re.compile(r"(?:依申请公开|不予公开|主动公开)的?(?:政府)?信息(?:数|数量)?(?:为|共)?\d")
# 共收到依申请公开16项，办理15项 / 共收到…申请1件，共受理1件: a bare verb and number after the requests
_BARE_HANDLED = re.compile(r"^[，,、]?(?:共|已|均)?办理了?\d")
_BARE_RECEIVED = re.compile(r"^[，,、]?(?:共|已|又)?(?:受理|收到|接收)了?\d")
_REQUESTS_BEFORE = re.compile(r"(?:收到|受理)[^，,。；;]{0,12}申请")
# 办理…申请61件，办结54件 (not 办结率100%): how many were answered, said apart
_ANSWERED_COUNT = re.compile(r"(?:办结|答复)(?!率)[^，,。；;\d]{0,6}\d")
# 14件信息公开申请在办理过程中…: the requests as a subject, no verb of their own
_SUBJECT_REQUESTS = re.compile(r"^[，,]?\d+\s*(?:件|份|条|项)(?:政府)?(?:信息)?公开申请")
# 未印发行政规范性文件: table 二's 本年制发 is 0 (无制定规章及规范性文件: the body has no such power)
_NO_NORM_MADE = re.compile(
    r"(?:未|没有)新?(?:制定|制发|印发|出台)(?:或|和|及)?(?:废止|修订)?[^，,。；;\d]{0,6}?"
    r"(?:规章(?:、|和|及|或)[^，,。；;\d]{0,2}?)?规范性文件(?![^，,。；;]{0,6}(?:\d|权|职能|职责))"
)
# 未制发或废止规章、行政规范性文件: 本年制发 0 of both
_NO_RULES_MADE = re.compile(
    r"(?:未|没有)新?(?:制定|制发|印发|出台)(?:或|和|及)?(?:废止|修订)?[^，,。；;\d规]{0,6}?规章"
    r"(?![^，,。；;]{0,12}(?:\d|权|职能|职责))"
)
# 无上年结转申请 / 上年度无结转: none carried in (无结转 alone: none carried out)
_NO_CARRIED_IN = re.compile(
    r"(?:无|没有|不存在)上一?年度?(?:结转|转结)|上一?年度?(?:无|没有)(?:结转|转结)"
)
# 未转结2023年政府信息公开申请 in a 2024 report: none carried in (the year says which way)
_NONE_CARRIED_YEAR = re.compile(
    r"(?:无|没有|未)(?:结转|转结)(\d{4})年度?(?!继续|办理|办结)[^，,。；;\d]{0,20}?申请"
)
_NOT_CARRIED = re.compile(r"(?:无|没有|未|不|无需)(?:需)?(?:结转|转结|顺延)")
# 收到申请1件，为本机关不掌握的政府信息 / 均予以公开: a result said of all the applications, no number
_ALL_ARE = re.compile(
    r"^[，,](?:均|全部|都|皆)?(?:为|属于|系|已|依法)?(?:予以|同意|全部)?公开|^[，,](?:均|全部|都|皆)?(?:为|属于|系)"
)
# 合计122件 after 网上申请105件，快递17件: the sum of the numbers before it
_SUM = re.compile(r"^[，,、]?(?:合计|共计|总计)(?:为|共)?(\d+)")


# a line that opens with a heading number starts a new sentence: a table's last line (…|21条|) does
# not run on into the heading after it ((二)依申请公开。)
_HEADING_LINE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])", re.M
)


def sentences(text: str) -> list[str]:
    text = text or ""
    cuts = [0, *(m.start() for m in _HEADING_LINE.finditer(text) if m.start()), len(text)]
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        out += [s for s in re.split(r"(?<=[。；;！？])", squeeze(text[a:b])) if s]
    return out


def _clauses(sentence: str) -> list[str]:
    """The sentence cut before each clause mark; the mark stays at the head of its clause."""
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    return [sentence[a:b] for a, b in itertools.pairwise(cuts) if sentence[a:b]]


def _result_key(words: str) -> tuple[str, bool] | None:
    """The table 三 result a clause's words name (group or sub-row), and whether it is certain."""
    words = words.replace("不予以", "不予")  # 不予以公开, 不予以处理
    if re.search(r"(?:予以|同意)?公开(?:及|和|与|、|或)部分公开|全部(?:或|及|和)部分公开", words):
        return "r1+r2", True
    sub = next((key for key, w in _SUBROWS if w in words), None)
    for key, word in _GROUPS:
        if word in words:
            if sub and sub.startswith(key + "_") and "等" not in words:
                return sub, True  # 因涉及国家秘密不予公开2件: one reason, one row
            return key, True
    if sub:
        return sub, True
    if "部分公开" in words:
        return "r2", True
    if re.search(r"予以公开|同意公开|全部公开|全文公开", words):
        return "r1", True
    if re.search(r"(?:^|[，,、])其他\d|其他(?:情形|情况)?$", words):
        return "r6_3", False
    return None


def _clause_key(words: str, context: str, rest: str = "") -> tuple[str, bool] | None:
    """The quantity a number's own clause names; ``context`` is the sentence before the clause,
    ``rest`` the sentence after it."""
    if (
        _CASES.search(words)
        and not (_REVIEW.search(words) or _LITIGATION.search(words))
        and not _REQUEST_CASES.search(words)
    ):
        return None
    if _CHANNEL_LIST.match(rest) or _CHANNEL_COUNT.search(words):
        return None
    if (
        _ATTRIBUTE.search(words)
        and "主动公开" in context
        and not (_RECEIVED.search(words) or _ANSWERED.search(words) or "处理" in words)
    ):
        return None
    if _CARRY_OUT.search(words):
        return "carry_out", True
    if _CARRIED_IN.search(words):
        return "carried_in", True
    result = _result_key(words)
    if result:
        if result[0] == "r6_3" and "主动公开" in context and "申请" not in context + words:
            return None  # 主动公开…124条，其中…其他23条: the kinds of published information
        return result
    if re.match(r"^[，,、]公开\d", words) and re.search(
        r"(?:收到|受理)[^，,。；;]{0,12}申请", context
    ):
        return "r1", True  # 收到依申请公开0件，公开0件，不予公开0件
    if _REVIEW.search(words) and not _LITIGATION.search(words):
        return "review", True
    if _LITIGATION.search(words) and not _REVIEW.search(words):
        return "litigation", True
    if _NORM_VALID.search(words):
        return "t2_norm_valid", True
    if _VALID_COUNT.search(words) and "规范性文件" in context[-40:]:
        return "t2_norm_valid", True
    if _MADE_BARE.search(words) and "规范性文件" in context[-40:] and "规章" not in context[-20:]:
        return "t2_norm_made", True
    if _MADE_INSIDE.search(words) and "规章" in context[-20:] and "规范性文件" not in words:
        return "t2_rules_made", True  # 规章18件(含新制定4件…)
    if _NORM_MADE.search(words):
        return "t2_norm_made", True
    if _RULES_MADE.search(words):
        return "t2_rules_made", True
    if _RECEIVED.search(words) or _ANSWERED.search(words) or _BARE_HANDLED.match(words):
        channel = [m.end() for m in _CHANNEL.finditer(context + words)]
        asked = [m.end() for m in _APPLICATION.finditer(context + words)]
        if channel and (not asked or max(channel) > max(asked)):
            return None  # the letters, messages or complaints of another channel
    if re.search(r"新收|新受理|新接收", words) and "申请" in words:
        return "new", True
    if _BARE_RECEIVED.match(words) and "申请" in context[-40:]:
        return "new_or_total", True
    if _BARE_HANDLED.match(words) and _REQUESTS_BEFORE.search(context):
        return "r7", True
    if _RECEIVED.search(words) and ("申请" in words or "依申请" in context[-12:]):
        return "new_or_total", True
    if _ANSWERED.search(words) and ("申请" in words or "答复" in words or "办结" in words):
        return "r7", True
    if _ANSWERED.search(words) and re.search(r"依申请|政府信息公开申请", context[-40:]):
        return "r7", True
    if _HANDLED.search(words) and re.search(r"申请", words):
        if re.search(r"委托|交由|转交|协助", words):
            return None  # 委托县自然资源局办理…申请25件: another body's work
        # 办理…申请N件: answered, unless the sentence then says how many were answered
        if _split_after(rest):
            return "new_or_total", False
        return "r7", False
    if words.startswith("、") and "申请" in words:
        lead = re.split(r"[，,；;：:]", context)[-1]
        if _RECEIVED.search(lead) and not re.search(r"\d", lead):
            return "new_or_total", True  # 收到公民、法人或其他组织提交政府信息公开申请0条
        if _HANDLED.search(lead) and not re.search(r"\d", lead):
            # 累计办理公民、法人…、邮寄等途径依申请公开信息合计12件: 办理 as above
            if _split_after(rest):
                return "new_or_total", False
            return "r7", False
    if re.search(r"(?<!部分)已(?:予以)?公开", words) and _REQUESTS_BEFORE.search(context):
        return "r1", True  # 收到…申请7条，其中3条已公开
    if _SUBJECT_REQUESTS.match(words):
        return "new_or_total", False  # 14件信息公开申请在办理过程中…: the requests named again
    if re.search(r"依申请(?:公开)?", words):
        return "new_or_total", False  # 依申请公开5件: no verb says received or answered
    after = _clauses(rest)[0] if rest else ""
    if (
        _REQUESTS_BEFORE.search(context)
        and not _NUMBER.search(after)
        and re.match(r"^[，,](?:均|都|全部|皆|依法|已)?(?:予以|不予|无法|部分)", after)
    ):
        # 收到…申请7条，…，3条属于个人隐私，不予以公开: the result said in the next clause
        return _result_key(after)
    return None


_T4_PARTS = (("结果维持", r"(?:结果)?维持"), ("结果纠正", r"(?:结果)?纠正|纠错"),
             ("其他结果", r"其他结果|撤销(?:复议|诉讼)?申请|撤回|撤诉"),
             ("尚未审结", r"尚?未(?:审结|办结|结案)"))  # fmt: skip
_LEAD = re.compile(r"^[，,；;、：:]*(?:其中|另有|[（(]?含)?[，,：:]*")


def _phrase(clause: str, number: re.Match[str]) -> str:
    """The words that say it: from the clause's first word to the number, or from the number to
    the words that name it when they follow it (103件顺延到下年度)."""
    lead = _LEAD.match(clause)
    start = lead.end() if lead else 0
    if number.start() <= start + 1 or not re.search(
        r"[\u4e00-\u9fff]", clause[start : number.start()]
    ):
        tail = _CARRY_OUT.search(clause, number.end()) or re.search(
            r"[^，,。；;（(）)]*?(?:申请|行政复议|行政诉讼)", clause[number.end() :]
        )
        end = (
            tail.end()
            if tail and tail.re is _CARRY_OUT
            else number.end() + tail.end()
            if tail
            else len(clause)  # 3条已公开: the clause's own words
        )
        return clause[number.start() : end].rstrip("。；;！？")
    return clause[start : number.end()]


def find_claims(text: str, year: int | None = None) -> list[Claim]:
    """Every claim of the prose, in order; ``year`` is the year the report covers (read from the
    text when not given), to tell which way 结转YYYY年 goes."""
    out: list[Claim] = []
    year = year or read_year(text)
    for sentence in sentences(text):
        first = len(out)  # this sentence's claims are out[first:]
        t4_kind = ""
        none_at = -1
        for m in _NO_CASES.finditer(sentence):
            tail = sentence[m.end() : m.end() + 12]
            named = m.group(1)
            own = m.group(0) + re.split(r"[，,。；;]", tail)[0]
            if re.search(r"纠错|纠正|败诉", own) and not re.search(
                r"本级[^，,。；;]*$", sentence[: m.start()]
            ):
                # 无行政复议、行政诉讼纠错案件: none corrected (not none at all); 区政府本级无… speaks
                # of a part of the cases
                for kind, word in (("review", "复议"), ("litigation", "诉")):
                    if word in named:
                        out.append(Claim(f"{kind}:结果纠正", 0, own, sentence))
                continue
            if _NOT_NONE.search(m.group(0) + tail):
                continue  # 未发生被行政复议撤销: says nothing of how many
            if "复议" in named:
                out.append(Claim("review", 0, m.group(0), sentence))
            if "诉讼" in named or "起诉" in named:
                out.append(Claim("litigation", 0, m.group(0), sentence))
        lost = _NONE_LOST.search(sentence)
        if (
            lost
            and _REVIEW.search(sentence, 0, lost.start())
            and _LITIGATION.search(sentence, 0, lost.start())
            and not any(c.key.endswith(":结果纠正") for c in out[first:])
        ):
            for kind in ("review", "litigation"):
                out.append(Claim(f"{kind}:结果纠正", 0, lost.group(0), sentence))
        no_requests = _NO_REQUESTS.search(sentence)
        if (
            no_requests
            and not _NUMBER.search(_own_clauses(sentence, no_requests))
            and not _NO_REQUESTS_NOT.match(sentence, no_requests.end())
        ):
            out.append(Claim("new", 0, no_requests.group(0), sentence))
            none_at = len(out) - 1  # withdrawn below if the sentence counts requests received
        no_carried_in = _NO_CARRIED_IN.search(sentence)
        if no_carried_in:
            out.append(Claim("carried_in", 0, no_carried_in.group(0), sentence))
        none_out = re.search(r"无下一?年度?结转|无结转|没有结转", _NO_CARRIED_IN.sub("", sentence))
        if none_out:
            out.append(Claim("carry_out", 0, "无结转", sentence))
        for m in _NONE_CARRIED_YEAR.finditer(sentence):
            if year and int(m.group(1)) < year:
                out.append(Claim("carried_in", 0, m.group(0), sentence))
            elif year and int(m.group(1)) > year and not none_out:
                out.append(Claim("carry_out", 0, m.group(0), sentence))
        no_rules = _NO_RULES_MADE.search(sentence)
        if no_rules:
            out.append(Claim("t2_rules_made", 0, no_rules.group(0), sentence))
        no_norms = _NO_NORM_MADE.search(sentence)
        if no_norms:
            out.append(Claim("t2_norm_made", 0, no_norms.group(0), sentence))
        done, previous = 0, ""
        numbers: list[tuple[int, int | None]] = []  # this sentence's numbers, with their claim
        for clause in _clauses(sentence):
            start = sentence.index(clause, done)
            done = start + len(clause)
            # the clause names reviews and lawsuits both, or either; how many numbers it holds; the
            # result of table 四 it names (all the clause's own, the same for each of its numbers)
            names_both = bool(_REVIEW.search(clause) and _LITIGATION.search(clause))
            names_case = bool(_REVIEW.search(clause) or _LITIGATION.search(clause))
            count = len(_NUMBER.findall(clause))
            part = next((name for name, pat in _T4_PARTS if re.search(pat, clause)), None)
            both = names_both and count > 1
            begin = 0  # where the words of this number begin in the clause
            for m in _NUMBER.finditer(clause):
                after = clause[m.end() : m.end() + 3]
                if (
                    names_both
                    and count == 1
                    and (
                        m.group(1) == "0" or re.search(r"[均各都](?:为|是)?$", clause[: m.start()])
                    )
                ):
                    # 进入行政复议程序和行政诉讼程序均为0件: one number for both
                    for kind in ("review", "litigation"):
                        out.append(Claim(kind, int(m.group(1)), _phrase(clause, m), sentence))
                    numbers.append((int(m.group(1)), len(out) - 1))
                    continue
                if after.startswith(("%", "％")) or re.match(r"\d", after):
                    continue
                if m.group(2) == "个" and _DURATION.match(after):
                    continue
                # 自然人申请7件(予以公开2件…: the words in brackets after a number are not its own;
                # 行政复议13件和行政诉讼1件: each number has the words since the number before it
                words = clause[begin : m.end()] if both else clause
                bracket = _OPENING.search(words, m.end() - begin)
                if bracket:
                    words = words[: bracket.start()]
                if both:
                    begin = m.end()
                # 140件行政复议、49件行政诉讼获维持: the number before the case's name, its result
                # said at the end of the list
                named = re.match(r"(?:行政)?(复议|诉讼)", clause[m.end() :])
                listed = clause[m.end() :] + _listed_after(sentence[done:]) if named else ""
                result = next((name for name, pat in _T4_PARTS if re.search(pat, listed)), None)
                if named and result:
                    which = "review" if named.group(1) == "复议" else "litigation"
                    key: tuple[str, bool] | None = (f"{which}:{result}", True)
                elif t4_kind and part and not names_case:
                    key = (f"{t4_kind}:{part}", True)
                else:
                    # the bracket cut off is said after the number: 办理…申请96宗(结转下年度继续办理1宗)
                    tail = clause[begin + len(words) :] if both else clause[len(words) :]
                    key = _clause_key(words, sentence[:start], tail + sentence[done:])
                if key is None:
                    total = _SUM.match(clause)
                    if total and m.start(1) == total.start(1):
                        _sum_of_parts(out, numbers, int(total.group(1)), _phrase(clause, m))
                    numbers.append((int(m.group(1)), None))
                    continue
                if key == ("new_or_total", False) and m.group(1) == "0":
                    key = ("new", True)  # 依申请公开0件: none at all, as 无依申请公开
                if key[0] == "r6" and any(c.key in ("r6_1", "r6_2") for c in out[first:]):
                    # 逾期未补正2件，其他处理5件: listed beside a row of 其他处理, it is the row 其他
                    key = ("r6_3", False)
                if key[0] in ("review", "litigation"):
                    t4_kind = key[0]
                    other = _both_cases(key[0], previous, clause, m)
                    if other:
                        out.append(
                            Claim(other, int(m.group(1)), previous + _phrase(clause, m), sentence)
                        )
                numbers.append((int(m.group(1)), len(out)))
                out.append(Claim(key[0], int(m.group(1)), _phrase(clause, m), sentence, key[1]))
            if not _NUMBER.search(clause) and numbers and numbers[-1][1] == len(out) - 1:
                said = _ALL_ARE.match(clause)
                result = _result_key(clause) if said else None
                if result and out[-1].key in ("new", "new_or_total"):
                    # 收到申请1件，为本机关不掌握的政府信息: the result of all of them
                    out.append(
                        Claim(result[0], out[-1].value, clause.lstrip("，,"), sentence, False)
                    )
                elif (
                    out[-1].key in ("new", "new_or_total")
                    and _CARRY_OUT.search(clause)
                    and not _NOT_CARRIED.search(clause)
                    and not re.search(r"除去|除了|扣除|减去", clause)
                    # right after the requests, or after 当年未完结 (not after 加上上年结转的)
                    and (
                        _NUMBER.search(previous) or re.search(r"未(?:完结|办结|办理完毕)", previous)
                    )
                ):
                    # 受理…申请1件，当年未完结，转结至2025年度继续办理: all of them carried out
                    out.append(
                        Claim("carry_out", out[-1].value, clause.lstrip("，,"), sentence, False)
                    )
            previous = clause
        if none_at >= 0 and any(
            c.key in ("new", "new_or_total") and c.value for c in out[none_at + 1 :]
        ):
            # 收到申请3件，未收到其他形式的申请: the sentence counts requests, 未收到 is of others
            del out[none_at]
    return out


def _listed_after(rest: str) -> str:
    """The clauses that go on a list after a clause (、49件行政诉讼获维持), up to the next ，；."""
    out = ""
    for clause in _clauses(rest):
        if not clause.startswith("、"):
            break
        out += clause
    return out


def _own_clauses(sentence: str, m: re.Match[str]) -> str:
    """The words of a sentence from the start of the clause (cut at ，；) a match begins in to the end
    of the clause it ends in: 未收到…申请，依申请公开办理0件 has no number of its own."""
    start = max(sentence.rfind(c, 0, m.start()) for c in "，,；;")
    ends = [i for i in (sentence.find(c, m.end()) for c in "，,；;") if i >= 0]
    return sentence[start + 1 : min(ends, default=len(sentence))]


def _split_after(rest: str) -> bool:
    """办理…申请N件 then 办结M件 (or M件结转下年度): N is split into the answered and the pending, so
    it is the applications received, not the answered."""
    return bool(
        _ANSWERED_COUNT.search(rest)
        or any(_CARRY_OUT.search(c) and _NUMBER.search(c) for c in _clauses(rest))
    )


def _sum_of_parts(
    out: list[Claim], numbers: list[tuple[int, int | None]], total: int, phrase: str
) -> None:
    """合计N件 after a claim and bare numbers (网上申请105件，快递17件，合计122件): when they add up to
    N, the claim was the first part, and N is what it names."""
    parts = 0
    for count, (value, index) in enumerate(reversed(numbers), 1):
        parts += value
        if index is not None:
            if count > 1 and parts == total:
                c = out[index]
                out[index] = Claim(c.key, total, f"{c.phrase}…{phrase}", c.sentence, c.certain)
            return


def _both_cases(key: str, previous: str, clause: str, number: re.Match[str]) -> str | None:
    """行政复议、行政诉讼0条: one number after both names, for both when it is 0 or said 各/均."""
    other, named = ("litigation", _LITIGATION) if key == "review" else ("review", _REVIEW)
    if (
        clause.startswith("、")
        and previous
        and named.search(previous)
        and not re.search(r"\d", previous)
        and not named.search(clause)
        and (number.group(1) == "0" or re.search(r"[各均]\d", clause))
    ):
        return other
    return None

"""Page-level content checks: speed and false alarms.

Speed: all content checks (privacy, wording, elements) over generated ~10 KB government pages
(real government prose from ../shared, with planted ID numbers, phone numbers and typos), µs per
page and pages per second. Target: well under 1 ms per page for all the checks together.

Quality: wording and privacy hits on clean government text (../shared/seeds and the annual
report: every hit there is a false alarm), per 100,000 characters; recall on the serious typos
named in inspection notices (../shared/data/typos), with and without their explicit dictionary
entries; hits on ECSpell's corrected sentences (the data the typo list was derived from).

    .venv/bin/python bench/content_checks_bench.py [--pages 5000] [--size 10000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zwgk.inspect.checks import wording  # noqa: E402
from zwgk.inspect.checks.catalogue import page_modules  # noqa: E402
from zwgk.inspect.checks.content_common import DATA  # noqa: E402
from zwgk.inspect.checks.privacy_idcard import id_check_char  # noqa: E402
from zwgk.inspect.checks.wording_dict import (  # noqa: E402
    Matcher,
    generated_entries,
    matcher,
    read_words,
)
from zwgk.inspect.context import CheckContext, PageRole  # noqa: E402
from zwgk.inspect.model import Page  # noqa: E402

SHARED = ROOT.parent / "shared"
CTX = CheckContext(
    "XX区人民政府", "XX区人民政府办公室", "https://x.gov.cn/", dt.date(2025, 6, 1), "1101050001"
)
HEAD = "索引号：000014349/2024-00098 发布机构：XX区人民政府 发布日期：2024-05-06\n"


def clean_texts() -> dict[str, str]:
    out = {p.name: p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))}
    for p in sorted((SHARED / "data/annual_reports").glob("*.txt")):
        out[p.name] = p.read_text(encoding="utf-8")
    return out


def pages(n: int, size: int, seed: int = 1) -> list[Page]:
    rnd = random.Random(seed)
    corpus = "".join(clean_texts().values())
    out = []
    for i in range(n):
        start = rnd.randrange(0, len(corpus) - size)
        body = list(corpus[start : start + size - len(HEAD)])
        if i % 10 == 0:
            first17 = f"4201{rnd.randrange(10, 99)}19{rnd.randrange(50, 99)}0{rnd.randrange(1, 9)}1{rnd.randrange(0, 9)}{rnd.randrange(100, 999)}"
            body.insert(rnd.randrange(len(body)), "身份证号" + first17 + id_check_char(first17))
        if i % 7 == 0:
            body.insert(rnd.randrange(len(body)), "做好防讯工作，联系人13812345678")
        if i % 13 == 0:
            body.insert(rnd.randrange(len(body)), "中华人民共合国")
        text = HEAD + "".join(body)
        out.append(
            Page(url=f"https://x.gov.cn/a/{i}.html", status=200, text=text, title=f"文章{i}")
        )
    return out


class Family:
    """The page checks of one family (privacy, wording, elements) as the inspector runs them."""

    def __init__(self, name: str) -> None:
        self.__name__ = "family." + name
        self.modules = [m for m in page_modules() if m.__name__.rsplit(".", 1)[1].startswith(name)]

    def check_page(self, page: Page, role: PageRole, ctx: CheckContext) -> list:
        return [f for m in self.modules for f in m.check_page(page, role, ctx)]


privacy, elements = Family("privacy"), Family("elements")


def bench(n: int, size: int) -> None:
    ps = pages(n, size)
    for family in (privacy, wording, elements):  # build the automata before timing
        family.check_page(ps[0], PageRole.ARTICLE, CTX)
    found = 0
    t0 = time.perf_counter()
    for p in ps:
        for family in (privacy, wording, elements):
            found += len(family.check_page(p, PageRole.ARTICLE, CTX))
    spent = time.perf_counter() - t0
    per = {}
    for family in (privacy, wording, elements):
        t = time.perf_counter()
        for p in ps:
            family.check_page(p, PageRole.ARTICLE, CTX)
        per[family.__name__.rsplit(".", 1)[1]] = (time.perf_counter() - t) / n * 1e6
    avg = sum(len(p.text) for p in ps) / n
    print(f"speed: {n} pages of {avg:,.0f} characters, all content checks, {found} findings")
    print(f"  {spent / n * 1e6:,.0f} µs/page, {n / spent:,.0f} pages/s")
    print("  per family: " + ", ".join(f"{k} {v:,.0f} µs" for k, v in per.items()))


def quality() -> None:
    texts = clean_texts()
    chars = sum(len(t) for t in texts.values())
    alarms = []
    for name, text in texts.items():
        p = Page(url=name, status=200, text=text)
        alarms += [(name, f) for f in privacy.check_page(p, PageRole.ARTICLE, CTX)]
        alarms += [(name, f) for f in wording.check_page(p, PageRole.ARTICLE, CTX)]
    print(f"false alarms on clean government text ({len(texts)} files, {chars:,} characters):")
    print(f"  {len(alarms)} findings = {len(alarms) / chars * 1e5:.1f} per 100k characters")
    for name, f in alarms:
        print(f"  {name}: {f.check} {f.wrong or ''} {f.evidence[:60]}")
    rows = list(csv.DictReader((SHARED / "data/typos/reported_gov_site_serious_typos.csv").open()))
    m = matcher()
    hit = sum(1 for r in rows if any(h.entry.right == r["correct"] for h in m.find(r["wrong"])))
    generated = Matcher(generated_entries(read_words(DATA / "wording_terms.txt")), [])
    gen = [r["wrong"] for r in rows if generated.find(r["wrong"])]
    print(f"recall on the reported serious typos: {hit}/{len(rows)} (dictionary seeded from them)")
    print(
        f"  without their own entries (generated from canonical names): {len(gen)}/{len(rows)} {gen}"
    )
    odw = SHARED / "data/ecspell/odw.train.tsv"
    targets = [line.split("\t")[2] for line in odw.read_text(encoding="utf-8").splitlines()]
    t = "\n".join(targets)
    n = len(wording.check_page(Page(url="odw", status=200, text=t), PageRole.ARTICLE, CTX))
    print(f"hits on ECSpell corrected sentences ({len(t):,} characters, the derivation data): {n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--size", type=int, default=10000)
    args = ap.parse_args()
    t = time.perf_counter()
    matcher()
    print(f"dictionaries loaded and automata built in {(time.perf_counter() - t) * 1000:.0f} ms")
    bench(args.pages, args.size)
    quality()


if __name__ == "__main__":
    main()

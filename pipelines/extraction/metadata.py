"""Document metadata read from the content: department, year, kind, scope, region."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

TITLE = re.compile(
    r"^(?:第[一二三四五六七八九十]部分)?(?P<dept>.*?)(?P<year>20\d{2})?(?:年度?)?(?:区级|市级|省级|县级)?(?P<scope>部门|单位)?(?P<kind>决算|预算)"
)
YEAR = re.compile(r"(20\d{2})\s*年")
BARE_YEAR = re.compile(r"^(20\d{2})(年度?)?$")
REGION = re.compile(
    r"^(?:中共|中国共产党)?(?P<region>(?:[^省市区县]{2,8}?(?:省|自治区))?(?:[^省市区县]{2,8}?市)?(?:[^省市区县]{1,8}?[区县])?)"
)
# a heading or a contents line, not a name: '二、单位机构设置及…', '第一部分…'
NOT_A_NAME = re.compile(
    r"^[一二三四五六七八九十]+、|^第[一二三四五六七八九十]+部分|机构设置|情况说明"
)
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


@dataclass
class Metadata:
    department_name: str | None
    fiscal_year: int | None
    document_kind: str | None
    reporting_scope: str | None
    region: str | None


def read_metadata(first_page_lines: list[list[str]], table_departments: list[str]) -> Metadata:
    """From the opening pages' lines (compact text) and the tables' 部门： lines."""
    department = None
    year = kind = scope = None
    for lines in first_page_lines:
        for index, line in enumerate(lines):
            if not any(k in line for k in ("决算", "预算")) or len(line) > 40:
                continue
            match = TITLE.match(line)
            if not match:
                continue
            kind = kind or ("final_account" if match.group("kind") == "决算" else "budget")
            scope = scope or ("unit" if match.group("scope") == "单位" else "department")
            line_year = match.group("year") or _nearby_year(lines, index)
            year = year or (int(line_year) if line_year else None)
            name = _clean_department(match.group("dept"))
            if (not name or region_of(name) is None) and index > 0 and not line.startswith("第"):
                # The name printed on lines of its own above "2024年度部门决算", or
                # begun there ('福州市公安局文职人员' / '管理中心单位预算').
                above = [
                    x
                    for x in lines[max(0, index - 3) : index]
                    if len(x) <= 20 and not BARE_YEAR.match(x)
                ]
                whole = _clean_department("".join(above) + (match.group("dept") or ""))
                if whole and (not name or region_of(whole)):
                    name = whole
            if name and department is None:
                department = name
        if department and year and kind:
            break
    if year is None:  # no cover: the year most printed in the opening pages
        years = Counter(
            m for lines in first_page_lines for line in lines for m in YEAR.findall(line)
        )
        year = int(years.most_common(1)[0][0]) if years else None
    printed = Counter(_clean_department(d) for d in table_departments if _clean_department(d))
    if printed:
        department = printed.most_common(1)[0][0]
    return Metadata(department, year, kind, scope, region_of(department))


def _nearby_year(lines: list[str], index: int) -> str | None:
    for neighbour in lines[index + 1 : index + 3] + lines[max(0, index - 2) : index]:
        match = BARE_YEAR.match(neighbour) or YEAR.search(neighbour)
        if match:
            return match.group(1)
    return None


def _clean_department(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"^(20\d{2})\s*年度?", "", text)  # '2026 年度' printed above the name
    text = re.sub(r"(20\d{2})\s*年度?.*$", "", text)
    text = _unbracketed(re.sub(r"^(部门|单位)(名称)?[:：]", "", text).strip(" ：:"))
    if len(text) < 3 or len(text) > 40 or re.search(r"\d", text) or NOT_A_NAME.search(text):
        return None
    return text


def _unbracketed(text: str) -> str:
    """Brackets at the ends taken off unless they close one inside: '福州市民政局(本级)' stays."""
    text = text.lstrip("（(")
    while text.endswith((")", "）")) and not re.search(r"[（(][^）)]*[)）]$", text):
        text = text[:-1]
    return text


def region_of(department: str | None) -> str | None:
    """'武汉市科学技术局' → '武汉市'; '上海市普陀区规划和自然资源局' → '上海市普陀区'."""
    if not department:
        return None
    for city in MUNICIPALITIES:
        if department.startswith(city):
            rest = department[len(city) :]
            district = re.match(r"^([^市区县局委办]{1,6}?[区县])", rest)
            return city + (district.group(1) if district else "")
    match = REGION.match(department)
    region = match.group("region") if match else ""
    if not region:
        province = re.match(r"^(?:中共)?(.{2,3}?)(省委|省)", department)
        if province:
            return province.group(1) + "省"
    return region or None

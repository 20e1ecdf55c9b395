"""The table of Chinese numerals the number grammar must read, shared by its tests and by
``benchmarks/cn_numerals.py`` (which measures the same table against the cn2an package)."""

from __future__ import annotations

CHINESE_NUMERALS: list[tuple[str, float, str]] = [
    # (written, value, readable id)
    ("一亿零五百万", 105_000_000, "yi-ling-wan"),
    ("三亿五千万", 350_000_000, "yi-qian-wan"),
    ("二千零五十", 2050, "qian-ling"),
    ("一千二百万", 12_000_000, "qian-bai-wan"),
    ("三万亿", 3e12, "wan-yi"),
    ("十万八千", 108_000, "shi-wan-qian"),
    ("一百零五", 105, "bai-ling"),
    ("两万", 20_000, "liang"),
    ("两千", 2000, "liang-qian"),
    ("十五", 15, "leading-ten"),
    ("八千九百六十", 8960, "qian-bai-shi"),
    ("三十九点七", 39.7, "decimal-dian"),
    ("零点五", 0.5, "zero-point"),
    ("一九五八", 1958, "digit-by-digit"),
    ("二〇二二", 2022, "digit-by-digit-ling"),
    ("三亿八千万", 380_000_000, "yi-qian-wan-2"),
]

"""Print the code points of one of the embedded font subsets, one U+XXXX per line, sorted.

  unicodes.py base                    GB2312 (every hanzi and symbol it encodes), ASCII, Latin-1,
                                      the punctuation and symbols a Chinese budget report uses
  unicodes.py tongyong UNIHAN         the characters of 《通用规范汉字表》 (2013) that base lacks
  unicodes.py rest UNIHAN FONT [BESIDE]
                                      everything else FONT maps: the rarer hanzi (CJK Ext. A–F,
                                      compatibility ideographs), kana, hangul, symbols; with
                                      BESIDE, only what the font BESIDE does not map
  unicodes.py tongyong-list UNIHAN    the 8105 characters of 《通用规范汉字表》 themselves, one per
                                      line in the table's order (testdata/tongyong.txt)

UNIHAN is Unihan_OtherMappings.txt.bz2 of the Unicode Character Database: its kTGH field gives
each character's position in 《通用规范汉字表》 ("2013:6948" for 埇). build.sh feeds the lists to
fontTools.subset --unicodes-file.
"""

import bz2
import sys


def base():
    cps = set()
    # Every GB2312 code point: rows 0xA1–0xF7, cells 0xA1–0xFE; the gb2312 codec knows which exist.
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            cps.update(ord(c) for c in s)

    cps.update(range(0x20, 0x7F))  # ASCII
    cps.update(range(0xA0, 0x100))  # Latin-1 supplement: NBSP, ¥, §, ·, ±, ×, ÷ …
    cps.update(range(0x2010, 0x2028))  # ‐ ‑ ‒ – — ― ‖ ‗ ‘ ’ ‚ ‛ “ ” „ ‟ † ‡ • ‣ ․ ‥ … ‧
    cps.update([0x2030, 0x2032, 0x2033, 0x203B])  # ‰ ′ ″ ※
    cps.update([0x2103, 0x2116, 0x2212, 0x2264, 0x2265])  # ℃ № − ≤ ≥
    cps.update(range(0x2160, 0x216C))  # Ⅰ … Ⅻ
    cps.update(range(0x2460, 0x249C))  # ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
    cps.update(range(0x3000, 0x3040))  # CJK symbols and punctuation: 、 。 〇 《 》 「 」 【 】 〔 〕 …
    cps.update(range(0x3220, 0x322A))  # ㈠ … ㈩
    cps.update(range(0xFF01, 0xFF5F))  # fullwidth forms ！ … ～
    cps.update(range(0xFFE0, 0xFFE7))  # ￠ ￡ ￢ ￣ ￤ ￥ ￦
    cps.update(ord(c) for c in "〇零一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")
    return cps


def tongyong(unihan):
    """The characters of 《通用规范汉字表》 by their position in it."""
    table = {}
    with bz2.open(unihan, "rt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] == "kTGH":
                for value in fields[2].split():  # "2013:6948"
                    table[int(value.split(":")[1])] = int(fields[0][2:], 16)
    if sorted(table) != list(range(1, 8106)):
        sys.exit("unicodes.py: %s does not give 8105 positions of 《通用规范汉字表》" % unihan)
    return table


def font_cmap(path):
    from fontTools.ttLib import TTFont

    cps = set()
    for sub in TTFont(path, lazy=True)["cmap"].tables:
        if sub.isUnicode():
            cps.update(sub.cmap)
    return cps


def show(cps):
    for cp in sorted(cps):
        print("U+%04X" % cp)


mode = sys.argv[1] if len(sys.argv) > 1 else "base"
if mode == "base":
    show(base())
elif mode == "tongyong":
    show(set(tongyong(sys.argv[2]).values()) - base())
elif mode == "rest":
    beside = font_cmap(sys.argv[4]) if len(sys.argv) > 4 else set()
    show(font_cmap(sys.argv[3]) - base() - set(tongyong(sys.argv[2]).values()) - beside)
elif mode == "tongyong-list":
    for _, cp in sorted(tongyong(sys.argv[2]).items()):
        print(chr(cp))
else:
    sys.exit("unicodes.py: unknown mode %r" % mode)

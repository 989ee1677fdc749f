"""Print the code points the embedded font subsets keep, one U+XXXX per line, sorted.

GB2312 (every hanzi and symbol it encodes), ASCII, Latin-1, the punctuation and symbols a
Chinese budget report uses. build.sh feeds the list to fontTools.subset --unicodes-file.
"""

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

for cp in sorted(cps):
    print("U+%04X" % cp)

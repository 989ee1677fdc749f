"""Rename a font subset: rename.py FONT FAMILY POSTSCRIPT

LXGW WenKai's licence (SIL OFL 1.1) reserves the names "霞鹜" and "LXGW": a Modified Version,
such as a subset, must not be called by them. This rewrites every family, full, unique and
PostScript name record (name IDs 1, 3, 4, 6, 16, 17), in every language, to FAMILY and
POSTSCRIPT, and keeps the copyright notice and licence (IDs 0, 13, 14) as the OFL asks.
head.modified stays the font's own, so the result depends on its input only.
"""

import sys

from fontTools.ttLib import TTFont

path, family, postscript = sys.argv[1:4]
font = TTFont(path, recalcTimestamp=False)
name = font["name"]
for record in name.names:
    if record.nameID in (1, 4, 16):
        record.string = family
    elif record.nameID == 3:
        record.string = family + ";" + str(name.getDebugName(5) or "")
    elif record.nameID == 6:
        record.string = postscript
    elif record.nameID == 17:
        record.string = "Regular"
for record in name.names:
    text = record.toUnicode()
    if record.nameID not in (0, 13, 14) and ("LXGW" in text or "霞鹜" in text):
        sys.exit("rename.py: name ID %d still says %r" % (record.nameID, text))
font.save(path, reorderTables=True)

#!/bin/sh
# build.sh rebuilds the embedded font subsets and licence files in this directory from their
# public sources:
#
#   Noto Serif SC 400 and 700, Noto Sans SC 400   npm @expo-google-fonts/noto-{serif,sans}-sc (npm pack)
#   AR PL KaitiM GB                               Debian fonts-arphic-gkai00mp (apt-get download)
#   LXGW WenKai Regular                           Debian fonts-lxgw-wenkai (apt-get download)
#   the list of 《通用规范汉字表》                  Debian unicode-data, Unihan field kTGH (apt-get download)
#
# and subsets each with Debian's python3-fonttools (unicodes.py says what each subset holds):
#
#   NotoSerifSC-Regular, NotoSerifSC-Bold, NotoSansSC-Regular, ARPLKaitiMGB
#       GB2312 plus the punctuation and symbols a budget report uses: what nearly every document
#       needs, the only faces most documents ever load
#   NotoSerifSC-Regular-Tongyong, NotoSerifSC-Bold-Tongyong, NotoSansSC-Regular-Tongyong,
#   WenKai-Tongyong
#       the 1467 characters of 《通用规范汉字表》 that GB2312 lacks (埇 …), loaded only by a
#       document that has one; WenKai-Tongyong is renamed (rename.py), as LXGW WenKai's
#       licence asks of a modified version
#   NotoSerifSC-Regular-Rest
#       everything else Noto Serif SC has (21 774 characters: rarer hanzi of CJK Ext. A–F,
#       compatibility ideographs, kana, hangul, symbols), loaded only by a document that has one
#   NotoSansSC-Regular-Rest
#       the 10 hanzi Noto Sans SC has and Noto Serif SC lacks, so that every role draws them
#
# The sources are pinned by version and SHA-256, and fontTools keeps each font's own
# head.modified (no --recalc-timestamp; SOURCE_DATE_EPOCH pins anything else that would ask for
# "now"), so two runs write the same bytes.
#
# Needs: npm, apt-get (after apt-get update), dpkg-deb, sha256sum, /usr/bin/python3 with
# python3-fonttools (apt-get install python3-fonttools). Run from anywhere: sh fonts/build.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=946684800 # 2000-01-01T00:00:00Z
export LC_ALL=C.UTF-8
py=/usr/bin/python3 # Debian's python3 is the one with python3-fonttools; a pyenv python may lack it

cd "$work"
npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
for deb in fonts-arphic-gkai00mp=2.11-16 fonts-lxgw-wenkai=1.250+repack-1 unicode-data=15.0.0-1; do
	apt-get download "$deb" >/dev/null 2>&1 || apt-get download "$deb"
done
mkdir serif sans kai wenkai ucd
tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans
dpkg-deb -x fonts-arphic-gkai00mp_2.11-16_all.deb kai
dpkg-deb -x fonts-lxgw-wenkai_1.250+repack-1_all.deb wenkai
dpkg-deb -x unicode-data_15.0.0-1_all.deb ucd

serif_regular=serif/package/400Regular/NotoSerifSC_400Regular.ttf
serif_bold=serif/package/700Bold/NotoSerifSC_700Bold.ttf
sans_regular=sans/package/400Regular/NotoSansSC_400Regular.ttf
kai_regular=kai/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf
wenkai_regular=wenkai/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
unihan=ucd/usr/share/unicode/Unihan_OtherMappings.txt.bz2

# The files this script was written against: a changed upstream file stops the build instead of
# silently changing the embedded fonts.
sha256sum -c --quiet <<EOF
c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742  $serif_regular
9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6  $serif_bold
d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16  $sans_regular
61519fb9bdda4a1a3aa02a12cbb76c2ef897ce879775d7ea2265d0a65fe54d16  $kai_regular
bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8  $wenkai_regular
bdeef44d75d914e793b7f27ddc3bee01b2d11dd34f4e52de1a9fba74a1612dc2  $unihan
EOF

"$py" "$here/unicodes.py" base >base.txt
"$py" "$here/unicodes.py" tongyong "$unihan" >tongyong.txt
"$py" "$here/unicodes.py" rest "$unihan" "$serif_regular" >rest.txt
"$py" "$here/unicodes.py" rest "$unihan" "$sans_regular" "$serif_regular" >sans-rest.txt

# What stays: glyf/loca outlines, cmap, hmtx/hhea, head, maxp, OS/2, post, name — the tables gopdf
# reads. What goes: hinting (the PDF is not rasterised at small sizes by us), OpenType layout
# (gopdf does no shaping), vertical metrics, Apple 'mort'. Name IDs 0–6 plus 13/14 (licence
# description and URL) stay in every language the font has.
subset() { # subset SRC DST UNICODES-FILE
	"$py" -m fontTools.subset "$1" \
		--output-file="$2" \
		--unicodes-file="$3" \
		--no-hinting \
		--layout-features='' \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,STAT,vhea,vmtx,VORG,mort,morx,gasp,kern \
		--name-IDs=0,1,2,3,4,5,6,13,14 \
		--name-languages='*' \
		--no-glyph-names \
		--notdef-outline
}
subset "$serif_regular" "$here/NotoSerifSC-Regular.ttf" base.txt
subset "$serif_bold" "$here/NotoSerifSC-Bold.ttf" base.txt
subset "$sans_regular" "$here/NotoSansSC-Regular.ttf" base.txt
subset "$kai_regular" "$here/ARPLKaitiMGB.ttf" base.txt
subset "$serif_regular" "$here/NotoSerifSC-Regular-Tongyong.ttf" tongyong.txt
subset "$serif_bold" "$here/NotoSerifSC-Bold-Tongyong.ttf" tongyong.txt
subset "$sans_regular" "$here/NotoSansSC-Regular-Tongyong.ttf" tongyong.txt
subset "$wenkai_regular" "$here/WenKai-Tongyong.ttf" tongyong.txt
"$py" "$here/rename.py" "$here/WenKai-Tongyong.ttf" "WenKai Tongyong" "WenKai-Tongyong"
subset "$serif_regular" "$here/NotoSerifSC-Regular-Rest.ttf" rest.txt
subset "$sans_regular" "$here/NotoSansSC-Regular-Rest.ttf" sans-rest.txt

# A two-glyph font ("A", "中") for the parser tests and the fuzz corpus.
mkdir -p "$here/testdata"
"$py" -m fontTools.subset "$sans_regular" --output-file="$here/testdata/tiny.ttf" --unicodes=U+0041,U+4E2D \
	--no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx,gasp --no-glyph-names
# The 8105 characters of 《通用规范汉字表》 in the table's order, for the coverage tests.
"$py" "$here/unicodes.py" tongyong-list "$unihan" >"$here/testdata/tongyong.txt"

cp serif/package/LICENSE_FONT "$here/OFL-NotoSerifSC.txt"
cp sans/package/LICENSE_FONT "$here/OFL-NotoSansSC.txt"
gzip -dc kai/usr/share/doc/fonts-arphic-gkai00mp/license/english/ARPHICPL.TXT.gz >"$here/ARPHICPL.txt"
cp wenkai/usr/share/doc/fonts-lxgw-wenkai/copyright "$here/OFL-LXGWWenKai.txt" # the OFL, with its reserved names

cd "$here"
ls -l ./*.ttf testdata/tongyong.txt
sha256sum ./*.ttf testdata/tongyong.txt

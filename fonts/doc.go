// Package fonts holds the Chinese fonts the PDF writer embeds and the registry that says which
// font draws which character.
//
// The embedded faces (see README.md for sources and licences) are Noto Serif SC Regular and
// Bold (宋), Noto Sans SC Regular (黑) and AR PL KaitiM GB with LXGW WenKai (楷), cut into
// parts: GB2312 plus the punctuation a budget report uses, then the rest of 《通用规范汉字表》,
// then the rarer hanzi. A Set maps each typographic Role (body text, title, heading, …) to a fallback chain of
// faces; Pick finds the first face in a chain that has a character, so every character of
// 《通用规范汉字表》 is drawn in every role, and a caller can put a licensed 仿宋_GB2312 in front
// of the free fonts with Register. A face is parsed on first use, so the large parts cost
// nothing until a document holds a character only they have.
//
// Missing and MissingMessage let a validator find, before rendering, a character no face of the
// set has, and say in Chinese what to do about it.
//
// Faces are TrueType (glyf) only, because the PDF writer (gopdf) embeds only glyf outlines. Parse
// checks the same tables gopdf reads, so a Face that parses is a face gopdf loads, and Advance
// reproduces gopdf's own width arithmetic, so text measured here is text drawn there.
package fonts

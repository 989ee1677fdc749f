// Package fonts holds the Chinese fonts the PDF writer embeds and the registry that says which
// font draws which character.
//
// Four subset TrueType faces are embedded (see README.md for sources and licences): Noto Serif SC
// Regular and Bold (宋), Noto Sans SC Regular (黑) and AR PL KaitiM GB (楷), each cut down to
// GB2312 plus the punctuation a budget report uses. A Set maps each typographic Role (body text,
// title, heading, …) to a fallback chain of faces; Pick finds the first face in a chain that has a
// character, so a caller can put a licensed 仿宋_GB2312 in front of the free fonts with Register.
//
// Faces are TrueType (glyf) only, because the PDF writer (gopdf) embeds only glyf outlines. Parse
// checks the same tables gopdf reads, so a Face that parses is a face gopdf loads, and Advance
// reproduces gopdf's own width arithmetic, so text measured here is text drawn there.
package fonts

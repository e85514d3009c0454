// Unicode character names, for `\N{NAME}` escapes in string literals.
//
// The table is generated at build time by compiler/gen_unicode_names.py from the Unicode
// Character Database (Debian's `unicode-data` package), restricted to Unicode 14.0 -- the
// version CPython 3.11 ships -- so gilvm accepts exactly the names CPython 3.11 accepts.
//
// Invariants (those of CPython 3.11's unicodedata `_getcode` with aliases, without named
// sequences):
//  - Accepted: every UnicodeData.txt name and every NameAliases.txt alias (all alias types),
//    compared case-insensitively (ASCII letters only).
//  - Algorithmic names: `HANGUL SYLLABLE <L><V><T>` and `CJK UNIFIED IDEOGRAPH-<4 or 5 hex
//    digits>`; like CPython, the prefix, the jamo short names and the hex digits must be upper
//    case, and the code point must be a unified ideograph of Unicode 14.0.
//  - Named sequences (NamedSequences.txt) are not accepted.
//  - The lookup is allocation-free and O(log n).
#pragma once

#include <string_view>

namespace gilvm::compiler {

// Sets `*out` to the code point named `name` and returns true, or returns false.
bool LookupUnicodeName(std::string_view name, char32_t* out);

}  // namespace gilvm::compiler

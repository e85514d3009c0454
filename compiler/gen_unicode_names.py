#!/usr/bin/env python3
"""Generates the Unicode name table behind LookupUnicodeName (compiler/unicode_names.h).

Run by CMake at build time (compiler/CMakeLists.txt). Reads the Unicode Character Database
files of Debian's `unicode-data` package and writes one C++ source file.

Which names: every UnicodeData.txt name (not the `<...>` placeholders) and every
NameAliases.txt alias, of code points assigned in Unicode <= --max-age (DerivedAge.txt). The
package may be newer than the Unicode version CPython implements (3.11: 14.0); the age filter
keeps gilvm from accepting names CPython rejects. The CJK unified ideograph ranges (named
algorithmically, like the Hangul syllables) are filtered the same way.

Encoding (all names are upper case, made of A-Z, 0-9, space and hyphen):
  - Entries (names and aliases) are sorted by name and front-coded in blocks of BLOCK_SIZE:
      [shared prefix length][encoded suffix length][encoded suffix][code point, 3 bytes BE]
    The first entry of a block shares nothing, so a lookup binary-searches the block heads
    and then scans one block.
  - In an encoded suffix every byte expands to a string of the word table: a name character
    stands for itself, every other byte value for one frequent word (e.g. "LETTER ").
"""

import argparse
import bisect
import collections
import os
import re
import sys

BLOCK_SIZE = 16

# NameAliases.txt has no version column, and new aliases may name old code points. These are
# the aliases added since Unicode 14.0 (checked against CPython 3.11's unicodedata), with the
# version that added them. A newer NameAliases.txt stops the build until its additions are
# listed here and ALIASES_KNOWN_UP_TO is bumped.
ALIASES_ADDED = {
    (0x0019, "EM"): (15, 0),
    (0x0616, "ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE"): (15, 0),
    (0x1BBD, "SUNDANESE LETTER ARCHAIC I"): (15, 0),
}
ALIASES_KNOWN_UP_TO = (15, 0)
NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -"


def parse_version(text):
    return tuple(int(part) for part in text.split("."))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


class Ages:
    """Code point -> Unicode version that assigned it (DerivedAge.txt)."""

    def __init__(self, path):
        ranges = []
        for fields in read_lines(path):
            first, _, last = fields[0].partition("..")
            ranges.append((int(first, 16), int(last or first, 16), parse_version(fields[1])))
        ranges.sort()
        self.starts = [r[0] for r in ranges]
        self.ranges = ranges

    def age(self, cp):
        i = bisect.bisect_right(self.starts, cp) - 1
        if i >= 0 and self.ranges[i][0] <= cp <= self.ranges[i][1]:
            return self.ranges[i][2]
        return None  # unassigned

    def assigned_by(self, cp, max_age):
        age = self.age(cp)
        return age is not None and age <= max_age


def read_names(ucd_dir, max_age):
    ages = Ages(os.path.join(ucd_dir, "DerivedAge.txt"))
    names = {}  # name -> code point
    unified = []  # (first, last) ranges of CJK unified ideographs
    range_first = None
    for fields in read_lines(os.path.join(ucd_dir, "UnicodeData.txt")):
        cp, name = int(fields[0], 16), fields[1]
        if name.startswith("<"):
            if name.endswith(", First>"):
                range_first = cp
            elif name.endswith(", Last>"):
                if name.startswith("<CJK Ideograph"):
                    unified.extend(assigned_runs(range_first, cp, ages, max_age))
                range_first = None
            continue  # <control> and the other placeholders have no name
        if ages.assigned_by(cp, max_age):
            add_name(names, name, cp)
    aliases_path = os.path.join(ucd_dir, "NameAliases.txt")
    check_aliases_version(aliases_path, max_age)
    for cp_text, alias, _type in read_lines(aliases_path):
        cp = int(cp_text, 16)
        if ages.assigned_by(cp, max_age) and ALIASES_ADDED.get((cp, alias), (0,)) <= max_age:
            add_name(names, alias, cp)
    unified.sort()
    return names, unified


def check_aliases_version(path, max_age):
    with open(path, encoding="utf-8") as f:
        m = re.match(r"# NameAliases-(\d+(?:\.\d+)*)\.txt", f.readline())
    if not m:
        sys.exit(f"gen_unicode_names: {path}: no version in the first line")
    version = parse_version(m.group(1))[:2]
    if version > max_age and version > ALIASES_KNOWN_UP_TO:
        sys.exit(
            f"gen_unicode_names: {path} is Unicode {m.group(1)}: list its aliases added after "
            f"{ALIASES_KNOWN_UP_TO[0]}.{ALIASES_KNOWN_UP_TO[1]} in ALIASES_ADDED"
        )


def assigned_runs(first, last, ages, max_age):
    runs = []
    for cp in range(first, last + 1):
        if not ages.assigned_by(cp, max_age):
            continue
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return [tuple(r) for r in runs]


def add_name(names, name, cp):
    if any(c not in NAME_CHARS for c in name):
        sys.exit(f"gen_unicode_names: unexpected character in name {name!r}")
    if names.get(name, cp) != cp:
        sys.exit(f"gen_unicode_names: name {name!r} names both U+{names[name]:04X} and U+{cp:04X}")
    names[name] = cp


def front_code(sorted_names):
    """(shared prefix length, suffix) per name; the first name of each block shares nothing."""
    out = []
    prev = ""
    for i, name in enumerate(sorted_names):
        shared = 0
        if i % BLOCK_SIZE:
            limit = min(len(name), len(prev))
            while shared < limit and name[shared] == prev[shared]:
                shared += 1
        out.append((shared, name[shared:]))
        prev = name
    return out


def build_words(suffixes):
    """The byte -> string table: name characters map to themselves, free bytes to words."""
    free = [b for b in range(1, 256) if chr(b) not in NAME_CHARS]
    counts = collections.Counter()
    for suffix in suffixes:
        counts.update(re.findall(r"[^ ]+ ?", suffix))
    candidates = [w for w in counts if len(w) > 1]
    candidates.sort(key=lambda w: (-(len(w) - 1) * counts[w], w))
    table = [""] * 256
    for c in NAME_CHARS:
        table[ord(c)] = c
    for b, word in zip(free, candidates):
        table[b] = word
    return table


def encode_suffix(suffix, words_by_first):
    out = bytearray()
    i = 0
    while i < len(suffix):
        for word, b in words_by_first.get(suffix[i], ()):
            if suffix.startswith(word, i):
                out.append(b)
                i += len(word)
                break
        else:
            out.append(ord(suffix[i]))  # a name character: always in the table
            i += 1
    if len(out) > 255:
        sys.exit("gen_unicode_names: encoded suffix too long")
    return out


def c_bytes(data, indent="    ", per_line=24):
    lines = []
    for i in range(0, len(data), per_line):
        lines.append(indent + ",".join(str(b) for b in data[i : i + per_line]) + ",")
    return "\n".join(lines)


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


TEMPLATE = """\
// Generated by compiler/gen_unicode_names.py from {sources}. Do not edit.
// {num_names} names and aliases (Unicode <= {max_age}); layout described in the generator.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/unicode_names.h"

namespace gilvm::compiler {{
namespace {{

constexpr size_t kMaxNameLength = {max_len};
constexpr size_t kNumBlocks = {num_blocks};

// Byte b of an encoded suffix expands to kWordText[kWordStart[b] .. kWordStart[b + 1]).
constexpr char kWordText[] = {word_text};
constexpr uint16_t kWordStart[257] = {{
{word_start}
}};

constexpr uint8_t kNameData[] = {{
{name_data}
}};

constexpr uint32_t kBlockStart[kNumBlocks + 1] = {{
{block_start}
}};

struct CodeRange {{
  char32_t first, last;
}};
constexpr CodeRange kUnifiedIdeographs[] = {{
{unified}
}};

// Decodes the entry at kNameData[pos] into `buf`, whose first bytes hold the previous name of
// the block. Returns the length of the name; sets `*code` and `*next` (the next entry).
size_t DecodeEntry(size_t pos, char* buf, char32_t* code, size_t* next) {{
  size_t len = kNameData[pos];
  size_t n = kNameData[pos + 1];
  const uint8_t* p = kNameData + pos + 2;
  for (size_t k = 0; k < n; ++k) {{
    for (uint16_t w = kWordStart[p[k]]; w < kWordStart[p[k] + 1]; ++w) buf[len++] = kWordText[w];
  }}
  p += n;
  *code = (char32_t{{p[0]}} << 16) | (char32_t{{p[1]}} << 8) | char32_t{{p[2]}};
  *next = pos + 2 + n + 3;
  return len;
}}

bool LookupTable(std::string_view name, char32_t* out) {{
  if (name.empty() || name.size() > kMaxNameLength) return false;
  char query_buf[kMaxNameLength];
  for (size_t i = 0; i < name.size(); ++i) {{
    char c = name[i];
    query_buf[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }}
  std::string_view query(query_buf, name.size());
  char buf[kMaxNameLength];
  char32_t code;
  size_t next;
  // The last block whose first name is <= query.
  size_t lo = 0, hi = kNumBlocks;
  while (lo < hi) {{
    size_t mid = lo + (hi - lo) / 2;
    size_t len = DecodeEntry(kBlockStart[mid], buf, &code, &next);
    if (std::string_view(buf, len) <= query) {{
      lo = mid + 1;
    }} else {{
      hi = mid;
    }}
  }}
  if (lo == 0) return false;
  for (size_t pos = kBlockStart[lo - 1]; pos < kBlockStart[lo];) {{
    size_t len = DecodeEntry(pos, buf, &code, &pos);
    int cmp = std::string_view(buf, len).compare(query);
    if (cmp == 0) {{
      *out = code;
      return true;
    }}
    if (cmp > 0) break;
  }}
  return false;
}}

// Hangul syllables: CPython's hangul_syllables table and find_syllable.
constexpr std::string_view kJamoL[] = {{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                       "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}};
constexpr std::string_view kJamoV[] = {{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O",
                                       "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU",
                                       "EU", "YI", "I"}};
constexpr std::string_view kJamoT[] = {{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                       "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                       "SS", "NG", "J", "C", "K", "T", "P", "H"}};

// The index of the longest jamo name `*s` starts with (the first of equally long ones), which
// is consumed; -1 if none.
template <size_t N>
int FindSyllable(std::string_view* s, const std::string_view (&jamo)[N]) {{
  int found = -1;
  size_t best = 0;
  for (size_t i = 0; i < N; ++i) {{
    if ((found < 0 || jamo[i].size() > best) && s->starts_with(jamo[i])) {{
      found = static_cast<int>(i);
      best = jamo[i].size();
    }}
  }}
  s->remove_prefix(best);
  return found;
}}

bool LookupHangul(std::string_view rest, char32_t* out) {{
  int l = FindSyllable(&rest, kJamoL);
  int v = FindSyllable(&rest, kJamoV);
  int t = FindSyllable(&rest, kJamoT);
  if (l < 0 || v < 0 || t < 0 || !rest.empty()) return false;
  *out = 0xAC00 + (l * 21 + v) * 28 + t;
  return true;
}}

bool LookupUnified(std::string_view hex, char32_t* out) {{
  if (hex.size() != 4 && hex.size() != 5) return false;
  char32_t v = 0;
  for (char c : hex) {{
    if (c >= '0' && c <= '9') {{
      v = v * 16 + (c - '0');
    }} else if (c >= 'A' && c <= 'F') {{
      v = v * 16 + (c - 'A' + 10);
    }} else {{
      return false;  // CPython accepts upper-case digits only
    }}
  }}
  for (const CodeRange& r : kUnifiedIdeographs) {{
    if (v >= r.first && v <= r.last) {{
      *out = v;
      return true;
    }}
  }}
  return false;
}}

}}  // namespace

bool LookupUnicodeName(std::string_view name, char32_t* out) {{
  // Like CPython, the algorithmic prefixes are case-sensitive.
  if (name.starts_with("HANGUL SYLLABLE ")) return LookupHangul(name.substr(16), out);
  if (name.starts_with("CJK UNIFIED IDEOGRAPH-")) return LookupUnified(name.substr(22), out);
  return LookupTable(name, out);
}}

}}  // namespace gilvm::compiler
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ucd-dir", default="/usr/share/unicode")
    parser.add_argument("--max-age", default="14.0", help="newest Unicode version to accept")
    parser.add_argument("--dump", help="also write `NAME;CODE` lines here (for testing)")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    max_age = parse_version(args.max_age)

    names, unified = read_names(args.ucd_dir, max_age)
    sorted_names = sorted(names)
    coded = front_code(sorted_names)
    words = build_words(suffix for _, suffix in coded)
    words_by_first = collections.defaultdict(list)  # first character -> longest words first
    for b, w in sorted(enumerate(words), key=lambda bw: (-len(bw[1]), bw[0])):
        if len(w) > 1:
            words_by_first[w[0]].append((w, b))

    data = bytearray()
    block_start = []
    for i, (name, (shared, suffix)) in enumerate(zip(sorted_names, coded)):
        if i % BLOCK_SIZE == 0:
            block_start.append(len(data))
        encoded = encode_suffix(suffix, words_by_first)
        data += bytes([shared, len(encoded)]) + encoded + names[name].to_bytes(3, "big")
    block_start.append(len(data))

    word_start = [0]
    for w in words:
        word_start.append(word_start[-1] + len(w))
    if word_start[-1] > 0xFFFF:
        sys.exit("gen_unicode_names: word table too large")

    text = TEMPLATE.format(
        sources="UnicodeData.txt, NameAliases.txt and DerivedAge.txt",
        num_names=len(sorted_names),
        max_age=args.max_age,
        max_len=max(len(n) for n in sorted_names),
        num_blocks=len(block_start) - 1,
        word_text=c_string("".join(words)),
        word_start=c_bytes(word_start),
        name_data=c_bytes(data),
        block_start=c_bytes(block_start, per_line=12),
        unified="\n".join(f"    {{0x{a:X}, 0x{b:X}}}," for a, b in unified),
    )
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.output)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for name in sorted_names:
                f.write(f"{name};{names[name]:X}\n")
            for a, b in unified:
                f.write(f"#UNIFIED;{a:X};{b:X}\n")


if __name__ == "__main__":
    main()

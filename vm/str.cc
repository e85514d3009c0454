#include "vm/str.h"
#include "vm/utf8.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/bigint.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/slice.h"
#include "vm/subclass.h"
#include "vm/tuple.h"

namespace gilvm::vm {


namespace {

// A string longer than this is refused with MemoryError up front: `'a' * 10**12` must fail
// cleanly rather than let the OS overcommit and kill the process while it fills the pages.
// StrObject keeps its size in 32 bits.
constexpr uint64_t kMaxStrBytes = UINT32_MAX;

// ---------------------------------------------------------------------------------------------
// UTF-8. StrObject data is always valid UTF-8, so decoding needs no error handling.

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes the code point that ends at byte *end and moves *end to its start.
uint32_t DecodeBefore(std::string_view s, size_t* end) {
  size_t start = *end - 1;
  while (start > 0 && IsContinuation(static_cast<unsigned char>(s[start]))) --start;
  size_t i = start;
  *end = start;
  return DecodeUtf8(s, &i);
}

std::vector<uint32_t> DecodeAll(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(DecodeUtf8(s, &i));
  return out;
}

int64_t CountCodePoints(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += !IsContinuation(static_cast<unsigned char>(c));
  return n;
}

// ---------------------------------------------------------------------------------------------
// Unicode character database. Exact (generated from CPython 3.11's unicodedata) below U+0800,
// which covers Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic; above it a few hand-written
// ranges approximate the common scripts (CJK, Hangul, kana, fullwidth forms, spaces, format
// characters). Full tables arrive with the Unicode milestone.

enum CharFlag : uint16_t {
  kAlpha = 1 << 0,
  kDecimal = 1 << 1,
  kDigit = 1 << 2,
  kNumeric = 1 << 3,
  kSpace = 1 << 4,
  kLower = 1 << 5,
  kUpper = 1 << 6,
  kPrintable = 1 << 7,
  kTitle = 1 << 8,
  kIdStart = 1 << 9,
  kIdContinue = 1 << 10,
  kCased = 1 << 11,
};

struct CharRun {
  uint32_t first;
  uint16_t flags;
};
struct CaseRun {
  uint32_t first, last;
  int32_t upper_delta, lower_delta;
  bool pairs;
};
struct SpecialCase {
  uint32_t cp;
  const char* upper;
  const char* lower;
  const char* title;
};
struct SpecialFold {
  uint32_t cp;
  const char* folded;
};

// Generated from CPython 3.11 unicodedata: (first code point, flags) runs below 0x800.
constexpr CharRun kCharRuns[] = {
    {0x0, 0x0}, {0x9, 0x10}, {0xe, 0x0}, {0x1c, 0x10}, {0x20, 0x90}, {0x21, 0x80}, {0x30, 0x48e},
    {0x3a, 0x80}, {0x41, 0xec1}, {0x5b, 0x80}, {0x5f, 0x680}, {0x60, 0x80}, {0x61, 0xea1}, {0x7b, 0x80},
    {0x7f, 0x0}, {0x85, 0x10}, {0x86, 0x0}, {0xa0, 0x10}, {0xa1, 0x80}, {0xaa, 0xea1}, {0xab, 0x80},
    {0xad, 0x0}, {0xae, 0x80}, {0xb2, 0x8c}, {0xb4, 0x80}, {0xb5, 0xea1}, {0xb6, 0x80}, {0xb7, 0x480},
    {0xb8, 0x80}, {0xb9, 0x8c}, {0xba, 0xea1}, {0xbb, 0x80}, {0xbc, 0x88}, {0xbf, 0x80}, {0xc0, 0xec1},
    {0xd7, 0x80}, {0xd8, 0xec1}, {0xdf, 0xea1}, {0xf7, 0x80}, {0xf8, 0xea1}, {0x100, 0xec1}, {0x101, 0xea1},
    {0x102, 0xec1}, {0x103, 0xea1}, {0x104, 0xec1}, {0x105, 0xea1}, {0x106, 0xec1}, {0x107, 0xea1},
    {0x108, 0xec1}, {0x109, 0xea1}, {0x10a, 0xec1}, {0x10b, 0xea1}, {0x10c, 0xec1}, {0x10d, 0xea1},
    {0x10e, 0xec1}, {0x10f, 0xea1}, {0x110, 0xec1}, {0x111, 0xea1}, {0x112, 0xec1}, {0x113, 0xea1},
    {0x114, 0xec1}, {0x115, 0xea1}, {0x116, 0xec1}, {0x117, 0xea1}, {0x118, 0xec1}, {0x119, 0xea1},
    {0x11a, 0xec1}, {0x11b, 0xea1}, {0x11c, 0xec1}, {0x11d, 0xea1}, {0x11e, 0xec1}, {0x11f, 0xea1},
    {0x120, 0xec1}, {0x121, 0xea1}, {0x122, 0xec1}, {0x123, 0xea1}, {0x124, 0xec1}, {0x125, 0xea1},
    {0x126, 0xec1}, {0x127, 0xea1}, {0x128, 0xec1}, {0x129, 0xea1}, {0x12a, 0xec1}, {0x12b, 0xea1},
    {0x12c, 0xec1}, {0x12d, 0xea1}, {0x12e, 0xec1}, {0x12f, 0xea1}, {0x130, 0xec1}, {0x131, 0xea1},
    {0x132, 0xec1}, {0x133, 0xea1}, {0x134, 0xec1}, {0x135, 0xea1}, {0x136, 0xec1}, {0x137, 0xea1},
    {0x139, 0xec1}, {0x13a, 0xea1}, {0x13b, 0xec1}, {0x13c, 0xea1}, {0x13d, 0xec1}, {0x13e, 0xea1},
    {0x13f, 0xec1}, {0x140, 0xea1}, {0x141, 0xec1}, {0x142, 0xea1}, {0x143, 0xec1}, {0x144, 0xea1},
    {0x145, 0xec1}, {0x146, 0xea1}, {0x147, 0xec1}, {0x148, 0xea1}, {0x14a, 0xec1}, {0x14b, 0xea1},
    {0x14c, 0xec1}, {0x14d, 0xea1}, {0x14e, 0xec1}, {0x14f, 0xea1}, {0x150, 0xec1}, {0x151, 0xea1},
    {0x152, 0xec1}, {0x153, 0xea1}, {0x154, 0xec1}, {0x155, 0xea1}, {0x156, 0xec1}, {0x157, 0xea1},
    {0x158, 0xec1}, {0x159, 0xea1}, {0x15a, 0xec1}, {0x15b, 0xea1}, {0x15c, 0xec1}, {0x15d, 0xea1},
    {0x15e, 0xec1}, {0x15f, 0xea1}, {0x160, 0xec1}, {0x161, 0xea1}, {0x162, 0xec1}, {0x163, 0xea1},
    {0x164, 0xec1}, {0x165, 0xea1}, {0x166, 0xec1}, {0x167, 0xea1}, {0x168, 0xec1}, {0x169, 0xea1},
    {0x16a, 0xec1}, {0x16b, 0xea1}, {0x16c, 0xec1}, {0x16d, 0xea1}, {0x16e, 0xec1}, {0x16f, 0xea1},
    {0x170, 0xec1}, {0x171, 0xea1}, {0x172, 0xec1}, {0x173, 0xea1}, {0x174, 0xec1}, {0x175, 0xea1},
    {0x176, 0xec1}, {0x177, 0xea1}, {0x178, 0xec1}, {0x17a, 0xea1}, {0x17b, 0xec1}, {0x17c, 0xea1},
    {0x17d, 0xec1}, {0x17e, 0xea1}, {0x181, 0xec1}, {0x183, 0xea1}, {0x184, 0xec1}, {0x185, 0xea1},
    {0x186, 0xec1}, {0x188, 0xea1}, {0x189, 0xec1}, {0x18c, 0xea1}, {0x18e, 0xec1}, {0x192, 0xea1},
    {0x193, 0xec1}, {0x195, 0xea1}, {0x196, 0xec1}, {0x199, 0xea1}, {0x19c, 0xec1}, {0x19e, 0xea1},
    {0x19f, 0xec1}, {0x1a1, 0xea1}, {0x1a2, 0xec1}, {0x1a3, 0xea1}, {0x1a4, 0xec1}, {0x1a5, 0xea1},
    {0x1a6, 0xec1}, {0x1a8, 0xea1}, {0x1a9, 0xec1}, {0x1aa, 0xea1}, {0x1ac, 0xec1}, {0x1ad, 0xea1},
    {0x1ae, 0xec1}, {0x1b0, 0xea1}, {0x1b1, 0xec1}, {0x1b4, 0xea1}, {0x1b5, 0xec1}, {0x1b6, 0xea1},
    {0x1b7, 0xec1}, {0x1b9, 0xea1}, {0x1bb, 0x681}, {0x1bc, 0xec1}, {0x1bd, 0xea1}, {0x1c0, 0x681},
    {0x1c4, 0xec1}, {0x1c5, 0xf81}, {0x1c6, 0xea1}, {0x1c7, 0xec1}, {0x1c8, 0xf81}, {0x1c9, 0xea1},
    {0x1ca, 0xec1}, {0x1cb, 0xf81}, {0x1cc, 0xea1}, {0x1cd, 0xec1}, {0x1ce, 0xea1}, {0x1cf, 0xec1},
    {0x1d0, 0xea1}, {0x1d1, 0xec1}, {0x1d2, 0xea1}, {0x1d3, 0xec1}, {0x1d4, 0xea1}, {0x1d5, 0xec1},
    {0x1d6, 0xea1}, {0x1d7, 0xec1}, {0x1d8, 0xea1}, {0x1d9, 0xec1}, {0x1da, 0xea1}, {0x1db, 0xec1},
    {0x1dc, 0xea1}, {0x1de, 0xec1}, {0x1df, 0xea1}, {0x1e0, 0xec1}, {0x1e1, 0xea1}, {0x1e2, 0xec1},
    {0x1e3, 0xea1}, {0x1e4, 0xec1}, {0x1e5, 0xea1}, {0x1e6, 0xec1}, {0x1e7, 0xea1}, {0x1e8, 0xec1},
    {0x1e9, 0xea1}, {0x1ea, 0xec1}, {0x1eb, 0xea1}, {0x1ec, 0xec1}, {0x1ed, 0xea1}, {0x1ee, 0xec1},
    {0x1ef, 0xea1}, {0x1f1, 0xec1}, {0x1f2, 0xf81}, {0x1f3, 0xea1}, {0x1f4, 0xec1}, {0x1f5, 0xea1},
    {0x1f6, 0xec1}, {0x1f9, 0xea1}, {0x1fa, 0xec1}, {0x1fb, 0xea1}, {0x1fc, 0xec1}, {0x1fd, 0xea1},
    {0x1fe, 0xec1}, {0x1ff, 0xea1}, {0x200, 0xec1}, {0x201, 0xea1}, {0x202, 0xec1}, {0x203, 0xea1},
    {0x204, 0xec1}, {0x205, 0xea1}, {0x206, 0xec1}, {0x207, 0xea1}, {0x208, 0xec1}, {0x209, 0xea1},
    {0x20a, 0xec1}, {0x20b, 0xea1}, {0x20c, 0xec1}, {0x20d, 0xea1}, {0x20e, 0xec1}, {0x20f, 0xea1},
    {0x210, 0xec1}, {0x211, 0xea1}, {0x212, 0xec1}, {0x213, 0xea1}, {0x214, 0xec1}, {0x215, 0xea1},
    {0x216, 0xec1}, {0x217, 0xea1}, {0x218, 0xec1}, {0x219, 0xea1}, {0x21a, 0xec1}, {0x21b, 0xea1},
    {0x21c, 0xec1}, {0x21d, 0xea1}, {0x21e, 0xec1}, {0x21f, 0xea1}, {0x220, 0xec1}, {0x221, 0xea1},
    {0x222, 0xec1}, {0x223, 0xea1}, {0x224, 0xec1}, {0x225, 0xea1}, {0x226, 0xec1}, {0x227, 0xea1},
    {0x228, 0xec1}, {0x229, 0xea1}, {0x22a, 0xec1}, {0x22b, 0xea1}, {0x22c, 0xec1}, {0x22d, 0xea1},
    {0x22e, 0xec1}, {0x22f, 0xea1}, {0x230, 0xec1}, {0x231, 0xea1}, {0x232, 0xec1}, {0x233, 0xea1},
    {0x23a, 0xec1}, {0x23c, 0xea1}, {0x23d, 0xec1}, {0x23f, 0xea1}, {0x241, 0xec1}, {0x242, 0xea1},
    {0x243, 0xec1}, {0x247, 0xea1}, {0x248, 0xec1}, {0x249, 0xea1}, {0x24a, 0xec1}, {0x24b, 0xea1},
    {0x24c, 0xec1}, {0x24d, 0xea1}, {0x24e, 0xec1}, {0x24f, 0xea1}, {0x294, 0x681}, {0x295, 0xea1},
    {0x2b9, 0x681}, {0x2c0, 0xea1}, {0x2c2, 0x80}, {0x2c6, 0x681}, {0x2d2, 0x80}, {0x2e0, 0xea1},
    {0x2e5, 0x80}, {0x2ec, 0x681}, {0x2ed, 0x80}, {0x2ee, 0x681}, {0x2ef, 0x80}, {0x300, 0x480},
    {0x345, 0xca0}, {0x346, 0x480}, {0x370, 0xec1}, {0x371, 0xea1}, {0x372, 0xec1}, {0x373, 0xea1},
    {0x374, 0x681}, {0x375, 0x80}, {0x376, 0xec1}, {0x377, 0xea1}, {0x378, 0x0}, {0x37a, 0x8a1},
    {0x37b, 0xea1}, {0x37e, 0x80}, {0x37f, 0xec1}, {0x380, 0x0}, {0x384, 0x80}, {0x386, 0xec1},
    {0x387, 0x480}, {0x388, 0xec1}, {0x38b, 0x0}, {0x38c, 0xec1}, {0x38d, 0x0}, {0x38e, 0xec1},
    {0x390, 0xea1}, {0x391, 0xec1}, {0x3a2, 0x0}, {0x3a3, 0xec1}, {0x3ac, 0xea1}, {0x3cf, 0xec1},
    {0x3d0, 0xea1}, {0x3d2, 0xec1}, {0x3d5, 0xea1}, {0x3d8, 0xec1}, {0x3d9, 0xea1}, {0x3da, 0xec1},
    {0x3db, 0xea1}, {0x3dc, 0xec1}, {0x3dd, 0xea1}, {0x3de, 0xec1}, {0x3df, 0xea1}, {0x3e0, 0xec1},
    {0x3e1, 0xea1}, {0x3e2, 0xec1}, {0x3e3, 0xea1}, {0x3e4, 0xec1}, {0x3e5, 0xea1}, {0x3e6, 0xec1},
    {0x3e7, 0xea1}, {0x3e8, 0xec1}, {0x3e9, 0xea1}, {0x3ea, 0xec1}, {0x3eb, 0xea1}, {0x3ec, 0xec1},
    {0x3ed, 0xea1}, {0x3ee, 0xec1}, {0x3ef, 0xea1}, {0x3f4, 0xec1}, {0x3f5, 0xea1}, {0x3f6, 0x80},
    {0x3f7, 0xec1}, {0x3f8, 0xea1}, {0x3f9, 0xec1}, {0x3fb, 0xea1}, {0x3fd, 0xec1}, {0x430, 0xea1},
    {0x460, 0xec1}, {0x461, 0xea1}, {0x462, 0xec1}, {0x463, 0xea1}, {0x464, 0xec1}, {0x465, 0xea1},
    {0x466, 0xec1}, {0x467, 0xea1}, {0x468, 0xec1}, {0x469, 0xea1}, {0x46a, 0xec1}, {0x46b, 0xea1},
    {0x46c, 0xec1}, {0x46d, 0xea1}, {0x46e, 0xec1}, {0x46f, 0xea1}, {0x470, 0xec1}, {0x471, 0xea1},
    {0x472, 0xec1}, {0x473, 0xea1}, {0x474, 0xec1}, {0x475, 0xea1}, {0x476, 0xec1}, {0x477, 0xea1},
    {0x478, 0xec1}, {0x479, 0xea1}, {0x47a, 0xec1}, {0x47b, 0xea1}, {0x47c, 0xec1}, {0x47d, 0xea1},
    {0x47e, 0xec1}, {0x47f, 0xea1}, {0x480, 0xec1}, {0x481, 0xea1}, {0x482, 0x80}, {0x483, 0x480},
    {0x488, 0x80}, {0x48a, 0xec1}, {0x48b, 0xea1}, {0x48c, 0xec1}, {0x48d, 0xea1}, {0x48e, 0xec1},
    {0x48f, 0xea1}, {0x490, 0xec1}, {0x491, 0xea1}, {0x492, 0xec1}, {0x493, 0xea1}, {0x494, 0xec1},
    {0x495, 0xea1}, {0x496, 0xec1}, {0x497, 0xea1}, {0x498, 0xec1}, {0x499, 0xea1}, {0x49a, 0xec1},
    {0x49b, 0xea1}, {0x49c, 0xec1}, {0x49d, 0xea1}, {0x49e, 0xec1}, {0x49f, 0xea1}, {0x4a0, 0xec1},
    {0x4a1, 0xea1}, {0x4a2, 0xec1}, {0x4a3, 0xea1}, {0x4a4, 0xec1}, {0x4a5, 0xea1}, {0x4a6, 0xec1},
    {0x4a7, 0xea1}, {0x4a8, 0xec1}, {0x4a9, 0xea1}, {0x4aa, 0xec1}, {0x4ab, 0xea1}, {0x4ac, 0xec1},
    {0x4ad, 0xea1}, {0x4ae, 0xec1}, {0x4af, 0xea1}, {0x4b0, 0xec1}, {0x4b1, 0xea1}, {0x4b2, 0xec1},
    {0x4b3, 0xea1}, {0x4b4, 0xec1}, {0x4b5, 0xea1}, {0x4b6, 0xec1}, {0x4b7, 0xea1}, {0x4b8, 0xec1},
    {0x4b9, 0xea1}, {0x4ba, 0xec1}, {0x4bb, 0xea1}, {0x4bc, 0xec1}, {0x4bd, 0xea1}, {0x4be, 0xec1},
    {0x4bf, 0xea1}, {0x4c0, 0xec1}, {0x4c2, 0xea1}, {0x4c3, 0xec1}, {0x4c4, 0xea1}, {0x4c5, 0xec1},
    {0x4c6, 0xea1}, {0x4c7, 0xec1}, {0x4c8, 0xea1}, {0x4c9, 0xec1}, {0x4ca, 0xea1}, {0x4cb, 0xec1},
    {0x4cc, 0xea1}, {0x4cd, 0xec1}, {0x4ce, 0xea1}, {0x4d0, 0xec1}, {0x4d1, 0xea1}, {0x4d2, 0xec1},
    {0x4d3, 0xea1}, {0x4d4, 0xec1}, {0x4d5, 0xea1}, {0x4d6, 0xec1}, {0x4d7, 0xea1}, {0x4d8, 0xec1},
    {0x4d9, 0xea1}, {0x4da, 0xec1}, {0x4db, 0xea1}, {0x4dc, 0xec1}, {0x4dd, 0xea1}, {0x4de, 0xec1},
    {0x4df, 0xea1}, {0x4e0, 0xec1}, {0x4e1, 0xea1}, {0x4e2, 0xec1}, {0x4e3, 0xea1}, {0x4e4, 0xec1},
    {0x4e5, 0xea1}, {0x4e6, 0xec1}, {0x4e7, 0xea1}, {0x4e8, 0xec1}, {0x4e9, 0xea1}, {0x4ea, 0xec1},
    {0x4eb, 0xea1}, {0x4ec, 0xec1}, {0x4ed, 0xea1}, {0x4ee, 0xec1}, {0x4ef, 0xea1}, {0x4f0, 0xec1},
    {0x4f1, 0xea1}, {0x4f2, 0xec1}, {0x4f3, 0xea1}, {0x4f4, 0xec1}, {0x4f5, 0xea1}, {0x4f6, 0xec1},
    {0x4f7, 0xea1}, {0x4f8, 0xec1}, {0x4f9, 0xea1}, {0x4fa, 0xec1}, {0x4fb, 0xea1}, {0x4fc, 0xec1},
    {0x4fd, 0xea1}, {0x4fe, 0xec1}, {0x4ff, 0xea1}, {0x500, 0xec1}, {0x501, 0xea1}, {0x502, 0xec1},
    {0x503, 0xea1}, {0x504, 0xec1}, {0x505, 0xea1}, {0x506, 0xec1}, {0x507, 0xea1}, {0x508, 0xec1},
    {0x509, 0xea1}, {0x50a, 0xec1}, {0x50b, 0xea1}, {0x50c, 0xec1}, {0x50d, 0xea1}, {0x50e, 0xec1},
    {0x50f, 0xea1}, {0x510, 0xec1}, {0x511, 0xea1}, {0x512, 0xec1}, {0x513, 0xea1}, {0x514, 0xec1},
    {0x515, 0xea1}, {0x516, 0xec1}, {0x517, 0xea1}, {0x518, 0xec1}, {0x519, 0xea1}, {0x51a, 0xec1},
    {0x51b, 0xea1}, {0x51c, 0xec1}, {0x51d, 0xea1}, {0x51e, 0xec1}, {0x51f, 0xea1}, {0x520, 0xec1},
    {0x521, 0xea1}, {0x522, 0xec1}, {0x523, 0xea1}, {0x524, 0xec1}, {0x525, 0xea1}, {0x526, 0xec1},
    {0x527, 0xea1}, {0x528, 0xec1}, {0x529, 0xea1}, {0x52a, 0xec1}, {0x52b, 0xea1}, {0x52c, 0xec1},
    {0x52d, 0xea1}, {0x52e, 0xec1}, {0x52f, 0xea1}, {0x530, 0x0}, {0x531, 0xec1}, {0x557, 0x0},
    {0x559, 0x681}, {0x55a, 0x80}, {0x560, 0xea1}, {0x589, 0x80}, {0x58b, 0x0}, {0x58d, 0x80}, {0x590, 0x0},
    {0x591, 0x480}, {0x5be, 0x80}, {0x5bf, 0x480}, {0x5c0, 0x80}, {0x5c1, 0x480}, {0x5c3, 0x80},
    {0x5c4, 0x480}, {0x5c6, 0x80}, {0x5c7, 0x480}, {0x5c8, 0x0}, {0x5d0, 0x681}, {0x5eb, 0x0}, {0x5ef, 0x681},
    {0x5f3, 0x80}, {0x5f5, 0x0}, {0x606, 0x80}, {0x610, 0x480}, {0x61b, 0x80}, {0x61c, 0x0}, {0x61d, 0x80},
    {0x620, 0x681}, {0x64b, 0x480}, {0x660, 0x48e}, {0x66a, 0x80}, {0x66e, 0x681}, {0x670, 0x480},
    {0x671, 0x681}, {0x6d4, 0x80}, {0x6d5, 0x681}, {0x6d6, 0x480}, {0x6dd, 0x0}, {0x6de, 0x80},
    {0x6df, 0x480}, {0x6e5, 0x681}, {0x6e7, 0x480}, {0x6e9, 0x80}, {0x6ea, 0x480}, {0x6ee, 0x681},
    {0x6f0, 0x48e}, {0x6fa, 0x681}, {0x6fd, 0x80}, {0x6ff, 0x681}, {0x700, 0x80}, {0x70e, 0x0},
    {0x710, 0x681}, {0x711, 0x480}, {0x712, 0x681}, {0x730, 0x480}, {0x74b, 0x0}, {0x74d, 0x681},
    {0x7a6, 0x480}, {0x7b1, 0x681}, {0x7b2, 0x0}, {0x7c0, 0x48e}, {0x7ca, 0x681}, {0x7eb, 0x480},
    {0x7f4, 0x681}, {0x7f6, 0x80}, {0x7fa, 0x681}, {0x7fb, 0x0}, {0x7fd, 0x480}, {0x7fe, 0x80},
};
// Simple case mappings: {first, last, upper delta, lower delta, pairs}. A "pairs" run alternates
// upper/lower letters (even offset upper, the next one its lowercase).
constexpr CaseRun kCaseRuns[] = {
    {0x41, 0x5a, 0, 32, 0}, {0x61, 0x7a, -32, 0, 0}, {0xb5, 0xb5, 743, 0, 0}, {0xc0, 0xd6, 0, 32, 0},
    {0xd8, 0xde, 0, 32, 0}, {0xe0, 0xf6, -32, 0, 0}, {0xf8, 0xfe, -32, 0, 0}, {0xff, 0xff, 121, 0, 0},
    {0x100, 0x12f, 0, 0, 1}, {0x131, 0x131, -232, 0, 0}, {0x132, 0x137, 0, 0, 1}, {0x139, 0x148, 0, 0, 1},
    {0x14a, 0x177, 0, 0, 1}, {0x178, 0x178, 0, -121, 0}, {0x179, 0x17e, 0, 0, 1}, {0x17f, 0x17f, -300, 0, 0},
    {0x180, 0x180, 195, 0, 0}, {0x181, 0x181, 0, 210, 0}, {0x182, 0x185, 0, 0, 1}, {0x186, 0x186, 0, 206, 0},
    {0x187, 0x188, 0, 0, 1}, {0x189, 0x18a, 0, 205, 0}, {0x18b, 0x18c, 0, 0, 1}, {0x18e, 0x18e, 0, 79, 0},
    {0x18f, 0x18f, 0, 202, 0}, {0x190, 0x190, 0, 203, 0}, {0x191, 0x192, 0, 0, 1}, {0x193, 0x193, 0, 205, 0},
    {0x194, 0x194, 0, 207, 0}, {0x195, 0x195, 97, 0, 0}, {0x196, 0x196, 0, 211, 0}, {0x197, 0x197, 0, 209, 0},
    {0x198, 0x199, 0, 0, 1}, {0x19a, 0x19a, 163, 0, 0}, {0x19c, 0x19c, 0, 211, 0}, {0x19d, 0x19d, 0, 213, 0},
    {0x19e, 0x19e, 130, 0, 0}, {0x19f, 0x19f, 0, 214, 0}, {0x1a0, 0x1a5, 0, 0, 1}, {0x1a6, 0x1a6, 0, 218, 0},
    {0x1a7, 0x1a8, 0, 0, 1}, {0x1a9, 0x1a9, 0, 218, 0}, {0x1ac, 0x1ad, 0, 0, 1}, {0x1ae, 0x1ae, 0, 218, 0},
    {0x1af, 0x1b0, 0, 0, 1}, {0x1b1, 0x1b2, 0, 217, 0}, {0x1b3, 0x1b6, 0, 0, 1}, {0x1b7, 0x1b7, 0, 219, 0},
    {0x1b8, 0x1b9, 0, 0, 1}, {0x1bc, 0x1bd, 0, 0, 1}, {0x1bf, 0x1bf, 56, 0, 0}, {0x1c4, 0x1c4, 0, 2, 0},
    {0x1c5, 0x1c5, -1, 1, 0}, {0x1c6, 0x1c6, -2, 0, 0}, {0x1c7, 0x1c7, 0, 2, 0}, {0x1c8, 0x1c8, -1, 1, 0},
    {0x1c9, 0x1c9, -2, 0, 0}, {0x1ca, 0x1ca, 0, 2, 0}, {0x1cb, 0x1cb, -1, 1, 0}, {0x1cc, 0x1cc, -2, 0, 0},
    {0x1cd, 0x1dc, 0, 0, 1}, {0x1dd, 0x1dd, -79, 0, 0}, {0x1de, 0x1ef, 0, 0, 1}, {0x1f1, 0x1f1, 0, 2, 0},
    {0x1f2, 0x1f2, -1, 1, 0}, {0x1f3, 0x1f3, -2, 0, 0}, {0x1f4, 0x1f5, 0, 0, 1}, {0x1f6, 0x1f6, 0, -97, 0},
    {0x1f7, 0x1f7, 0, -56, 0}, {0x1f8, 0x21f, 0, 0, 1}, {0x220, 0x220, 0, -130, 0}, {0x222, 0x233, 0, 0, 1},
    {0x23a, 0x23a, 0, 10795, 0}, {0x23b, 0x23c, 0, 0, 1}, {0x23d, 0x23d, 0, -163, 0},
    {0x23e, 0x23e, 0, 10792, 0}, {0x23f, 0x240, 10815, 0, 0}, {0x241, 0x242, 0, 0, 1},
    {0x243, 0x243, 0, -195, 0}, {0x244, 0x244, 0, 69, 0}, {0x245, 0x245, 0, 71, 0}, {0x246, 0x24f, 0, 0, 1},
    {0x250, 0x250, 10783, 0, 0}, {0x251, 0x251, 10780, 0, 0}, {0x252, 0x252, 10782, 0, 0},
    {0x253, 0x253, -210, 0, 0}, {0x254, 0x254, -206, 0, 0}, {0x256, 0x257, -205, 0, 0},
    {0x259, 0x259, -202, 0, 0}, {0x25b, 0x25b, -203, 0, 0}, {0x25c, 0x25c, 42319, 0, 0},
    {0x260, 0x260, -205, 0, 0}, {0x261, 0x261, 42315, 0, 0}, {0x263, 0x263, -207, 0, 0},
    {0x265, 0x265, 42280, 0, 0}, {0x266, 0x266, 42308, 0, 0}, {0x268, 0x268, -209, 0, 0},
    {0x269, 0x269, -211, 0, 0}, {0x26a, 0x26a, 42308, 0, 0}, {0x26b, 0x26b, 10743, 0, 0},
    {0x26c, 0x26c, 42305, 0, 0}, {0x26f, 0x26f, -211, 0, 0}, {0x271, 0x271, 10749, 0, 0},
    {0x272, 0x272, -213, 0, 0}, {0x275, 0x275, -214, 0, 0}, {0x27d, 0x27d, 10727, 0, 0},
    {0x280, 0x280, -218, 0, 0}, {0x282, 0x282, 42307, 0, 0}, {0x283, 0x283, -218, 0, 0},
    {0x287, 0x287, 42282, 0, 0}, {0x288, 0x288, -218, 0, 0}, {0x289, 0x289, -69, 0, 0},
    {0x28a, 0x28b, -217, 0, 0}, {0x28c, 0x28c, -71, 0, 0}, {0x292, 0x292, -219, 0, 0},
    {0x29d, 0x29d, 42261, 0, 0}, {0x29e, 0x29e, 42258, 0, 0}, {0x345, 0x345, 84, 0, 0},
    {0x370, 0x373, 0, 0, 1}, {0x376, 0x377, 0, 0, 1}, {0x37b, 0x37d, 130, 0, 0}, {0x37f, 0x37f, 0, 116, 0},
    {0x386, 0x386, 0, 38, 0}, {0x388, 0x38a, 0, 37, 0}, {0x38c, 0x38c, 0, 64, 0}, {0x38e, 0x38f, 0, 63, 0},
    {0x391, 0x3a1, 0, 32, 0}, {0x3a3, 0x3ab, 0, 32, 0}, {0x3ac, 0x3ac, -38, 0, 0}, {0x3ad, 0x3af, -37, 0, 0},
    {0x3b1, 0x3c1, -32, 0, 0}, {0x3c2, 0x3c2, -31, 0, 0}, {0x3c3, 0x3cb, -32, 0, 0},
    {0x3cc, 0x3cc, -64, 0, 0}, {0x3cd, 0x3ce, -63, 0, 0}, {0x3cf, 0x3cf, 0, 8, 0}, {0x3d0, 0x3d0, -62, 0, 0},
    {0x3d1, 0x3d1, -57, 0, 0}, {0x3d5, 0x3d5, -47, 0, 0}, {0x3d6, 0x3d6, -54, 0, 0}, {0x3d7, 0x3d7, -8, 0, 0},
    {0x3d8, 0x3ef, 0, 0, 1}, {0x3f0, 0x3f0, -86, 0, 0}, {0x3f1, 0x3f1, -80, 0, 0}, {0x3f2, 0x3f2, 7, 0, 0},
    {0x3f3, 0x3f3, -116, 0, 0}, {0x3f4, 0x3f4, 0, -60, 0}, {0x3f5, 0x3f5, -96, 0, 0}, {0x3f7, 0x3f8, 0, 0, 1},
    {0x3f9, 0x3f9, 0, -7, 0}, {0x3fa, 0x3fb, 0, 0, 1}, {0x3fd, 0x3ff, 0, -130, 0}, {0x400, 0x40f, 0, 80, 0},
    {0x410, 0x42f, 0, 32, 0}, {0x430, 0x44f, -32, 0, 0}, {0x450, 0x45f, -80, 0, 0}, {0x460, 0x481, 0, 0, 1},
    {0x48a, 0x4bf, 0, 0, 1}, {0x4c0, 0x4c0, 0, 15, 0}, {0x4c1, 0x4ce, 0, 0, 1}, {0x4cf, 0x4cf, -15, 0, 0},
    {0x4d0, 0x52f, 0, 0, 1}, {0x531, 0x556, 0, 48, 0}, {0x561, 0x586, -48, 0, 0}, {0x1e00, 0x1e95, 0, 0, 1},
    {0x1e9b, 0x1e9b, -59, 0, 0}, {0x1e9e, 0x1e9e, 0, -7615, 0}, {0x1ea0, 0x1eff, 0, 0, 1},
    {0xff21, 0xff3a, 0, 32, 0}, {0xff41, 0xff5a, -32, 0, 0},
};
// Code points whose full case mapping is several characters: {cp, upper, lower, title}.
constexpr SpecialCase kSpecialCases[] = {
    {0xdf, "SS", "\u00df", "Ss"},
    {0x130, "\u0130", "i\u0307", "\u0130"},
    {0x149, "\u02bcN", "\u0149", "\u02bcN"},
    {0x1f0, "J\u030c", "\u01f0", "J\u030c"},
    {0x390, "\u0399\u0308\u0301", "\u0390", "\u0399\u0308\u0301"},
    {0x3b0, "\u03a5\u0308\u0301", "\u03b0", "\u03a5\u0308\u0301"},
    {0x587, "\u0535\u0552", "\u0587", "\u0535\u0582"},
    {0xfb00, "FF", "\ufb00", "Ff"},
    {0xfb01, "FI", "\ufb01", "Fi"},
    {0xfb02, "FL", "\ufb02", "Fl"},
    {0xfb03, "FFI", "\ufb03", "Ffi"},
    {0xfb04, "FFL", "\ufb04", "Ffl"},
    {0xfb05, "ST", "\ufb05", "St"},
    {0xfb06, "ST", "\ufb06", "St"},
};
// casefold() differs from lower() for these: {cp, folded}.
constexpr SpecialFold kSpecialFolds[] = {
    {0xb5, "\u03bc"},
    {0xdf, "ss"},
    {0x149, "\u02bcn"},
    {0x17f, "s"},
    {0x1f0, "j\u030c"},
    {0x345, "\u03b9"},
    {0x390, "\u03b9\u0308\u0301"},
    {0x3b0, "\u03c5\u0308\u0301"},
    {0x3c2, "\u03c3"},
    {0x3d0, "\u03b2"},
    {0x3d1, "\u03b8"},
    {0x3d5, "\u03c6"},
    {0x3d6, "\u03c0"},
    {0x3f0, "\u03ba"},
    {0x3f1, "\u03c1"},
    {0x3f5, "\u03b5"},
    {0x587, "\u0565\u0582"},
};
// title() differs from upper() for these (the DŽ-style digraphs): {cp, title}.
constexpr uint32_t kTitleExceptions[][2] = {
    {0x1c4, 0x1c5}, {0x1c5, 0x1c5}, {0x1c6, 0x1c5}, {0x1c7, 0x1c8}, {0x1c8, 0x1c8}, {0x1c9, 0x1c8}, {0x1ca, 0x1cb}, {0x1cb, 0x1cb}, {0x1cc, 0x1cb}, {0x1f1, 0x1f2}, {0x1f2, 0x1f2}, {0x1f3, 0x1f2},
};

constexpr uint16_t kLetter = kAlpha | kPrintable | kIdStart | kIdContinue;
constexpr uint16_t kDecimalDigit = kDecimal | kDigit | kNumeric | kPrintable | kIdContinue;

struct RangeFlags {
  uint32_t first, last;
  uint16_t flags;
};

// Above U+0800: an approximation (see above). Code points not listed are printable symbols.
constexpr RangeFlags kHighRanges[] = {
    {0x0904, 0x0939, kLetter}, {0x0966, 0x096F, kDecimalDigit}, {0x09E6, 0x09EF, kDecimalDigit},
    {0x0A66, 0x0A6F, kDecimalDigit}, {0x0AE6, 0x0AEF, kDecimalDigit}, {0x0B66, 0x0B6F, kDecimalDigit},
    {0x0BE6, 0x0BEF, kDecimalDigit}, {0x0C66, 0x0C6F, kDecimalDigit}, {0x0CE6, 0x0CEF, kDecimalDigit},
    {0x0D66, 0x0D6F, kDecimalDigit}, {0x0E01, 0x0E30, kLetter}, {0x0E50, 0x0E59, kDecimalDigit},
    {0x0ED0, 0x0ED9, kDecimalDigit}, {0x0F20, 0x0F29, kDecimalDigit}, {0x1040, 0x1049, kDecimalDigit},
    {0x10A0, 0x10FA, kLetter}, {0x1100, 0x11FF, kLetter}, {0x1680, 0x1680, kSpace},
    {0x17E0, 0x17E9, kDecimalDigit}, {0x1810, 0x1819, kDecimalDigit}, {0x1E00, 0x1FBC, kLetter},
    {0x2000, 0x200A, kSpace}, {0x200B, 0x200F, 0}, {0x2028, 0x2029, kSpace}, {0x202A, 0x202E, 0},
    {0x202F, 0x202F, kSpace}, {0x205F, 0x205F, kSpace}, {0x2060, 0x206F, 0},
    {0x2070, 0x2070, kDigit | kNumeric | kPrintable}, {0x2074, 0x2079, kDigit | kNumeric | kPrintable},
    {0x2080, 0x2089, kDigit | kNumeric | kPrintable}, {0x2150, 0x215F, kNumeric | kPrintable},
    {0x2460, 0x2468, kDigit | kNumeric | kPrintable}, {0x2469, 0x2473, kNumeric | kPrintable},
    {0x3000, 0x3000, kSpace}, {0x3005, 0x3006, kLetter}, {0x3007, 0x3007, kNumeric | kPrintable | kIdStart | kIdContinue},
    {0x3041, 0x3096, kLetter}, {0x30A1, 0x30FA, kLetter}, {0x3105, 0x312F, kLetter},
    {0x3131, 0x318E, kLetter}, {0x3400, 0x4DBF, kLetter}, {0x4E00, 0x9FFF, kLetter},
    {0xAC00, 0xD7A3, kLetter}, {0xD800, 0xF8FF, 0}, {0xF900, 0xFAFF, kLetter}, {0xFB00, 0xFB06, kLetter},
    {0xFDD0, 0xFDEF, 0}, {0xFEFF, 0xFEFF, 0}, {0xFF10, 0xFF19, kDecimalDigit}, {0xFF21, 0xFF3A, kLetter},
    {0xFF41, 0xFF5A, kLetter}, {0xFF66, 0xFFDC, kLetter}, {0xFFF0, 0xFFFB, 0}, {0xFFFE, 0xFFFF, 0},
    {0x1D7CE, 0x1D7FF, kDecimalDigit}, {0x20000, 0x323AF, kLetter}, {0xE0000, 0xE0FFF, 0},
    {0xF0000, 0x10FFFF, 0},
};

const CaseRun* FindCaseRun(uint32_t c) {
  auto it = std::upper_bound(std::begin(kCaseRuns), std::end(kCaseRuns), c,
                             [](uint32_t v, const CaseRun& r) { return v < r.first; });
  if (it == std::begin(kCaseRuns)) return nullptr;
  --it;
  return c <= it->last ? &*it : nullptr;
}

// Simple (one code point) case mappings.
uint32_t SimpleUpper(uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
  const CaseRun* r = FindCaseRun(c);
  if (r == nullptr) return c;
  if (r->pairs) return (c - r->first) % 2 == 1 ? c - 1 : c;
  return c + r->upper_delta;
}
uint32_t SimpleLower(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  const CaseRun* r = FindCaseRun(c);
  if (r == nullptr) return c;
  if (r->pairs) return (c - r->first) % 2 == 0 ? c + 1 : c;
  return c + r->lower_delta;
}
uint32_t SimpleTitle(uint32_t c) {
  for (const auto& e : kTitleExceptions)
    if (e[0] == c) return e[1];
  return SimpleUpper(c);
}

uint16_t CharFlags(uint32_t c) {
  if (c < 0x800) {
    auto it = std::upper_bound(std::begin(kCharRuns), std::end(kCharRuns), c,
                               [](uint32_t v, const CharRun& r) { return v < r.first; });
    return (it - 1)->flags;
  }
  uint16_t flags = kPrintable;
  auto it = std::upper_bound(std::begin(kHighRanges), std::end(kHighRanges), c,
                             [](uint32_t v, const RangeFlags& r) { return v < r.first; });
  if (it != std::begin(kHighRanges) && c <= (it - 1)->last) flags = (it - 1)->flags;
  if ((c & 0xFFFE) == 0xFFFE) flags = 0;  // noncharacters
  // Case comes from the case tables, so every mapped letter is cased.
  if (SimpleLower(c) != c) flags |= kUpper | kCased | kLetter;
  else if (SimpleUpper(c) != c) flags |= kLower | kCased | kLetter;
  return flags;
}

bool Has(uint32_t c, uint16_t flag) { return (CharFlags(c) & flag) != 0; }
bool IsSpace(uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  return Has(c, kSpace);
}
bool IsLineBreak(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

const SpecialCase* FindSpecial(uint32_t c) {
  if (c < 0xDF) return nullptr;
  for (const auto& s : kSpecialCases)
    if (s.cp == c) return &s;
  return nullptr;
}

enum class CaseKind { kUpper, kLower, kTitle, kFold };

// Full case mapping of one code point, appended to `out`.
void AppendCased(std::string& out, uint32_t c, CaseKind kind) {
  if (kind == CaseKind::kFold) {
    for (const auto& f : kSpecialFolds)
      if (f.cp == c) {
        out += f.folded;
        return;
      }
    kind = CaseKind::kLower;
  }
  if (const SpecialCase* s = FindSpecial(c)) {
    out += kind == CaseKind::kUpper ? s->upper : kind == CaseKind::kLower ? s->lower : s->title;
    return;
  }
  AppendUtf8(out, kind == CaseKind::kUpper ? SimpleUpper(c) : kind == CaseKind::kLower ? SimpleLower(c) : SimpleTitle(c));
}

// Unicode's Final_Sigma condition for the capital sigma at cps[i]: preceded by a cased letter and
// not followed by one (case-ignorable characters in between are skipped).
bool IsFinalSigma(const std::vector<uint32_t>& cps, size_t i) {
  auto ignorable = [](uint32_t c) { return c == '\'' || c == '.' || c == ':' || c == 0xB7 || (c >= 0x300 && c <= 0x36F); };
  size_t j = i;
  while (j > 0 && ignorable(cps[j - 1])) --j;
  if (j == 0 || !Has(cps[j - 1], kCased)) return false;
  j = i + 1;
  while (j < cps.size() && ignorable(cps[j])) ++j;
  return j == cps.size() || !Has(cps[j], kCased);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// StrObject.

namespace {

// The number of code points in valid UTF-8 `utf8`, and whether it is all ASCII.
void MeasureText(std::string_view utf8, int64_t* length, bool* ascii) {
  // Code points are the bytes that do not continue a sequence. Eight ASCII bytes at a time, the
  // common case and the long strings `+=` builds (a byte at a time, this scan was 85% of a
  // loop of `line += word`); in a text that is not all ASCII, a word with any high bit goes
  // byte by byte.
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const char* p = utf8.data();
  size_t n = utf8.size();
  // First whether it is all ASCII, the usual answer: the OR of every byte, a word at a time
  // (the last word overlaps the one before it rather than going byte by byte).
  uint64_t any = 0;
  if (n >= 8) {
    uint64_t word;
    for (size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&word, p + i, sizeof word);
      any |= word;
    }
    std::memcpy(&word, p + n - 8, sizeof word);
    any |= word;
  } else {
    for (size_t i = 0; i < n; ++i) any |= static_cast<unsigned char>(p[i]);
  }
  if ((any & kHighBits) == 0) {
    *length = static_cast<int64_t>(n);
    *ascii = true;
    return;
  }
  size_t i = 0;
  int64_t count = 0;
  bool all_ascii = true;
  auto count_byte = [&](char c) {
    auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) all_ascii = false;
    count += !IsContinuation(b);
  };
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, sizeof word);
    if ((word & kHighBits) == 0) {
      count += 8;
      continue;
    }
    for (size_t k = 0; k < 8; ++k) count_byte(p[i + k]);
  }
  for (; i < n; ++i) count_byte(p[i]);
  *length = count;
  *ascii = all_ascii;
}

// Texts longer than this live in a StrBufferObject of their own rather than in the str's block:
// what a block is charged must fit Object::gc_size's 32 bits.
constexpr size_t kMaxInBlockStrBytes = size_t{1} << 24;

// A new exact str with the text `head` then `tail`, of `length` code points.
StrObject* MakeStrObject(Interpreter& in, std::string_view head, std::string_view tail, int64_t length, bool ascii) {
  size_t bytes = head.size() + tail.size();
  if (bytes <= kMaxInBlockStrBytes)
    return in.heap.NewWithTail<StrObject>(bytes, in.types.str, StrObject::InBlock{}, head, tail, length, ascii);
  if (bytes > kMaxStrBytes) throw std::bad_alloc();  // a MemoryError (callers that can check, do)
  // Copied before anything can collect (`head` and `tail` may be the text of unrooted strs);
  // the str's own allocation then keeps the buffer, as a collection it starts traces it.
  auto text = std::make_unique<char[]>(bytes);
  std::copy(tail.begin(), tail.end(), std::copy(head.begin(), head.end(), text.get()));
  auto* buffer = in.heap.New<StrBufferObject>(in.types.object, std::move(text), bytes);
  return in.heap.New<StrObject>(in.types.str, buffer, bytes, length, ascii);
}

StrObject* MakeStrObject(Interpreter& in, std::string_view utf8) {
  int64_t length;
  bool ascii;
  MeasureText(utf8, &length, &ascii);
  return MakeStrObject(in, utf8, {}, length, ascii);
}

}  // namespace

StrObject::StrObject(TypeObject* t, InBlock, std::string_view head, std::string_view tail, int64_t length, bool ascii)
    : Object(t, Kind::kStr), size_(static_cast<uint32_t>(head.size() + tail.size())), length_(static_cast<uint32_t>(length)) {
  char* text = reinterpret_cast<char*>(this + 1);
  std::copy(tail.begin(), tail.end(), std::copy(head.begin(), head.end(), text));  // empty views may have no data()
  flags = ascii ? kAscii : 0;
}

int64_t HashText(std::string_view data) {
  // FNV-1a over the bytes, then a murmur3 finalizer so that short keys spread over all bits.
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

namespace {

constexpr int64_t kOffsetStride = 32;

// The offset table of `data`, `length` code points: the byte offset of every kOffsetStride-th.
std::vector<uint32_t>* BuildOffsetTable(std::string_view data, int64_t length) {
  auto* table = new std::vector<uint32_t>();
  table->reserve(length / kOffsetStride + 1);
  int64_t cp = 0;
  for (size_t b = 0; b < data.size(); ++b) {
    if (IsContinuation(static_cast<unsigned char>(data[b]))) continue;
    if (cp % kOffsetStride == 0) table->push_back(static_cast<uint32_t>(b));
    ++cp;
  }
  return table;
}

}  // namespace

std::vector<uint32_t>* StrObject::OffsetTable() const {
  if (!(flags & kBuffered)) {
    if (offsets_ == nullptr) offsets_ = BuildOffsetTable(view(), length_);
    return offsets_;
  }
  // The buffer's table may have been built for a shorter str that shares it; rebuilt here, it
  // reaches this one's end, and so serves every shorter str too.
  auto& shared = buffer_->offsets;
  if (shared == nullptr || shared->size() <= static_cast<size_t>((length_ - 1) / kOffsetStride))
    shared.reset(BuildOffsetTable(view(), length_));
  return shared.get();
}

size_t StrObject::ByteOffset(int64_t i) const {
  if (ascii()) return static_cast<size_t>(i);
  std::string_view data = view();
  if (i >= length_) return data.size();
  size_t b = (*OffsetTable())[i / kOffsetStride];
  for (int64_t k = i % kOffsetStride; k > 0; --k) {
    ++b;
    while (IsContinuation(static_cast<unsigned char>(data[b]))) ++b;
  }
  return b;
}

StrObject* NewStr(ThreadState& ts, std::string_view utf8) { return MakeStrObject(ts.interp, utf8); }

StrObject* NewStrOfType(ThreadState& ts, TypeObject* cls, StrObject* text) {
  Interpreter& in = ts.interp;
  if (cls == in.types.str) return MakeStrObject(in, text->view(), {}, text->length(), text->ascii());
  // A subclass's fields follow the StrObject, so its text goes to a buffer: text's own, if it
  // has one (its bytes never change), else a copy.
  std::string_view utf8 = text->view();
  int64_t length = text->length();
  bool ascii = text->ascii();
  StrBufferObject* buffer = text->buffer();
  if (buffer == nullptr) {
    auto copy = std::make_unique<char[]>(utf8.size());
    std::copy(utf8.begin(), utf8.end(), copy.get());
    buffer = in.heap.New<StrBufferObject>(in.types.object, std::move(copy), utf8.size());
  }
  return NewOfType<StrObject>(in.heap, cls, buffer, utf8.size(), length, ascii);
}

Value NewStrValue(ThreadState& ts, std::string_view utf8) {
  if (utf8.size() <= 1 && (utf8.empty() || static_cast<unsigned char>(utf8[0]) < 0x80)) {
    StrObject*& shared = ts.interp.small_strs[utf8.empty() ? 128 : static_cast<unsigned char>(utf8[0])];
    if (shared == nullptr) shared = Intern(ts.interp, utf8);  // interned strings are immortal
    return Value::Obj(shared);
  }
  return Value::Obj(NewStr(ts, utf8));
}

StrObject* Intern(Interpreter& interp, std::string_view utf8) {
  auto it = interp.interned.find(utf8);
  if (it != interp.interned.end()) return it->second;
  StrObject* s = MakeStrObject(interp, utf8);
  s->set_interned();
  interp.interned.emplace(s->view(), s);
  return s;
}

std::string StrRepr(std::string_view utf8) {
  bool has_single = utf8.find('\'') != std::string_view::npos;
  char quote = has_single && utf8.find('"') == std::string_view::npos ? '"' : '\'';
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(utf8.size() + 2);
  out += quote;
  for (size_t i = 0; i < utf8.size();) {
    size_t start = i;
    uint32_t c = DecodeUtf8(utf8, &i);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c < 0x7F || Has(c, kPrintable)) {
      out.append(utf8.substr(start, i - start));
    } else {
      int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
      out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
      for (int k = digits - 1; k >= 0; --k) out += kHex[(c >> (4 * k)) & 15];
    }
  }
  out += quote;
  return out;
}

std::string_view StripPyWhitespace(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e) {
    size_t i = b;
    if (!IsSpace(DecodeUtf8(text, &i))) break;
    b = i;
  }
  while (e > b) {
    size_t i = e;
    if (!IsSpace(DecodeBefore(text, &i))) break;
    e = i;
  }
  return text.substr(b, e - b);
}

// ---------------------------------------------------------------------------------------------
// str's methods. The owner check guarantees argv[0] is a str (or an instance of a subclass).

namespace {

StrObject* Self(const CallArgs& args) { return As<StrObject>(args.argv[0]); }
// The arguments after self, for the parsing helpers of vm/native.h.
CallArgs Rest(const CallArgs& a) { return {a.argv + 1, a.nargs - 1, a.kwnames}; }
bool Given(const CallArgs& args, size_t i) { return i < args.nargs && !args.argv[i].is_none(); }

Value MakeStr(ThreadState& ts, std::string s) {
  if (s.size() <= 1) return NewStrValue(ts, s);
  if (s.size() > kMaxStrBytes) return RaiseMemoryError(ts);
  return Value::Obj(NewStr(ts, s));
}
Value Substr(ThreadState& ts, std::string_view s, size_t begin, size_t end) {
  if (end - begin <= 1) return NewStrValue(ts, s.substr(begin, end - begin));
  return MakeStr(ts, std::string(s.substr(begin, end - begin)));
}
// `self` unchanged: the same object when it is an exact str, as CPython returns.
Value Unchanged(ThreadState& ts, const CallArgs& args) {
  if (args.argv[0].as_object()->type == ts.interp.types.str) return args.argv[0];
  return MakeStr(ts, Self(args)->str());
}
// Result size guard: false (MemoryError pending) when `bytes` exceeds what we allow.
// A new str of `bytes` bytes is allowed: under the size cap and the heap limit (checked before
// building it, so an absurd request never tries to allocate).
bool CheckSize(ThreadState& ts, uint64_t bytes) {
  if (bytes <= kMaxStrBytes && ts.interp.heap.Fits(bytes)) return true;
  RaiseMemoryError(ts);
  return false;
}

// Positional-only arguments, self excluded, worded as Argument Clinic words them:
// "str.upper() takes no arguments (1 given)", "strip expected at most 1 argument, got 2".
bool Positional(ThreadState& ts, const CallArgs& args, std::string_view name, size_t min, size_t max) {
  CallArgs rest = Rest(args);
  return NoKeywords(ts, rest, name) && ArgCountBetween(ts, rest, name, min, max);
}
// The older wording of find(), count(), startswith()...: "find() takes at least 1 argument (0 given)".
bool PositionalOld(ThreadState& ts, const CallArgs& args, std::string_view name, size_t min, size_t max) {
  return ArgCountBetweenOld(ts, Rest(args), name, min, max);
}

// A str argument, or null with "<prefix>must be str, not int" pending.
StrObject* StrArg(ThreadState& ts, Value v, std::string_view prefix = "") {
  if (IsStr(v)) return As<StrObject>(v);
  RaiseTypeError(ts, std::string(prefix) + "must be str, not " + TypeName(ts, v));
  return nullptr;
}

// The (sub[, start[, end]]) arguments of find, count, index... with the window adjusted.
struct SearchArgs {
  StrObject* sub = nullptr;
  int64_t start = 0, end = std::numeric_limits<int64_t>::max();
};
bool ParseSearch(ThreadState& ts, const CallArgs& args, std::string_view name, SearchArgs* out) {
  if (!PositionalOld(ts, args, name, 1, 3)) return false;
  out->sub = StrArg(ts, args.argv[1]);
  if (out->sub == nullptr || !OptionalSliceIndex(ts, args, 2, &out->start) || !OptionalSliceIndex(ts, args, 3, &out->end))
    return false;
  AdjustSliceIndices(Self(args)->length(), &out->start, &out->end);
  return true;
}

// Code-point index of the first (or last) occurrence of `sub` in self[start:end], or -1.
int64_t FindIn(const StrObject* s, const SearchArgs& a, bool reverse) {
  if (a.end - a.start < a.sub->length()) return -1;
  size_t bs = s->ByteOffset(a.start), be = s->ByteOffset(a.end);
  std::string_view window = s->view().substr(bs, be - bs);
  size_t pos = reverse ? window.rfind(a.sub->view()) : window.find(a.sub->view());
  if (pos == std::string_view::npos) return -1;
  return a.start + (s->ascii() ? static_cast<int64_t>(pos) : CountCodePoints(window.substr(0, pos)));
}

template <bool reverse, bool raise>
Value StrFind(ThreadState& ts, const CallArgs& args) {
  constexpr const char* kName = raise ? (reverse ? "rindex" : "index") : (reverse ? "rfind" : "find");
  SearchArgs a;
  if (!ParseSearch(ts, args, kName, &a)) return Value::Null();
  int64_t r = FindIn(Self(args), a, reverse);
  if (r < 0 && raise) return RaiseValueError(ts, "substring not found");
  return Value::Int(r);
}

Value StrCount(ThreadState& ts, const CallArgs& args) {
  SearchArgs a;
  if (!ParseSearch(ts, args, "count", &a)) return Value::Null();
  if (a.start > a.end) return Value::Int(0);
  if (a.sub->length() == 0) return Value::Int(a.end - a.start + 1);
  const StrObject* s = Self(args);
  size_t bs = s->ByteOffset(a.start), be = s->ByteOffset(a.end);
  std::string_view window = s->view().substr(bs, be - bs), sub = a.sub->view();
  int64_t n = 0;
  for (size_t pos = window.find(sub); pos != std::string_view::npos; pos = window.find(sub, pos + sub.size())) ++n;
  return Value::Int(n);
}

// CPython's tailmatch: does self[start:end] start (or end) with `sub`?
bool TailMatch(const StrObject* s, const StrObject* sub, int64_t start, int64_t end, bool at_end) {
  AdjustSliceIndices(s->length(), &start, &end);
  if (end - sub->length() < start) return false;
  if (sub->length() == 0) return true;
  size_t b = at_end ? s->ByteOffset(end) - sub->view().size() : s->ByteOffset(start);
  return s->view().compare(b, sub->view().size(), sub->view()) == 0;
}

template <bool at_end>
Value StrStartsWith(ThreadState& ts, const CallArgs& args) {
  constexpr const char* kName = at_end ? "endswith" : "startswith";
  if (!PositionalOld(ts, args, kName, 1, 3)) return Value::Null();
  int64_t start = 0, end = std::numeric_limits<int64_t>::max();
  if (!OptionalSliceIndex(ts, args, 2, &start) || !OptionalSliceIndex(ts, args, 3, &end)) return Value::Null();
  Value arg = args.argv[1];
  if (IsStr(arg)) return Value::Bool(TailMatch(Self(args), As<StrObject>(arg), start, end, at_end));
  if (!IsTuple(arg))
    return RaiseTypeError(ts, std::string(kName) + " first arg must be str or a tuple of str, not " + TypeName(ts, arg));
  for (Value item : As<TupleObject>(arg)->items) {
    if (!IsStr(item))
      return RaiseTypeError(ts, std::string("tuple for ") + kName + " must only contain str, not " + TypeName(ts, item));
    if (TailMatch(Self(args), As<StrObject>(item), start, end, at_end)) return Value::Bool(true);
  }
  return Value::Bool(false);
}

// --- dunders ---------------------------------------------------------------------------------

Value StrLen(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return Value::Int(Self(args)->length());
}

Value StrHash(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return Value::Int(Self(args)->Hash());
}

Value StrReprMethod(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return MakeStr(ts, StrRepr(Self(args)->view()));
}

Value StrStr(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return Unchanged(ts, args);
}

Value StrContains(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  int found = StrContainsItem(ts, Self(args), args.argv[1]);
  return found < 0 ? Value::Null() : Value::Bool(found != 0);
}

Value StrAdd(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  if (!IsStr(args.argv[1])) return ts.interp.not_implemented;  // BinaryOp words the TypeError
  return ConcatStr(ts, Self(args), As<StrObject>(args.argv[1]));
}

Value Repeat(ThreadState& ts, const StrObject* s, int64_t n) {
  if (n <= 0 || s->view().empty()) return MakeStr(ts, "");
  if (static_cast<uint64_t>(n) > kMaxStrBytes / s->view().size()) return RaiseMemoryError(ts);
  if (!CheckSize(ts, s->view().size() * n)) return Value::Null();
  std::string out;
  out.reserve(s->view().size() * n);
  for (int64_t i = 0; i < n; ++i) out += s->view();
  return MakeStr(ts, std::move(out));
}

Value StrMul(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  Value count = args.argv[1];
  int64_t n;
  if (count.is_intlike()) {
    n = count.as_int();
  } else if (count.is_object() && !LookupInType(count.as_object()->type, ts.interp.names.__index__).is_null()) {
    if (!ToIndex(ts, count, &n)) return Value::Null();
  } else {
    return ts.interp.not_implemented;  // BinaryOp: "can't multiply sequence by non-int of type ..."
  }
  return Repeat(ts, Self(args), n);
}

template <CmpOp op>
Value StrCompare(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  if (!IsStr(args.argv[1])) return ts.interp.not_implemented;
  const StrObject *a = Self(args), *b = As<StrObject>(args.argv[1]);
  if (op == CmpOp::kEq) return Value::Bool(StrEquals(a, b));
  if (op == CmpOp::kNe) return Value::Bool(!StrEquals(a, b));
  // UTF-8 byte order is code point order.
  int c = a->view().compare(b->view());
  switch (op) {
    case CmpOp::kLt: return Value::Bool(c < 0);
    case CmpOp::kLe: return Value::Bool(c <= 0);
    case CmpOp::kGt: return Value::Bool(c > 0);
    default: return Value::Bool(c >= 0);
  }
}

}  // namespace

Value ConcatStr(ThreadState& ts, const StrObject* a, const StrObject* b) {
  std::string_view av = a->view(), bv = b->view();
  size_t bytes = av.size() + bv.size();
  if (bytes <= 1) return NewStrValue(ts, std::string(av) + std::string(bv));
  if (!CheckSize(ts, bytes)) return Value::Null();
  // One copy at most, and no scan of the result: its length and ASCII-ness follow from the parts'.
  Interpreter& in = ts.interp;
  int64_t length = a->length() + b->length();
  bool ascii = a->ascii() && b->ascii();
  StrBufferObject* buffer = a->buffer();
  if (buffer != nullptr && av.size() == buffer->used && buffer->capacity - buffer->used >= bv.size()) {
    // a ends where the buffer's written part does: b goes after it, and a's bytes stay put.
    std::memcpy(buffer->bytes.get() + buffer->used, bv.data(), bv.size());
    buffer->used = bytes;
    return Value::Obj(in.heap.New<StrObject>(in.types.str, buffer, bytes, length, ascii));
  }
  if (bytes < kMinSharedStrBytes) return Value::Obj(MakeStrObject(in, av, bv, length, ascii));
  // A new buffer: the exact size for a first concatenation; room to grow into for a str that
  // was itself made by one (it is being built up, as `s += t` in a loop does).
  size_t capacity = buffer != nullptr ? bytes * 2 : bytes;
  auto* grown = in.heap.New<StrBufferObject>(in.types.object, capacity);  // a and b are rooted
  std::memcpy(grown->bytes.get(), av.data(), av.size());
  std::memcpy(grown->bytes.get() + av.size(), bv.data(), bv.size());
  grown->used = bytes;
  Root keep(ts, Value::Obj(grown));
  return Value::Obj(in.heap.New<StrObject>(in.types.str, grown, bytes, length, ascii));
}

namespace {

Value CharAt(ThreadState& ts, const StrObject* s, int64_t i) {
  size_t b = s->ByteOffset(i), e = s->ascii() ? b + 1 : s->ByteOffset(i + 1);
  return Substr(ts, s->view(), b, e);
}

Value Slice(ThreadState& ts, const StrObject* s, SliceObject* slice) {
  int64_t start, stop, step, n;
  if (!SliceIndices(ts, slice, s->length(), &start, &stop, &step, &n)) return Value::Null();
  if (n <= 0) return MakeStr(ts, "");
  if (step == 1) return Substr(ts, s->view(), s->ByteOffset(start), s->ByteOffset(start + n));
  std::string out;
  for (int64_t k = 0, i = start; k < n; ++k, i += step) {
    size_t b = s->ByteOffset(i), e = s->ascii() ? b + 1 : s->ByteOffset(i + 1);
    out.append(s->view().substr(b, e - b));
  }
  return MakeStr(ts, std::move(out));
}

}  // namespace

Value StrSubscript(ThreadState& ts, const StrObject* s, Value key) {
  if (IsSlice(key)) return Slice(ts, s, As<SliceObject>(key));
  int64_t i;
  if (key.is_intlike()) {
    i = key.as_int();
  } else if (IsBigInt(key)) {
    return RaiseIndexError(ts, "cannot fit 'int' into an index-sized integer");
  } else if (key.is_object() && !LookupInType(key.as_object()->type, ts.interp.names.__index__).is_null()) {
    if (!ToIndex(ts, key, &i)) return Value::Null();
  } else {
    return RaiseTypeError(ts, "string indices must be integers, not '" + TypeName(ts, key) + "'");
  }
  if (i < 0) i += s->length();
  if (i < 0 || i >= s->length()) return RaiseIndexError(ts, "string index out of range");
  return CharAt(ts, s, i);
}

int StrContainsItem(ThreadState& ts, const StrObject* s, Value item) {
  if (!IsStr(item)) {
    RaiseTypeError(ts, "'in <string>' requires string as left operand, not " + TypeName(ts, item));
    return -1;
  }
  return s->view().find(As<StrObject>(item)->view()) != std::string_view::npos;
}

namespace {

Value StrGetItem(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  return StrSubscript(ts, Self(args), args.argv[1]);
}

// --- case mapping ----------------------------------------------------------------------------

std::string MapAscii(std::string_view s, char (*f)(char)) {
  std::string out(s);
  for (char& c : out) c = f(c);
  return out;
}
char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
char AsciiSwap(char c) { return c >= 'a' && c <= 'z' ? AsciiUpper(c) : AsciiLower(c); }

// Maps every code point with `kind`; lowercasing applies the final-sigma rule.
std::string MapCase(const StrObject* s, CaseKind kind) {
  if (s->ascii()) return MapAscii(s->view(), kind == CaseKind::kUpper ? AsciiUpper : AsciiLower);
  std::vector<uint32_t> cps = DecodeAll(s->view());
  std::string out;
  out.reserve(s->view().size());
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == 0x3A3 && kind == CaseKind::kLower) AppendUtf8(out, IsFinalSigma(cps, i) ? 0x3C2 : 0x3C3);
    else AppendCased(out, cps[i], kind);
  }
  return out;
}

std::string SwapCase(const StrObject* s) {
  if (s->ascii()) return MapAscii(s->view(), AsciiSwap);
  std::vector<uint32_t> cps = DecodeAll(s->view());
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    if (c == 0x3A3) AppendUtf8(out, IsFinalSigma(cps, i) ? 0x3C2 : 0x3C3);
    else if (Has(c, kUpper)) AppendCased(out, c, CaseKind::kLower);
    else if (Has(c, kLower)) AppendCased(out, c, CaseKind::kUpper);
    else AppendUtf8(out, c);
  }
  return out;
}

// title(): a cased character after a cased one is lowercased, any other is titlecased.
std::string Title(const StrObject* s) {
  std::vector<uint32_t> cps = DecodeAll(s->view());
  std::string out;
  bool prev_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    if (prev_cased && c == 0x3A3) AppendUtf8(out, IsFinalSigma(cps, i) ? 0x3C2 : 0x3C3);
    else AppendCased(out, c, prev_cased ? CaseKind::kLower : CaseKind::kTitle);
    prev_cased = Has(c, kCased);
  }
  return out;
}

// capitalize(): the first character titlecased (since 3.8), the rest lowercased.
std::string Capitalize(const StrObject* s) {
  std::vector<uint32_t> cps = DecodeAll(s->view());
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (i > 0 && cps[i] == 0x3A3) AppendUtf8(out, IsFinalSigma(cps, i) ? 0x3C2 : 0x3C3);
    else AppendCased(out, cps[i], i == 0 ? CaseKind::kTitle : CaseKind::kLower);
  }
  return out;
}

using CaseFn = std::string (*)(const StrObject* s);
std::string Upper(const StrObject* s) { return MapCase(s, CaseKind::kUpper); }
std::string Lower(const StrObject* s) { return MapCase(s, CaseKind::kLower); }
std::string CaseFold(const StrObject* s) { return MapCase(s, CaseKind::kFold); }

template <CaseFn fn, const char* name>
Value StrCaseMethod(ThreadState& ts, const CallArgs& args) {
  if (!Positional(ts, args, name, 0, 0)) return Value::Null();
  return MakeStr(ts, fn(Self(args)));
}

// --- predicates ------------------------------------------------------------------------------

using PredFn = bool (*)(const StrObject* s);

template <uint16_t flags>
bool AllHave(const StrObject* s) {
  if (s->view().empty()) return false;
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();)
    if ((CharFlags(DecodeUtf8(v, &i)) & flags) == 0) return false;
  return true;
}
bool AllSpace(const StrObject* s) {
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();)
    if (!IsSpace(DecodeUtf8(v, &i))) return false;
  return !v.empty();
}
bool AllPrintable(const StrObject* s) {
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();)
    if (!Has(DecodeUtf8(v, &i), kPrintable)) return false;
  return true;
}
bool IsAscii(const StrObject* s) { return s->ascii(); }

// islower()/isupper(): no character of the other case, and at least one of this one.
template <uint16_t want, uint16_t reject>
bool CasedAs(const StrObject* s) {
  bool cased = false;
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();) {
    uint16_t f = CharFlags(DecodeUtf8(v, &i));
    if (f & reject) return false;
    cased |= (f & want) != 0;
  }
  return cased;
}

bool IsTitleCased(const StrObject* s) {
  bool cased = false, prev_cased = false;
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();) {
    uint16_t f = CharFlags(DecodeUtf8(v, &i));
    if (f & (kUpper | kTitle)) {
      if (prev_cased) return false;
      prev_cased = cased = true;
    } else if (f & kLower) {
      if (!prev_cased) return false;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return cased;
}

bool IsIdentifier(const StrObject* s) {
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();) {
    bool first = i == 0;
    if (!Has(DecodeUtf8(v, &i), first ? kIdStart : kIdContinue)) return false;
  }
  return !v.empty();
}

template <PredFn fn, const char* name>
Value StrPredicate(ThreadState& ts, const CallArgs& args) {
  if (!Positional(ts, args, name, 0, 0)) return Value::Null();
  return Value::Bool(fn(Self(args)));
}

// --- strip, split, splitlines, partition -----------------------------------------------------

// strip/lstrip/rstrip: `left`/`right` say which ends.
template <bool left, bool right>
Value StrStrip(ThreadState& ts, const CallArgs& args) {
  constexpr const char* kName = left && right ? "strip" : left ? "lstrip" : "rstrip";
  if (!Positional(ts, args, kName, 0, 1)) return Value::Null();
  std::vector<uint32_t> chars;
  bool whitespace = !Given(args, 1);
  if (!whitespace) {
    if (!IsStr(args.argv[1])) return RaiseTypeError(ts, std::string(kName) + " arg must be None or str");
    chars = DecodeAll(As<StrObject>(args.argv[1])->view());
  }
  auto strip = [&](uint32_t c) {
    return whitespace ? IsSpace(c) : std::find(chars.begin(), chars.end(), c) != chars.end();
  };
  std::string_view v = Self(args)->view();
  size_t b = 0, e = v.size();
  while (left && b < e) {
    size_t i = b;
    if (!strip(DecodeUtf8(v, &i))) break;
    b = i;
  }
  while (right && e > b) {
    size_t i = e;
    if (!strip(DecodeBefore(v, &i))) break;
    e = i;
  }
  if (b == 0 && e == v.size()) return Unchanged(ts, args);
  return Substr(ts, v, b, e);
}

// Byte length of the whitespace code point at s[i], or 0.
size_t SpaceAt(std::string_view s, size_t i) {
  size_t j = i;
  return IsSpace(DecodeUtf8(s, &j)) ? j - i : 0;
}
size_t SpaceBefore(std::string_view s, size_t e) {
  size_t j = e;
  return IsSpace(DecodeBefore(s, &j)) ? e - j : 0;
}

// The (sep=None, maxsplit=-1) arguments of split and rsplit. sep is null for whitespace.
bool ParseSplitArgs(ThreadState& ts, const CallArgs& args, std::string_view name, StrObject** sep, int64_t* maxsplit) {
  Value out[2];
  if (!ParseArgs(ts, Rest(args), Params{name, {"sep", "maxsplit"}, 0}, out)) return false;
  *sep = nullptr;
  *maxsplit = -1;
  if (!out[0].is_null() && !out[0].is_none()) {
    if (!IsStr(out[0])) {
      RaiseTypeError(ts, "must be str or None, not " + TypeName(ts, out[0]));
      return false;
    }
    *sep = As<StrObject>(out[0]);
    if ((*sep)->view().empty()) {
      RaiseValueError(ts, "empty separator");
      return false;
    }
  }
  if (!out[1].is_null() && !ToIndex(ts, out[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = std::numeric_limits<int64_t>::max();
  return true;
}

// Appends s[b:e] as a new str to `parts`; false on MemoryError.
bool AddPart(ThreadState& ts, RootedVector& parts, std::string_view s, size_t b, size_t e) {
  Value v = Substr(ts, s, b, e);
  if (v.is_null()) return false;
  parts.push_back(v);
  return true;
}

Value PartsToList(ThreadState& ts, RootedVector& parts, bool reverse = false) {
  if (reverse) std::reverse(parts.items().begin(), parts.items().end());
  // The list takes the vector during construction, before its allocation can collect.
  return Value::Obj(NewList(ts, std::move(parts.items())));
}

bool SplitWhitespace(ThreadState& ts, std::string_view s, int64_t maxsplit, RootedVector& parts) {
  size_t i = 0, n = s.size();
  for (; maxsplit > 0; --maxsplit) {
    while (i < n && SpaceAt(s, i)) i += SpaceAt(s, i);
    if (i == n) break;
    size_t j = i;
    while (i < n && !SpaceAt(s, i)) DecodeUtf8(s, &i);
    if (!AddPart(ts, parts, s, j, i)) return false;
  }
  while (i < n && SpaceAt(s, i)) i += SpaceAt(s, i);
  return i == n || AddPart(ts, parts, s, i, n);
}

bool RSplitWhitespace(ThreadState& ts, std::string_view s, int64_t maxsplit, RootedVector& parts) {
  size_t e = s.size();
  for (; maxsplit > 0; --maxsplit) {
    while (e > 0 && SpaceBefore(s, e)) e -= SpaceBefore(s, e);
    if (e == 0) break;
    size_t j = e;
    while (e > 0 && !SpaceBefore(s, e)) DecodeBefore(s, &e);
    if (!AddPart(ts, parts, s, e, j)) return false;
  }
  while (e > 0 && SpaceBefore(s, e)) e -= SpaceBefore(s, e);
  return e == 0 || AddPart(ts, parts, s, 0, e);
}

template <bool reverse>
Value StrSplit(ThreadState& ts, const CallArgs& args) {
  StrObject* sep;
  int64_t maxsplit;
  if (!ParseSplitArgs(ts, args, reverse ? "rsplit" : "split", &sep, &maxsplit)) return Value::Null();
  RootedVector parts(ts);
  std::string_view s = Self(args)->view();
  bool ok;
  if (sep == nullptr) {
    ok = reverse ? RSplitWhitespace(ts, s, maxsplit, parts) : SplitWhitespace(ts, s, maxsplit, parts);
  } else if (!reverse) {
    std::string_view d = sep->view();
    size_t i = 0;
    ok = true;
    for (size_t pos; ok && maxsplit > 0 && (pos = s.find(d, i)) != std::string_view::npos; --maxsplit) {
      ok = AddPart(ts, parts, s, i, pos);
      i = pos + d.size();
    }
    ok = ok && AddPart(ts, parts, s, i, s.size());
  } else {
    std::string_view d = sep->view();
    size_t e = s.size();
    ok = true;
    for (size_t pos; ok && maxsplit > 0 && e >= d.size() && (pos = s.rfind(d, e - d.size())) != std::string_view::npos;
         --maxsplit) {
      ok = AddPart(ts, parts, s, pos + d.size(), e);
      e = pos;
    }
    ok = ok && AddPart(ts, parts, s, 0, e);
  }
  if (!ok) return Value::Null();
  return PartsToList(ts, parts, reverse);
}

Value StrSplitLines(ThreadState& ts, const CallArgs& args) {
  Value keep_arg;
  if (!ParseArgs(ts, Rest(args), Params{"splitlines", {"keepends"}, 0}, &keep_arg)) return Value::Null();
  int64_t keepends = 0;
  if (!keep_arg.is_null()) {
    if (keep_arg.is_float())
      return RaiseTypeError(ts, "'float' object cannot be interpreted as an integer");
    int t = IsTrue(ts, keep_arg);
    if (t < 0) return Value::Null();
    keepends = t;
  }
  RootedVector parts(ts);
  std::string_view s = Self(args)->view();
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t start = i, eol = i;
    while (i < n) {
      eol = i;
      if (IsLineBreak(DecodeUtf8(s, &i))) break;
      eol = i;
    }
    // A break was consumed when eol < i; "\r\n" is one break.
    if (eol < i && s[eol] == '\r' && i < n && s[i] == '\n') ++i;
    if (!AddPart(ts, parts, s, start, keepends ? i : eol)) return Value::Null();
  }
  return PartsToList(ts, parts);
}

template <bool reverse>
Value StrPartition(ThreadState& ts, const CallArgs& args) {
  if (!Positional(ts, args, reverse ? "str.rpartition" : "str.partition", 1, 1)) return Value::Null();
  StrObject* sep = StrArg(ts, args.argv[1]);
  if (sep == nullptr) return Value::Null();
  if (sep->view().empty()) return RaiseValueError(ts, "empty separator");
  std::string_view s = Self(args)->view();
  size_t pos = reverse ? s.rfind(sep->view()) : s.find(sep->view());
  RootedVector parts(ts);
  bool ok;
  if (pos == std::string_view::npos) {
    ok = reverse ? AddPart(ts, parts, "", 0, 0) && AddPart(ts, parts, "", 0, 0) && AddPart(ts, parts, s, 0, s.size())
                 : AddPart(ts, parts, s, 0, s.size()) && AddPart(ts, parts, "", 0, 0) && AddPart(ts, parts, "", 0, 0);
  } else {
    ok = AddPart(ts, parts, s, 0, pos) && AddPart(ts, parts, sep->view(), 0, sep->view().size()) &&
         AddPart(ts, parts, s, pos + sep->view().size(), s.size());
  }
  if (!ok) return Value::Null();
  return Value::Obj(NewTuple(ts, std::move(parts.items())));
}

// --- join, replace ---------------------------------------------------------------------------

Value JoinItems(ThreadState& ts, std::string_view sep, std::span<const Value> items) {
  uint64_t total = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!IsStr(items[i]))
      return RaiseTypeError(ts, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                    TypeName(ts, items[i]) + " found");
    total += As<StrObject>(items[i])->view().size() + (i > 0 ? sep.size() : 0);
  }
  if (!CheckSize(ts, total)) return Value::Null();
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += As<StrObject>(items[i])->view();
  }
  return MakeStr(ts, std::move(out));
}

Value StrJoin(ThreadState& ts, const CallArgs& args) {
  if (!Positional(ts, args, "str.join", 1, 1)) return Value::Null();
  Value seq = args.argv[1];
  // Lists and tuples are read in place: building the result runs no Python code.
  if (IsList(seq)) return JoinItems(ts, Self(args)->view(), As<ListObject>(seq)->items);
  if (IsTuple(seq)) return JoinItems(ts, Self(args)->view(), As<TupleObject>(seq)->items);
  Root it(ts, GetIter(ts, seq));
  if (it.get().is_null()) {
    if (!ExceptionMatches(ts, ts.interp.exc.TypeError)) return Value::Null();
    ClearException(ts);
    return RaiseTypeError(ts, "can only join an iterable");
  }
  RootedVector items(ts);
  Value item;
  int r;
  while ((r = IterNext(ts, it.get(), &item)) == 1) {
    if (items.items().size() == items.items().capacity()) {
      Root keep(ts, item);
      ChargeItemsGrowth(ts.interp.heap, items.items(), 1, /*may_collect=*/true);
    }
    items.push_back(item);
  }
  if (r < 0) return Value::Null();
  return JoinItems(ts, Self(args)->view(), items.items());
}

Value StrReplace(ThreadState& ts, const CallArgs& args) {
  if (!Positional(ts, args, "replace", 2, 3)) return Value::Null();
  StrObject* old_s = StrArg(ts, args.argv[1], "replace() argument 1 ");
  if (old_s == nullptr) return Value::Null();
  StrObject* new_s = StrArg(ts, args.argv[2], "replace() argument 2 ");
  if (new_s == nullptr) return Value::Null();
  int64_t count = -1;
  if (args.nargs > 3 && !ToIndex(ts, args.argv[3], &count)) return Value::Null();
  if (count < 0) count = std::numeric_limits<int64_t>::max();
  std::string_view s = Self(args)->view(), from = old_s->view(), to = new_s->view();
  std::string out;
  if (from.empty()) {
    // Insert `to` before every character and at the end, `count` times at most.
    size_t i = 0;
    for (; count > 0 && i <= s.size(); --count) {
      if (!CheckSize(ts, out.size() + to.size() + s.size())) return Value::Null();
      out += to;
      if (i == s.size()) {
        i = s.size() + 1;
        break;
      }
      size_t j = i;
      DecodeUtf8(s, &j);
      out.append(s.substr(i, j - i));
      i = j;
    }
    if (i < s.size()) out.append(s.substr(i));
    return MakeStr(ts, std::move(out));
  }
  size_t i = 0;
  for (size_t pos; count > 0 && (pos = s.find(from, i)) != std::string_view::npos; --count) {
    if (!CheckSize(ts, out.size() + (pos - i) + to.size())) return Value::Null();
    out.append(s.substr(i, pos - i));
    out += to;
    i = pos + from.size();
  }
  out.append(s.substr(i));
  return MakeStr(ts, std::move(out));
}

// --- padding ---------------------------------------------------------------------------------

// The (width[, fillchar]) arguments of center, ljust and rjust.
bool ParsePadArgs(ThreadState& ts, const CallArgs& args, std::string_view name, int64_t* width, std::string* fill) {
  if (!Positional(ts, args, name, 1, 2) || !ToIndex(ts, args.argv[1], width)) return false;
  *fill = " ";
  if (args.nargs > 2) {
    Value f = args.argv[2];
    if (!IsStr(f)) {
      RaiseTypeError(ts, "The fill character must be a unicode character, not " + TypeName(ts, f));
      return false;
    }
    if (As<StrObject>(f)->length() != 1) {
      RaiseTypeError(ts, "The fill character must be exactly one character long");
      return false;
    }
    *fill = As<StrObject>(f)->view();
  }
  return true;
}

std::string Fill(const std::string& fill, int64_t n) {
  std::string out;
  out.reserve(fill.size() * n);
  for (int64_t i = 0; i < n; ++i) out += fill;
  return out;
}

// kind: 'c' center, 'l' ljust, 'r' rjust.
template <char kind>
Value StrPad(ThreadState& ts, const CallArgs& args) {
  int64_t width;
  std::string fill;
  if (!ParsePadArgs(ts, args, kind == 'c' ? "center" : kind == 'l' ? "ljust" : "rjust", &width, &fill))
    return Value::Null();
  const StrObject* s = Self(args);
  if (width <= s->length()) return Unchanged(ts, args);
  int64_t marg = width - s->length();
  if (static_cast<uint64_t>(marg) > (kMaxStrBytes - s->view().size()) / fill.size()) return RaiseMemoryError(ts);
  if (!CheckSize(ts, s->view().size() + marg * fill.size())) return Value::Null();
  // CPython's split of the margin for center(): the extra column goes left when width is odd.
  int64_t left = kind == 'c' ? marg / 2 + (marg & width & 1) : kind == 'l' ? 0 : marg;
  std::string out = Fill(fill, left);
  out.append(s->view()).append(Fill(fill, marg - left));
  return MakeStr(ts, std::move(out));
}

Value StrZfill(ThreadState& ts, const CallArgs& args) {
  int64_t width;
  if (!Positional(ts, args, "str.zfill", 1, 1) || !ToIndex(ts, args.argv[1], &width)) return Value::Null();
  const StrObject* s = Self(args);
  if (width <= s->length()) return Unchanged(ts, args);
  if (!CheckSize(ts, static_cast<uint64_t>(width - s->length()) + s->view().size())) return Value::Null();
  std::string out(width - s->length(), '0');
  if (!s->view().empty() && (s->view()[0] == '+' || s->view()[0] == '-')) {
    out.insert(out.begin(), s->view()[0]);
    out.append(s->view(), 1);
  } else {
    out += s->view();
  }
  return MakeStr(ts, std::move(out));
}

// str.translate(table): each character's ordinal is looked up with table[ord]; a LookupError
// keeps the character, None deletes it, an int or a str replaces it.
Value StrTranslate(ThreadState& ts, const CallArgs& args) {
  if (!NoKeywords(ts, Rest(args), "str.translate")) return Value::Null();
  if (args.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat("str.translate() takes exactly one argument (", args.nargs - 1, " given)"));
  const StrObject* s = Self(args);
  Value table = args.argv[1];
  std::string out;
  out.reserve(s->view().size());
  std::string_view text = s->view();
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    uint32_t c = DecodeUtf8(text, &i);
    Value mapped = GetItem(ts, table, Value::Int(c));
    if (mapped.is_null()) {
      if (!ExceptionMatches(ts, ts.interp.exc.LookupError)) return Value::Null();
      ClearException(ts);
      out.append(text.substr(start, i - start));
    } else if (mapped.is_none()) {
      continue;
    } else if (mapped.is_intlike()) {
      int64_t code = mapped.as_int();
      if (code < 0 || code > 0x10ffff)
        return Raise(ts, ts.interp.exc.ValueError, "character mapping must be in range(0x110000)");
      AppendUtf8(out, static_cast<uint32_t>(code));
    } else if (IsObjectOfKind(mapped, Kind::kStr)) {
      out += As<StrObject>(mapped)->view();
    } else {
      return RaiseTypeError(ts, "character mapping must return integer, None or str");
    }
  }
  return MakeStr(ts, std::move(out));
}

// str.maketrans(dict) or str.maketrans(from, to[, delete]): the table str.translate takes,
// keyed by ordinals.
Value StrMakeTrans(ThreadState& ts, const CallArgs& args) {
  if (!NoKeywords(ts, args, "maketrans") || !ArgCountBetween(ts, args, "maketrans", 1, 3)) return Value::Null();
  RootedPtr<DictObject> table(ts, NewDict(ts));
  if (args.nargs == 1) {
    if (!IsObjectOfKind(args.argv[0], Kind::kDict))
      return RaiseTypeError(ts, "if you give only one argument to maketrans it must be a dict");
    auto* src = As<DictObject>(args.argv[0]);
    for (size_t i = 0; i < src->entries.size(); ++i) {
      Value key = src->entries[i].key;
      if (key.is_null()) continue;
      if (IsObjectOfKind(key, Kind::kStr)) {
        const StrObject* k = As<StrObject>(key);
        if (k->length() != 1)
          return Raise(ts, ts.interp.exc.ValueError, "string keys in translate table must be of length 1");
        size_t at = 0;
        key = Value::Int(DecodeUtf8(k->view(), &at));
      } else if (!key.is_intlike()) {
        return RaiseTypeError(ts, "keys in translate table must be strings or integers");
      } else {
        key = Value::Int(key.as_int());
      }
      if (!DictSet(ts, table.get(), key, src->entries[i].value)) return Value::Null();
    }
    return Value::Obj(table.get());
  }
  if (!IsObjectOfKind(args.argv[0], Kind::kStr))
    return RaiseTypeError(ts, "first maketrans argument must be a string if there is a second argument");
  for (size_t i = 1; i < args.nargs; ++i)
    if (!IsObjectOfKind(args.argv[i], Kind::kStr))
      return RaiseTypeError(
          ts, absl::StrCat("maketrans() argument ", i + 1, " must be str, not ", TypeName(ts, args.argv[i])));
  const StrObject* from = As<StrObject>(args.argv[0]);
  const StrObject* to = As<StrObject>(args.argv[1]);
  if (from->length() != to->length())
    return Raise(ts, ts.interp.exc.ValueError, "the first two maketrans arguments must have equal length");
  for (size_t i = 0, j = 0; i < from->view().size();) {
    uint32_t a = DecodeUtf8(from->view(), &i), b = DecodeUtf8(to->view(), &j);
    if (!DictSet(ts, table.get(), Value::Int(a), Value::Int(b))) return Value::Null();
  }
  if (args.nargs == 3) {
    const StrObject* del = As<StrObject>(args.argv[2]);
    for (size_t i = 0; i < del->view().size();)
      if (!DictSet(ts, table.get(), Value::Int(DecodeUtf8(del->view(), &i)), Value::None())) return Value::Null();
  }
  return Value::Obj(table.get());
}

Value StrExpandTabs(ThreadState& ts, const CallArgs& args) {
  Value arg;
  if (!ParseArgs(ts, Rest(args), Params{"expandtabs", {"tabsize"}, 0}, &arg)) return Value::Null();
  int64_t tabsize = 8;
  if (!arg.is_null() && !ToIndex(ts, arg, &tabsize)) return Value::Null();
  if (tabsize > std::numeric_limits<int>::max() || tabsize < std::numeric_limits<int>::min())
    return RaiseOverflowError(ts, "Python int too large to convert to C int");
  std::string_view s = Self(args)->view();
  std::string out;
  int64_t column = 0;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t c = DecodeUtf8(s, &i);
    if (c == '\t') {
      if (tabsize <= 0) continue;
      int64_t spaces = tabsize - column % tabsize;
      if (!CheckSize(ts, out.size() + spaces)) return Value::Null();
      out.append(spaces, ' ');
      column += spaces;
    } else {
      out.append(s.substr(start, i - start));
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return MakeStr(ts, std::move(out));
}

template <bool suffix>
Value StrRemoveAffix(ThreadState& ts, const CallArgs& args) {
  constexpr const char* kName = suffix ? "removesuffix" : "removeprefix";
  if (!Positional(ts, args, suffix ? "str.removesuffix" : "str.removeprefix", 1, 1)) return Value::Null();
  if (!IsStr(args.argv[1]))
    return RaiseTypeError(ts, std::string(kName) + "() argument must be str, not " + TypeName(ts, args.argv[1]));
  std::string_view s = Self(args)->view(), a = As<StrObject>(args.argv[1])->view();
  if (a.empty() || !(suffix ? s.ends_with(a) : s.starts_with(a))) return Unchanged(ts, args);
  return suffix ? Substr(ts, s, 0, s.size() - a.size()) : Substr(ts, s, a.size(), s.size());
}

constexpr char kUpperName[] = "str.upper";
constexpr char kLowerName[] = "str.lower";
constexpr char kCasefoldName[] = "str.casefold";
constexpr char kSwapcaseName[] = "str.swapcase";
constexpr char kTitleName[] = "str.title";
constexpr char kCapitalizeName[] = "str.capitalize";
constexpr char kIsAlpha[] = "str.isalpha";
constexpr char kIsAlnum[] = "str.isalnum";
constexpr char kIsDecimal[] = "str.isdecimal";
constexpr char kIsDigit[] = "str.isdigit";
constexpr char kIsNumeric[] = "str.isnumeric";
constexpr char kIsSpace[] = "str.isspace";
constexpr char kIsLower[] = "str.islower";
constexpr char kIsUpper[] = "str.isupper";
constexpr char kIsTitle[] = "str.istitle";
constexpr char kIsIdentifier[] = "str.isidentifier";
constexpr char kIsPrintable[] = "str.isprintable";
constexpr char kIsAscii[] = "str.isascii";

}  // namespace

void InitStrType(Interpreter& interp) {
  TypeObject* t = interp.types.str;
  auto add = [&](std::string_view name, NativeFn fn) { AddMethod(interp, t, name, fn); };
  add("__len__", StrLen);
  add("__getitem__", StrGetItem);
  add("__contains__", StrContains);
  add("__add__", StrAdd);
  add("__mul__", StrMul);
  add("__rmul__", StrMul);
  add("__eq__", StrCompare<CmpOp::kEq>);
  add("__ne__", StrCompare<CmpOp::kNe>);
  add("__lt__", StrCompare<CmpOp::kLt>);
  add("__le__", StrCompare<CmpOp::kLe>);
  add("__gt__", StrCompare<CmpOp::kGt>);
  add("__ge__", StrCompare<CmpOp::kGe>);
  add("__hash__", StrHash);
  add("__repr__", StrReprMethod);
  add("__str__", StrStr);
  add("upper", StrCaseMethod<Upper, kUpperName>);
  add("lower", StrCaseMethod<Lower, kLowerName>);
  add("casefold", StrCaseMethod<CaseFold, kCasefoldName>);
  add("swapcase", StrCaseMethod<SwapCase, kSwapcaseName>);
  add("title", StrCaseMethod<Title, kTitleName>);
  add("capitalize", StrCaseMethod<Capitalize, kCapitalizeName>);
  add("isalpha", StrPredicate<AllHave<kAlpha>, kIsAlpha>);
  add("isalnum", StrPredicate<AllHave<kAlpha | kDecimal | kDigit | kNumeric>, kIsAlnum>);
  add("isdecimal", StrPredicate<AllHave<kDecimal>, kIsDecimal>);
  add("isdigit", StrPredicate<AllHave<kDigit>, kIsDigit>);
  add("isnumeric", StrPredicate<AllHave<kNumeric>, kIsNumeric>);
  add("isspace", StrPredicate<AllSpace, kIsSpace>);
  add("islower", StrPredicate<CasedAs<kLower, kUpper | kTitle>, kIsLower>);
  add("isupper", StrPredicate<CasedAs<kUpper, kLower | kTitle>, kIsUpper>);
  add("istitle", StrPredicate<IsTitleCased, kIsTitle>);
  add("isidentifier", StrPredicate<IsIdentifier, kIsIdentifier>);
  add("isprintable", StrPredicate<AllPrintable, kIsPrintable>);
  add("isascii", StrPredicate<IsAscii, kIsAscii>);
  add("strip", StrStrip<true, true>);
  add("lstrip", StrStrip<true, false>);
  add("rstrip", StrStrip<false, true>);
  add("split", StrSplit<false>);
  add("rsplit", StrSplit<true>);
  add("splitlines", StrSplitLines);
  add("partition", StrPartition<false>);
  add("rpartition", StrPartition<true>);
  add("join", StrJoin);
  add("replace", StrReplace);
  add("find", StrFind<false, false>);
  add("rfind", StrFind<true, false>);
  add("index", StrFind<false, true>);
  add("rindex", StrFind<true, true>);
  add("count", StrCount);
  add("startswith", StrStartsWith<false>);
  add("endswith", StrStartsWith<true>);
  add("center", StrPad<'c'>);
  add("ljust", StrPad<'l'>);
  add("rjust", StrPad<'r'>);
  add("zfill", StrZfill);
  add("translate", StrTranslate);
  AddStaticMethod(interp, t, "maketrans", StrMakeTrans);
  add("expandtabs", StrExpandTabs);
  add("removeprefix", StrRemoveAffix<false>);
  add("removesuffix", StrRemoveAffix<true>);
}

}  // namespace gilvm::vm

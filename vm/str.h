// StrObject: Python's str, immutable Unicode text stored as UTF-8.
//
// Invariants:
//  - `data` is valid UTF-8 and never changes after construction.
//  - `length` is the number of code points; `ascii` is true when every byte is < 0x80, in which
//    case index i is byte i. Non-ASCII strings index through a lazily built offset table, so
//    s[i] stays O(1) whatever the text.
//  - `hash` is computed once, on demand; -1 means "not yet".
//  - Interned strings (identifiers, attribute names) are unique per interpreter: two interned
//    strings are equal exactly when they are the same object.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct StrObject : Object {
  StrObject(TypeObject* t, std::string s);
  // For text whose code point count and ASCII-ness are already known (concatenation).
  StrObject(TypeObject* t, std::string s, int64_t length, bool ascii)
      : Object(t, Kind::kStr), data(std::move(s)), length(length), ascii(ascii) {}
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return data.capacity() + offsets.capacity() * 4; }

  std::string_view view() const { return data; }
  int64_t Hash() const;
  // Byte offset of code point i (0 <= i <= length).
  size_t ByteOffset(int64_t i) const;

  std::string data;
  int64_t length = 0;
  mutable int64_t hash = -1;
  bool ascii = true;
  bool interned = false;
  // For non-ASCII strings: byte offset of every 32nd code point, built on first indexing.
  mutable std::vector<uint32_t> offsets;
};

StrObject* NewStr(ThreadState& ts, std::string_view utf8);
// A str value with this text: for '' and a single ASCII character the interpreter's shared one
// (as CPython shares them: s[0] is s[0]), otherwise a new string.
Value NewStrValue(ThreadState& ts, std::string_view utf8);
// The unique interned string with this text.
StrObject* Intern(Interpreter& interp, std::string_view utf8);
// a + b for two strs; MemoryError when the result would be too long. May collect: a and b
// must be rooted.
Value ConcatStr(ThreadState& ts, const StrObject* a, const StrObject* b);

inline bool IsStr(Value v) { return IsObjectOfKind(v, Kind::kStr); }
inline bool StrEquals(const StrObject* a, const StrObject* b) {
  return a == b || (!(a->interned && b->interned) && a->data == b->data);
}

// Installs str's methods into its type dict (called once per interpreter).
void InitStrType(Interpreter& interp);

// `text` without the white space Python's int()/float() ignore around a number.
std::string_view StripPyWhitespace(std::string_view text);

// The hash of a str with this UTF-8 text (never -1); bytes hash their octets with it too, so
// that hash(b'abc') == hash('abc') as in CPython.
int64_t HashText(std::string_view data);

// repr(s) with CPython's quoting rules.
std::string StrRepr(std::string_view utf8);

}  // namespace gilvm::vm

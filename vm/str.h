// StrObject: Python's str, immutable Unicode text stored as UTF-8.
//
// Invariants:
//  - The text (view()) is valid UTF-8 and never changes after construction. It lives in the
//    object's own heap block, after its fields, or in a StrBufferObject shared with other strs
//    (concatenation, see below; also the text of a str subclass's instance, and a long text).
//  - `length()` is the number of code points; `ascii` is true when every byte is < 0x80, in which
//    case index i is byte i. Non-ASCII strings index through a lazily built offset table, so
//    s[i] stays O(1) whatever the text. A text has fewer than 4 GiB bytes (kMaxStrBytes).
//  - `hash` is computed once, on demand; -1 means "not yet".
//  - Interned strings (identifiers, attribute names) are unique per interpreter: two interned
//    strings are equal exactly when they are the same object.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

// The hash of a str with this UTF-8 text (never -1); bytes hash their octets with it too, so
// that hash(b'abc') == hash('abc') as in CPython.
int64_t HashText(std::string_view data);

// What a str offset table (StrObject::ByteOffset) owns outside the heap, for ExtraBytes.
inline size_t OffsetTableBytes(const std::vector<uint32_t>* table) {
  return table != nullptr ? sizeof(*table) + table->capacity() * sizeof(uint32_t) : 0;
}

// The bytes of strs made by concatenation, shared by the strs that are prefixes of one another,
// so that `a + b`, when a ends where the written part ends and b fits after it, writes b there
// instead of copying a: `s += t` in a loop then copies each t once, as CPython's in-place resize
// of an unshared s does. Never visible to scripts; kept alive by the strs that use it.
//  - Bytes below `used` never change, and `bytes` never moves: a str's view stays valid, also
//    while a thread without the GIL reads it (a write), as another appends after it.
//  - Only the GIL holder appends.
struct StrBufferObject : Object {
  StrBufferObject(TypeObject* t, size_t capacity)
      : Object(t, Kind::kStrBuffer), bytes(new char[capacity]), capacity(capacity) {}
  // A full buffer holding `text`, whose `size` bytes are all written.
  StrBufferObject(TypeObject* t, std::unique_ptr<char[]> text, size_t size)
      : Object(t, Kind::kStrBuffer), bytes(std::move(text)), used(size), capacity(size) {}
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return capacity + OffsetTableBytes(offsets.get()); }

  std::unique_ptr<char[]> bytes;
  size_t used = 0;
  size_t capacity;
  // The offset table (StrObject::ByteOffset) of the strs that share these bytes: they all start
  // at bytes[0], so one table serves them all, once it reaches as far as the str it is used for.
  mutable std::unique_ptr<std::vector<uint32_t>> offsets;
};

// Concatenations shorter than this copy into a str of their own.
inline constexpr size_t kMinSharedStrBytes = 64;

struct StrObject : Object {
  // The text `head` then `tail` (of `length` code points), copied into the object's own heap
  // block, right after the StrObject: only for a block made by Heap::NewWithTail with that
  // many tail bytes (NewStr and the other makers in str.cc), and only for an exact str (a
  // subclass's fields would be where the text goes; its text lives in a StrBufferObject, see
  // NewStrOfType).
  struct InBlock {};
  StrObject(TypeObject* t, InBlock, std::string_view head, std::string_view tail, int64_t length, bool ascii);
  // The first `size` bytes of `buffer`.
  StrObject(TypeObject* t, StrBufferObject* buffer, size_t size, int64_t length, bool ascii)
      : Object(t, Kind::kStr), buffer_(buffer), size_(static_cast<uint32_t>(size)), length_(static_cast<uint32_t>(length)) {
    flags = static_cast<uint8_t>(kBuffered | (ascii ? kAscii : 0));
  }
  ~StrObject() override {
    if (!(flags & kBuffered)) delete offsets_;
  }
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return flags & kBuffered ? 0 : OffsetTableBytes(offsets_); }
  void Trace(Tracer& t) override {
    if (flags & kBuffered) t.Visit(buffer_);
  }

  // Forced inline: GCC left it out of line in places, where it cost 1-1.3% of json_parse and
  // sort_objects.
  [[gnu::always_inline]] std::string_view view() const {
    return {flags & kBuffered ? buffer_->bytes.get() : reinterpret_cast<const char*>(this + 1), size_};
  }
  // A copy of the text, for names and messages (absl::StrCat takes no std::string_view here).
  std::string str() const { return std::string(view()); }
  // The shared buffer this str's bytes live in, or null when they follow the object.
  StrBufferObject* buffer() const { return flags & kBuffered ? buffer_ : nullptr; }
  // Computed on first use (HashText), then read from `hash`: inline, as dict lookups ask often.
  int64_t Hash() const { return hash != -1 ? hash : (hash = HashText(view())); }
  // How many code points.
  int64_t length() const { return length_; }
  // Byte offset of code point i (0 <= i <= length()).
  size_t ByteOffset(int64_t i) const;
  // Every byte is < 0x80: code point i is byte i.
  bool ascii() const { return flags & kAscii; }
  // The interpreter's unique str with this text (see Intern).
  bool interned() const { return flags & kInterned; }
  void set_interned() { flags |= kInterned; }

 private:
  // In Object::flags. kBuffered: the bytes are in `buffer_`; else they follow this object.
  static constexpr uint8_t kAscii = 1, kInterned = 2, kBuffered = 4;
  // The offset table ByteOffset reads: the buffer's, or this str's own.
  std::vector<uint32_t>* OffsetTable() const;

  // Which member is in use says kBuffered. An in-block str keeps its own offset table (byte
  // offset of every 32nd code point, built on first indexing of a non-ASCII str; most strs
  // never need one); a buffered str uses its buffer's.
  union {
    StrBufferObject* buffer_;
    mutable std::vector<uint32_t>* offsets_ = nullptr;
  };
  uint32_t size_ = 0;    // how many bytes are this str's
  uint32_t length_ = 0;  // how many code points

 public:
  mutable int64_t hash = -1;
};

StrObject* NewStr(ThreadState& ts, std::string_view utf8);
// A str of class `cls` (str or a subclass) with the text of `text`.
StrObject* NewStrOfType(ThreadState& ts, TypeObject* cls, StrObject* text);
// A str value with this text: for '' and a single ASCII character the interpreter's shared one
// (as CPython shares them: s[0] is s[0]), otherwise a new string.
Value NewStrValue(ThreadState& ts, std::string_view utf8);
// The unique interned string with this text.
StrObject* Intern(Interpreter& interp, std::string_view utf8);
// a + b for two strs; MemoryError when the result would be too long. May collect: a and b
// must be rooted.
Value ConcatStr(ThreadState& ts, const StrObject* a, const StrObject* b);

// s[key] for an int-like key, an __index__ object or a slice (str.__getitem__).
Value StrSubscript(ThreadState& ts, const StrObject* s, Value key);
// `item in s`: 1 or 0; -1 with TypeError pending when item is not a str (str.__contains__).
int StrContainsItem(ThreadState& ts, const StrObject* s, Value item);

inline bool IsStr(Value v) { return IsObjectOfKind(v, Kind::kStr); }
inline bool StrEquals(const StrObject* a, const StrObject* b) {
  return a == b || (!(a->interned() && b->interned()) && a->view() == b->view());
}

// Installs str's methods into its type dict (called once per interpreter).
void InitStrType(Interpreter& interp);

// `text` without the white space Python's int()/float() ignore around a number.
std::string_view StripPyWhitespace(std::string_view text);

// repr(s) with CPython's quoting rules.
std::string StrRepr(std::string_view utf8);

}  // namespace gilvm::vm

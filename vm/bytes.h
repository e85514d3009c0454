// BytesObject: Python's bytes (immutable) and bytearray (mutable): raw octets.
//
// Invariants:
//  - One layout for both: `kind` is Kind::kBytes for bytes and Kind::kByteArray for bytearray
//    (and their subclasses). A bytes object's `data` never changes after construction; a
//    bytearray's changes only under the GIL, like every other object.
//  - `hash` is computed once, on demand, for bytes only (-1 means "not yet"); it equals the hash
//    of a str with the same ASCII text, as CPython's does.
//  - Natives that accept "a bytes-like object" (write(), send(), join()...) take both kinds
//    through BytesLikeView, and raise CPython's "a bytes-like object is required, not 'X'".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/object.h"
#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct BytesObject : Object {
  BytesObject(TypeObject* t, Kind k, std::string d) : Object(t, k), data(std::move(d)) {}
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return data.capacity(); }

  std::string_view view() const { return data; }

  std::string data;
  mutable int64_t hash = -1;
};

inline bool IsBytes(Value v) { return IsObjectOfKind(v, Kind::kBytes); }
inline bool IsByteArray(Value v) { return IsObjectOfKind(v, Kind::kByteArray); }

// A new bytes / bytearray holding a copy of `data`.
BytesObject* NewBytes(ThreadState& ts, std::string_view data);
Value NewBytesValue(ThreadState& ts, std::string_view data);
BytesObject* NewByteArray(ThreadState& ts, std::string_view data);

// The octets of a bytes or bytearray; false (nothing raised) for anything else. The view lives
// as long as the object and, for a bytearray, until it is next changed.
bool BytesLikeView(Value v, std::string_view* out);
// As BytesLikeView, but raises TypeError "a bytes-like object is required, not 'T'".
bool RequireBytesLike(ThreadState& ts, Value v, std::string_view* out);

// repr(b) with CPython's quoting rules: b'...' (or bytearray(b'...')).
std::string BytesRepr(std::string_view data, bool bytearray);

// Installs bytes' and bytearray's methods into their type dicts (called once per interpreter).
void InitBytesTypes(Interpreter& interp);

}  // namespace gilvm::vm

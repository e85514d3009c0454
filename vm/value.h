// Value: what a Python variable holds. A 16-byte tagged union, passed by value.
//
// Invariants:
//  - None, bool, int (int64) and float are unboxed: arithmetic on them never allocates.
//  - Every other Python object is an `Object*` owned by the interpreter's heap (vm/heap.h); a
//    Value does not keep it alive. Whoever holds a Value across an allocation must root it
//    (the VM stack, a `Root`, or a field of a rooted object).
//  - `Null` is not a Python value. It marks an empty slot (an unbound local) and, as a return
//    value, "an exception is pending on the thread" (see vm/errors.h for the rule).
//  - A zero-filled Value is Null, so freshly mapped zero pages are valid empty stacks.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace gilvm::vm {

struct Object;

enum class Tag : uint8_t { kNull = 0, kNone, kBool, kInt, kFloat, kObject };

class Value {
 public:
  constexpr Value() : tag_(Tag::kNull), i_(0) {}

  static constexpr Value Null() { return Value(); }
  static constexpr Value None() { return Value(Tag::kNone, 0); }
  static constexpr Value Bool(bool b) { return Value(Tag::kBool, b ? 1 : 0); }
  static constexpr Value Int(int64_t i) { return Value(Tag::kInt, i); }
  static Value Float(double d) { return Value(Tag::kFloat, std::bit_cast<int64_t>(d)); }
  static Value Obj(Object* o) {
    Value v;
    v.tag_ = Tag::kObject;
    v.o_ = o;
    return v;
  }

  constexpr Tag tag() const { return tag_; }
  constexpr bool is_null() const { return tag_ == Tag::kNull; }
  constexpr bool is_none() const { return tag_ == Tag::kNone; }
  constexpr bool is_bool() const { return tag_ == Tag::kBool; }
  constexpr bool is_int() const { return tag_ == Tag::kInt; }
  constexpr bool is_float() const { return tag_ == Tag::kFloat; }
  constexpr bool is_object() const { return tag_ == Tag::kObject; }
  // int or bool: what Python's int operations accept.
  constexpr bool is_intlike() const { return tag_ == Tag::kInt || tag_ == Tag::kBool; }

  constexpr bool as_bool() const { return i_ != 0; }
  constexpr int64_t as_int() const { return i_; }  // valid for kInt and kBool
  double as_float() const { return std::bit_cast<double>(i_); }
  Object* as_object() const { return o_; }

  // Identity, as Python's `is`.
  bool Is(Value other) const { return tag_ == other.tag_ && i_ == other.i_; }
  // Raw bits, for hashing identities.
  uint64_t bits() const { return static_cast<uint64_t>(i_); }

 private:
  constexpr Value(Tag t, int64_t i) : tag_(t), i_(i) {}
  Tag tag_;
  union {
    int64_t i_;
    Object* o_;
  };
};

static_assert(sizeof(Value) == 16);

}  // namespace gilvm::vm

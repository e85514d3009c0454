// Internal helpers shared by the object protocol (ops.cc), the container types (list.cc,
// tuple.cc, dict.cc, range.cc, iterators.cc) and the builtins. Not part of the native API.
//
// Invariants: every function follows the error rule of vm/errors.h; Value arguments must be
// rooted by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/call_args.h"
#include "vm/opcodes.h"
#include "vm/value.h"

namespace gilvm::vm {

// `a op b` for any ordered C++ type: the one place CmpOp is turned into a C++ comparison.
template <typename T>
bool CompareOrdered(T a, T b, CmpOp op) {
  switch (op) {
    case CmpOp::kLt: return a < b;
    case CmpOp::kLe: return a <= b;
    case CmpOp::kEq: return a == b;
    case CmpOp::kNe: return a != b;
    case CmpOp::kGt: return a > b;
    case CmpOp::kGe: return a >= b;
  }
  return false;
}

class ThreadState;
class Interpreter;
class RootedVector;
struct TypeObject;
struct StrObject;
struct ListObject;
struct TupleObject;
struct DictObject;

// Special-method calls, looked up on the type as CPython does (never on the instance).
// `*found` tells whether the type has the method at all.
Value CallSpecial(ThreadState& ts, Value self, StrObject* name, const Value* args, size_t nargs, bool* found);
// Calls `f` (found in type(self)'s MRO) as a method of `self`, binding as a descriptor would.
Value CallFound(ThreadState& ts, Value f, Value self, const Value* args, size_t nargs);
// The descriptor step of attribute lookup: binds `attr` found on `type` to `obj`.
Value BindAttr(ThreadState& ts, Value attr, Value obj, TypeObject* type);

// object's default attribute protocol (what object.__getattribute__/__setattr__ do).
Value GenericGetAttr(ThreadState& ts, Value obj, StrObject* name, bool suppress_missing);
bool GenericSetAttr(ThreadState& ts, Value obj, StrObject* name, Value value);
bool GenericDelAttr(ThreadState& ts, Value obj, StrObject* name);
// Installs object's methods (__repr__, __eq__, __hash__, __getattribute__...).
void InitObjectType(Interpreter& interp);
// CPython's default repr: <__main__.Foo object at 0x...> (and the built-in kinds' reprs).
Value DefaultRepr(ThreadState& ts, Value v);
// The identity-based default hash and id().
int64_t IdentityHash(Value v);

// Python-level `a <op> b` for two lists or two tuples (lexicographic).
Value SequenceCompare(ThreadState& ts, Value a, Value b, CmpOp op);
// Resolves an integer index against `size` (negative counts from the end). False with
// IndexError "<what> index out of range" or TypeError pending.
bool SequenceIndex(ThreadState& ts, Value key, int64_t size, const char* what, int64_t* out);

Value ListGetItem(ThreadState& ts, ListObject* l, Value key);
bool ListSetItem(ThreadState& ts, ListObject* l, Value key, Value value);
bool ListDelItem(ThreadState& ts, ListObject* l, Value key);
// Appends every item of `iterable` to `l`.
bool ListExtend(ThreadState& ts, ListObject* l, Value iterable);
// Sorts in place, stably, comparing with LessThan (on keys when `key` is not None).
bool ListSort(ThreadState& ts, ListObject* l, Value key, bool reverse);
Value TupleGetItem(ThreadState& ts, TupleObject* t, Value key);
// tuple.index / tuple.count (they share list's code).
Value SeqIndexMethod(ThreadState& ts, const CallArgs& a);
Value SeqCountMethod(ThreadState& ts, const CallArgs& a);
Value TupleFromIterable(ThreadState& ts, Value iterable);

// Appends every item of `iterable` to `out`.
bool CollectIterable(ThreadState& ts, Value iterable, RootedVector& out);

// d.update(other): a mapping (keys()/[]), or an iterable of pairs.
bool DictUpdate(ThreadState& ts, DictObject* d, Value other);
// dict == dict.
int DictEqual(ThreadState& ts, DictObject* a, DictObject* b);
Value DictGetItem(ThreadState& ts, DictObject* d, Value key);

// Tracks the containers being repr'd on this thread, for the "[...]" of a list that holds
// itself. Enter returns false when `o` is already being printed (the caller prints "...").
class ReprGuard {
 public:
  ReprGuard(ThreadState& ts, Object* o);
  ~ReprGuard();
  bool entered() const { return entered_; }

 private:
  ThreadState& ts_;
  Object* o_;
  bool entered_;
};

}  // namespace gilvm::vm

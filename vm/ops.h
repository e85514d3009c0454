// The generic object protocol: what the eval loop and natives use to operate on any value.
// Each function does the built-in fast paths first, then the Python-level special methods
// (__add__, __eq__, __getattr__...) with CPython's lookup and fallback rules and messages.
//
// Invariants: every function follows the error rule of vm/errors.h. Arguments must be rooted by
// the caller (they usually live on the VM stack); results are fresh and unrooted.
#pragma once

#include <cstdint>
#include <string>

#include "vm/call_args.h"
#include "vm/opcodes.h"
#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct StrObject;
struct TupleObject;
struct TypeObject;
struct NameCache;

// str(v), repr(v) as StrObject values.
Value Repr(ThreadState& ts, Value v);
Value Str(ThreadState& ts, Value v);
// Same, as C++ strings; false on error.
bool ReprString(ThreadState& ts, Value v, std::string* out);
bool StrString(ThreadState& ts, Value v, std::string* out);

// bool(v): 1 true, 0 false, -1 raised.
int IsTrue(ThreadState& ts, Value v);
// hash(v): false on error (e.g. unhashable type).
bool Hash(ThreadState& ts, Value v, int64_t* out);
// a == b with Python semantics: 1, 0, or -1 raised.
int Equal(ThreadState& ts, Value a, Value b);
Value RichCompare(ThreadState& ts, Value a, Value b, CmpOp op);
// a < b as a truth value: 1, 0, -1 raised. (sort, min, max)
int LessThan(ThreadState& ts, Value a, Value b);

Value BinaryOp(ThreadState& ts, Value a, Value b, uint32_t op);  // op: BinOp, maybe | kInplace
Value Negative(ThreadState& ts, Value v);
Value Positive(ThreadState& ts, Value v);
Value Invert(ThreadState& ts, Value v);
Value Absolute(ThreadState& ts, Value v);

Value GetAttr(ThreadState& ts, Value obj, StrObject* name);
// Like GetAttr but a missing attribute returns Null *without* raising (other errors raise;
// tell them apart with ts.exc).
Value GetAttrOrNull(ThreadState& ts, Value obj, StrObject* name);
bool SetAttr(ThreadState& ts, Value obj, StrObject* name, Value value);
bool DelAttr(ThreadState& ts, Value obj, StrObject* name);
// Looks `name` up along type's MRO without descriptors; Null if absent. Never raises.
Value LookupInType(TypeObject* type, StrObject* name);
// The dict of `type` changed at run time: lookups on it and its subclasses must look again.
void TypeModified(TypeObject* type);
// Records in `cache` which of the eval loop's fast paths hold for attribute `name` of objects
// of exactly o's type (NameCache in vm/code.h); the fast paths give what GetAttr, SetAttr and
// LOAD_METHOD's own lookup would. Never raises.
void FillNameCache(ThreadState& ts, NameCache& cache, Object* o, StrObject* name);

Value GetItem(ThreadState& ts, Value container, Value key);
bool SetItem(ThreadState& ts, Value container, Value key, Value value);
bool DelItem(ThreadState& ts, Value container, Value key);
// `item in container`: 1, 0, -1 raised.
int Contains(ThreadState& ts, Value container, Value item);
// len(v): -1 raised.
int64_t Length(ThreadState& ts, Value v);

Value GetIter(ThreadState& ts, Value v);
// next(it): 1 produced *out, 0 exhausted (StopIteration swallowed), -1 raised.
int IterNext(ThreadState& ts, Value iter, Value* out);

// Calls `callable` with argv[0..nargs) positional values followed by keyword values named by
// kwnames. argv must be rooted.
// callable(v): functions, types, bound methods, and instances whose type has __call__.
bool IsCallable(Interpreter& interp, Value v);
Value Call(ThreadState& ts, Value callable, const Value* argv, size_t nargs, TupleObject* kwnames = nullptr);
Value Call(ThreadState& ts, Value callable, const CallArgs& args);
// obj.name(args...): looks up and calls in one step.
Value CallMethod(ThreadState& ts, Value obj, StrObject* name, const Value* argv, size_t nargs);

// Converts to an index (int or __index__): false on error with TypeError naming `what`.
bool ToIndex(ThreadState& ts, Value v, int64_t* out);
// isinstance(v, type) without __instancecheck__.
bool IsInstance(ThreadState& ts, Value v, TypeObject* type);

}  // namespace gilvm::vm

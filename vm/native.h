// Helpers for writing natives (functions in C++) the way the stdlib and hosts write them:
// registering them and parsing their arguments with CPython's error messages.
//
// Invariants: a native follows the error rule of vm/errors.h and the argument rule of
// vm/call_args.h. Parsing helpers return false with TypeError pending, worded as CPython words
// it ("len() takes exactly one argument (2 given)", "sorted expected 1 argument, got 0",
// "'foo' is an invalid keyword argument for sort()").
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "vm/call_args.h"
#include "vm/function.h"
#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct DictObject;
struct ModuleObject;

NativeObject* NewNative(Interpreter& interp, std::string_view name, NativeFn fn, TypeObject* owner = nullptr);
// Adds a method (argv[0] is self) to a built-in type's dict.
void AddMethod(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn);
// Adds a classmethod/staticmethod to a type's dict.
void AddClassMethod(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn);
void AddStaticMethod(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn);
// Adds a read-only attribute computed by `fn` (argv[0] is the object): a property whose getter
// is a native, as CPython's getset descriptors on built-in types.
void AddGetter(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn);
// Adds a plain function to a namespace (a module's dict).
void AddFunction(Interpreter& interp, DictObject* ns, std::string_view name, NativeFn fn);
// Adds each {name, fn} of a table, as AddFunction.
struct FunctionDef {
  const char* name;
  NativeFn fn;
};
void AddFunctions(Interpreter& interp, DictObject* ns, std::initializer_list<FunctionDef> fns);
// A new, empty native module with `__name__` set; the caller roots it before allocating more.
ModuleObject* NewNativeModule(ThreadState& ts, std::string_view name);

// A parameter list: names in order; `required` of them are required positionally; parameters
// from `kwonly_from` on are keyword-only; the first `posonly` are positional-only.
struct Params {
  std::string_view fname;  // used in messages, e.g. "sorted" or "split"
  std::initializer_list<std::string_view> names;
  int required = 0;
  int posonly = 0;
  int kwonly_from = -1;  // -1: none
};
// Binds args to `params`; out[i] gets the value or stays Null when omitted. `out` must have
// room for every name. Raises CPython's TypeError messages on a mismatch.
bool ParseArgs(ThreadState& ts, const CallArgs& args, const Params& params, Value* out);
// Fast checks for the common cases. They inline to a compare or two; their failing halves,
// which raise, are out of line.
bool KeywordsGiven(ThreadState& ts, std::string_view fname);
bool ArgCountOutside(ThreadState& ts, size_t n, std::string_view fname, size_t min, size_t max);
inline bool NoKeywords(ThreadState& ts, const CallArgs& args, std::string_view fname) {
  return args.kwnames == nullptr || args.nkw() == 0 || KeywordsGiven(ts, fname);
}
inline bool ArgCountBetween(ThreadState& ts, const CallArgs& args, std::string_view fname, size_t min, size_t max) {
  return (args.nargs >= min && args.nargs <= max) || ArgCountOutside(ts, args.nargs, fname, min, max);
}
// The older wording str's and bytes' find(), count(), startswith()... use:
// "find() takes at least 1 argument (0 given)". Positional only: keywords are rejected too.
bool ArgCountBetweenOld(ThreadState& ts, const CallArgs& args, std::string_view fname, size_t min, size_t max);
// The optional start/end arguments of find() and friends: args.argv[i], when present and not
// None, as an index into *out; otherwise TypeError "slice indices must be integers or None or
// have an __index__ method". Absent or None leaves *out unchanged.
bool OptionalSliceIndex(ThreadState& ts, const CallArgs& args, size_t i, int64_t* out);
// CPython's ADJUST_INDICES for a search window over `len` items: negative start/end count from
// the end, then both are clamped (start may still exceed end: an empty window).
void AdjustSliceIndices(int64_t len, int64_t* start, int64_t* end);
// Arity check for slot wrappers (__add__...), worded like CPython's ("expected 1 argument,
// got 0"); argv[0] is self and is not counted.
bool CheckSlotArity(ThreadState& ts, const CallArgs& args, size_t min, size_t max);

}  // namespace gilvm::vm

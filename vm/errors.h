// Raising and inspecting Python exceptions from C++.
//
// THE ERROR RULE (every function in vm/, stdlib/ and the API follows it):
//  - A Python exception is a value, never a C++ exception. A function that can raise returns
//      Value      -> Value::Null() means "raised",
//      bool       -> false means "raised",
//      int        -> -1 means "raised" (0/1 or a count otherwise),
//      T*         -> nullptr means "raised",
//    with the exception object pending in ThreadState::exc. The caller either handles it
//    (ClearException) or returns the failure upward unchanged.
//  - A function that returns success must leave ts.exc null.
//  - C++ exceptions are reserved for std::bad_alloc; Eval and the public API catch it and raise
//    MemoryError instead. Nothing else throws.
#pragma once

#include <string>
#include <string_view>

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
struct TypeObject;
struct ExceptionObject;

// Creates `type(msg)` and makes it pending. Always returns Value::Null().
Value Raise(ThreadState& ts, TypeObject* type, std::string_view msg);
// Makes `exc` pending (an ExceptionObject), setting its __context__ from the handled exception.
Value RaiseObject(ThreadState& ts, ExceptionObject* exc);
// Makes `type()` pending with no arguments (e.g. StopIteration).
Value RaiseNoArgs(ThreadState& ts, TypeObject* type);

// Shorthands for the common types.
Value RaiseTypeError(ThreadState& ts, std::string_view msg);
Value RaiseValueError(ThreadState& ts, std::string_view msg);
Value RaiseIndexError(ThreadState& ts, std::string_view msg);
Value RaiseKeyError(ThreadState& ts, Value key);
Value RaiseAttributeError(ThreadState& ts, std::string_view msg);
Value RaiseOverflowError(ThreadState& ts, std::string_view msg);
Value RaiseZeroDivision(ThreadState& ts, std::string_view msg);
Value RaiseMemoryError(ThreadState& ts);
// OSError for errno `err`, as the subclass CPython picks (FileNotFoundError for ENOENT...), with
// strerror's text and the filename(s) when given (Null: none): "[Errno 2] No such file or
// directory: 'x'".
Value RaiseOSError(ThreadState& ts, int err, Value filename = Value::Null(), Value filename2 = Value::Null());

// True if an exception is pending and is an instance of `type`.
bool ExceptionMatches(ThreadState& ts, TypeObject* type);
// Drops the pending exception.
void ClearException(ThreadState& ts);
// Takes the pending exception (null if none) and clears it.
ExceptionObject* FetchException(ThreadState& ts);

// Builds an exception instance from a `raise` operand: a class (instantiated) or an instance.
// Returns null with TypeError pending if `v` is neither.
ExceptionObject* MakeException(ThreadState& ts, Value v);
ExceptionObject* NewException(ThreadState& ts, TypeObject* type, std::string_view msg);

// "int", "str", "Foo": the type name CPython puts in messages.
std::string TypeName(ThreadState& ts, Value v);

}  // namespace gilvm::vm

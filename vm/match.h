// The runtime half of `match` statements (PEP 634): what the MATCH_* instructions ask of a
// subject. The compiler (compiler/compiler.cc, "match statements") lays out the stack and the
// failure jumps; these functions only answer questions about one value.
//
// Invariants:
//  - They follow the error rule: Null (or -1) with an exception pending on failure; "did not
//    match" is an ordinary result (false or None), never an exception.
//  - Attribute and item lookups go through the normal protocols, so user classes with
//    __match_args__, properties or a `get` method behave as in CPython.
#pragma once

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;

// Whether a sequence pattern may match `v`: list, tuple, range and their subclasses, and the
// standard library's sequence classes (collections.deque, array.array, namedtuples); never
// str, bytes or bytearray.
bool IsMatchSequence(ThreadState& ts, Value v);
// Whether a mapping pattern may match `v`: dict and its subclasses, and the standard library's
// mapping classes (collections' dict-likes and ChainMap).
bool IsMatchMapping(ThreadState& ts, Value v);
// MATCH_KEYS: a tuple of subject[key] for each key of the tuple `keys` (looked up with the
// subject's `get`), or None when one is missing. Repeated keys raise ValueError.
Value MatchKeys(ThreadState& ts, Value subject, Value keys);
// COPY_DICT_WITHOUT_KEYS: a new dict of the subject's items except `keys` (for `**rest`).
Value CopyDictWithoutKeys(ThreadState& ts, Value subject, Value keys);
// MATCH_CLASS: for `cls(p1..pn, k1=..)`, a tuple of the n positional attributes (named by
// cls.__match_args__, or the subject itself for int, str, list... ) followed by the keyword
// ones (`names`), or None when the subject is not an instance or lacks an attribute.
Value MatchClass(ThreadState& ts, Value subject, Value cls, Value names, size_t npos);

}  // namespace gilvm::vm

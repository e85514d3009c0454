// Built-in iterators (list_iterator, dict_keyiterator, enumerate, zip, map...) and the dict
// views (dict_keys, dict_values, dict_items).
//
// Invariants:
//  - Every built-in iterator is an IteratorObject (Kind::kIterator); `ikind` says which. Views
//    share the layout (they are not iterators: GetIter on a view makes a dict iterator).
//  - Iterators over mutable containers re-check the container's size at every step, so
//    mutation during iteration never reads out of bounds. A dict iterator raises RuntimeError
//    "dictionary changed size during iteration" when the dict's size differs from the start.
//  - An exhausted sequence iterator drops its container (`source` becomes None), as CPython's.
//  - Each ikind has its own TypeObject, named as CPython names it; IteratorType finds it.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct DictObject;

enum class IterKind : uint8_t {
  kList,           // list_iterator
  kListReverse,    // list_reverseiterator
  kTuple,          // tuple_iterator
  kStr,            // str_ascii_iterator / str_iterator
  kRange,          // range_iterator
  kDictKeys,       // dict_keyiterator
  kDictValues,     // dict_valueiterator
  kDictItems,      // dict_itemiterator
  kSeq,            // iterator (the __getitem__ sequence protocol)
  kEnumerate,      // enumerate
  kZip,            // zip
  kMap,            // map
  kFilter,         // filter
  kReversed,       // reversed (over __len__/__getitem__)
  kKeysView,       // dict_keys (a view, not an iterator)
  kValuesView,     // dict_values
  kItemsView,      // dict_items
  kStrNonAscii,    // str_iterator (type only; shares kStr's logic)
  kDictReverseKeys,  // dict_reversekeyiterator
  kSet,            // set_iterator (vm/set.cc)
  kCallable,       // callable_iterator: iter(func, sentinel) calls func until it returns sentinel
  kCount,
};

struct IteratorObject : Object {
  IteratorObject(TypeObject* t, IterKind k, Value source) : Object(t, Kind::kIterator), ikind(k), source(source) {}
  void Trace(Tracer& t) override {
    t.Visit(source);
    t.Visit(func);
    t.VisitAll(sources);
  }
  size_t ExtraBytes() const override { return sources.capacity() * sizeof(Value); }
  bool is_view() const { return ikind >= IterKind::kKeysView && ikind <= IterKind::kItemsView; }

  IterKind ikind;
  Value source;                // the container, the underlying iterator; None once exhausted
  Value func;                  // map/filter function; the callable of iter(func, sentinel)
  std::vector<Value> sources;  // zip/map iterators
  int64_t index = 0;           // next position; enumerate's count
  int64_t stop = 0, step = 0;  // range iterators: current value in index, count left in stop
  size_t dict_used = 0;        // dict iterators: size at creation
  bool strict = false;         // zip(strict=True)
};

TypeObject* IteratorType(Interpreter& interp, IterKind k);
IteratorObject* NewIterator(ThreadState& ts, IterKind k, Value source);
// A view of `d` (k is kKeysView, kValuesView or kItemsView).
IteratorObject* NewDictView(ThreadState& ts, IterKind k, DictObject* d);

// The next item of a built-in iterator: 1 produced, 0 exhausted, -1 raised.
int BuiltinIterNext(ThreadState& ts, IteratorObject* it, Value* out);

void InitIteratorTypes(Interpreter& interp);

}  // namespace gilvm::vm

// Instances of user subclasses of built-in types (see vm/subclass.h).
#include "vm/subclass.h"

#include "vm/dict.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm::vm {

Value NewBoxedNumber(ThreadState& ts, TypeObject* cls, Value number) {
  DictObject* dict = NewDict(ts);
  return Value::Obj(ts.interp.heap.New<BoxedNumber>(cls, dict, number));
}

Value UnboxNumber(Value v) {
  if (!v.is_object() || v.as_object()->kind != Kind::kInstance) return v;
  auto* boxed = dynamic_cast<BoxedNumber*>(v.as_object());
  return boxed != nullptr ? boxed->number : v;
}

}  // namespace gilvm::vm

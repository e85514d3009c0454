// Instance attributes: inline values named by the class's attr_names, or a dict (vm/instance.h).
#include "vm/instance.h"

#include <algorithm>

#include "vm/code.h"
#include "vm/dict.h"
#include "vm/function.h"
#include "vm/heap.h"
#include "vm/interpreter.h"
#include "vm/opcodes.h"
#include "vm/str.h"
#include "vm/thread_state.h"

namespace gilvm::vm {

namespace {

// How many attributes the __init__ methods along the class's MRO store: the distinct names of
// their STORE_ATTR instructions, at most kMaxInstanceDictHint. CPython 3.11 sizes a class's
// shared keys from its __init__ in the same way, so that its first instance has room too.
uint8_t AttributesInitSets(ThreadState& ts, TypeObject* type) {
  std::vector<StrObject*> names;
  for (TypeObject* t : type->mro) {
    Value init = t->dict == nullptr ? Value::Null() : DictGetStr(t->dict, ts.interp.names.__init__);
    if (!IsObjectOfKind(init, Kind::kFunction)) continue;
    const CodeObject* code = As<FunctionObject>(init)->code;
    for (uint32_t word : code->code) {
      if (DecodeOp(word) != Op::STORE_ATTR) continue;
      StrObject* name = code->names[DecodeArg(word)];
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      names.push_back(name);
      if (names.size() == TypeObject::kMaxInstanceDictHint) return TypeObject::kMaxInstanceDictHint;
    }
  }
  return static_cast<uint8_t>(names.size());
}

}  // namespace

// The class too: an instance can outlive every other reference to a class made in a function.
void InstanceObject::Trace(Tracer& t) {
  t.Visit(type);
  t.Visit(dict);
  Value* values = inline_values();
  for (uint8_t i = 0; i < inline_count; ++i) t.Visit(values[i]);
}

InstanceObject* NewInstance(ThreadState& ts, TypeObject* type) {
  // The first instance has room for what __init__ sets; one that outgrows its room moves to a
  // dict, and raises the room of the later ones.
  if (!type->instance_room_estimated) {
    type->instance_room_estimated = true;
    type->instance_dict_hint = std::max(type->instance_dict_hint, AttributesInitSets(ts, type));
  }
  uint8_t room = std::max<uint8_t>(type->instance_dict_hint, 1);
  auto* inst = ts.interp.heap.NewWithTail<InstanceObject>(room * sizeof(Value), type, nullptr);
  inst->inline_capacity = room;
  return inst;
}

int InlineSlot(const TypeObject* type, const StrObject* name) {
  const std::vector<StrObject*>& names = type->attr_names;
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  // Names built at run time (setattr with a computed name) are equal without being the same.
  for (size_t i = 0; i < names.size(); ++i)
    if (StrEquals(names[i], name)) return static_cast<int>(i);
  return -1;
}

Value InstanceGet(InstanceObject* inst, const StrObject* name) {
  if (inst->dict != nullptr) return DictGetStr(inst->dict, name);
  int slot = InlineSlot(inst->type, name);
  return slot >= 0 && slot < inst->inline_count ? inst->inline_values()[slot] : Value::Null();
}

void InstanceSet(ThreadState& ts, InstanceObject* inst, StrObject* name, Value value) {
  if (inst->dict == nullptr) {
    TypeObject* type = inst->type;
    int slot = InlineSlot(type, name);
    uint8_t n = inst->inline_count;
    if (slot >= 0 && slot < n) {
      inst->inline_values()[slot] = value;
      return;
    }
    // A new attribute stays inline when it is the class's next name and there is room. A name
    // the class has never seen becomes its next name when this instance has all the others.
    bool next = slot == n ||
                (slot < 0 && type->attr_names.size() == n && n < TypeObject::kMaxInstanceDictHint &&
                 name->type == ts.interp.types.str);
    if (next && n < inst->inline_capacity) {
      if (slot < 0) {
        type->attr_names.push_back(name);
        type->version = NewTypeVersion();  // cached slots of this name (absent) no longer hold
      }
      inst->inline_values()[n] = value;
      inst->inline_count = n + 1;
      NoteAttributeCount(type, n + 1);
      return;
    }
  }
  DictObject* d = InstanceAttrDict(ts, inst);
  DictSetStr(d, name, value);
  NoteAttributeCount(inst->type, d->used);
}

DictObject* InstanceAttrDict(ThreadState& ts, InstanceObject* inst) {
  if (inst->dict != nullptr) return inst->dict;
  // NewDictSized may collect: the inline values are still traced through the instance.
  DictObject* d = NewDictSized(ts, std::max<size_t>(inst->inline_count + 1, inst->type->instance_dict_hint));
  Value* values = inst->inline_values();
  for (uint8_t i = 0; i < inst->inline_count; ++i) DictSetStr(d, inst->type->attr_names[i], values[i]);
  inst->dict = d;
  inst->inline_count = 0;
  return d;
}

}  // namespace gilvm::vm

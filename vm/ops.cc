// The generic object protocol (see vm/ops.h). Every entry point switches on the value's tag and
// kind for the built-in fast paths first, then falls back to the special methods looked up on
// the type, with CPython's lookup order, fallbacks and messages.
#include "vm/ops.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/bytes.h"
#include "vm/bigint.h"
#include "vm/call.h"
#include "vm/classes.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/float.h"
#include "vm/format.h"
#include "vm/function.h"
#include "vm/generator.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/protocol.h"
#include "vm/range.h"
#include "vm/set.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/suggestions.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

bool IsNotImplemented(ThreadState& ts, Value v) { return v.Is(ts.interp.not_implemented); }

Value CallWithSelf(ThreadState& ts, Value f, Value self, const Value* args, size_t nargs) {
  Value buf[4];
  std::vector<Value> big;
  Value* argv = buf;
  if (nargs + 1 > 4) {
    big.resize(nargs + 1);
    argv = big.data();
  }
  argv[0] = self;
  for (size_t i = 0; i < nargs; ++i) argv[i + 1] = args[i];
  return Call(ts, f, argv, nargs + 1);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Special-method lookup and binding

namespace {

Value LookupAlongMro(TypeObject* type, StrObject* name) {
  for (TypeObject* t : type->mro) {
    if (t->dict == nullptr) continue;
    Value v = DictGetStr(t->dict, name);
    if (!v.is_null()) return v;
  }
  return Value::Null();
}

}  // namespace

Value LookupInType(TypeObject* type, StrObject* name) {
  // Only interned names are memoised: they are immortal, so a key never dangles.
  if (!name->interned() || type->epoch == nullptr) return LookupAlongMro(type, name);
  if (type->memo_epoch != *type->epoch || type->memo_version != type->version) {
    for (auto& e : type->lookup_cache) e = {};
    type->memo_epoch = *type->epoch;
    type->memo_version = type->version;
  }
  auto& e = type->lookup_cache[static_cast<uint64_t>(name->Hash()) % TypeObject::kLookupCacheSize];
  if (e.name != name) e = {name, LookupAlongMro(type, name)};
  return e.value;
}

void TypeModified(TypeObject* type) {
  type->version = NewTypeVersion();
  for (TypeObject* sub : type->subclasses) TypeModified(sub);
}

Value CallFound(ThreadState& ts, Value f, Value self, const Value* args, size_t nargs) {
  if (f.is_object()) {
    switch (f.as_object()->kind) {
      case Kind::kFunction:
      case Kind::kNative:
        return CallWithSelf(ts, f, self, args, nargs);
      case Kind::kStaticMethod:
        return Call(ts, As<MethodWrapperObject>(f)->callable, args, nargs);
      case Kind::kClassMethod:
        return CallWithSelf(ts, As<MethodWrapperObject>(f)->callable, Value::Obj(TypeOf(ts.interp, self)), args,
                            nargs);
      default:
        break;
    }
  }
  Root bound(ts, BindAttr(ts, f, self, TypeOf(ts.interp, self)));
  if (bound.get().is_null()) return Value::Null();
  return Call(ts, bound.get(), args, nargs);
}

Value CallSpecial(ThreadState& ts, Value self, StrObject* name, const Value* args, size_t nargs, bool* found) {
  Value f = LookupInType(TypeOf(ts.interp, self), name);
  *found = !f.is_null() && !f.is_none();
  if (!*found) return Value::Null();
  return CallFound(ts, f, self, args, nargs);
}

Value BindAttr(ThreadState& ts, Value attr, Value obj, TypeObject* type) {
  if (!attr.is_object()) return attr;
  Interpreter& in = ts.interp;
  Object* o = attr.as_object();
  switch (o->kind) {
    case Kind::kFunction:
      return Value::Obj(in.heap.New<BoundMethodObject>(in.types.method, obj, attr));
    case Kind::kNative:
      if (static_cast<NativeObject*>(o)->owner == nullptr) return attr;
      return Value::Obj(in.heap.New<BoundMethodObject>(in.types.method, obj, attr));
    case Kind::kStaticMethod:
      return static_cast<MethodWrapperObject*>(o)->callable;
    case Kind::kClassMethod:
      return Value::Obj(
          in.heap.New<BoundMethodObject>(in.types.method, Value::Obj(type), static_cast<MethodWrapperObject*>(o)->callable));
    case Kind::kProperty: {
      Value fget = static_cast<PropertyObject*>(o)->fget;
      if (fget.is_none() || fget.is_null()) return RaiseAttributeError(ts, "unreadable attribute");
      return Call(ts, fget, &obj, 1);
    }
    case Kind::kInstance: {
      Value get = LookupInType(o->type, in.names.__get__);
      if (get.is_null()) return attr;
      Value args[2] = {obj, Value::Obj(type)};
      return CallFound(ts, get, attr, args, 2);
    }
    default:
      return attr;
  }
}

// ---------------------------------------------------------------------------------------------
// repr / str

Value Repr(ThreadState& ts, Value v) {
  switch (v.tag()) {
    case Tag::kNone: return NewStrValue(ts, "None");
    case Tag::kBool: return NewStrValue(ts, v.as_bool() ? "True" : "False");
    case Tag::kInt: return NewStrValue(ts, IntToString(v.as_int()));
    case Tag::kFloat: return NewStrValue(ts, FloatRepr(v.as_float()));
    case Tag::kNull: return NewStrValue(ts, "<NULL>");
    case Tag::kObject: break;
  }
  if (IsExact(v, ts.interp.types.str)) return NewStrValue(ts, StrRepr(As<StrObject>(v)->view()));
  if (IsExact(v, ts.interp.types.int_)) return BigIntRepr(ts, v);
  if (!ts.EnterRecursion(" while getting the repr of an object")) return Value::Null();
  bool found;
  Value r = CallSpecial(ts, v, ts.interp.names.__repr__, nullptr, 0, &found);
  if (!found) r = DefaultRepr(ts, v);
  ts.LeaveRecursion();
  if (r.is_null()) return r;
  if (!IsStr(r)) return RaiseTypeError(ts, absl::StrCat("__repr__ returned non-string (type ", TypeName(ts, r), ")"));
  return r;
}

Value Str(ThreadState& ts, Value v) {
  if (IsExact(v, ts.interp.types.str)) return v;
  if (!v.is_object()) return Repr(ts, v);
  if (!ts.EnterRecursion(" while getting the str of an object")) return Value::Null();
  bool found;
  Value r = CallSpecial(ts, v, ts.interp.names.__str__, nullptr, 0, &found);
  ts.LeaveRecursion();
  if (!found) return Repr(ts, v);
  if (r.is_null()) return r;
  if (!IsStr(r)) return RaiseTypeError(ts, absl::StrCat("__str__ returned non-string (type ", TypeName(ts, r), ")"));
  return r;
}

bool ReprString(ThreadState& ts, Value v, std::string* out) {
  Value r = Repr(ts, v);
  if (r.is_null()) return false;
  *out = As<StrObject>(r)->view();
  return true;
}

bool StrString(ThreadState& ts, Value v, std::string* out) {
  if (IsStr(v)) {
    *out = As<StrObject>(v)->view();
    return true;
  }
  Value r = Str(ts, v);
  if (r.is_null()) return false;
  *out = As<StrObject>(r)->view();
  return true;
}

// ---------------------------------------------------------------------------------------------
// truth

namespace {

// The length a __len__ result denotes, with CPython's checks.
int64_t CheckLenResult(ThreadState& ts, Value r) {
  if (r.is_null()) return -1;
  if (!r.is_intlike()) {
    int64_t n;
    if (!ToIndex(ts, r, &n)) return -1;
    r = Value::Int(n);
  }
  if (r.as_int() < 0) {
    RaiseValueError(ts, "__len__() should return >= 0");
    return -1;
  }
  return r.as_int();
}

}  // namespace

int IsTrue(ThreadState& ts, Value v) {
  switch (v.tag()) {
    case Tag::kNone:
    case Tag::kNull: return 0;
    case Tag::kBool:
    case Tag::kInt: return v.as_int() != 0;
    case Tag::kFloat: return v.as_float() != 0.0;
    case Tag::kObject: break;
  }
  Object* o = v.as_object();
  Interpreter& in = ts.interp;
  if (o->type == in.types.str) return static_cast<StrObject*>(o)->length() != 0;
  if (o->type == in.types.list) return static_cast<ListObject*>(o)->size() != 0;
  if (o->type == in.types.tuple) return static_cast<TupleObject*>(o)->size() != 0;
  if (o->type == in.types.dict) return static_cast<DictObject*>(o)->size() != 0;
  if (o->type == in.types.range) return static_cast<RangeObject*>(o)->length != 0;
  if (o->kind == Kind::kSet && o->type->is_builtin) return static_cast<SetObject*>(o)->used != 0;
  if (o->type == in.types.int_) return 1;  // a BigInt is never zero
  bool found;
  Value r = CallSpecial(ts, v, in.names.__bool__, nullptr, 0, &found);
  if (found) {
    if (r.is_null()) return -1;
    if (!r.is_bool()) {
      RaiseTypeError(ts, absl::StrCat("__bool__ should return bool, returned ", TypeName(ts, r)));
      return -1;
    }
    return r.as_bool();
  }
  r = CallSpecial(ts, v, in.names.__len__, nullptr, 0, &found);
  if (!found) return 1;
  int64_t n = CheckLenResult(ts, r);
  return n < 0 ? -1 : n != 0;
}

// ---------------------------------------------------------------------------------------------
// hash

int64_t IdentityHash(Value v) {
  uint64_t y = v.bits();
  if (!v.is_object()) y = y * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(v.tag());
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

namespace {

bool TupleHash(ThreadState& ts, TupleObject* t, int64_t* out) {
  constexpr uint64_t kP1 = 11400714785074694791ull, kP2 = 14029467366897019727ull,
                     kP5 = 2870177450012600261ull;
  uint64_t acc = kP5;
  for (Value item : t->items) {
    int64_t lane;
    if (!Hash(ts, item, &lane)) return false;
    acc += static_cast<uint64_t>(lane) * kP2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kP1;
  }
  acc += t->items.size() ^ (kP5 ^ 3527539ull);
  *out = acc == static_cast<uint64_t>(-1) ? 1546275796 : static_cast<int64_t>(acc);
  return true;
}

// CPython sets __hash__ = None in a class that defines __eq__ but not __hash__; we read the
// same rule off the MRO instead of writing it at class creation.
Value LookupHash(ThreadState& ts, TypeObject* type) {
  Names& n = ts.interp.names;
  for (TypeObject* t : type->mro) {
    if (t->dict == nullptr) continue;
    Value h = DictGetStr(t->dict, n.__hash__);
    if (!h.is_null()) return h;
    if (!t->is_builtin && !DictGetStr(t->dict, n.__eq__).is_null()) return Value::None();
  }
  return Value::Null();
}

}  // namespace

bool Hash(ThreadState& ts, Value v, int64_t* out) {
  switch (v.tag()) {
    case Tag::kBool:
    case Tag::kInt: *out = HashInt(v.as_int()); return true;
    case Tag::kFloat: *out = HashFloat(v.as_float()); return true;
    case Tag::kNone:
    case Tag::kNull: *out = IdentityHash(v); return true;
    case Tag::kObject: break;
  }
  Object* o = v.as_object();
  Interpreter& in = ts.interp;
  if (o->type == in.types.str) {
    *out = static_cast<StrObject*>(o)->Hash();
    return true;
  }
  if (o->type == in.types.tuple) return TupleHash(ts, static_cast<TupleObject*>(o), out);
  if (o->type == in.types.int_) {
    *out = HashBigInt(static_cast<BigIntObject*>(o)->num);
    return true;
  }
  if (o->type == in.types.bytes) {
    // Straight from the octets, so that hash(b'abc') == hash('abc') as in CPython.
    auto* b = static_cast<BytesObject*>(o);
    if (b->hash == -1) b->hash = HashText(b->view());
    *out = b->hash;
    return true;
  }
  if (o->kind == Kind::kType || o->kind == Kind::kFunction || o->kind == Kind::kNative) {
    *out = IdentityHash(v);
    return true;
  }
  Value h = LookupHash(ts, o->type);
  if (h.is_null() || h.is_none()) {
    RaiseTypeError(ts, absl::StrCat("unhashable type: '", TypeName(ts, v), "'"));
    return false;
  }
  Value r = CallFound(ts, h, v, nullptr, 0);
  if (r.is_null()) return false;
  if (!r.is_intlike()) {
    RaiseTypeError(ts, "__hash__ method should return an integer");
    return false;
  }
  // As CPython's slot: an int that fits is the hash itself (only -1 becomes -2), not re-hashed.
  int64_t h64 = r.as_int();
  *out = h64 == -1 ? -2 : h64;
  return true;
}

// ---------------------------------------------------------------------------------------------
// comparisons

namespace {

constexpr const char* kCmpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
constexpr CmpOp kReflected[] = {CmpOp::kGt, CmpOp::kGe, CmpOp::kEq, CmpOp::kNe, CmpOp::kLt, CmpOp::kLe};

StrObject* CmpName(Names& n, CmpOp op) {
  switch (op) {
    case CmpOp::kLt: return n.__lt__;
    case CmpOp::kLe: return n.__le__;
    case CmpOp::kEq: return n.__eq__;
    case CmpOp::kNe: return n.__ne__;
    case CmpOp::kGt: return n.__gt__;
    case CmpOp::kGe: return n.__ge__;
  }
  return n.__eq__;
}

// c is CompareIntFloat's result: -1, 0, 1, or 2 for unordered (NaN).
bool CmpFromOrder(int c, CmpOp op) {
  if (c == 2) return op == CmpOp::kNe;
  return CompareOrdered(c, 0, op);
}

bool IsExactBigInt(ThreadState& ts, Value v) { return IsExact(v, ts.interp.types.int_); }
bool IsPlainInt(ThreadState& ts, Value v) { return v.is_intlike() || IsExactBigInt(ts, v); }

// Comparisons with a BigInt operand (and an int, a bool or a float); Null when not one.
Value BigCompare(ThreadState& ts, Value a, Value b, CmpOp op) {
  if (IsPlainInt(ts, a)) {
    if (IsPlainInt(ts, b)) return Value::Bool(CompareOrdered(CompareAnyInt(a, b), 0, op));
    if (b.is_float()) return Value::Bool(CmpFromOrder(CompareAnyIntFloat(a, b.as_float()), op));
  } else if (a.is_float() && IsPlainInt(ts, b)) {
    int c = CompareAnyIntFloat(b, a.as_float());
    return Value::Bool(CmpFromOrder(c == 2 ? 2 : -c, op));
  }
  return Value::Null();
}

// int/float/str comparisons without a method call; Null when not a fast case.
Value FastCompare(ThreadState& ts, Value a, Value b, CmpOp op) {
  if (a.is_intlike()) {
    if (b.is_intlike()) return Value::Bool(CompareOrdered(a.as_int(), b.as_int(), op));
    if (b.is_float()) return Value::Bool(CmpFromOrder(CompareIntFloat(a.as_int(), b.as_float()), op));
    return IsExactBigInt(ts, b) ? BigCompare(ts, a, b, op) : Value::Null();
  }
  if (a.is_float()) {
    if (b.is_float()) return Value::Bool(CompareOrdered(a.as_float(), b.as_float(), op));
    if (b.is_intlike()) {
      int c = CompareIntFloat(b.as_int(), a.as_float());
      return Value::Bool(CmpFromOrder(c == 2 ? 2 : -c, op));
    }
    return IsExactBigInt(ts, b) ? BigCompare(ts, a, b, op) : Value::Null();
  }
  if (IsStr(a) && IsStr(b) && a.as_object()->type == ts.interp.types.str &&
      b.as_object()->type == ts.interp.types.str) {
    // UTF-8 byte order is code point order.
    return Value::Bool(CompareOrdered(As<StrObject>(a)->view().compare(As<StrObject>(b)->view()), 0, op));
  }
  if (IsExactBigInt(ts, a) || IsExactBigInt(ts, b)) return BigCompare(ts, a, b, op);
  return Value::Null();
}

// One attempt: type(self).__op__(self, other); Null-with-no-exception when absent.
Value TryCompare(ThreadState& ts, Value self, Value other, CmpOp op) {
  bool found;
  Value r = CallSpecial(ts, self, CmpName(ts.interp.names, op), &other, 1, &found);
  if (!found) return ts.interp.not_implemented;
  return r;
}

}  // namespace

Value RichCompare(ThreadState& ts, Value a, Value b, CmpOp op) {
  Value fast = FastCompare(ts, a, b, op);
  if (!fast.is_null()) return fast;
  Interpreter& in = ts.interp;
  if ((IsExact(a, in.types.list) && IsExact(b, in.types.list)) ||
      (IsExact(a, in.types.tuple) && IsExact(b, in.types.tuple)))
    return SequenceCompare(ts, a, b, op);
  if (!ts.EnterRecursion(" in comparison")) return Value::Null();
  Value r = Value::Null();
  TypeObject* ta = TypeOf(in, a);
  TypeObject* tb = TypeOf(in, b);
  bool reversed_done = false;
  // A subclass's reflected method goes first, so subclasses can override their bases.
  if (ta != tb && tb->IsSubtypeOf(ta)) {
    reversed_done = true;
    r = TryCompare(ts, b, a, kReflected[static_cast<int>(op)]);
    if (r.is_null() || !IsNotImplemented(ts, r)) goto done;
  }
  r = TryCompare(ts, a, b, op);
  if (r.is_null() || !IsNotImplemented(ts, r)) goto done;
  if (!reversed_done) {
    r = TryCompare(ts, b, a, kReflected[static_cast<int>(op)]);
    if (r.is_null() || !IsNotImplemented(ts, r)) goto done;
  }
  if (op == CmpOp::kEq || op == CmpOp::kNe) {
    r = Value::Bool(a.Is(b) == (op == CmpOp::kEq));
  } else {
    r = RaiseTypeError(ts, absl::StrCat("'", kCmpSymbols[static_cast<int>(op)], "' not supported between instances of '",
                                        TypeName(ts, a), "' and '", TypeName(ts, b), "'"));
  }
done:
  ts.LeaveRecursion();
  return r;
}

int Equal(ThreadState& ts, Value a, Value b) {
  if (a.Is(b)) return 1;
  Value fast = FastCompare(ts, a, b, CmpOp::kEq);
  if (!fast.is_null()) return fast.as_bool();
  if (a.is_object() && b.is_object() && a.as_object()->kind != b.as_object()->kind) {
    // Different built-in kinds are never equal unless a user method says otherwise.
    Kind ka = a.as_object()->kind, kb = b.as_object()->kind;
    bool plain = (ka == Kind::kStr || ka == Kind::kTuple || ka == Kind::kList) &&
                 (kb == Kind::kStr || kb == Kind::kTuple || kb == Kind::kList) &&
                 a.as_object()->type->is_builtin && b.as_object()->type->is_builtin;
    if (plain) return 0;
  }
  Value r = RichCompare(ts, a, b, CmpOp::kEq);
  if (r.is_null()) return -1;
  if (r.is_bool()) return r.as_bool();
  Root keep(ts, r);
  return IsTrue(ts, r);
}

int LessThan(ThreadState& ts, Value a, Value b) {
  Value r = RichCompare(ts, a, b, CmpOp::kLt);
  if (r.is_null()) return -1;
  if (r.is_bool()) return r.as_bool();
  Root keep(ts, r);
  return IsTrue(ts, r);
}

// ---------------------------------------------------------------------------------------------
// arithmetic

namespace {

constexpr const char* kBinSymbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};

struct BinNames {
  StrObject *op, *rop, *iop;
};

BinNames BinOpNames(Names& n, BinOp op) {
  switch (op) {
    case BinOp::kAdd: return {n.__add__, n.__radd__, n.__iadd__};
    case BinOp::kSub: return {n.__sub__, n.__rsub__, n.__isub__};
    case BinOp::kMul: return {n.__mul__, n.__rmul__, n.__imul__};
    case BinOp::kMatMul: return {n.__matmul__, n.__rmatmul__, n.__imatmul__};
    case BinOp::kTrueDiv: return {n.__truediv__, n.__rtruediv__, n.__itruediv__};
    case BinOp::kFloorDiv: return {n.__floordiv__, n.__rfloordiv__, n.__ifloordiv__};
    case BinOp::kMod: return {n.__mod__, n.__rmod__, n.__imod__};
    case BinOp::kPow: return {n.__pow__, n.__rpow__, n.__ipow__};
    case BinOp::kLShift: return {n.__lshift__, n.__rlshift__, n.__ilshift__};
    case BinOp::kRShift: return {n.__rshift__, n.__rrshift__, n.__irshift__};
    case BinOp::kAnd: return {n.__and__, n.__rand__, n.__iand__};
    case BinOp::kOr: return {n.__or__, n.__ror__, n.__ior__};
    case BinOp::kXor: return {n.__xor__, n.__rxor__, n.__ixor__};
  }
  return {n.__add__, n.__radd__, n.__iadd__};
}

// FastBinary's cases with a BigInt operand: int with int, or int with float (the int converted
// to a double, which raises OverflowError when it is too large).
Value BigFastBinary(ThreadState& ts, Value a, Value b, BinOp op) {
  if (IsPlainInt(ts, a) && IsPlainInt(ts, b)) return BigIntBinaryOp(ts, op, a, b);
  bool af = a.is_float(), bf = b.is_float();
  if (!(af && IsPlainInt(ts, b)) && !(bf && IsPlainInt(ts, a))) return Value::Null();
  if (op == BinOp::kLShift || op == BinOp::kRShift || op == BinOp::kAnd || op == BinOp::kOr || op == BinOp::kXor ||
      op == BinOp::kMatMul)
    return Value::Null();
  double x, y;
  if (af) x = a.as_float();
  else if (!AnyIntToDouble(ts, a, &x)) return Value::Null();
  if (bf) y = b.as_float();
  else if (!AnyIntToDouble(ts, b, &y)) return Value::Null();
  return FloatBinaryOp(ts, op, x, y);
}

// Numbers without a method call; Null (no exception) when not a fast case.
Value FastBinary(ThreadState& ts, Value a, Value b, BinOp op) {
  if (a.is_intlike() && b.is_intlike()) {
    if (a.is_bool() && b.is_bool() && (op == BinOp::kAnd || op == BinOp::kOr || op == BinOp::kXor)) {
      bool x = a.as_bool(), y = b.as_bool();
      return Value::Bool(op == BinOp::kAnd ? (x && y) : op == BinOp::kOr ? (x || y) : (x != y));
    }
    return IntBinaryOp(ts, op, a.as_int(), b.as_int());
  }
  if (IsExactBigInt(ts, a) || IsExactBigInt(ts, b)) return BigFastBinary(ts, a, b, op);
  bool af = a.is_float(), bf = b.is_float();
  if ((af || a.is_intlike()) && (bf || b.is_intlike()) && (af || bf)) {
    if (op == BinOp::kLShift || op == BinOp::kRShift || op == BinOp::kAnd || op == BinOp::kOr ||
        op == BinOp::kXor || op == BinOp::kMatMul)
      return Value::Null();
    double x = af ? a.as_float() : static_cast<double>(a.as_int());
    double y = bf ? b.as_float() : static_cast<double>(b.as_int());
    return FloatBinaryOp(ts, op, x, y);
  }
  return Value::Null();
}

bool IsSequenceKind(Value v) {
  if (!v.is_object()) return false;
  Kind k = v.as_object()->kind;
  return k == Kind::kStr || k == Kind::kList || k == Kind::kTuple || k == Kind::kBytes || k == Kind::kByteArray;
}

// The messages CPython gives when no method accepted the operands.
Value BinaryOpError(ThreadState& ts, Value a, Value b, BinOp op, bool inplace) {
  if (op == BinOp::kAdd && IsSequenceKind(a) && !b.is_null()) {
    Kind k = a.as_object()->kind;
    const char* name = k == Kind::kStr ? "str" : k == Kind::kList ? "list" : k == Kind::kTuple ? "tuple" : "bytes";
    if (k != Kind::kBytes && k != Kind::kByteArray)  // bytes' __add__ raises its own "can't concat"
      return RaiseTypeError(ts, absl::StrCat("can only concatenate ", name, " (not \"", TypeName(ts, b), "\") to ", name));
  }
  if (op == BinOp::kMul && (IsSequenceKind(a) || IsSequenceKind(b))) {
    Value other = IsSequenceKind(a) ? b : a;
    return RaiseTypeError(ts, absl::StrCat("can't multiply sequence by non-int of type '", TypeName(ts, other), "'"));
  }
  std::string sym = kBinSymbols[static_cast<int>(op)];
  if (inplace) sym += "=";
  else if (op == BinOp::kPow) sym += " or pow()";
  return RaiseTypeError(ts, absl::StrCat("unsupported operand type(s) for ", sym, ": '", TypeName(ts, a), "' and '",
                                         TypeName(ts, b), "'"));
}

// Calls type(self).name(other) if the type has it; NotImplemented when it does not.
Value TryBinary(ThreadState& ts, Value f, Value self, Value other) {
  if (f.is_null() || f.is_none()) return ts.interp.not_implemented;
  return CallFound(ts, f, self, &other, 1);
}

// CPython's binary_op1: a.__op__(b), then b.__rop__(a); a subclass of a's type that overrides
// __rop__ goes first.
Value BinaryDispatch(ThreadState& ts, Value a, Value b, const BinNames& names) {
  Interpreter& in = ts.interp;
  TypeObject* ta = TypeOf(in, a);
  TypeObject* tb = TypeOf(in, b);
  Value fa = LookupInType(ta, names.op);
  Value fb = ta == tb ? Value::Null() : LookupInType(tb, names.rop);
  if (!fb.is_null() && tb->IsSubtypeOf(ta) && !fb.Is(LookupInType(ta, names.rop))) {
    Value r = TryBinary(ts, fb, b, a);
    if (r.is_null() || !IsNotImplemented(ts, r)) return r;
    fb = Value::Null();
  }
  Value r = TryBinary(ts, fa, a, b);
  if (r.is_null() || !IsNotImplemented(ts, r)) return r;
  return TryBinary(ts, fb, b, a);
}

}  // namespace

Value BinaryOp(ThreadState& ts, Value a, Value b, uint32_t op_code) {
  BinOp op = static_cast<BinOp>(op_code & (kInplace - 1));
  bool inplace = (op_code & kInplace) != 0;
  Value fast = FastBinary(ts, a, b, op);
  if (!fast.is_null() || ts.exc != nullptr) return fast;
  Interpreter& in = ts.interp;
  if (op == BinOp::kAdd && IsExact(a, in.types.str) && IsExact(b, in.types.str))
    return ConcatStr(ts, As<StrObject>(a), As<StrObject>(b));
  // str % args, unless args is of a str subclass (whose __rmod__ would go first).
  if (op == BinOp::kMod && IsExact(a, in.types.str) && (!IsStr(b) || IsExact(b, in.types.str)))
    return PercentFormat(ts, As<StrObject>(a), b);
  if (!ts.EnterRecursion(" in binary operation")) return Value::Null();
  BinNames names = BinOpNames(in.names, op);
  Value r = Value::Null();
  if (inplace) {
    bool found;
    r = CallSpecial(ts, a, names.iop, &b, 1, &found);
    if (!found) r = in.not_implemented;
  }
  if (!inplace || (!r.is_null() && IsNotImplemented(ts, r))) r = BinaryDispatch(ts, a, b, names);
  ts.LeaveRecursion();
  if (!r.is_null() && IsNotImplemented(ts, r)) return BinaryOpError(ts, a, b, op, inplace);
  return r;
}

namespace {

Value UnaryOp(ThreadState& ts, Value v, StrObject* name, const char* sym) {
  bool found;
  Value r = CallSpecial(ts, v, name, nullptr, 0, &found);
  if (found) return r;
  return RaiseTypeError(ts, absl::StrCat("bad operand type for ", sym, ": '", TypeName(ts, v), "'"));
}

}  // namespace

Value Negative(ThreadState& ts, Value v) {
  if (v.is_intlike()) return IntBinaryOp(ts, BinOp::kSub, 0, v.as_int());
  if (v.is_float()) return Value::Float(-v.as_float());
  return UnaryOp(ts, v, ts.interp.names.__neg__, "unary -");
}

Value Positive(ThreadState& ts, Value v) {
  if (v.is_bool()) return Value::Int(v.as_int());
  if (v.is_int() || v.is_float()) return v;
  return UnaryOp(ts, v, ts.interp.names.__pos__, "unary +");
}

Value Invert(ThreadState& ts, Value v) {
  if (v.is_intlike()) return Value::Int(~v.as_int());
  return UnaryOp(ts, v, ts.interp.names.__invert__, "unary ~");
}

Value Absolute(ThreadState& ts, Value v) {
  if (v.is_intlike()) {
    if (v.as_int() < 0) return IntBinaryOp(ts, BinOp::kSub, 0, v.as_int());
    return Value::Int(v.as_int());
  }
  if (v.is_float()) return Value::Float(std::fabs(v.as_float()));
  return UnaryOp(ts, v, ts.interp.names.__abs__, "abs()");
}

// ---------------------------------------------------------------------------------------------
// attributes

namespace {

bool NameIs(StrObject* name, std::string_view s) { return name->view() == s; }

// The object's __dict__, or null when it has none. With `create`, one is made for objects that
// may have one (a function's, a subclass's, an instance's inline attributes moved to a dict);
// without, an instance with inline attributes answers null too.
DictObject* InstanceDict(ThreadState& ts, Object* o, bool create) {
  switch (o->kind) {
    case Kind::kInstance:
    case Kind::kException: {
      auto* inst = static_cast<InstanceObject*>(o);
      return inst->dict != nullptr || !create ? inst->dict : InstanceAttrDict(ts, inst);
    }
    case Kind::kModule: return static_cast<ModuleObject*>(o)->dict;
    case Kind::kFunction: {
      auto* f = static_cast<FunctionObject*>(o);
      if (f->dict == nullptr && create) f->dict = NewDict(ts);
      return f->dict;
    }
    default: {
      // A user subclass of a built-in layout keeps its __dict__ in Subclassed<T> (vm/subclass.h).
      DictObject** slot = o->ExtraDictSlot();
      if (slot == nullptr) return nullptr;
      if (*slot == nullptr && create) *slot = NewDict(ts);
      return *slot;
    }
  }
}

// __slots__ without __dict__: only the declared names may be stored on the instance.
bool SlotAllowed(TypeObject* type, StrObject* name) {
  for (TypeObject* t : type->mro)
    for (const std::string& s : t->slots)
      if (s == name->view()) return true;
  return false;
}

Value OrNone(Value v) { return v.is_null() ? Value::None() : v; }

Value ExceptionAttr(ThreadState& ts, ExceptionObject* e, StrObject* name) {
  Names& n = ts.interp.names;
  if (name == n.args) return Value::Obj(e->args);
  if (name == n.__traceback__) return e->traceback ? Value::Obj(e->traceback) : Value::None();
  if (name == n.__cause__) return OrNone(e->cause);
  if (name == n.__context__) return OrNone(e->context);
  if (name == n.__suppress_context__) return Value::Bool(e->suppress_context);
  return Value::Null();
}

Value FunctionAttr(ThreadState& ts, FunctionObject* f, StrObject* name) {
  Names& n = ts.interp.names;
  if (name == n.__name__) return f->name;
  if (name == n.__qualname__) return f->qualname;
  if (name == n.__module__) return OrNone(f->module);
  if (name == n.__doc__) return OrNone(f->doc);
  if (NameIs(name, "__defaults__")) return f->defaults ? Value::Obj(f->defaults) : Value::None();
  if (NameIs(name, "__kwdefaults__")) return f->kwdefaults ? Value::Obj(f->kwdefaults) : Value::None();
  if (NameIs(name, "__globals__")) return Value::Obj(f->globals);
  if (NameIs(name, "__code__")) return Value::Obj(f->code);
  if (NameIs(name, "__annotations__")) {
    if (f->annotations == nullptr) f->annotations = NewDict(ts);  // as CPython: {} kept once read
    return Value::Obj(f->annotations);
  }
  return Value::Null();
}

// The co_* attributes of a code object (compile(), f.__code__).
Value CodeAttr(ThreadState& ts, CodeObject* c, StrObject* name) {
  if (NameIs(name, "co_filename")) return NewStrValue(ts, c->filename);
  if (NameIs(name, "co_name")) return NewStrValue(ts, c->name);
  if (NameIs(name, "co_qualname")) return NewStrValue(ts, c->qualname);
  if (NameIs(name, "co_firstlineno")) return Value::Int(c->firstlineno);
  if (NameIs(name, "co_argcount")) return Value::Int(c->argcount);
  if (NameIs(name, "co_posonlyargcount")) return Value::Int(c->posonlyargcount);
  if (NameIs(name, "co_kwonlyargcount")) return Value::Int(c->kwonlyargcount);
  if (NameIs(name, "co_nlocals")) return Value::Int(static_cast<int64_t>(c->varnames.size()));
  const std::vector<StrObject*>* names = NameIs(name, "co_varnames")   ? &c->varnames
                                         : NameIs(name, "co_cellvars") ? &c->cellvars
                                         : NameIs(name, "co_freevars") ? &c->freevars
                                         : NameIs(name, "co_names")    ? &c->names
                                                                       : nullptr;
  if (names == nullptr) return Value::Null();
  std::vector<Value> items;
  for (StrObject* s : *names) items.push_back(Value::Obj(s));
  return Value::Obj(NewTuple(ts, std::move(items)));
}

Value NativeAttr(ThreadState& ts, NativeObject* f, StrObject* name) {
  Names& n = ts.interp.names;
  if (name == n.__name__) return NewStrValue(ts, f->name);
  if (name == n.__qualname__)
    return NewStrValue(ts, f->owner ? absl::StrCat(f->owner->name, ".", f->name) : f->name);
  if (name == n.__module__) return f->owner ? Value::None() : OrNone(f->module);
  if (name == n.__doc__) return Value::None();
  return Value::Null();
}

// Attributes that CPython implements as data descriptors on built-in types: they win over the
// instance dict. Null when `name` is not one of them.
Value BuiltinDataAttr(ThreadState& ts, Value obj, StrObject* name) {
  Names& n = ts.interp.names;
  Object* o = obj.as_object();
  if (name == n.__class__) return Value::Obj(o->type);
  if (name == n.__dict__ && o->type->instances_have_dict) {
    DictObject* d = InstanceDict(ts, o, true);
    if (d != nullptr) return Value::Obj(d);
  }
  switch (o->kind) {
    case Kind::kException: return ExceptionAttr(ts, static_cast<ExceptionObject*>(o), name);
    case Kind::kFunction: return FunctionAttr(ts, static_cast<FunctionObject*>(o), name);
    case Kind::kNative: return NativeAttr(ts, static_cast<NativeObject*>(o), name);
    case Kind::kGenerator: return GeneratorAttr(ts, static_cast<GeneratorObject*>(o), name);
    case Kind::kCode: return CodeAttr(ts, static_cast<CodeObject*>(o), name);
    case Kind::kBoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      if (name == n.__self__) return m->self;
      if (NameIs(name, "__func__")) return m->func;
      return Value::Null();
    }
    case Kind::kStaticMethod:
    case Kind::kClassMethod:
      if (NameIs(name, "__func__") || name == n.__wrapped__) return static_cast<MethodWrapperObject*>(o)->callable;
      return Value::Null();
    case Kind::kProperty: {
      auto* p = static_cast<PropertyObject*>(o);
      if (NameIs(name, "fget")) return OrNone(p->fget);
      if (NameIs(name, "fset")) return OrNone(p->fset);
      if (NameIs(name, "fdel")) return OrNone(p->fdel);
      if (name == n.__doc__) return OrNone(p->doc);
      return Value::Null();
    }
    case Kind::kRange: {
      auto* r = static_cast<RangeObject*>(o);
      if (NameIs(name, "start")) return Value::Int(r->start);
      if (NameIs(name, "stop")) return Value::Int(r->stop);
      if (NameIs(name, "step")) return Value::Int(r->step);
      return Value::Null();
    }
    case Kind::kSlice: {
      auto* s = static_cast<SliceObject*>(o);
      if (NameIs(name, "start")) return s->start;
      if (NameIs(name, "stop")) return s->stop;
      if (NameIs(name, "step")) return s->step;
      return Value::Null();
    }
    default: return Value::Null();
  }
}

// Exception attributes that live in slots CPython fills in __init__ (SystemExit.code,
// StopIteration.value); read after the dict so an assignment wins.
Value ExceptionLateAttr(ThreadState& ts, ExceptionObject* e, StrObject* name) {
  ExceptionTypes& x = ts.interp.exc;
  size_t n = e->args->size();
  if (NameIs(name, "code") && e->type->IsSubtypeOf(x.SystemExit))
    return n == 0 ? Value::None() : n == 1 ? e->args->items[0] : Value::Obj(e->args);
  if (NameIs(name, "value") && e->type->IsSubtypeOf(x.StopIteration))
    return n == 0 ? Value::None() : e->args->items[0];
  if (NameIs(name, "msg") && e->type->IsSubtypeOf(x.SyntaxError)) return n == 0 ? Value::None() : e->args->items[0];
  return Value::Null();
}

bool IsDataDescriptor(ThreadState& ts, Value attr) {
  if (!attr.is_object()) return false;
  Object* o = attr.as_object();
  if (o->kind == Kind::kProperty) return true;
  if (o->kind != Kind::kInstance) return false;
  return !LookupInType(o->type, ts.interp.names.__set__).is_null() ||
         !LookupInType(o->type, ts.interp.names.__delete__).is_null();
}

// A name a module's dict lacks: the module's own __getattr__ (PEP 562) answers if it has one;
// otherwise CPython's message, which blames a circular import while the module initialises.
Value MissingModuleAttr(ThreadState& ts, ModuleObject* m, StrObject* name, bool suppress) {
  Value hook = DictGetStr(m->dict, ts.interp.names.__getattr__);
  if (!hook.is_null()) {
    Value nameval = Value::Obj(name);
    Value r = Call(ts, hook, &nameval, 1);
    if (r.is_null() && suppress && ExceptionMatches(ts, ts.interp.exc.AttributeError)) ClearException(ts);
    return r;
  }
  if (suppress) return Value::Null();
  Value modname = DictGetStr(m->dict, ts.interp.names.__name__);
  std::string mod = IsStr(modname) ? As<StrObject>(modname)->str() : m->name;
  Value spec = DictGetStr(m->dict, Intern(ts.interp, "__spec__"));
  if (IsObjectOfKind(spec, Kind::kInstance)) {
    Value init = InstanceGet(As<InstanceObject>(spec), Intern(ts.interp, "_initializing"));
    if (init.is_bool() && init.as_bool())
      return RaiseAttributeError(ts, absl::StrCat("partially initialized module '", mod, "' has no attribute '", name->str(),
                                                  "' (most likely due to a circular import)"));
  }
  RaiseAttributeError(ts, absl::StrCat("module '", mod, "' has no attribute '", name->str(), "'"));
  NoteMissingAttribute(ts, Value::Obj(m), name);
  return Value::Null();
}

Value MissingAttr(ThreadState& ts, Value obj, StrObject* name) {
  if (IsObjectOfKind(obj, Kind::kModule))
    RaiseAttributeError(ts, absl::StrCat("module '", As<ModuleObject>(obj)->name, "' has no attribute '", name->str(), "'"));
  else
    RaiseAttributeError(ts, absl::StrCat("'", TypeName(ts, obj), "' object has no attribute '", name->str(), "'"));
  NoteMissingAttribute(ts, obj, name);
  return Value::Null();
}

Value TypeSpecialAttr(ThreadState& ts, TypeObject* t, StrObject* name) {
  Names& n = ts.interp.names;
  if (name == n.__name__) return NewStrValue(ts, t->name);
  if (name == n.__qualname__) return NewStrValue(ts, t->qualname.empty() ? t->name : t->qualname);
  if (name == n.__class__) return Value::Obj(t->type);
  if (name == n.__module__) {
    Value m = t->dict ? DictGetStr(t->dict, n.__module__) : Value::Null();
    return m.is_null() ? NewStrValue(ts, t->module) : m;
  }
  if (name == n.__doc__) {
    Value d = t->dict ? DictGetStr(t->dict, n.__doc__) : Value::Null();
    return OrNone(d);
  }
  if (NameIs(name, "__base__")) return t->base ? Value::Obj(t->base) : Value::None();
  if (name == n.__mro__ || name == n.__bases__) {
    std::vector<Value> items;
    if (name == n.__mro__) {
      for (TypeObject* m : t->mro) items.push_back(Value::Obj(m));
    } else if (!t->bases.empty()) {
      for (TypeObject* b : t->bases) items.push_back(Value::Obj(b));
    } else if (t->base) {
      items.push_back(Value::Obj(t->base));
    }
    return Value::Obj(NewTuple(ts, std::move(items)));
  }
  if (name == n.__dict__ && t->dict != nullptr) return NewMappingProxy(ts, t->dict);
  return Value::Null();
}

// Class attribute lookup (Foo.x): the metatype's data descriptors, the class's MRO (binding
// classmethods to the class, unwrapping staticmethods), then the metatype's other attributes.
Value TypeGetAttr(ThreadState& ts, TypeObject* t, StrObject* name, bool suppress) {
  Value special = TypeSpecialAttr(ts, t, name);
  if (!special.is_null() || ts.exc) return special;
  Value attr = LookupInType(t, name);
  if (!attr.is_null()) {
    if (!attr.is_object()) return attr;
    switch (attr.as_object()->kind) {
      case Kind::kStaticMethod: return As<MethodWrapperObject>(attr)->callable;
      case Kind::kClassMethod:
        return Value::Obj(ts.interp.heap.New<BoundMethodObject>(ts.interp.types.method, Value::Obj(t),
                                                                As<MethodWrapperObject>(attr)->callable));
      case Kind::kInstance: {
        Value get = LookupInType(attr.as_object()->type, ts.interp.names.__get__);
        if (get.is_null()) return attr;
        Value args[2] = {Value::None(), Value::Obj(t)};
        return CallFound(ts, get, attr, args, 2);
      }
      default: return attr;
    }
  }
  Value meta = LookupInType(t->type, name);
  if (!meta.is_null()) return BindAttr(ts, meta, Value::Obj(t), t->type);
  if (!t->type->is_builtin) {
    // A user metaclass's __getattr__ (enum's EnumType has one) answers for missing names.
    Value getattr = LookupInType(t->type, ts.interp.names.__getattr__);
    if (!getattr.is_null()) {
      Value nameval = Value::Obj(name);
      Value r = CallFound(ts, getattr, Value::Obj(t), &nameval, 1);
      if (r.is_null() && suppress && ExceptionMatches(ts, ts.interp.exc.AttributeError)) ClearException(ts);
      return r;
    }
  }
  if (suppress) return Value::Null();
  RaiseAttributeError(ts, absl::StrCat("type object '", t->name, "' has no attribute '", name->str(), "'"));
  NoteMissingAttribute(ts, Value::Obj(t), name);
  return Value::Null();
}

}  // namespace

Value GenericGetAttr(ThreadState& ts, Value obj, StrObject* name, bool suppress) {
  if (!obj.is_object()) {
    Value attr = LookupInType(TypeOf(ts.interp, obj), name);
    if (!attr.is_null()) return BindAttr(ts, attr, obj, TypeOf(ts.interp, obj));
    if (name == ts.interp.names.__class__) return Value::Obj(TypeOf(ts.interp, obj));
    return suppress ? Value::Null() : MissingAttr(ts, obj, name);
  }
  Object* o = obj.as_object();
  if (o->kind == Kind::kType) return TypeGetAttr(ts, static_cast<TypeObject*>(o), name, suppress);
  if (o->kind == Kind::kSuper) return SuperGetAttr(ts, obj, name);
  Value special = BuiltinDataAttr(ts, obj, name);
  if (!special.is_null() || ts.exc) return special;
  TypeObject* type = o->type;
  Value attr = LookupInType(type, name);
  if (!attr.is_null() && IsDataDescriptor(ts, attr)) {
    if (IsObjectOfKind(attr, Kind::kProperty)) return BindAttr(ts, attr, obj, type);
    Value get = LookupInType(attr.as_object()->type, ts.interp.names.__get__);
    if (get.is_null()) return attr;
    Value args[2] = {obj, Value::Obj(type)};
    return CallFound(ts, get, attr, args, 2);
  }
  if (o->kind == Kind::kInstance || o->kind == Kind::kException) {
    Value v = InstanceGet(static_cast<InstanceObject*>(o), name);
    if (!v.is_null()) return v;
  } else if (DictObject* d = InstanceDict(ts, o, false)) {
    Value v = DictGetStr(d, name);
    if (!v.is_null()) return v;
  }
  if (!attr.is_null()) return BindAttr(ts, attr, obj, type);
  if (o->kind == Kind::kException) {
    Value late = ExceptionLateAttr(ts, static_cast<ExceptionObject*>(o), name);
    if (!late.is_null()) return late;
  }
  if (o->kind == Kind::kBoundMethod) {
    // Method objects forward unknown attributes to their function (m.__name__, m.__doc__).
    Value f = As<BoundMethodObject>(obj)->func;
    return suppress ? GetAttrOrNull(ts, f, name) : GetAttr(ts, f, name);
  }
  if (o->kind == Kind::kModule) return MissingModuleAttr(ts, static_cast<ModuleObject*>(o), name, suppress);
  return suppress ? Value::Null() : MissingAttr(ts, obj, name);
}

namespace {

// obj.name through a user-defined __getattribute__ and/or __getattr__.
Value SlowGetAttr(ThreadState& ts, Value obj, StrObject* name, bool suppress) {
  Interpreter& in = ts.interp;
  TypeObject* type = obj.as_object()->type;
  Value ga = LookupInType(type, in.names.__getattribute__);
  Value nameval = Value::Obj(name);
  Value r;
  if (IsObjectOfKind(ga, Kind::kFunction)) {
    r = CallFound(ts, ga, obj, &nameval, 1);
  } else {
    r = GenericGetAttr(ts, obj, name, false);
  }
  if (!r.is_null() || !ExceptionMatches(ts, in.exc.AttributeError)) return r;
  Value getattr = LookupInType(type, in.names.__getattr__);
  if (getattr.is_null()) {
    if (suppress) ClearException(ts);
    return Value::Null();
  }
  ClearException(ts);
  r = CallFound(ts, getattr, obj, &nameval, 1);
  if (r.is_null() && suppress && ExceptionMatches(ts, in.exc.AttributeError)) ClearException(ts);
  return r;
}

bool HasCustomGetAttr(ThreadState& ts, Value obj) {
  if (!obj.is_object()) return false;
  Object* o = obj.as_object();
  if (o->kind != Kind::kInstance && o->kind != Kind::kException && !(o->kind != Kind::kType && !o->type->is_builtin))
    return false;
  if (o->type->is_builtin) return false;
  Names& n = ts.interp.names;
  return !LookupInType(o->type, n.__getattr__).is_null() ||
         IsObjectOfKind(LookupInType(o->type, n.__getattribute__), Kind::kFunction);
}

}  // namespace

Value GetAttr(ThreadState& ts, Value obj, StrObject* name) {
  if (HasCustomGetAttr(ts, obj)) return SlowGetAttr(ts, obj, name, false);
  return GenericGetAttr(ts, obj, name, false);
}

Value GetAttrOrNull(ThreadState& ts, Value obj, StrObject* name) {
  if (HasCustomGetAttr(ts, obj)) return SlowGetAttr(ts, obj, name, true);
  Value r = GenericGetAttr(ts, obj, name, true);
  if (r.is_null() && ExceptionMatches(ts, ts.interp.exc.AttributeError)) ClearException(ts);
  return r;
}

namespace {

bool SetExceptionSlot(ThreadState& ts, ExceptionObject* e, StrObject* name, Value value, bool* handled) {
  Names& n = ts.interp.names;
  *handled = true;
  if (name == n.args) {
    Value t = TupleFromIterable(ts, value);
    if (t.is_null()) return false;
    e->args = As<TupleObject>(t);
    return true;
  }
  if (name == n.__traceback__) {
    if (!value.is_none() && !IsObjectOfKind(value, Kind::kTraceback)) {
      RaiseTypeError(ts, "__traceback__ must be a traceback or None");
      return false;
    }
    e->traceback = value.is_none() ? nullptr : As<TracebackObject>(value);
    return true;
  }
  if (name == n.__cause__ || name == n.__context__) {
    if (!value.is_none() && !IsObjectOfKind(value, Kind::kException)) {
      RaiseTypeError(ts, absl::StrCat("exception ", name == n.__cause__ ? "cause" : "context",
                                      " must be None or derive from BaseException"));
      return false;
    }
    if (name == n.__cause__) {
      e->cause = value;
      e->suppress_context = true;
    } else {
      e->context = value;
    }
    return true;
  }
  if (name == n.__suppress_context__) {
    int b = IsTrue(ts, value);
    if (b < 0) return false;
    e->suppress_context = b;
    return true;
  }
  *handled = false;
  return true;
}

bool SetFunctionSlot(ThreadState& ts, FunctionObject* f, StrObject* name, Value value, bool* handled) {
  Names& n = ts.interp.names;
  *handled = true;
  if (name == n.__name__ || name == n.__qualname__) {
    if (!IsStr(value)) {
      RaiseTypeError(ts, absl::StrCat(name->str(), " must be set to a string object"));
      return false;
    }
    (name == n.__name__ ? f->name : f->qualname) = value;
    return true;
  }
  if (name == n.__doc__) return f->doc = value, true;
  if (name == n.__module__) return f->module = value, true;
  if (NameIs(name, "__annotations__")) {
    if (!IsDict(value)) {
      RaiseTypeError(ts, "__annotations__ must be set to a dict object");
      return false;
    }
    f->annotations = As<DictObject>(value);
    return true;
  }
  if (NameIs(name, "__defaults__")) {
    if (!value.is_none() && !IsTuple(value)) {
      RaiseTypeError(ts, "__defaults__ must be set to a tuple object");
      return false;
    }
    f->defaults = value.is_none() ? nullptr : As<TupleObject>(value);
    return true;
  }
  *handled = false;
  return true;
}

bool NoAttrToSet(ThreadState& ts, Value obj, StrObject* name) {
  if (IsObjectOfKind(obj, Kind::kType)) {
    RaiseTypeError(ts, absl::StrCat("cannot set '", name->str(), "' attribute of immutable type '",
                                    As<TypeObject>(obj)->name, "'"));
  } else if (!LookupInType(TypeOf(ts.interp, obj), name).is_null()) {
    RaiseAttributeError(ts, absl::StrCat("attribute '", name->str(), "' of '", TypeName(ts, obj),
                                         "' objects is not writable"));
  } else {
    RaiseAttributeError(ts, absl::StrCat("'", TypeName(ts, obj), "' object has no attribute '", name->str(), "'"));
  }
  return false;
}

// A property or a user descriptor with __set__/__delete__ on the type; *handled says whether one
// was found. value Null means delete.
bool SetThroughDescriptor(ThreadState& ts, Value obj, Value attr, StrObject* name, Value value, bool* handled) {
  *handled = false;
  if (!attr.is_object()) return true;
  Object* d = attr.as_object();
  Interpreter& in = ts.interp;
  if (d->kind == Kind::kProperty) {
    *handled = true;
    auto* p = static_cast<PropertyObject*>(d);
    Value fn = value.is_null() ? p->fdel : p->fset;
    if (fn.is_null() || fn.is_none()) {
      RaiseAttributeError(ts, absl::StrCat("property '", name->str(), "' of '", TypeName(ts, obj), "' object has no ",
                                           value.is_null() ? "deleter" : "setter"));
      return false;
    }
    Value args[2] = {obj, value};
    return !Call(ts, fn, args, value.is_null() ? 1 : 2).is_null();
  }
  if (d->kind != Kind::kInstance) return true;
  Value method = LookupInType(d->type, value.is_null() ? in.names.__delete__ : in.names.__set__);
  if (method.is_null()) return true;
  *handled = true;
  Value args[2] = {obj, value};
  return !CallFound(ts, method, attr, args, value.is_null() ? 1 : 2).is_null();
}

}  // namespace

namespace {

// Every __slots__ name of `type` and its bases, in MRO order: part of an instance's layout.
std::vector<std::string> AllSlots(const TypeObject* type) {
  std::vector<std::string> out;
  for (const TypeObject* t : type->mro) out.insert(out.end(), t->slots.begin(), t->slots.end());
  return out;
}

// Where an instance or a function keeps its __dict__, or null for other objects.
DictObject** OwnDictSlot(Object* o) {
  switch (o->kind) {
    case Kind::kInstance:
    case Kind::kException: return &static_cast<InstanceObject*>(o)->dict;
    case Kind::kFunction: return &static_cast<FunctionObject*>(o)->dict;
    default: return nullptr;
  }
}

// obj.__dict__ = value, or `del obj.__dict__` when value is Null: an instance then starts again
// with an empty dict, as CPython's does on its next use; a function refuses.
bool ReplaceOwnDict(ThreadState& ts, Object* o, DictObject** slot, Value value) {
  if (value.is_null()) {
    if (o->kind == Kind::kFunction) {
      RaiseTypeError(ts, "cannot delete __dict__");
      return false;
    }
    *slot = NewDict(ts);
  } else if (!IsDict(value)) {
    RaiseTypeError(ts, absl::StrCat("__dict__ must be set to a dictionary, not a '", TypeName(ts, value), "'"));
    return false;
  } else {
    *slot = As<DictObject>(value);
  }
  if (o->kind == Kind::kInstance) static_cast<InstanceObject*>(o)->inline_count = 0;
  return true;
}

// obj.__class__ = value (CPython's object_set_class): only between user classes whose instances
// have the same layout.
bool SetClass(ThreadState& ts, Value obj, Value value) {
  if (!IsObjectOfKind(value, Kind::kType)) {
    RaiseTypeError(ts, absl::StrCat("__class__ must be set to a class, not '", TypeName(ts, value), "' object"));
    return false;
  }
  TypeObject* from = TypeOf(ts.interp, obj);
  auto* to = As<TypeObject>(value);
  if (from->is_builtin || to->is_builtin || !obj.is_object()) {
    RaiseTypeError(ts, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
  }
  if (to->instance_kind != from->instance_kind || to->instances_have_dict != from->instances_have_dict ||
      AllSlots(to) != AllSlots(from)) {
    RaiseTypeError(ts, absl::StrCat("__class__ assignment: '", to->name, "' object layout differs from '", from->name, "'"));
    return false;
  }
  // Inline attributes are named by the class's attr_names: the new class's would misname them.
  if (obj.as_object()->kind == Kind::kInstance) InstanceAttrDict(ts, As<InstanceObject>(obj));
  obj.as_object()->type = to;
  return true;
}

}  // namespace

bool GenericSetAttr(ThreadState& ts, Value obj, StrObject* name, Value value) {
  if (name == ts.interp.names.__class__) return SetClass(ts, obj, value);
  if (!obj.is_object()) return NoAttrToSet(ts, obj, name);
  Object* o = obj.as_object();
  if (o->kind == Kind::kType) {
    auto* t = static_cast<TypeObject*>(o);
    if (t->is_builtin || t->dict == nullptr) return NoAttrToSet(ts, obj, name);
    if (name == ts.interp.names.__name__ && IsStr(value)) t->name = As<StrObject>(value)->view();
    if (name == ts.interp.names.__qualname__) {
      // Kept in the type, not its dict, as in CPython.
      if (!IsStr(value)) {
        RaiseTypeError(ts, absl::StrCat("can only assign string to ", t->name, ".__qualname__, not '",
                                        TypeName(ts, value), "'"));
        return false;
      }
      t->qualname = As<StrObject>(value)->view();
      return true;
    }
    DictSetStr(t->dict, name, value);
    TypeModified(t);
    return true;
  }
  if (name == ts.interp.names.__dict__ && o->type->instances_have_dict) {
    if (DictObject** slot = OwnDictSlot(o)) return ReplaceOwnDict(ts, o, slot, value);
  }
  bool handled = false;
  Value attr = LookupInType(o->type, name);
  if (!SetThroughDescriptor(ts, obj, attr, name, value, &handled)) return false;
  if (handled) return true;
  if (o->kind == Kind::kException && !SetExceptionSlot(ts, static_cast<ExceptionObject*>(o), name, value, &handled))
    return false;
  if (o->kind == Kind::kFunction && !SetFunctionSlot(ts, static_cast<FunctionObject*>(o), name, value, &handled))
    return false;
  if (o->kind == Kind::kGenerator && !SetGeneratorAttr(ts, static_cast<GeneratorObject*>(o), name, value, &handled))
    return false;
  if (handled) return true;
  if (!o->type->instances_have_dict && !SlotAllowed(o->type, name)) {
    RaiseAttributeError(ts, absl::StrCat("'", TypeName(ts, obj), "' object has no attribute '", name->str(), "'"));
    return false;
  }
  if (o->kind == Kind::kInstance || o->kind == Kind::kException) {
    InstanceSet(ts, static_cast<InstanceObject*>(o), name, value);
    return true;
  }
  DictObject* d = InstanceDict(ts, o, true);
  if (d == nullptr) return NoAttrToSet(ts, obj, name);
  DictSetStr(d, name, value);
  return true;
}

bool GenericDelAttr(ThreadState& ts, Value obj, StrObject* name) {
  if (name == ts.interp.names.__class__) {
    RaiseTypeError(ts, "can't delete __class__ attribute");
    return false;
  }
  if (!obj.is_object()) return NoAttrToSet(ts, obj, name);
  Object* o = obj.as_object();
  if (o->kind == Kind::kType) {
    auto* t = static_cast<TypeObject*>(o);
    if (t->is_builtin || t->dict == nullptr) return NoAttrToSet(ts, obj, name);
    if (DictDelStr(t->dict, name)) {
      TypeModified(t);
      return true;
    }
    RaiseAttributeError(ts, absl::StrCat("type object '", t->name, "' has no attribute '", name->str(), "'"));
    return false;
  }
  if (name == ts.interp.names.__dict__ && o->type->instances_have_dict) {
    if (DictObject** slot = OwnDictSlot(o)) return ReplaceOwnDict(ts, o, slot, Value::Null());
  }
  bool handled = false;
  Value attr = LookupInType(o->type, name);
  if (!SetThroughDescriptor(ts, obj, attr, name, Value::Null(), &handled)) return false;
  if (handled) return true;
  // An instance's inline attributes move to a dict first: deleting one may leave a gap.
  DictObject* d = InstanceDict(ts, o, o->kind == Kind::kInstance);
  if (d != nullptr && DictDelStr(d, name)) return true;
  if (d == nullptr && o->kind != Kind::kFunction) return NoAttrToSet(ts, obj, name);
  RaiseAttributeError(ts, absl::StrCat("'", TypeName(ts, obj), "' object has no attribute '", name->str(), "'"));
  return false;
}

namespace {

// A user-defined __setattr__/__delattr__ on obj's class, or Null.
Value UserHook(ThreadState& ts, Value obj, StrObject* hook) {
  if (!obj.is_object() || obj.as_object()->type->is_builtin) return Value::Null();
  Value f = LookupInType(obj.as_object()->type, hook);
  if (IsObjectOfKind(f, Kind::kFunction)) return f;
  // A native other than object's own, e.g. `__setattr__ = dict.__setitem__` in a dict subclass.
  if (IsObjectOfKind(f, Kind::kNative) && As<NativeObject>(f)->owner != ts.interp.types.object) return f;
  return Value::Null();
}

}  // namespace

bool SetAttr(ThreadState& ts, Value obj, StrObject* name, Value value) {
  Value hook = UserHook(ts, obj, ts.interp.names.__setattr__);
  if (hook.is_null()) return GenericSetAttr(ts, obj, name, value);
  Value args[2] = {Value::Obj(name), value};
  return !CallFound(ts, hook, obj, args, 2).is_null();
}

void FillNameCache(ThreadState& ts, NameCache& cache, Object* o, StrObject* name) {
  Interpreter& in = ts.interp;
  Names& n = in.names;
  TypeObject* type = o->type;
  NameCache::Way& way = cache.WayFor(type);
  way.type = type;
  way.version = type->version;
  way.epoch = in.type_epoch;
  way.flags = 0;
  way.slot = -1;
  way.type_attr = Value::Null();
  Value attr = LookupInType(type, name);
  // An instance of a user class may become a data descriptor when its own class changes, which
  // type->version does not track: such attributes stay on the slow path.
  if (IsDataDescriptor(ts, attr) || (IsObjectOfKind(attr, Kind::kInstance) && !attr.as_object()->type->is_builtin))
    return;
  way.type_attr = attr;
  // Names GenericGetAttr and GenericSetAttr treat specially (__class__, __dict__) stay slow.
  bool dunder = name->view().starts_with("__");
  bool plain_method = IsObjectOfKind(attr, Kind::kFunction) || IsObjectOfKind(attr, Kind::kNative);
  bool custom_getattribute = IsObjectOfKind(LookupInType(type, n.__getattribute__), Kind::kFunction);
  if (o->kind == Kind::kInstance) {
    way.slot = static_cast<int8_t>(InlineSlot(type, name));
    bool custom_get = custom_getattribute || (!type->is_builtin && !LookupInType(type, n.__getattr__).is_null());
    if (!custom_get && !dunder) way.flags |= NameCache::kGet;
    if (!custom_getattribute && plain_method) way.flags |= NameCache::kMethod;
    if (!dunder && type->instances_have_dict && UserHook(ts, Value::Obj(o), n.__setattr__).is_null())
      way.flags |= NameCache::kSet;
  } else if (o->kind == Kind::kModule) {
    // A plain module's globals, for `math.sqrt`: when its type has no such attribute.
    if (type->is_builtin && attr.is_null() && !dunder) way.flags |= NameCache::kGet;
  } else if (type->is_builtin && o->kind != Kind::kType && o->kind != Kind::kSuper &&
             o->kind != Kind::kException) {
    if (!custom_getattribute && plain_method) way.flags |= NameCache::kMethod | NameCache::kNoShadow;
  }
}

bool DelAttr(ThreadState& ts, Value obj, StrObject* name) {
  Value hook = UserHook(ts, obj, ts.interp.names.__delattr__);
  if (hook.is_null()) return GenericDelAttr(ts, obj, name);
  Value arg = Value::Obj(name);
  return !CallFound(ts, hook, obj, &arg, 1).is_null();
}

// ---------------------------------------------------------------------------------------------
// items, containment, length, iteration

namespace {

Value NotSubscriptable(ThreadState& ts, Value v) {
  return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object is not subscriptable"));
}

}  // namespace

Value GetItem(ThreadState& ts, Value container, Value key) {
  if (!container.is_object()) {
    bool found;
    Value r = CallSpecial(ts, container, ts.interp.names.__getitem__, &key, 1, &found);
    return found ? r : NotSubscriptable(ts, container);
  }
  Object* o = container.as_object();
  BuiltinTypes& t = ts.interp.types;
  if (o->type == t.list) return ListGetItem(ts, static_cast<ListObject*>(o), key);
  if (o->type == t.tuple) return TupleGetItem(ts, static_cast<TupleObject*>(o), key);
  if (o->type == t.dict) return DictGetItem(ts, static_cast<DictObject*>(o), key);
  if (o->type == t.range) return RangeGetItem(ts, static_cast<RangeObject*>(o), key);
  if (o->type == t.str) return StrSubscript(ts, static_cast<StrObject*>(o), key);
  bool found;
  Value r = CallSpecial(ts, container, ts.interp.names.__getitem__, &key, 1, &found);
  if (found) return r;
  if (o->kind == Kind::kType) {
    // list[int] and friends: __class_getitem__ is an implicit classmethod.
    Value cg = LookupInType(static_cast<TypeObject*>(o), ts.interp.names.__class_getitem__);
    if (!cg.is_null()) {
      if (IsObjectOfKind(cg, Kind::kClassMethod) || IsObjectOfKind(cg, Kind::kStaticMethod))
        cg = As<MethodWrapperObject>(cg)->callable;
      return CallWithSelf(ts, cg, container, &key, 1);
    }
    return RaiseTypeError(ts, absl::StrCat("type '", static_cast<TypeObject*>(o)->name, "' is not subscriptable"));
  }
  return NotSubscriptable(ts, container);
}

bool SetItem(ThreadState& ts, Value container, Value key, Value value) {
  if (container.is_object()) {
    Object* o = container.as_object();
    BuiltinTypes& t = ts.interp.types;
    if (o->type == t.list) return ListSetItem(ts, static_cast<ListObject*>(o), key, value);
    if (o->type == t.dict) return DictSet(ts, static_cast<DictObject*>(o), key, value);
  }
  bool found;
  Value args[2] = {key, value};
  Value r = CallSpecial(ts, container, ts.interp.names.__setitem__, args, 2, &found);
  if (found) return !r.is_null();
  RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, container), "' object does not support item assignment"));
  return false;
}

bool DelItem(ThreadState& ts, Value container, Value key) {
  if (container.is_object()) {
    Object* o = container.as_object();
    BuiltinTypes& t = ts.interp.types;
    if (o->type == t.list) return ListDelItem(ts, static_cast<ListObject*>(o), key);
    if (o->type == t.dict) {
      int r = DictDel(ts, static_cast<DictObject*>(o), key);
      if (r == 0) RaiseKeyError(ts, key);
      return r == 1;
    }
  }
  bool found;
  Value r = CallSpecial(ts, container, ts.interp.names.__delitem__, &key, 1, &found);
  if (found) return !r.is_null();
  TypeObject* type = TypeOf(ts.interp, container);
  if (!type->is_builtin || !LookupInType(type, ts.interp.names.__getitem__).is_null())
    RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, container), "' object doesn't support item deletion"));
  else
    RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, container), "' object does not support item deletion"));
  return false;
}

namespace {

// `item in seq` for a list or tuple, taking the items again after every comparison (they may
// run Python code that changes the list).
int ScanContains(ThreadState& ts, Value seq, Value item) {
  Root keep(ts, seq);
  for (size_t i = 0; i < SequenceItems(seq).size(); ++i) {
    int eq = Equal(ts, SequenceItems(seq)[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

int IterContains(ThreadState& ts, Value container, Value item) {
  Root it(ts, GetIter(ts, container));
  if (it.get().is_null()) {
    if (ExceptionMatches(ts, ts.interp.exc.TypeError) &&
        LookupInType(TypeOf(ts.interp, container), ts.interp.names.__iter__).is_null()) {
      ClearException(ts);
      RaiseTypeError(ts, absl::StrCat("argument of type '", TypeName(ts, container), "' is not iterable"));
    }
    return -1;
  }
  Root v(ts);
  for (;;) {
    Value next;
    int r = IterNext(ts, it.get(), &next);
    if (r <= 0) return r;
    v.set(next);
    int eq = Equal(ts, next, item);
    if (eq != 0) return eq;
  }
}

}  // namespace

int Contains(ThreadState& ts, Value container, Value item) {
  if (container.is_object()) {
    Object* o = container.as_object();
    BuiltinTypes& t = ts.interp.types;
    if (o->type == t.list || o->type == t.tuple) return ScanContains(ts, container, item);
    if (o->type == t.dict) {
      Value out;
      return DictGet(ts, static_cast<DictObject*>(o), item, &out);
    }
    if (o->type == t.range) return RangeContains(ts, static_cast<RangeObject*>(o), item);
    if (o->type == t.set || o->type == t.frozenset) return SetContains(ts, static_cast<SetObject*>(o), item);
    if (o->type == t.str) return StrContainsItem(ts, static_cast<StrObject*>(o), item);
  }
  bool found;
  Value r = CallSpecial(ts, container, ts.interp.names.__contains__, &item, 1, &found);
  if (found) {
    if (r.is_null()) return -1;
    if (r.is_bool()) return r.as_bool();
    Root keep(ts, r);
    return IsTrue(ts, r);
  }
  return IterContains(ts, container, item);
}

int64_t Length(ThreadState& ts, Value v) {
  if (v.is_object()) {
    Object* o = v.as_object();
    switch (o->kind) {
      case Kind::kStr: if (o->type == ts.interp.types.str) return static_cast<StrObject*>(o)->length(); break;
      case Kind::kList: if (o->type == ts.interp.types.list) return static_cast<ListObject*>(o)->size(); break;
      case Kind::kTuple: if (o->type == ts.interp.types.tuple) return static_cast<TupleObject*>(o)->size(); break;
      case Kind::kDict: if (o->type == ts.interp.types.dict) return static_cast<DictObject*>(o)->size(); break;
      case Kind::kRange: return static_cast<RangeObject*>(o)->length;
      case Kind::kSet: if (o->type->is_builtin) return static_cast<int64_t>(static_cast<SetObject*>(o)->used); break;
      default: break;
    }
  }
  bool found;
  Value r = CallSpecial(ts, v, ts.interp.names.__len__, nullptr, 0, &found);
  if (!found) {
    RaiseTypeError(ts, absl::StrCat("object of type '", TypeName(ts, v), "' has no len()"));
    return -1;
  }
  return CheckLenResult(ts, r);
}

Value GetIter(ThreadState& ts, Value v) {
  if (v.is_object()) {
    Object* o = v.as_object();
    BuiltinTypes& t = ts.interp.types;
    if (o->type == t.list) return Value::Obj(NewIterator(ts, IterKind::kList, v));
    if (o->type == t.tuple) return Value::Obj(NewIterator(ts, IterKind::kTuple, v));
    if (o->type == t.str) return Value::Obj(NewIterator(ts, IterKind::kStr, v));
    if (o->type == t.dict) return Value::Obj(NewIterator(ts, IterKind::kDictKeys, v));
    if (o->type == t.range) return Value::Obj(NewIterator(ts, IterKind::kRange, v));
    if (o->type == t.set || o->type == t.frozenset) return Value::Obj(NewIterator(ts, IterKind::kSet, v));
    if (o->kind == Kind::kIterator && !static_cast<IteratorObject*>(o)->is_view()) return v;
  }
  bool found;
  Value r = CallSpecial(ts, v, ts.interp.names.__iter__, nullptr, 0, &found);
  if (found) {
    if (r.is_null()) return r;
    if (LookupInType(TypeOf(ts.interp, r), ts.interp.names.__next__).is_null() && !IsObjectOfKind(r, Kind::kIterator))
      return RaiseTypeError(ts, absl::StrCat("iter() returned non-iterator of type '", TypeName(ts, r), "'"));
    return r;
  }
  if (v.is_object() && v.as_object()->kind != Kind::kType &&
      !LookupInType(TypeOf(ts.interp, v), ts.interp.names.__getitem__).is_null())
    return Value::Obj(NewIterator(ts, IterKind::kSeq, v));
  return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object is not iterable"));
}

int IterNext(ThreadState& ts, Value iter, Value* out) {
  if (IsObjectOfKind(iter, Kind::kIterator) && iter.as_object()->type->is_builtin)
    return BuiltinIterNext(ts, As<IteratorObject>(iter), out);
  // A generator's return value is dropped, as a for loop drops it: no StopIteration is made.
  if (IsObjectOfKind(iter, Kind::kGenerator)) return GenSend(ts, As<GeneratorObject>(iter), Value::None(), out);
  bool found;
  Value r = CallSpecial(ts, iter, ts.interp.names.__next__, nullptr, 0, &found);
  if (!found) {
    RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, iter), "' object is not an iterator"));
    return -1;
  }
  if (!r.is_null()) {
    *out = r;
    return 1;
  }
  if (ExceptionMatches(ts, ts.interp.exc.StopIteration)) {
    ClearException(ts);
    return 0;
  }
  return -1;
}

bool ToIndex(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_intlike()) {
    *out = v.as_int();
    return true;
  }
  if (IsBigInt(v)) return BigIntToIndexError(ts);
  bool found = false;
  Value r = v.is_object() ? CallSpecial(ts, v, ts.interp.names.__index__, nullptr, 0, &found) : Value::Null();
  if (!found) {
    RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object cannot be interpreted as an integer"));
    return false;
  }
  if (r.is_null()) return false;
  if (IsBigInt(r)) return BigIntToIndexError(ts);
  if (!r.is_intlike()) {
    RaiseTypeError(ts, absl::StrCat("__index__ returned non-int (type ", TypeName(ts, r), ")"));
    return false;
  }
  *out = r.as_int();
  return true;
}

bool IsInstance(ThreadState& ts, Value v, TypeObject* type) { return TypeOf(ts.interp, v)->IsSubtypeOf(type); }

// ---------------------------------------------------------------------------------------------
// object's methods and default reprs

bool IsCallable(Interpreter& interp, Value v) {
  if (v.is_object()) {
    switch (v.as_object()->kind) {
      case Kind::kType:
      case Kind::kFunction:
      case Kind::kNative:
      case Kind::kBoundMethod: return true;
      default: break;
    }
  }
  return !LookupInType(TypeOf(interp, v), interp.names.__call__).is_null();
}

namespace {

std::string Addr(const void* p) { return absl::StrFormat("%p", p); }

std::string QualifiedTypeName(const TypeObject* t) {
  const std::string& q = t->qualname.empty() ? t->name : t->qualname;
  if (t->module.empty() || t->module == "builtins") return q;
  return absl::StrCat(t->module, ".", q);
}

std::string TypeModule(ThreadState& ts, TypeObject* t) {
  Value m = t->dict ? DictGetStr(t->dict, ts.interp.names.__module__) : Value::Null();
  if (IsStr(m)) return As<StrObject>(m)->str();
  return t->module;
}

std::string ClassRepr(ThreadState& ts, TypeObject* t) {
  std::string mod = TypeModule(ts, t);
  const std::string& q = t->qualname.empty() ? t->name : t->qualname;
  if (mod.empty() || mod == "builtins") return absl::StrCat("<class '", q, "'>");
  return absl::StrCat("<class '", mod, ".", q, "'>");
}

std::string StrOf(Value v, std::string_view fallback) {
  return IsStr(v) ? As<StrObject>(v)->str() : std::string(fallback);
}

Value BoundMethodRepr(ThreadState& ts, BoundMethodObject* m) {
  Root keep(ts, Value::Obj(m));
  if (IsObjectOfKind(m->func, Kind::kNative)) {
    return NewStrValue(ts, absl::StrCat("<built-in method ", As<NativeObject>(m->func)->name, " of ",
                                        TypeName(ts, m->self), " object at ", Addr(m->self.as_object()), ">"));
  }
  std::string self_repr;
  if (!ReprString(ts, m->self, &self_repr)) return Value::Null();
  std::string fname = "?";
  if (IsObjectOfKind(m->func, Kind::kFunction)) fname = StrOf(As<FunctionObject>(m->func)->qualname, "?");
  return NewStrValue(ts, absl::StrCat("<bound method ", fname, " of ", self_repr, ">"));
}

Value WrapperRepr(ThreadState& ts, MethodWrapperObject* w, const char* what) {
  std::string inner;
  if (!ReprString(ts, w->callable, &inner)) return Value::Null();
  return NewStrValue(ts, absl::StrCat("<", what, "(", inner, ")>"));
}

Value ModuleRepr(ThreadState& ts, ModuleObject* m) {
  Value file = DictGetStr(m->dict, ts.interp.names.__file__);
  if (IsStr(file)) return NewStrValue(ts, absl::StrCat("<module '", m->name, "' from '", As<StrObject>(file)->str(), "'>"));
  // Native modules are "(built-in)"; one made by ModuleType(name) or a namespace package has
  // a __spec__ (maybe None) that does not say so.
  Value spec = DictGetStr(m->dict, Intern(ts.interp, "__spec__"));
  bool builtin = spec.is_null();
  if (IsObjectOfKind(spec, Kind::kInstance)) {
    Value origin = InstanceGet(As<InstanceObject>(spec), Intern(ts.interp, "origin"));
    builtin = IsStr(origin) && As<StrObject>(origin)->view() == "built-in";
  }
  if (!builtin) return NewStrValue(ts, absl::StrCat("<module '", m->name, "'>"));
  return NewStrValue(ts, absl::StrCat("<module '", m->name, "' (built-in)>"));
}

}  // namespace

ReprGuard::ReprGuard(ThreadState& ts, Object* o) : ts_(ts), o_(o), entered_(true) {
  for (Object* p : ts.repr_stack)
    if (p == o) entered_ = false;
  if (entered_) ts.repr_stack.push_back(o);
}

ReprGuard::~ReprGuard() {
  if (entered_) ts_.repr_stack.pop_back();
}

Value DefaultRepr(ThreadState& ts, Value v) {
  if (!v.is_object()) return Repr(ts, v);
  Object* o = v.as_object();
  Interpreter& in = ts.interp;
  switch (o->kind) {
    case Kind::kType: return NewStrValue(ts, ClassRepr(ts, static_cast<TypeObject*>(o)));
    case Kind::kFunction:
      return NewStrValue(ts, absl::StrCat("<function ", StrOf(static_cast<FunctionObject*>(o)->qualname, "?"),
                                          " at ", Addr(o), ">"));
    case Kind::kNative: {
      auto* n = static_cast<NativeObject*>(o);
      if (n->owner) return NewStrValue(ts, absl::StrCat("<method '", n->name, "' of '", n->owner->name, "' objects>"));
      return NewStrValue(ts, absl::StrCat("<built-in function ", n->name, ">"));
    }
    case Kind::kBoundMethod: return BoundMethodRepr(ts, static_cast<BoundMethodObject*>(o));
    case Kind::kStaticMethod: return WrapperRepr(ts, static_cast<MethodWrapperObject*>(o), "staticmethod");
    case Kind::kClassMethod: return WrapperRepr(ts, static_cast<MethodWrapperObject*>(o), "classmethod");
    case Kind::kModule: return ModuleRepr(ts, static_cast<ModuleObject*>(o));
    case Kind::kSingleton:
      if (v.Is(in.not_implemented)) return NewStrValue(ts, "NotImplemented");
      if (v.Is(in.ellipsis)) return NewStrValue(ts, "Ellipsis");
      break;
    case Kind::kCode: {
      auto* c = static_cast<CodeObject*>(o);
      return NewStrValue(ts, absl::StrCat("<code object ", c->name, " at ", Addr(o), ", file \"", c->filename,
                                          "\", line ", c->firstlineno, ">"));
    }
    case Kind::kCell: {
      Value c = static_cast<CellObject*>(o)->value;
      if (c.is_null()) return NewStrValue(ts, absl::StrCat("<cell at ", Addr(o), ": empty>"));
      return NewStrValue(ts, absl::StrCat("<cell at ", Addr(o), ": ", TypeName(ts, c), " object at ",
                                          c.is_object() ? Addr(c.as_object()) : Addr(nullptr), ">"));
    }
    default: break;
  }
  return NewStrValue(ts, absl::StrCat("<", QualifiedTypeName(o->type), " object at ", Addr(o), ">"));
}

namespace {

Value ObjectRepr(ThreadState& ts, const CallArgs& a) { return DefaultRepr(ts, a.argv[0]); }
// CPython's object.__str__ returns whatever __repr__ returned; Str() then checks it, so the
// message names __str__.
Value ObjectStr(ThreadState& ts, const CallArgs& a) {
  bool found;
  Value r = CallSpecial(ts, a.argv[0], ts.interp.names.__repr__, nullptr, 0, &found);
  return found ? r : DefaultRepr(ts, a.argv[0]);
}

Value ObjectHash(ThreadState& ts, const CallArgs& a) {
  Value v = a.argv[0];
  if (IsStr(v)) return Value::Int(As<StrObject>(v)->Hash());
  if (IsTuple(v)) {
    int64_t h;
    if (!TupleHash(ts, As<TupleObject>(v), &h)) return Value::Null();
    return Value::Int(h);
  }
  return Value::Int(IdentityHash(v));
}

Value ObjectEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return RaiseTypeError(ts, "expected 1 argument");
  return a.argv[0].Is(a.argv[1]) ? Value::Bool(true) : ts.interp.not_implemented;
}

// object.__ne__ inverts __eq__ unless that returned NotImplemented.
Value ObjectNe(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return RaiseTypeError(ts, "expected 1 argument");
  bool found;
  Value r = CallSpecial(ts, a.argv[0], ts.interp.names.__eq__, &a.argv[1], 1, &found);
  if (!found) return ts.interp.not_implemented;
  if (r.is_null() || IsNotImplemented(ts, r)) return r;
  Root keep(ts, r);
  int t = IsTrue(ts, r);
  return t < 0 ? Value::Null() : Value::Bool(!t);
}

Value ObjectNotImplemented(ThreadState& ts, const CallArgs& a) { return ts.interp.not_implemented; }

Value ObjectGetAttribute(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsStr(a.argv[1]))
    return RaiseTypeError(ts, "attribute name must be string");
  return GenericGetAttr(ts, a.argv[0], As<StrObject>(a.argv[1]), false);
}

Value ObjectSetAttr(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 3 || !IsStr(a.argv[1])) return RaiseTypeError(ts, "attribute name must be string");
  if (!GenericSetAttr(ts, a.argv[0], As<StrObject>(a.argv[1]), a.argv[2])) return Value::Null();
  return Value::None();
}

Value ObjectDelAttr(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsStr(a.argv[1])) return RaiseTypeError(ts, "attribute name must be string");
  if (!GenericDelAttr(ts, a.argv[0], As<StrObject>(a.argv[1]))) return Value::Null();
  return Value::None();
}

bool ExcessArgs(const CallArgs& a) { return a.nargs > 1 || a.nkw() > 0; }

bool IsObjectSlot(Interpreter& in, TypeObject* t, StrObject* name) {
  return LookupInType(t, name).Is(DictGetStr(in.types.object->dict, name));
}

Value ObjectInit(ThreadState& ts, const CallArgs& a) {
  if (ExcessArgs(a)) {
    Interpreter& in = ts.interp;
    TypeObject* t = TypeOf(in, a.argv[0]);
    if (!IsObjectSlot(in, t, in.names.__init__))
      return RaiseTypeError(ts, "object.__init__() takes exactly one argument (the instance to initialize)");
    if (IsObjectSlot(in, t, in.names.__new__))
      return RaiseTypeError(ts, absl::StrCat(t->name, ".__init__() takes exactly one argument (the instance to initialize)"));
  }
  return Value::None();
}

Value ObjectNew(ThreadState& ts, const CallArgs& a) {
  Interpreter& in = ts.interp;
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, "object.__new__(X): X is not a type object");
  auto* t = As<TypeObject>(a.argv[0]);
  if (ExcessArgs(a)) {
    if (!IsObjectSlot(in, t, in.names.__new__))
      return RaiseTypeError(ts, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (IsObjectSlot(in, t, in.names.__init__))
      return RaiseTypeError(ts, absl::StrCat(t->name, "() takes no arguments"));
  }
  if (t->instance_kind == Kind::kException) {
    RootedPtr<TupleObject> args(ts, NewTuple(ts, {}));
    RootedPtr<DictObject> d(ts, NewDict(ts));
    return Value::Obj(in.heap.New<ExceptionObject>(t, d.get(), args.get()));
  }
  if ((t->instance_kind != Kind::kInstance && t != in.types.object) || t->IsSubtypeOf(in.types.int_) ||
      t->IsSubtypeOf(in.types.float_))
    return RaiseTypeError(ts, absl::StrCat("object.__new__(", t->name, ") is not safe, use ", t->name, ".__new__()"));
  return Value::Obj(NewInstance(ts, t));
}

}  // namespace

void InitObjectType(Interpreter& in) {
  TypeObject* t = in.types.object;
  AddMethod(in, t, "__repr__", ObjectRepr);
  AddMethod(in, t, "__str__", ObjectStr);
  AddMethod(in, t, "__hash__", ObjectHash);
  AddMethod(in, t, "__eq__", ObjectEq);
  AddMethod(in, t, "__ne__", ObjectNe);
  for (const char* n : {"__lt__", "__le__", "__gt__", "__ge__"}) AddMethod(in, t, n, ObjectNotImplemented);
  AddMethod(in, t, "__getattribute__", ObjectGetAttribute);
  AddMethod(in, t, "__setattr__", ObjectSetAttr);
  AddMethod(in, t, "__delattr__", ObjectDelAttr);
  AddMethod(in, t, "__init__", ObjectInit);
  AddStaticMethod(in, t, "__new__", ObjectNew);
}

}  // namespace gilvm::vm

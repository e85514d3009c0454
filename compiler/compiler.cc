#include "compiler/compiler.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "compiler/symtable.h"
#include "vm/bigint.h"
#include "vm/bytes.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/opcodes.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::compiler {

using vm::Op;
using vm::Value;

namespace {

// Pauses the collector while the compiler builds objects only it references.
class NoGcScope {
 public:
  explicit NoGcScope(vm::Heap& heap) : heap_(heap), was_(heap.enabled()) { heap.set_enabled(false); }
  ~NoGcScope() { heap_.set_enabled(was_); }

 private:
  vm::Heap& heap_;
  bool was_;
};

// A control-flow context the code generator is inside, for unwinding on return/break/continue.
struct FBlock {
  enum Type { kWhileLoop, kForLoop, kTryExcept, kFinallyTry, kFinallyEnd, kHandlerCleanup, kWith };
  Type type;
  int continue_label = -1;  // loops
  int break_label = -1;     // loops
  const StmtList* finalbody = nullptr;  // kFinallyTry
  std::string handler_name = {};        // kHandlerCleanup with `as name`
};

struct Unit {
  Scope* scope = nullptr;
  vm::CodeObject* code = nullptr;
  absl::flat_hash_map<std::string, int> name_index;
  absl::flat_hash_map<std::string, int> const_index;
  std::vector<int> label_pos;  // label id -> instruction index (-1 until bound)
  std::vector<FBlock> fblocks;
};

int StackEffect(Op op, uint32_t arg, bool jump) {
  const vm::OpInfo& info = vm::kOpInfo[static_cast<int>(op)];
  switch (op) {
    case Op::BUILD_SLICE:
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING: return 1 - static_cast<int>(arg);
    case Op::BUILD_MAP: return 1 - 2 * static_cast<int>(arg);
    case Op::FORMAT_VALUE: return (arg & vm::kFormatHasSpec) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return static_cast<int>(arg) - 1;
    case Op::UNPACK_EX: return static_cast<int>((arg & 0xff) + (arg >> 8));
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::CALL: return -1 - static_cast<int>(arg);
    case Op::CALL_FUNCTION_EX: return -2 - static_cast<int>(arg & 1);
    case Op::MAKE_FUNCTION: return -std::popcount(arg);
    case Op::RAISE_VARARGS: return -static_cast<int>(arg);
    case Op::SETUP_FINALLY: return jump ? 2 : 0;
    case Op::SETUP_WITH: return jump ? 2 : 1;
    default: return info.pushes - info.pops;
  }
}

bool IsJump(Op op) {
  return vm::kOpInfo[static_cast<int>(op)].arg == vm::ArgKind::J;
}

bool IsReturn(Op op) { return op == Op::RETURN_VALUE || op == Op::GEN_RETURN; }

bool IsTerminal(Op op) {
  return op == Op::JUMP || op == Op::RETURN_VALUE || op == Op::GEN_RETURN || op == Op::RAISE_VARARGS ||
         op == Op::RERAISE;
}

class CodeGen {
 public:
  CodeGen(vm::ThreadState& ts, SymbolTable& symbols, std::string_view filename, SyntaxErrorInfo* error)
      : ts_(ts), interp_(ts.interp), symbols_(symbols), filename_(filename), error_(error) {}

  vm::CodeObject* CompileModule(const Module& m, ParseMode mode) {
    EnterUnit(symbols_.module_scope(), "<module>", 1);
    code()->flags |= vm::kCodeModule;
    if (mode == ParseMode::kEval) {
      const auto& stmt = As<ExprStmt>(*m.body.at(0));
      pos_ = stmt.pos;
      Expr_(*stmt.value);
      Emit(Op::RETURN_VALUE);
    } else {
      if (mode == ParseMode::kFile) ModuleDocstring(m);
      if (mode != ParseMode::kSingle && HasSimpleAnnotation(m.body)) SetupAnnotations();
      interactive_ = mode == ParseMode::kSingle;
      for (const auto& s : m.body) Stmt_(*s);
      EmitReturnNone();
    }
    return ok_ ? LeaveUnit() : nullptr;
  }

 private:
  // The docstring of a module, class or function body: its first statement, when that is a
  // string literal.
  static const std::string* Docstring(const StmtList& body) {
    if (body.empty() || body.front()->kind != StmtKind::kExpr) return nullptr;
    const Expr& v = *As<ExprStmt>(*body.front()).value;
    if (v.kind != ExprKind::kConstant || As<Constant>(v).type != Constant::Type::kStr) return nullptr;
    return &As<Constant>(v).s;
  }

  // A module or class body with simple annotations starts with `__annotations__ = {}`.
  void SetupAnnotations() {
    Emit(Op::BUILD_MAP, 0);
    Emit(Op::STORE_NAME, NameIndex("__annotations__"));
  }

  // A module whose first statement is a string stores it as __doc__, as CPython does.
  void ModuleDocstring(const Module& m) {
    const std::string* doc = Docstring(m.body);
    if (doc == nullptr) return;
    PosScope ps(*this, m.body.front()->pos);
    LoadConst(StrConst(*doc));
    NameOp("__doc__", ExprContext::kStore);
  }

  // ---- units, labels, emission ----------------------------------------------------------

  vm::CodeObject* code() { return unit().code; }
  Unit& unit() { return units_.back(); }
  Scope* scope() { return unit().scope; }

  void EnterUnit(Scope* s, std::string name, int firstlineno) {
    Unit u;
    u.scope = s;
    u.code = interp_.heap.New<vm::CodeObject>(interp_.types.code);
    u.code->name = std::move(name);
    u.code->qualname = s->qualname.empty() ? u.code->name : s->qualname;
    u.code->filename = filename_;
    u.code->firstlineno = firstlineno;
    for (const auto& n : s->varnames) u.code->varnames.push_back(vm::Intern(interp_, n));
    for (const auto& n : s->cellvars) {
      u.code->cellvars.push_back(vm::Intern(interp_, n));
      u.code->cell_of_arg.push_back(s->LocalIndex(n) >= 0 && s->LocalIndex(n) < static_cast<int>(s->params.size())
                                        ? s->LocalIndex(n)
                                        : -1);
    }
    for (const auto& n : s->freevars) u.code->freevars.push_back(vm::Intern(interp_, n));
    u.code->argcount = s->argcount;
    u.code->posonlyargcount = s->posonlyargcount;
    u.code->kwonlyargcount = s->kwonlyargcount;
    if (s->has_varargs) u.code->flags |= vm::kCodeVarargs;
    if (s->has_varkw) u.code->flags |= vm::kCodeVarkeywords;
    if (s->type == ScopeType::kClass) u.code->flags |= vm::kCodeModule;
    if (s->needs_class_cell) u.code->flags |= vm::kCodeHasClassCell;
    if (s->is_generator) u.code->flags |= vm::kCodeGenerator;
    units_.push_back(std::move(u));
  }

  vm::CodeObject* LeaveUnit() {
    vm::CodeObject* c = code();
    ResolveLabels();
    c->stack_size = ComputeStackSize();
    c->caches.resize(c->names.size());
    units_.pop_back();
    return c;
  }

  int NewLabel() {
    unit().label_pos.push_back(-1);
    return static_cast<int>(unit().label_pos.size()) - 1;
  }
  void Bind(int label) { unit().label_pos[label] = static_cast<int>(code()->code.size()); }

  void Emit(Op op, uint32_t arg = 0) {
    if (arg > vm::kMaxArg) return Fail(pos_, "too many constants, names or instructions in one code object");
    code()->code.push_back(vm::Encode(op, arg));
    code()->positions.push_back({pos_.line, pos_.end_line, pos_.col, pos_.end_col});
  }
  void EmitJump(Op op, int label) { Emit(op, static_cast<uint32_t>(label)); }

  void ResolveLabels() {
    for (uint32_t& word : code()->code) {
      Op op = vm::DecodeOp(word);
      if (IsJump(op)) word = vm::Encode(op, static_cast<uint32_t>(unit().label_pos[vm::DecodeArg(word)]));
    }
  }

  // Max operand-stack depth by a worklist over the instructions (jump targets are resolved).
  int ComputeStackSize() {
    const auto& insns = code()->code;
    std::vector<int> depth(insns.size() + 1, -1);
    std::vector<int> work;
    auto visit = [&](int at, int d) {
      if (at < 0 || at > static_cast<int>(insns.size())) return;
      if (depth[at] >= d) return;
      depth[at] = d;
      work.push_back(at);
    };
    int max_depth = 0;
    visit(0, 0);
    while (!work.empty()) {
      int i = work.back();
      work.pop_back();
      int d = depth[i];
      for (; i < static_cast<int>(insns.size()); ++i) {
        if (depth[i] > d) break;  // already explored with a deeper stack
        depth[i] = d;
        Op op = vm::DecodeOp(insns[i]);
        uint32_t arg = vm::DecodeArg(insns[i]);
        if (IsJump(op)) {
          int jd = d + StackEffect(op, arg, true);
          max_depth = std::max(max_depth, jd);
          visit(static_cast<int>(arg), jd);
        }
        d += StackEffect(op, arg, false);
        max_depth = std::max(max_depth, d);
        if (IsTerminal(op)) break;
      }
    }
    return max_depth + 1;
  }

  // Constants are shared within a code object. The key says what makes two constants the same:
  // the type and bits for unboxed values (so 0.0 and -0.0 stay apart), the text for strings,
  // the octets for bytes, and identity for everything else (code objects, tuples).
  static std::string ConstKey(Value v) {
    if (vm::IsStr(v)) return "s" + vm::As<vm::StrObject>(v)->str();
    if (vm::IsBytes(v)) return "b" + vm::As<vm::BytesObject>(v)->data;
    std::string key(1 + sizeof(uint64_t), static_cast<char>(v.tag()));
    uint64_t bits = v.is_object() ? reinterpret_cast<uintptr_t>(v.as_object()) : v.bits();
    std::memcpy(key.data() + 1, &bits, sizeof bits);
    return key;
  }

  int AddConst(Value v) {
    auto& consts = code()->consts;
    auto [it, inserted] = unit().const_index.try_emplace(ConstKey(v), static_cast<int>(consts.size()));
    if (inserted) consts.push_back(v);
    return it->second;
  }
  void LoadConst(Value v) { Emit(Op::LOAD_CONST, AddConst(v)); }
  Value StrConst(std::string_view s) { return Value::Obj(vm::Intern(interp_, s)); }

  int NameIndex(const std::string& name) {
    auto [it, inserted] = unit().name_index.try_emplace(name, static_cast<int>(code()->names.size()));
    if (inserted) code()->names.push_back(vm::Intern(interp_, name));
    return it->second;
  }

  void EmitReturnNone() {
    LoadConst(Value::None());
    EmitReturn();
  }
  // A generator's frame finishes differently from a call's (vm/generator.h), so its returns
  // have their own opcode and RETURN_VALUE's path stays untouched.
  void EmitReturn() { Emit((code()->flags & vm::kCodeGenerator) ? Op::GEN_RETURN : Op::RETURN_VALUE); }

  void Fail(const Pos& p, std::string msg) {
    if (!ok_) return;
    ok_ = false;
    error_->type = "SyntaxError";
    error_->msg = std::move(msg);
    error_->line = p.line;
    error_->col = p.col + 1;
    error_->end_line = p.end_line;
    error_->end_col = p.end_col + 1;
  }

  // Sets the source span attached to the instructions emitted in this scope.
  class PosScope {
   public:
    PosScope(CodeGen& g, const Pos& p) : g_(g), saved_(g.pos_) { g.pos_ = p; }
    ~PosScope() { g_.pos_ = saved_; }

   private:
    CodeGen& g_;
    Pos saved_;
  };

  // ---- names -------------------------------------------------------------------------

  void NameOp(const std::string& id, ExprContext ctx) {
    Scope* s = scope();
    NameScope ns = s->Lookup(id);
    if (s->type == ScopeType::kClass && std::find(s->pass_through.begin(), s->pass_through.end(), id) != s->pass_through.end())
      ns = NameScope::kNamespace;
    switch (ns) {
      case NameScope::kLocal: {
        int slot = s->LocalIndex(id);
        Emit(ctx == ExprContext::kLoad ? Op::LOAD_FAST : ctx == ExprContext::kStore ? Op::STORE_FAST : Op::DELETE_FAST, slot);
        return;
      }
      case NameScope::kCell:
      case NameScope::kFree: {
        int slot = s->CellIndex(id);
        if (ctx == ExprContext::kLoad)
          Emit(s->type == ScopeType::kClass ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF, slot);
        else
          Emit(ctx == ExprContext::kStore ? Op::STORE_DEREF : Op::DELETE_DEREF, slot);
        return;
      }
      case NameScope::kGlobalExplicit:
      case NameScope::kGlobalImplicit:
        Emit(ctx == ExprContext::kLoad ? Op::LOAD_GLOBAL : ctx == ExprContext::kStore ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
             NameIndex(id));
        return;
      case NameScope::kNamespace:
        Emit(ctx == ExprContext::kLoad ? Op::LOAD_NAME : ctx == ExprContext::kStore ? Op::STORE_NAME : Op::DELETE_NAME,
             NameIndex(id));
        return;
    }
  }

  // ---- statements ----------------------------------------------------------------------

  void Body(const StmtList& body) {
    for (const auto& s : body) Stmt_(*s);
  }

  void Stmt_(const Stmt& s) {
    if (!ok_) return;
    PosScope ps(*this, s.pos);
    switch (s.kind) {
      case StmtKind::kExpr: {
        const Expr& v = *As<ExprStmt>(s).value;
        // Typed at the prompt, an expression statement of the module's code (inside its loops
        // and ifs too, not in a function or class body) shows its value, as CPython's does.
        bool interactive = interactive_ && units_.size() == 1;
        if (v.kind == ExprKind::kConstant && !interactive) return;  // docstrings and bare constants
        Expr_(v);
        Emit(interactive ? Op::PRINT_EXPR : Op::POP_TOP);
        return;
      }
      case StmtKind::kAssign: {
        auto& a = As<Assign>(s);
        Expr_(*a.value);
        for (size_t i = 0; i < a.targets.size(); ++i) {
          if (i + 1 < a.targets.size()) Emit(Op::DUP_TOP);
          Store(*a.targets[i]);
        }
        return;
      }
      case StmtKind::kAugAssign: return AugAssign_(As<AugAssign>(s));
      case StmtKind::kAnnAssign: return AnnAssign_(As<AnnAssign>(s));
      case StmtKind::kIf: {
        auto& i = As<If>(s);
        int else_label = NewLabel(), end = NewLabel();
        JumpIf(*i.test, false, else_label);
        Body(i.body);
        if (!i.orelse.empty()) EmitJump(Op::JUMP, end);
        Bind(else_label);
        Body(i.orelse);
        Bind(end);
        return;
      }
      case StmtKind::kWhile: return While_(As<While>(s));
      case StmtKind::kFor: return For_(As<For>(s));
      case StmtKind::kBreak:
      case StmtKind::kContinue: return BreakContinue(s);
      case StmtKind::kPass: return;
      case StmtKind::kFunctionDef: return FunctionDef_(As<FunctionDef>(s));
      case StmtKind::kClassDef: return ClassDef_(As<ClassDef>(s));
      case StmtKind::kReturn: {
        auto& r = As<Return>(s);
        if (scope()->type != ScopeType::kFunction) return Fail(s.pos, "'return' outside function");
        if (r.value) Expr_(*r.value);
        else LoadConst(Value::None());
        UnwindAll(/*preserve_tos=*/true);
        EmitReturn();
        return;
      }
      case StmtKind::kGlobal:
      case StmtKind::kNonlocal: return;
      case StmtKind::kTry: {
        auto& t = As<Try>(s);
        if (!t.finalbody.empty()) return TryFinally(t);
        return TryExcept(t);
      }
      case StmtKind::kRaise: {
        auto& r = As<Raise>(s);
        uint32_t n = 0;
        if (r.exc) {
          Expr_(*r.exc);
          ++n;
          if (r.cause) {
            Expr_(*r.cause);
            ++n;
          }
        }
        Emit(Op::RAISE_VARARGS, n);
        return;
      }
      case StmtKind::kAssert: {
        auto& a = As<Assert>(s);
        int end = NewLabel();
        JumpIf(*a.test, true, end);
        PosScope test_pos(*this, a.test->pos);  // CPython attributes the raise to the test
        if (a.msg) {
          Emit(Op::PUSH_NULL);
          Emit(Op::LOAD_ASSERTION_ERROR);
          Expr_(*a.msg);
          Emit(Op::CALL, 1);
        } else {
          Emit(Op::LOAD_ASSERTION_ERROR);
        }
        Emit(Op::RAISE_VARARGS, 1);
        Bind(end);
        return;
      }
      case StmtKind::kDelete:
        for (const auto& t : As<Delete>(s).targets) Delete_(*t);
        return;
      case StmtKind::kImport:
        for (const auto& a : As<Import>(s).names) {
          // Import instructions carry the whole statement's span, as CPython's do.
          LoadConst(Value::Int(0));
          LoadConst(Value::None());
          Emit(Op::IMPORT_NAME, NameIndex(a.name));
          if (a.asname.empty()) {
            NameOp(a.name.substr(0, a.name.find('.')), ExprContext::kStore);
          } else {
            // `import a.b.c as d` binds the innermost module.
            size_t dot = a.name.find('.');
            while (dot != std::string::npos) {
              size_t next = a.name.find('.', dot + 1);
              Emit(Op::IMPORT_FROM, NameIndex(a.name.substr(dot + 1, next == std::string::npos ? next : next - dot - 1)));
              Emit(Op::ROT_TWO);
              Emit(Op::POP_TOP);
              dot = next;
            }
            NameOp(a.asname, ExprContext::kStore);
          }
        }
        return;
      case StmtKind::kImportFrom: return ImportFrom_(As<ImportFrom>(s));
      case StmtKind::kWith: return With_(As<With>(s), 0);
      case StmtKind::kMatch: return Match_(As<Match>(s));
    }
  }

  void AugAssign_(const AugAssign& a) {
    uint32_t op = BinOpCode(a.op) | vm::kInplace;
    const Expr& t = *a.target;
    switch (t.kind) {
      case ExprKind::kName:
        NameOp(As<Name>(t).id, ExprContext::kLoad);
        Expr_(*a.value);
        Emit(Op::BINARY_OP, op);
        NameOp(As<Name>(t).id, ExprContext::kStore);
        return;
      case ExprKind::kAttribute: {
        auto& at = As<Attribute>(t);
        Expr_(*at.value);
        Emit(Op::DUP_TOP);
        {
          PosScope p(*this, at.pos);
          Emit(Op::LOAD_ATTR, NameIndex(at.attr));
        }
        Expr_(*a.value);
        Emit(Op::BINARY_OP, op);
        Emit(Op::ROT_TWO);
        Emit(Op::STORE_ATTR, NameIndex(at.attr));
        return;
      }
      case ExprKind::kSubscript: {
        auto& sub = As<Subscript>(t);
        Expr_(*sub.value);
        Expr_(*sub.slice);
        Emit(Op::DUP_TOP_TWO);
        {
          PosScope p(*this, sub.pos);
          Emit(Op::BINARY_SUBSCR);
        }
        Expr_(*a.value);
        Emit(Op::BINARY_OP, op);
        Emit(Op::ROT_THREE);
        Emit(Op::STORE_SUBSCR);
        return;
      }
      default: return Fail(t.pos, "'expression' is an illegal expression for augmented assignment");
    }
  }

  void While_(const While& w) {
    int top = NewLabel(), orelse = NewLabel(), end = NewLabel();
    Bind(top);
    JumpIf(*w.test, false, orelse);
    unit().fblocks.push_back({FBlock::kWhileLoop, top, end});
    Body(w.body);
    unit().fblocks.pop_back();
    EmitJump(Op::JUMP, top);
    Bind(orelse);
    Body(w.orelse);
    Bind(end);
  }

  void For_(const For& f) {
    if (f.is_async) return Fail(f.pos, "'async for' is not supported by gilvm");
    int top = NewLabel(), cleanup = NewLabel(), end = NewLabel();
    IterExpr_(*f.iter);
    // CPython 3.11 reports GET_ITER and FOR_ITER (an iterator or generator failing) at the
    // whole `for` statement: tracebacks show its first line without carets.
    Emit(Op::GET_ITER);
    Bind(top);
    EmitJump(Op::FOR_ITER, cleanup);
    Store(*f.target);
    unit().fblocks.push_back({FBlock::kForLoop, top, end});
    Body(f.body);
    unit().fblocks.pop_back();
    EmitJump(Op::JUMP, top);
    Bind(cleanup);
    Body(f.orelse);
    Bind(end);
  }

  void BreakContinue(const Stmt& s) {
    bool is_break = s.kind == StmtKind::kBreak;
    int loop = -1;
    for (int i = static_cast<int>(unit().fblocks.size()) - 1; i >= 0; --i) {
      FBlock::Type type = unit().fblocks[i].type;
      if (type == FBlock::kWhileLoop || type == FBlock::kForLoop) {
        loop = i;
        break;
      }
    }
    if (loop < 0) return Fail(s.pos, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    UnwindTo(loop, /*preserve_tos=*/false);
    const FBlock& target = unit().fblocks[loop];
    if (is_break) {
      if (target.type == FBlock::kForLoop) Emit(Op::POP_TOP);  // the iterator
      EmitJump(Op::JUMP, target.break_label);
    } else {
      EmitJump(Op::JUMP, target.continue_label);
    }
  }

  // Emits the cleanup of every fblock above `index` (exclusive), innermost first. Each block is
  // popped while its cleanup is emitted (a return inside a finally body must not rerun it), then
  // restored for the code that follows, which is still lexically inside it.
  void UnwindTo(int index, bool preserve_tos) {
    std::vector<FBlock> popped;
    while (static_cast<int>(unit().fblocks.size()) - 1 > index) {
      FBlock block = unit().fblocks.back();
      unit().fblocks.pop_back();
      UnwindBlock(block, preserve_tos);
      popped.push_back(std::move(block));
    }
    for (auto it = popped.rbegin(); it != popped.rend(); ++it) unit().fblocks.push_back(*it);
  }
  void UnwindAll(bool preserve_tos) { UnwindTo(-1, preserve_tos); }

  void UnwindBlock(const FBlock& b, bool preserve_tos) {
    switch (b.type) {
      case FBlock::kWhileLoop: return;
      case FBlock::kForLoop:
        if (preserve_tos) Emit(Op::ROT_TWO);
        Emit(Op::POP_TOP);
        return;
      case FBlock::kTryExcept: Emit(Op::POP_BLOCK); return;
      case FBlock::kFinallyTry:
        Emit(Op::POP_BLOCK);
        Body(*b.finalbody);
        return;
      case FBlock::kFinallyEnd:
        // Stack: prev_exc, exc [, tos].
        if (preserve_tos) Emit(Op::ROT_TWO);
        Emit(Op::POP_TOP);
        if (preserve_tos) Emit(Op::ROT_TWO);
        Emit(Op::POP_EXCEPT);
        return;
      case FBlock::kHandlerCleanup:
        if (!b.handler_name.empty()) Emit(Op::POP_BLOCK);
        if (preserve_tos) Emit(Op::ROT_TWO);
        Emit(Op::POP_EXCEPT);
        if (!b.handler_name.empty()) ClearHandlerName(b.handler_name);
        return;
      case FBlock::kWith:
        Emit(Op::POP_BLOCK);
        if (preserve_tos) Emit(Op::ROT_TWO);
        CallExitWithNones();
        return;
    }
  }

  // Stack: exit -> (): calls exit(None, None, None) and drops the result.
  void CallExitWithNones() {
    Emit(Op::PUSH_NULL);
    Emit(Op::ROT_TWO);
    LoadConst(Value::None());
    LoadConst(Value::None());
    LoadConst(Value::None());
    Emit(Op::CALL, 3);
    Emit(Op::POP_TOP);
  }

  void ClearHandlerName(const std::string& name) {
    LoadConst(Value::None());
    NameOp(name, ExprContext::kStore);
    NameOp(name, ExprContext::kDel);
  }

  void TryExcept(const Try& t) {
    int handler = NewLabel(), end = NewLabel(), orelse = NewLabel();
    EmitJump(Op::SETUP_FINALLY, handler);
    unit().fblocks.push_back({FBlock::kTryExcept});
    Body(t.body);
    unit().fblocks.pop_back();
    Emit(Op::POP_BLOCK);
    EmitJump(Op::JUMP, orelse);

    // Stack at a handler: prev_exc, exc. The VM pushed an except-handler block.
    Bind(handler);
    for (size_t i = 0; i < t.handlers.size(); ++i) {
      const ExceptHandler& h = t.handlers[i];
      PosScope p(*this, h.pos);
      if (!h.type && i + 1 < t.handlers.size()) return Fail(h.pos, "default 'except:' must be last");
      int next = NewLabel();
      if (h.type) {
        Expr_(*h.type);
        Emit(Op::CHECK_EXC_MATCH);
        EmitJump(Op::POP_JUMP_IF_FALSE, next);
      }
      if (!h.name.empty()) {
        NameOp(h.name, ExprContext::kStore);
        // On an exception in the body: clear the name, then re-raise.
        int cleanup = NewLabel();
        EmitJump(Op::SETUP_FINALLY, cleanup);
        unit().fblocks.push_back({FBlock::kHandlerCleanup, -1, -1, nullptr, h.name});
        Body(h.body);
        unit().fblocks.pop_back();
        Emit(Op::POP_BLOCK);
        Emit(Op::POP_EXCEPT);
        ClearHandlerName(h.name);
        EmitJump(Op::JUMP, end);
        Bind(cleanup);
        ClearHandlerName(h.name);
        Emit(Op::RERAISE);
      } else {
        Emit(Op::POP_TOP);
        unit().fblocks.push_back({FBlock::kHandlerCleanup});
        Body(h.body);
        unit().fblocks.pop_back();
        Emit(Op::POP_EXCEPT);
        EmitJump(Op::JUMP, end);
      }
      Bind(next);
    }
    Emit(Op::RERAISE);
    Bind(orelse);
    Body(t.orelse);
    Bind(end);
  }

  void TryFinally(const Try& t) {
    int handler = NewLabel(), end = NewLabel();
    EmitJump(Op::SETUP_FINALLY, handler);
    unit().fblocks.push_back({FBlock::kFinallyTry, -1, -1, &t.finalbody});
    if (t.handlers.empty()) {
      Body(t.body);
      Body(t.orelse);
    } else {
      TryExcept(t);
    }
    unit().fblocks.pop_back();
    Emit(Op::POP_BLOCK);
    Body(t.finalbody);
    EmitJump(Op::JUMP, end);

    Bind(handler);
    unit().fblocks.push_back({FBlock::kFinallyEnd});
    Body(t.finalbody);
    unit().fblocks.pop_back();
    Emit(Op::RERAISE);
    Bind(end);
  }

  void With_(const With& w, size_t item) {
    if (w.is_async) return Fail(w.pos, "'async with' is not supported by gilvm");
    const WithItem& it = w.items[item];
    int handler = NewLabel(), end = NewLabel(), suppress = NewLabel();
    Expr_(*it.context_expr);
    EmitJump(Op::SETUP_WITH, handler);  // pushes exit, then the result of __enter__
    if (it.optional_vars) Store(*it.optional_vars);
    else Emit(Op::POP_TOP);
    unit().fblocks.push_back({FBlock::kWith});
    if (item + 1 < w.items.size()) With_(w, item + 1);
    else Body(w.body);
    unit().fblocks.pop_back();
    Emit(Op::POP_BLOCK);
    CallExitWithNones();
    EmitJump(Op::JUMP, end);

    // Stack: exit, prev_exc, exc.
    Bind(handler);
    Emit(Op::WITH_EXCEPT_START);  // -> exit, prev_exc, exc, result
    EmitJump(Op::POP_JUMP_IF_TRUE, suppress);
    Emit(Op::RERAISE);
    Bind(suppress);
    Emit(Op::POP_TOP);
    Emit(Op::POP_EXCEPT);
    Emit(Op::POP_TOP);
    Bind(end);
  }

  // ---- match statements ------------------------------------------------------------------------
  //
  // While a case's pattern runs the stack is [base][captures][work], where base is the
  // subject's copy kept for the next case (nothing for the last case), captures are values
  // matched by capture patterns, and work are the values still being taken apart, the one on
  // top being matched next. A pattern consumes the value on top; a capture moves it below the
  // work items (ROT_N); a failure jumps to fail_pop[n] with n items above base, which pops
  // them and goes on to the next case. Names are stored only once the whole pattern matched,
  // so a failed case binds nothing (as CPython).
  Pos last_pattern_pos_;  // of the pattern compiled last, for errors placed as CPython places them

  struct PatternState {
    std::vector<std::string> stores;  // captured names, deepest first
    int work = 1;
    std::vector<int> fail_pop;
    bool allow_irrefutable = false;
  };

  int FailPop(PatternState& st, size_t n) {
    while (st.fail_pop.size() <= n) st.fail_pop.push_back(NewLabel());
    return st.fail_pop[n];
  }
  // Pops the value on top (a test's result) and fails the pattern when it is false.
  void JumpIfFalseToFail(PatternState& st) {
    EmitJump(Op::POP_JUMP_IF_FALSE, FailPop(st, st.stores.size() + st.work));
  }
  void EmitFailPops(PatternState& st) {
    for (size_t i = st.fail_pop.size(); i-- > 0;) {
      Bind(st.fail_pop[i]);
      if (i > 0) Emit(Op::POP_TOP);
    }
  }

  void Match_(const Match& m) {
    Expr_(*m.subject);
    int end = NewLabel();
    for (size_t i = 0; i < m.cases.size() && ok_; ++i) {
      const MatchCase& c = m.cases[i];
      bool last = i + 1 == m.cases.size();
      PatternState st;
      {
        PosScope ps(*this, c.pattern->pos);
        if (!last) Emit(Op::DUP_TOP);
        st.allow_irrefutable = c.guard != nullptr || last;
        Pattern_(*c.pattern, st);
        for (size_t k = st.stores.size(); k-- > 0;) NameOp(st.stores[k], ExprContext::kStore);
      }
      if (c.guard) JumpIf(*c.guard, false, FailPop(st, 0));
      if (!last) Emit(Op::POP_TOP);
      Body(c.body);
      EmitJump(Op::JUMP, end);
      EmitFailPops(st);
    }
    Bind(end);
  }

  void Capture(const Pattern& p, const std::string& name, PatternState& st) {
    if (!st.allow_irrefutable && p.kind == PatternKind::kAs && !As<MatchAs>(p).pattern)
      return Fail(p.pos, absl::StrCat("name capture '", name, "' makes remaining patterns unreachable"));
    if (std::find(st.stores.begin(), st.stores.end(), name) != st.stores.end())
      return Fail(p.pos, absl::StrCat("multiple assignments to name '", name, "' in pattern"));
    if (st.work > 1) Emit(Op::ROT_N, static_cast<uint32_t>(st.work));
    st.stores.push_back(name);
    --st.work;
  }

  void PopWork(PatternState& st) {
    Emit(Op::POP_TOP);
    --st.work;
  }

  static bool IsWildcard(const Pattern& p) {
    if (p.kind == PatternKind::kStar) return As<MatchStar>(p).name.empty();
    return p.kind == PatternKind::kAs && !As<MatchAs>(p).pattern && As<MatchAs>(p).name.empty();
  }

  // Matches each subpattern against the values just unpacked (the first on top).
  void SubPatterns(const PatternList& subs, PatternState& st) {
    bool saved = st.allow_irrefutable;
    st.allow_irrefutable = true;
    for (const auto& sub : subs) {
      if (!ok_) return;
      if (sub->kind == PatternKind::kStar) {
        const std::string& name = As<MatchStar>(*sub).name;
        if (name.empty()) {
          PopWork(st);
        } else {
          Capture(*sub, name, st);
        }
      } else {
        Pattern_(*sub, st);
      }
    }
    st.allow_irrefutable = saved;
  }

  void Pattern_(const Pattern& p, PatternState& st) {
    if (!ok_) return;
    last_pattern_pos_ = p.pos;
    PosScope ps(*this, p.pos);
    switch (p.kind) {
      case PatternKind::kAs: {
        auto& a = As<MatchAs>(p);
        if (!a.pattern) {
          if (a.name.empty()) {
            if (!st.allow_irrefutable) return Fail(p.pos, "wildcard makes remaining patterns unreachable");
            return PopWork(st);
          }
          return Capture(p, a.name, st);
        }
        Emit(Op::DUP_TOP);
        ++st.work;
        Pattern_(*a.pattern, st);
        return Capture(p, a.name, st);
      }
      case PatternKind::kValue:
        Expr_(*As<MatchValue>(p).value);
        Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kEq));
        --st.work;
        return JumpIfFalseToFail(st);
      case PatternKind::kSingleton:
        LoadConst(As<MatchSingleton>(p).value == Constant::Type::kNone   ? Value::None()
                  : As<MatchSingleton>(p).value == Constant::Type::kTrue ? Value::Bool(true)
                                                                         : Value::Bool(false));
        Emit(Op::IS_OP, 0);
        --st.work;
        return JumpIfFalseToFail(st);
      case PatternKind::kSequence: return SequencePattern(As<MatchSequence>(p), st);
      case PatternKind::kMapping: return MappingPattern(As<MatchMapping>(p), st);
      case PatternKind::kClass: return ClassPattern(As<MatchClass>(p), st);
      case PatternKind::kOr: return OrPattern(As<MatchOr>(p), st);
      case PatternKind::kStar: return Fail(p.pos, "can't use starred name here");
    }
  }

  void SequencePattern(const MatchSequence& seq, PatternState& st) {
    size_t n = seq.patterns.size(), star = n;
    for (size_t i = 0; i < n; ++i) {
      if (seq.patterns[i]->kind != PatternKind::kStar) continue;
      if (star != n) return Fail(seq.pos, "multiple starred names in sequence pattern");
      star = i;
    }
    Emit(Op::MATCH_SEQUENCE);
    JumpIfFalseToFail(st);
    Emit(Op::GET_LEN);
    LoadConst(Value::Int(static_cast<int64_t>(star == n ? n : n - 1)));
    Emit(Op::COMPARE_OP, static_cast<uint32_t>(star == n ? vm::CmpOp::kEq : vm::CmpOp::kGe));
    JumpIfFalseToFail(st);
    if (std::all_of(seq.patterns.begin(), seq.patterns.end(), [](const auto& q) { return IsWildcard(*q); }))
      return PopWork(st);
    if (star == n) {
      Emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    } else {
      if (star > 0xff || n - star - 1 > 0xffff) return Fail(seq.pos, "too many expressions in star-unpacking assignment");
      Emit(Op::UNPACK_EX, static_cast<uint32_t>(star | ((n - star - 1) << 8)));
    }
    st.work += static_cast<int>(n) - 1;
    SubPatterns(seq.patterns, st);
  }

  // The repr CPython's "duplicate key" message shows, for keys that are literals.
  static std::optional<std::string> LiteralKey(const Expr& e) {
    if (e.kind == ExprKind::kUnaryOp) {
      auto inner = LiteralKey(*As<UnaryOp>(e).operand);
      return inner ? std::optional<std::string>("-" + *inner) : std::nullopt;
    }
    if (e.kind != ExprKind::kConstant) return std::nullopt;
    auto& c = As<Constant>(e);
    switch (c.type) {
      case Constant::Type::kNone: return "None";
      case Constant::Type::kTrue: return "True";
      case Constant::Type::kFalse: return "False";
      case Constant::Type::kInt: return std::to_string(c.i);
      case Constant::Type::kBigInt: return c.s;
      case Constant::Type::kStr: return "'" + c.s + "'";
      default: return std::nullopt;
    }
  }

  void MappingPattern(const MatchMapping& m, PatternState& st) {
    size_t n = m.keys.size();
    std::vector<std::string> seen;
    for (const auto& k : m.keys) {
      auto key = LiteralKey(*k);
      if (!key) continue;
      if (std::find(seen.begin(), seen.end(), *key) != seen.end())
        return Fail(m.pos, absl::StrCat("mapping pattern checks duplicate key (", *key, ")"));
      seen.push_back(*key);
    }
    Emit(Op::MATCH_MAPPING);
    JumpIfFalseToFail(st);
    if (n == 0 && m.rest.empty()) return PopWork(st);
    if (n > 0) {
      Emit(Op::GET_LEN);
      LoadConst(Value::Int(static_cast<int64_t>(n)));
      Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kGe));
      JumpIfFalseToFail(st);
    }
    for (const auto& k : m.keys) Expr_(*k);
    Emit(Op::BUILD_TUPLE, static_cast<uint32_t>(n));
    Emit(Op::MATCH_KEYS);  // [subject, keys, values or None]
    st.work += 2;
    Emit(Op::DUP_TOP);
    LoadConst(Value::None());
    Emit(Op::IS_OP, 1);
    JumpIfFalseToFail(st);
    Emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    st.work += static_cast<int>(n) - 1;
    SubPatterns(m.patterns, st);
    if (!ok_) return;
    if (!m.rest.empty()) {
      Emit(Op::COPY_DICT_WITHOUT_KEYS);  // [subject, rest]
      Capture(m, m.rest, st);
      return PopWork(st);
    }
    PopWork(st);  // the keys
    PopWork(st);  // the subject
  }

  void ClassPattern(const MatchClass& c, PatternState& st) {
    Expr_(*c.cls);
    std::vector<Value> names;
    for (const auto& a : c.kwd_attrs) names.push_back(StrConst(a));
    LoadConst(Value::Obj(vm::NewTuple(ts_, std::move(names))));
    {
      PosScope ps(*this, c.pos);
      Emit(Op::MATCH_CLASS, static_cast<uint32_t>(c.patterns.size()));  // [attributes or None]
    }
    Emit(Op::DUP_TOP);
    LoadConst(Value::None());
    Emit(Op::IS_OP, 1);
    JumpIfFalseToFail(st);
    size_t n = c.patterns.size() + c.kwd_patterns.size();
    bool all_wild = std::all_of(c.patterns.begin(), c.patterns.end(), [](const auto& q) { return IsWildcard(*q); }) &&
                    std::all_of(c.kwd_patterns.begin(), c.kwd_patterns.end(), [](const auto& q) { return IsWildcard(*q); });
    if (all_wild) return PopWork(st);
    Emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    st.work += static_cast<int>(n) - 1;
    SubPatterns(c.patterns, st);
    SubPatterns(c.kwd_patterns, st);
  }

  // Each alternative runs on a copy of the subject with its own failure chain; the first that
  // matches puts its captures in the first alternative's order, lifts the outer work items
  // back above them and drops the subject.
  void OrPattern(const MatchOr& o, PatternState& st) {
    int end = NewLabel();
    std::vector<std::string> canonical;
    size_t outer_work = static_cast<size_t>(st.work);
    for (size_t i = 0; i < o.patterns.size() && ok_; ++i) {
      const Pattern& alt = *o.patterns[i];
      PatternState sub;
      sub.allow_irrefutable = i + 1 == o.patterns.size() && st.allow_irrefutable;
      Emit(Op::DUP_TOP);
      Pattern_(alt, sub);
      if (!ok_) return;
      if (i == 0) {
        canonical = sub.stores;
      } else {
        std::vector<std::string> a = canonical, b = sub.stores;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        // CPython reports it where the alternative's last sub-pattern is.
        if (a != b) return Fail(last_pattern_pos_, "alternative patterns bind different names");
      }
      for (const auto& name : canonical)
        if (std::find(st.stores.begin(), st.stores.end(), name) != st.stores.end())
          return Fail(alt.pos, absl::StrCat("multiple assignments to name '", name, "' in pattern"));
      // Put the captures in canonical order: lift each, in order, to the top.
      std::vector<std::string> cur = sub.stores;
      for (const auto& name : canonical) {
        size_t idx = static_cast<size_t>(std::find(cur.begin(), cur.end(), name) - cur.begin());
        size_t depth = cur.size() - idx;
        if (depth > 1) Emit(Op::LIFT_N, static_cast<uint32_t>(depth));
        cur.erase(cur.begin() + static_cast<std::ptrdiff_t>(idx));
        cur.push_back(name);
      }
      // [work..., subject, captures...] -> [captures..., work..., subject], then drop the subject.
      size_t m = canonical.size();
      if (m > 0)
        for (size_t k = 0; k < outer_work; ++k) Emit(Op::LIFT_N, static_cast<uint32_t>(m + outer_work));
      Emit(Op::POP_TOP);
      EmitJump(Op::JUMP, end);
      EmitFailPops(sub);
    }
    // No alternative matched: the subject is still on top.
    EmitJump(Op::JUMP, FailPop(st, st.stores.size() + st.work));
    Bind(end);
    for (const auto& name : canonical) st.stores.push_back(name);
    --st.work;
  }

  void ImportFrom_(const ImportFrom& f) {
    LoadConst(Value::Int(f.level));
    std::vector<Value> names;
    for (const auto& a : f.names) names.push_back(StrConst(a.name));
    LoadConst(Value::Obj(vm::NewTuple(ts_, std::move(names))));
    Emit(Op::IMPORT_NAME, NameIndex(f.module));
    for (const auto& a : f.names) {
      if (a.name == "*") {
        Emit(Op::IMPORT_STAR);
        return;
      }
      Emit(Op::IMPORT_FROM, NameIndex(a.name));
      NameOp(a.asname.empty() ? a.name : a.asname, ExprContext::kStore);
    }
    Emit(Op::POP_TOP);
  }

  // ---- functions and classes -------------------------------------------------------------

  // Pushes defaults/kwdefaults per `args`; returns the MAKE_FUNCTION flags for them.
  uint32_t Defaults(const Arguments& args) {
    uint32_t flags = 0;
    if (!args.defaults.empty()) {
      for (const auto& d : args.defaults) Expr_(*d);
      Emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args.defaults.size()));
      flags |= vm::kFnDefaults;
    }
    uint32_t nkw = 0;
    for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
      if (!args.kw_defaults[i]) continue;
      LoadConst(StrConst(args.kwonlyargs[i].name));
      Expr_(*args.kw_defaults[i]);
      ++nkw;
    }
    if (nkw > 0) {
      Emit(Op::BUILD_MAP, nkw);
      flags |= vm::kFnKwDefaults;
    }
    return flags;
  }

  // Builds the function's __annotations__ dict (name: value, then 'return') when any parameter
  // or the return is annotated; the flag for MAKE_FUNCTION, or 0.
  uint32_t Annotations(const Arguments& a, const Expr* returns) {
    uint32_t n = 0;
    auto eval = [&](const Arg& arg) {
      if (!arg.annotation) return;
      LoadConst(StrConst(arg.name));
      Expr_(*arg.annotation);
      ++n;
    };
    for (const Arg& arg : a.posonlyargs) eval(arg);
    for (const Arg& arg : a.args) eval(arg);
    if (a.vararg) eval(*a.vararg);
    for (const Arg& arg : a.kwonlyargs) eval(arg);
    if (a.kwarg) eval(*a.kwarg);
    if (returns) {
      LoadConst(StrConst("return"));
      Expr_(*returns);
      ++n;
    }
    if (n == 0) return 0;
    Emit(Op::BUILD_MAP, n);
    return vm::kFnAnnotations;
  }

  // Emits MAKE_FUNCTION for a compiled child code object (closure first if it has free vars).
  void MakeFunction(vm::CodeObject* child, Scope* child_scope, uint32_t flags) {
    if (!child_scope->freevars.empty()) {
      for (const auto& name : child_scope->freevars) {
        // The cell comes from this scope's cells/frees; in a class body, the class cell.
        int slot = scope()->CellIndex(name);
        if (slot < 0) return Fail(pos_, "internal compiler error: missing closure cell '" + name + "'");
        Emit(Op::LOAD_CLOSURE, slot);
      }
      Emit(Op::BUILD_TUPLE, static_cast<uint32_t>(child_scope->freevars.size()));
      flags |= vm::kFnClosure;
    }
    LoadConst(Value::Obj(child));
    Emit(Op::MAKE_FUNCTION, flags);
  }

  // A generator's first instruction: where an exception thrown into it before it started is
  // reported (the `def` line, as CPython's RETURN_GENERATOR), see vm/generator.cc.
  void GeneratorPrologue(int line) {
    PosScope p(*this, Pos{line, -1, line, -1});
    Emit(Op::NOP);
  }

  vm::CodeObject* FunctionBody(Scope* s, const std::string& name, int line, const StmtList* body, const Expr* lambda_body) {
    EnterUnit(s, name, line);
    code()->flags |= vm::kCodeNested;
    if (s->is_generator) GeneratorPrologue(line);
    if (lambda_body) {
      PosScope p(*this, lambda_body->pos);
      Expr_(*lambda_body);
      EmitReturn();
    } else {
      // A docstring becomes the first constant, which MAKE_FUNCTION makes the __doc__.
      if (const std::string* doc = Docstring(*body); doc != nullptr && AddConst(StrConst(*doc)) == 0)
        code()->flags |= vm::kCodeDocstring;
      Body(*body);
      if (code()->code.empty() || !IsReturn(vm::DecodeOp(code()->code.back()))) {
        // The implicit return belongs to the last line of the body.
        EmitReturnNone();
      }
    }
    return ok_ ? LeaveUnit() : nullptr;
  }

  // Each decorator is pushed as a callable ready for CALL 1 once the object below it exists.
  void Decorators(const ExprList& decorators) {
    for (const auto& d : decorators) {
      Emit(Op::PUSH_NULL);
      Expr_(*d);
    }
  }

  void FunctionDef_(const FunctionDef& f) {
    if (f.is_async) return Fail(f.pos, "'async def' is not supported by gilvm");
    Decorators(f.decorator_list);
    uint32_t flags = Defaults(f.args);
    flags |= Annotations(f.args, f.returns.get());
    Scope* s = symbols_.ScopeFor(&f);
    vm::CodeObject* child = FunctionBody(s, f.name, f.pos.line, &f.body, nullptr);
    if (!child) return;
    MakeFunction(child, s, flags);
    for (size_t i = 0; i < f.decorator_list.size(); ++i) Emit(Op::CALL, 1);
    NameOp(f.name, ExprContext::kStore);
  }

  // As CPython: the value is stored first, then a simple name's annotation is evaluated and, in
  // a module or class body, recorded in __annotations__ (which dataclasses and typing read).
  void AnnAssign_(const AnnAssign& a) {
    if (a.value) {
      Expr_(*a.value);
      Store(*a.target);
    }
    if (scope()->type == ScopeType::kFunction || !a.simple) return;
    Expr_(*a.annotation);
    Emit(Op::LOAD_NAME, NameIndex("__annotations__"));
    LoadConst(StrConst(As<Name>(*a.target).id));
    Emit(Op::STORE_SUBSCR);
  }

  // Whether a class body annotates a simple name anywhere outside nested functions and
  // classes (CPython's rule for creating __annotations__).
  static bool HasSimpleAnnotation(const StmtList& body) {
    for (const auto& s : body) {
      switch (s->kind) {
        case StmtKind::kAnnAssign:
          if (As<AnnAssign>(*s).simple) return true;
          break;
        case StmtKind::kIf: {
          auto& i = As<If>(*s);
          if (HasSimpleAnnotation(i.body) || HasSimpleAnnotation(i.orelse)) return true;
          break;
        }
        case StmtKind::kWhile: {
          auto& w = As<While>(*s);
          if (HasSimpleAnnotation(w.body) || HasSimpleAnnotation(w.orelse)) return true;
          break;
        }
        case StmtKind::kFor: {
          auto& f = As<For>(*s);
          if (HasSimpleAnnotation(f.body) || HasSimpleAnnotation(f.orelse)) return true;
          break;
        }
        case StmtKind::kWith:
          if (HasSimpleAnnotation(As<With>(*s).body)) return true;
          break;
        case StmtKind::kMatch:
          for (const auto& c : As<Match>(*s).cases)
            if (HasSimpleAnnotation(c.body)) return true;
          break;
        case StmtKind::kTry: {
          auto& t = As<Try>(*s);
          if (HasSimpleAnnotation(t.body) || HasSimpleAnnotation(t.orelse) ||
              HasSimpleAnnotation(t.finalbody))
            return true;
          for (const auto& h : t.handlers)
            if (HasSimpleAnnotation(h.body)) return true;
          break;
        }
        default: break;
      }
    }
    return false;
  }

  // A class body that opens with a string constant stores it as __doc__, as CPython does.
  void ClassDocstring(const StmtList& body) {
    if (body.empty() || body[0]->kind != StmtKind::kExpr) return;
    const Expr& v = *As<ExprStmt>(*body[0]).value;
    if (v.kind != ExprKind::kConstant || As<Constant>(v).type != Constant::Type::kStr) return;
    LoadConst(StrConst(As<Constant>(v).s));
    Emit(Op::STORE_NAME, NameIndex("__doc__"));
  }

  void ClassDef_(const ClassDef& c) {
    Decorators(c.decorator_list);
    Scope* s = symbols_.ScopeFor(&c);
    EnterUnit(s, c.name, c.pos.line);
    // __module__ = __name__; __qualname__ = "..."
    Emit(Op::LOAD_NAME, NameIndex("__name__"));
    Emit(Op::STORE_NAME, NameIndex("__module__"));
    LoadConst(StrConst(s->qualname));
    Emit(Op::STORE_NAME, NameIndex("__qualname__"));
    ClassDocstring(c.body);
    if (HasSimpleAnnotation(c.body)) SetupAnnotations();
    Body(c.body);
    if (s->needs_class_cell) {
      Emit(Op::LOAD_CLOSURE, s->CellIndex("__class__"));
      Emit(Op::DUP_TOP);
      Emit(Op::STORE_NAME, NameIndex("__classcell__"));
      Emit(Op::RETURN_VALUE);
    } else {
      EmitReturnNone();
    }
    if (!ok_) return;
    vm::CodeObject* body = LeaveUnit();

    Emit(Op::PUSH_NULL);
    Emit(Op::LOAD_BUILD_CLASS);
    MakeFunction(body, s, 0);
    LoadConst(StrConst(c.name));
    CallArgs(c.bases, c.keywords, 2, c.pos);
    for (size_t i = 0; i < c.decorator_list.size(); ++i) Emit(Op::CALL, 1);
    NameOp(c.name, ExprContext::kStore);
  }

  // ---- expressions ---------------------------------------------------------------------

  static uint32_t BinOpCode(Operator op) {
    switch (op) {
      case Operator::kAdd: return static_cast<uint32_t>(vm::BinOp::kAdd);
      case Operator::kSub: return static_cast<uint32_t>(vm::BinOp::kSub);
      case Operator::kMult: return static_cast<uint32_t>(vm::BinOp::kMul);
      case Operator::kMatMult: return static_cast<uint32_t>(vm::BinOp::kMatMul);
      case Operator::kDiv: return static_cast<uint32_t>(vm::BinOp::kTrueDiv);
      case Operator::kFloorDiv: return static_cast<uint32_t>(vm::BinOp::kFloorDiv);
      case Operator::kMod: return static_cast<uint32_t>(vm::BinOp::kMod);
      case Operator::kPow: return static_cast<uint32_t>(vm::BinOp::kPow);
      case Operator::kLShift: return static_cast<uint32_t>(vm::BinOp::kLShift);
      case Operator::kRShift: return static_cast<uint32_t>(vm::BinOp::kRShift);
      case Operator::kBitAnd: return static_cast<uint32_t>(vm::BinOp::kAnd);
      case Operator::kBitOr: return static_cast<uint32_t>(vm::BinOp::kOr);
      case Operator::kBitXor: return static_cast<uint32_t>(vm::BinOp::kXor);
    }
    return 0;
  }

  // Jumps to `label` when `e` is truthy (`when` true) or falsy.
  void JumpIf(const Expr& e, bool when, int label) {
    if (e.kind == ExprKind::kUnaryOp && As<UnaryOp>(e).op == UnaryOperator::kNot) {
      return JumpIf(*As<UnaryOp>(e).operand, !when, label);
    }
    if (e.kind == ExprKind::kBoolOp) {
      auto& b = As<BoolOp>(e);
      bool is_and = b.op == BoolOperator::kAnd;
      if (is_and != when) {
        // and-jump-if-false / or-jump-if-true: any operand decides.
        for (const auto& v : b.values) JumpIf(*v, when, label);
      } else {
        int skip = NewLabel();
        for (size_t i = 0; i + 1 < b.values.size(); ++i) JumpIf(*b.values[i], !when, skip);
        JumpIf(*b.values.back(), when, label);
        Bind(skip);
      }
      return;
    }
    Expr_(e);
    PosScope p(*this, e.pos);
    EmitJump(when ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  }

  void Expr_(const Expr& e) {
    if (!ok_) return;
    PosScope ps(*this, e.pos);
    switch (e.kind) {
      case ExprKind::kName: return NameOp(As<Name>(e).id, ExprContext::kLoad);
      case ExprKind::kConstant: return LoadConst(ConstantValue(As<Constant>(e)));
      case ExprKind::kBinOp: {
        auto& b = As<BinOp>(e);
        Expr_(*b.left);
        Expr_(*b.right);
        Emit(Op::BINARY_OP, BinOpCode(b.op));
        return;
      }
      case ExprKind::kUnaryOp: return UnaryOp_(As<UnaryOp>(e));
      case ExprKind::kBoolOp: {
        auto& b = As<BoolOp>(e);
        int end = NewLabel();
        Op jump = b.op == BoolOperator::kAnd ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i < b.values.size(); ++i) {
          Expr_(*b.values[i]);
          if (i + 1 < b.values.size()) EmitJump(jump, end);
        }
        Bind(end);
        return;
      }
      case ExprKind::kCompare: return Compare_(As<Compare>(e));
      case ExprKind::kIfExp: {
        auto& i = As<IfExp>(e);
        int orelse = NewLabel(), end = NewLabel();
        JumpIf(*i.test, false, orelse);
        Expr_(*i.body);
        EmitJump(Op::JUMP, end);
        Bind(orelse);
        Expr_(*i.orelse);
        Bind(end);
        return;
      }
      case ExprKind::kLambda: {
        auto& l = As<Lambda>(e);
        uint32_t flags = Defaults(l.args);
        Scope* s = symbols_.ScopeFor(&l);
        vm::CodeObject* child = FunctionBody(s, "<lambda>", l.pos.line, nullptr, l.body.get());
        if (child) MakeFunction(child, s, flags);
        return;
      }
      case ExprKind::kCall: return Call_(As<Call>(e));
      case ExprKind::kAttribute: {
        auto& a = As<Attribute>(e);
        Expr_(*a.value);
        Emit(Op::LOAD_ATTR, NameIndex(a.attr));
        return;
      }
      case ExprKind::kSubscript: {
        auto& s = As<Subscript>(e);
        Expr_(*s.value);
        Expr_(*s.slice);
        Emit(Op::BINARY_SUBSCR);
        return;
      }
      case ExprKind::kSlice: {
        auto& s = As<Slice>(e);
        auto part = [&](const ExprPtr& p) {
          if (p) Expr_(*p);
          else LoadConst(Value::None());
        };
        part(s.lower);
        part(s.upper);
        if (s.step) part(s.step);
        Emit(Op::BUILD_SLICE, s.step ? 3 : 2);
        return;
      }
      case ExprKind::kTuple: return Sequence_(As<Sequence>(e), Op::BUILD_TUPLE);
      case ExprKind::kList: return Sequence_(As<Sequence>(e), Op::BUILD_LIST);
      case ExprKind::kSet: return Sequence_(As<Sequence>(e), Op::BUILD_SET);
      case ExprKind::kDict: return Dict_(As<Dict>(e));
      case ExprKind::kStarred: return Fail(e.pos, "can't use starred expression here");
      case ExprKind::kListComp:
      case ExprKind::kSetComp:
      case ExprKind::kDictComp:
      case ExprKind::kGeneratorExp: return Comprehension_(As<Comp>(e));
      case ExprKind::kJoinedStr: {
        auto& j = As<JoinedStr>(e);
        for (const auto& v : j.values) Expr_(*v);
        if (j.values.size() != 1 || j.values[0]->kind != ExprKind::kFormattedValue)
          Emit(Op::BUILD_STRING, static_cast<uint32_t>(j.values.size()));
        return;
      }
      case ExprKind::kFormattedValue: {
        auto& f = As<FormattedValue>(e);
        Expr_(*f.value);
        uint32_t flags = f.conversion == 's' ? 1 : f.conversion == 'r' ? 2 : f.conversion == 'a' ? 3 : 0;
        if (f.format_spec) {
          Expr_(*f.format_spec);
          flags |= vm::kFormatHasSpec;
        }
        Emit(Op::FORMAT_VALUE, flags);
        return;
      }
      case ExprKind::kNamedExpr: {
        auto& n = As<NamedExpr>(e);
        Expr_(*n.value);
        Emit(Op::DUP_TOP);
        Store(*n.target);
        return;
      }
      case ExprKind::kYield: {
        auto& y = As<YieldLike>(e);
        if (y.value) Expr_(*y.value);
        else LoadConst(Value::None());
        Emit(Op::YIELD_VALUE);
        return;
      }
      case ExprKind::kYieldFrom: {
        Expr_(*As<YieldLike>(e).value);
        Emit(Op::GET_YIELD_FROM_ITER);
        LoadConst(Value::None());
        Emit(Op::YIELD_FROM);
        return;
      }
      case ExprKind::kAwait: return Fail(e.pos, "'await' is not supported by gilvm");
    }
  }

  Value ConstantValue(const Constant& c) {
    switch (c.type) {
      case Constant::Type::kNone: return Value::None();
      case Constant::Type::kTrue: return Value::Bool(true);
      case Constant::Type::kFalse: return Value::Bool(false);
      case Constant::Type::kEllipsis: return interp_.ellipsis;
      case Constant::Type::kInt: return Value::Int(c.i);
      case Constant::Type::kBigInt: return vm::MakeInt(ts_, vm::FromDigits(c.s, 10));
      case Constant::Type::kFloat: return Value::Float(c.f);
      case Constant::Type::kImag:
        Fail(c.pos, "complex numbers are not supported by gilvm");
        return Value::None();
      case Constant::Type::kStr: return StrConst(c.s);
      case Constant::Type::kBytes: return Value::Obj(vm::NewBytes(ts_, c.s));
    }
    return Value::None();
  }

  void UnaryOp_(const UnaryOp& u) {
    // Fold -<number> so negative literals are constants, as CPython does.
    if (u.op == UnaryOperator::kUSub && u.operand->kind == ExprKind::kConstant) {
      auto& c = As<Constant>(*u.operand);
      if (c.type == Constant::Type::kInt && c.i != INT64_MIN) return LoadConst(Value::Int(-c.i));
      if (c.type == Constant::Type::kFloat) return LoadConst(Value::Float(-c.f));
    }
    Expr_(*u.operand);
    switch (u.op) {
      case UnaryOperator::kInvert: Emit(Op::UNARY_INVERT); return;
      case UnaryOperator::kNot: Emit(Op::UNARY_NOT); return;
      case UnaryOperator::kUAdd: Emit(Op::UNARY_POSITIVE); return;
      case UnaryOperator::kUSub: Emit(Op::UNARY_NEGATIVE); return;
    }
  }

  void CompareOp(CmpOperator op) {
    switch (op) {
      case CmpOperator::kEq: return Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kEq));
      case CmpOperator::kNotEq: return Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kNe));
      case CmpOperator::kLt: return Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kLt));
      case CmpOperator::kLtE: return Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kLe));
      case CmpOperator::kGt: return Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kGt));
      case CmpOperator::kGtE: return Emit(Op::COMPARE_OP, static_cast<uint32_t>(vm::CmpOp::kGe));
      case CmpOperator::kIs: return Emit(Op::IS_OP, 0);
      case CmpOperator::kIsNot: return Emit(Op::IS_OP, 1);
      case CmpOperator::kIn: return Emit(Op::CONTAINS_OP, 0);
      case CmpOperator::kNotIn: return Emit(Op::CONTAINS_OP, 1);
    }
  }

  void Compare_(const Compare& c) {
    Expr_(*c.left);
    if (c.ops.size() == 1) {
      Expr_(*c.comparators[0]);
      return CompareOp(c.ops[0]);
    }
    int cleanup = NewLabel(), end = NewLabel();
    for (size_t i = 0; i + 1 < c.ops.size(); ++i) {
      Expr_(*c.comparators[i]);
      Emit(Op::DUP_TOP);
      Emit(Op::ROT_THREE);
      CompareOp(c.ops[i]);
      EmitJump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    Expr_(*c.comparators.back());
    CompareOp(c.ops.back());
    EmitJump(Op::JUMP, end);
    Bind(cleanup);
    Emit(Op::ROT_TWO);
    Emit(Op::POP_TOP);
    Bind(end);
  }

  static bool HasStarred(const ExprList& elts) {
    return std::any_of(elts.begin(), elts.end(), [](const ExprPtr& e) { return e->kind == ExprKind::kStarred; });
  }

  // What CPython's AST optimizer folds into a constant: literals, unary operators on them, and
  // tuples of them.
  static bool IsFoldableConstant(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kConstant: return true;
      case ExprKind::kUnaryOp: return IsFoldableConstant(*As<UnaryOp>(e).operand);
      case ExprKind::kTuple:
        return std::all_of(As<Sequence>(e).elts.begin(), As<Sequence>(e).elts.end(),
                           [](const ExprPtr& x) { return IsFoldableConstant(*x); });
      default: return false;
    }
  }

  // A set display of 3+ constants: CPython stores it as a frozenset constant and merges that
  // into a new set, which can order the elements differently from adding them one by one.
  bool ConstantSetDisplay(const Sequence& s) {
    if (s.elts.size() <= 2 || !std::all_of(s.elts.begin(), s.elts.end(), [](const ExprPtr& e) { return IsFoldableConstant(*e); }))
      return false;
    Emit(Op::BUILD_SET, 0);
    for (const auto& e : s.elts) Expr_(*e);
    Emit(Op::BUILD_TUPLE, static_cast<uint32_t>(s.elts.size()));
    Emit(Op::SET_UPDATE, 1 | vm::kSetUpdateViaFrozen);
    return true;
  }

  // The iterable of a for loop or comprehension. A set display of constants there is, in
  // CPython, a frozenset constant iterated as it is (its order can differ from a set's).
  void IterExpr_(const Expr& e) {
    if (e.kind != ExprKind::kSet || !std::all_of(As<Sequence>(e).elts.begin(), As<Sequence>(e).elts.end(),
                                                 [](const ExprPtr& x) { return IsFoldableConstant(*x); }))
      return Expr_(e);
    const Sequence& s = As<Sequence>(e);
    Emit(Op::BUILD_SET, 0);
    for (const auto& x : s.elts) Expr_(*x);
    Emit(Op::BUILD_TUPLE, static_cast<uint32_t>(s.elts.size()));
    Emit(Op::SET_UPDATE, 1 | vm::kSetUpdateViaFrozen | vm::kSetUpdateFrozenResult);
  }

  void Sequence_(const Sequence& s, Op build) {
    if (build == Op::BUILD_SET && ConstantSetDisplay(s)) return;
    if (!HasStarred(s.elts)) {
      for (const auto& e : s.elts) Expr_(*e);
      Emit(build, static_cast<uint32_t>(s.elts.size()));
      return;
    }
    // With *items: build a list (or set) incrementally, then convert.
    bool is_set = build == Op::BUILD_SET;
    Emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
    for (const auto& e : s.elts) {
      if (e->kind == ExprKind::kStarred) {
        Expr_(*As<Starred>(*e).value);
        Emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
      } else {
        Expr_(*e);
        Emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
      }
    }
    if (build == Op::BUILD_TUPLE) Emit(Op::LIST_TO_TUPLE);
  }

  void Dict_(const Dict& d) {
    bool unpacks = std::any_of(d.keys.begin(), d.keys.end(), [](const ExprPtr& k) { return k == nullptr; });
    if (!unpacks) {
      for (size_t i = 0; i < d.values.size(); ++i) {
        Expr_(*d.keys[i]);
        Expr_(*d.values[i]);
      }
      Emit(Op::BUILD_MAP, static_cast<uint32_t>(d.values.size()));
      return;
    }
    Emit(Op::BUILD_MAP, 0);
    for (size_t i = 0; i < d.values.size(); ++i) {
      if (d.keys[i]) {
        Expr_(*d.keys[i]);
        Expr_(*d.values[i]);
        Emit(Op::MAP_ADD, 1);
      } else {
        Expr_(*d.values[i]);
        Emit(Op::DICT_UPDATE, 1);
      }
    }
  }

  // Pushes the call's arguments and emits the call. `extra` positional values are already on
  // the stack after the callable (class bases after the body function and name).
  void CallArgs(const ExprList& args, const std::vector<Keyword>& keywords, uint32_t extra, const Pos& call_pos) {
    bool star = HasStarred(args) || std::any_of(keywords.begin(), keywords.end(), [](const Keyword& k) { return k.arg.empty(); });
    if (!star) {
      for (const auto& a : args) Expr_(*a);
      std::vector<Value> names;
      for (const auto& k : keywords) {
        Expr_(*k.value);
        names.push_back(StrConst(k.arg));
      }
      PosScope p(*this, call_pos);
      if (!names.empty()) Emit(Op::KW_NAMES, AddConst(Value::Obj(vm::NewTuple(ts_, std::move(names)))));
      Emit(Op::CALL, static_cast<uint32_t>(args.size() + keywords.size()) + extra);
      return;
    }
    // General form: positional tuple (+ kwargs dict) and CALL_FUNCTION_EX.
    Emit(Op::BUILD_LIST, extra);
    for (const auto& a : args) {
      if (a->kind == ExprKind::kStarred) {
        Expr_(*As<Starred>(*a).value);
        Emit(Op::LIST_EXTEND, 1 | vm::kListExtendCallArgs);
      } else {
        Expr_(*a);
        Emit(Op::LIST_APPEND, 1);
      }
    }
    Emit(Op::LIST_TO_TUPLE);
    uint32_t flags = 0;
    if (!keywords.empty()) {
      Emit(Op::BUILD_MAP, 0);
      for (const auto& k : keywords) {
        if (k.arg.empty()) {
          Expr_(*k.value);
          Emit(Op::DICT_MERGE, 1);
        } else {
          LoadConst(StrConst(k.arg));
          Expr_(*k.value);
          Emit(Op::MAP_ADD, 1 | vm::kMapAddCallKeyword);
        }
      }
      flags = 1;
    }
    PosScope p(*this, call_pos);
    Emit(Op::CALL_FUNCTION_EX, flags);
  }

  void Call_(const Call& c) {
    bool simple = !HasStarred(c.args) &&
                  std::none_of(c.keywords.begin(), c.keywords.end(), [](const Keyword& k) { return k.arg.empty(); });
    if (c.func->kind == ExprKind::kAttribute && simple) {
      auto& a = As<Attribute>(*c.func);
      Expr_(*a.value);
      {
        PosScope p(*this, a.pos);
        Emit(Op::LOAD_METHOD, NameIndex(a.attr));
      }
    } else {
      Emit(Op::PUSH_NULL);
      Expr_(*c.func);
    }
    CallArgs(c.args, c.keywords, 0, c.pos);
  }

  void Comprehension_(const Comp& c) {
    Scope* s = symbols_.ScopeFor(&c);
    EnterUnit(s, s->name, c.pos.line);
    code()->flags |= vm::kCodeNested;
    if (c.kind == ExprKind::kGeneratorExp) {
      GeneratorPrologue(c.pos.line);
      ComprehensionLoop(c, 0);
      EmitReturnNone();
    } else {
      Op build = c.kind == ExprKind::kListComp ? Op::BUILD_LIST : c.kind == ExprKind::kSetComp ? Op::BUILD_SET : Op::BUILD_MAP;
      Emit(build, 0);
      ComprehensionLoop(c, 0);
      Emit(Op::RETURN_VALUE);
    }
    if (!ok_) return;
    vm::CodeObject* child = LeaveUnit();

    Emit(Op::PUSH_NULL);
    MakeFunction(child, s, 0);
    IterExpr_(*c.generators[0].iter);
    Emit(Op::GET_ITER);
    Emit(Op::CALL, 1);
  }

  void ComprehensionLoop(const Comp& c, size_t depth) {
    const Comprehension& g = c.generators[depth];
    int top = NewLabel(), end = NewLabel();
    if (depth == 0) {
      Emit(Op::LOAD_FAST, 0);  // .0, the outermost iterator
    } else {
      IterExpr_(*g.iter);
      Emit(Op::GET_ITER);
    }
    Bind(top);
    EmitJump(Op::FOR_ITER, end);
    Store(*g.target);
    for (const auto& cond : g.ifs) JumpIf(*cond, false, top);
    if (depth + 1 < c.generators.size()) {
      ComprehensionLoop(c, depth + 1);
    } else {
      // The result sits below one iterator per loop level.
      uint32_t below = static_cast<uint32_t>(c.generators.size()) + 1;
      if (c.kind == ExprKind::kGeneratorExp) {
        Expr_(*c.elt);
        Emit(Op::YIELD_VALUE);
        Emit(Op::POP_TOP);
      } else if (c.kind == ExprKind::kDictComp) {
        Expr_(*c.key);
        Expr_(*c.value);
        Emit(Op::MAP_ADD, below);
      } else {
        Expr_(*c.elt);
        Emit(c.kind == ExprKind::kListComp ? Op::LIST_APPEND : Op::SET_ADD, below);
      }
    }
    EmitJump(Op::JUMP, top);
    Bind(end);
  }

  // ---- assignment targets ------------------------------------------------------------------

  void Store(const Expr& t) {
    PosScope ps(*this, t.pos);
    switch (t.kind) {
      case ExprKind::kName: return NameOp(As<Name>(t).id, ExprContext::kStore);
      case ExprKind::kAttribute: {
        auto& a = As<Attribute>(t);
        Expr_(*a.value);
        Emit(Op::STORE_ATTR, NameIndex(a.attr));
        return;
      }
      case ExprKind::kSubscript: {
        auto& s = As<Subscript>(t);
        Expr_(*s.value);
        Expr_(*s.slice);
        Emit(Op::STORE_SUBSCR);
        return;
      }
      case ExprKind::kTuple:
      case ExprKind::kList: {
        auto& seq = As<Sequence>(t);
        size_t star = seq.elts.size();
        for (size_t i = 0; i < seq.elts.size(); ++i) {
          if (seq.elts[i]->kind != ExprKind::kStarred) continue;
          if (star != seq.elts.size()) return Fail(seq.elts[i]->pos, "multiple starred expressions in assignment");
          star = i;
        }
        if (star == seq.elts.size()) {
          Emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(seq.elts.size()));
        } else {
          size_t after = seq.elts.size() - star - 1;
          if (star > 255 || after > 65535) return Fail(t.pos, "too many expressions in star-unpacking assignment");
          Emit(Op::UNPACK_EX, static_cast<uint32_t>(star | (after << 8)));
        }
        for (const auto& e : seq.elts) Store(e->kind == ExprKind::kStarred ? *As<Starred>(*e).value : *e);
        return;
      }
      default: return Fail(t.pos, "cannot assign to expression");
    }
  }

  void Delete_(const Expr& t) {
    PosScope ps(*this, t.pos);
    switch (t.kind) {
      case ExprKind::kName: return NameOp(As<Name>(t).id, ExprContext::kDel);
      case ExprKind::kAttribute: {
        auto& a = As<Attribute>(t);
        Expr_(*a.value);
        Emit(Op::DELETE_ATTR, NameIndex(a.attr));
        return;
      }
      case ExprKind::kSubscript: {
        auto& s = As<Subscript>(t);
        Expr_(*s.value);
        Expr_(*s.slice);
        Emit(Op::DELETE_SUBSCR);
        return;
      }
      case ExprKind::kTuple:
      case ExprKind::kList:
        for (const auto& e : As<Sequence>(t).elts) Delete_(*e);
        return;
      default: return Fail(t.pos, "cannot delete expression");
    }
  }

  vm::ThreadState& ts_;
  vm::Interpreter& interp_;
  SymbolTable& symbols_;
  std::string filename_;
  SyntaxErrorInfo* error_;
  std::deque<Unit> units_;  // a deque: references to outer units stay valid while inner ones nest
  Pos pos_;
  bool ok_ = true;
  bool interactive_ = false;  // compiling ParseMode::kSingle: the module's expressions echo
};

}  // namespace

vm::CodeObject* CompileModule(vm::ThreadState& ts, const Module& module, std::string_view filename, ParseMode mode,
                              SyntaxErrorInfo* error) {
  NoGcScope no_gc(ts.interp.heap);
  SymbolTable symbols;
  if (!symbols.Build(module, error)) return nullptr;
  CodeGen gen(ts, symbols, filename, error);
  return gen.CompileModule(module, mode);
}

namespace {

bool IsCompound(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::kIf:
    case StmtKind::kWhile:
    case StmtKind::kFor:
    case StmtKind::kFunctionDef:
    case StmtKind::kClassDef:
    case StmtKind::kTry:
    case StmtKind::kWith:
    case StmtKind::kMatch: return true;
    default: return false;
  }
}

// Whether the last line of `source` (lines ending in "\n") holds nothing but blanks.
bool EndsWithBlankLine(std::string_view source) {
  if (!source.ends_with('\n')) return false;
  source.remove_suffix(1);
  size_t start = source.rfind('\n');
  std::string_view last = source.substr(start == std::string_view::npos ? 0 : start + 1);
  return last.find_first_not_of(" \t\f\r") == std::string_view::npos && start != std::string_view::npos;
}

// Raises SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) for `error`
// (or the IndentationError, TabError or RecursionError it names) on `ts`; returns null.
vm::CodeObject* RaiseSyntaxError(vm::ThreadState& ts, SyntaxErrorInfo error, std::string_view source,
                                 std::string_view filename) {
  vm::Interpreter& interp = ts.interp;
  vm::TypeObject* type = interp.exc.SyntaxError;
  if (error.type == "IndentationError") type = interp.exc.IndentationError;
  if (error.type == "TabError") type = interp.exc.TabError;
  if (error.type == "RecursionError") {
    // Nesting too deep to compile: CPython reports it as a plain RecursionError.
    vm::Raise(ts, interp.exc.RecursionError, error.msg);
    return nullptr;
  }
  if (error.text.empty() && error.line > 0) {
    // The compiler does not know the line text; take it from the source.
    size_t start = 0;
    for (int l = 1; l < error.line && start != std::string_view::npos; ++l) {
      start = source.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start != std::string_view::npos) {
      size_t end = source.find('\n', start);
      error.text = std::string(source.substr(start, end == std::string_view::npos ? end : end - start));
    }
  }
  vm::ExceptionObject* exc = vm::NewException(ts, type, error.msg);
  vm::RootedPtr<vm::ExceptionObject> root(ts, exc);
  // Each value is made after its (interned, hence rooted) key, and stored before anything else
  // allocates.
  auto set = [&](const char* name, auto make) {
    vm::StrObject* key = vm::Intern(interp, name);
    vm::DictSetStr(exc->dict, key, make());
  };
  auto str = [&](std::string_view s) { return [&ts, s] { return vm::NewStrValue(ts, s); }; };
  auto num = [](int n) { return [n] { return n > 0 ? Value::Int(n) : Value::None(); }; };
  std::string text = error.text + "\n";
  set("msg", str(error.msg));
  set("filename", str(filename));
  set("lineno", num(error.line));
  set("offset", num(error.col));
  if (error.line > 0) set("text", str(text));
  else set("text", [] { return Value::None(); });
  set("end_lineno", num(error.end_line));
  set("end_offset", num(error.end_col));
  set("print_file_and_line", [] { return Value::None(); });
  vm::RaiseObject(ts, exc);
  return nullptr;
}

}  // namespace

vm::CodeObject* CompileSource(vm::ThreadState& ts, std::string_view source, std::string_view filename, ParseMode mode) {
  SyntaxErrorInfo error;
  std::unique_ptr<Module> module = Parse(source, mode, &error);
  vm::CodeObject* code = module ? CompileModule(ts, *module, filename, mode, &error) : nullptr;
  return code != nullptr ? code : RaiseSyntaxError(ts, std::move(error), source, filename);
}

vm::CodeObject* CompileInteractive(vm::ThreadState& ts, std::string_view source, std::string_view filename,
                                   bool* incomplete) {
  bool more = incomplete != nullptr;  // whether more lines can come
  if (more) *incomplete = false;
  SyntaxErrorInfo error;
  std::unique_ptr<Module> module = Parse(source, ParseMode::kSingle, &error);
  bool ended = !more || EndsWithBlankLine(source);
  if (module == nullptr) {
    // Inside a bracket or string the input goes on, blank lines and all; a missing statement
    // (a block's body) may come on the next line, but not after a blank one.
    if (more && error.incomplete && !(ended && error.statement_expected)) {
      *incomplete = true;
      return nullptr;
    }
    return RaiseSyntaxError(ts, std::move(error), source, filename);
  }
  // A compound statement goes on (an `else:`, more of its body) until a blank line.
  if (!ended && !module->body.empty() && IsCompound(*module->body.back())) {
    *incomplete = true;
    return nullptr;
  }
  vm::CodeObject* code = CompileModule(ts, *module, filename, ParseMode::kSingle, &error);
  return code != nullptr ? code : RaiseSyntaxError(ts, std::move(error), source, filename);
}

}  // namespace gilvm::compiler

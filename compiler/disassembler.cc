#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compiler/compiler.h"
#include "vm/bytes.h"
#include "vm/code.h"
#include "vm/opcodes.h"
#include "vm/str.h"

namespace gilvm::compiler {

namespace {

std::string ConstRepr(const vm::Value& v) {
  switch (v.tag()) {
    case vm::Tag::kNone: return "None";
    case vm::Tag::kBool: return v.as_bool() ? "True" : "False";
    case vm::Tag::kInt: return absl::StrCat(v.as_int());
    case vm::Tag::kFloat: return absl::StrCat(v.as_float());
    case vm::Tag::kObject:
      if (vm::IsStr(v)) return vm::StrRepr(vm::As<vm::StrObject>(v)->view());
      if (vm::IsBytes(v)) return vm::BytesRepr(vm::As<vm::BytesObject>(v)->view(), false);
      if (v.as_object()->kind == vm::Kind::kCode) return "<code " + vm::As<vm::CodeObject>(v)->name + ">";
      if (v.as_object()->kind == vm::Kind::kTuple) return "(tuple)";
      return "<object>";
    case vm::Tag::kNull: break;
  }
  return "NULL";
}

std::string ArgText(const vm::CodeObject& code, vm::Op op, uint32_t arg) {
  auto name = [](const std::vector<vm::StrObject*>& v, uint32_t i) { return i < v.size() ? v[i]->str() : std::string("?"); };
  switch (vm::kOpInfo[static_cast<int>(op)].arg) {
    case vm::ArgKind::C: return arg < code.consts.size() ? ConstRepr(code.consts[arg]) : "?";
    case vm::ArgKind::L: return name(code.varnames, arg);
    case vm::ArgKind::D:
      return arg < code.cellvars.size() ? code.cellvars[arg]->str() : name(code.freevars, arg - code.cellvars.size());
    case vm::ArgKind::G: return name(code.names, arg);
    case vm::ArgKind::J: return absl::StrCat("to ", arg);
    default: return "";
  }
}

void DisassembleInto(const vm::CodeObject& code, std::string& out) {
  absl::StrAppend(&out, "Disassembly of ", code.qualname, " (", code.filename, ", line ", code.firstlineno, "):\n");
  int last_line = -1;
  std::vector<const vm::CodeObject*> nested;
  for (size_t i = 0; i < code.code.size(); ++i) {
    vm::Op op = vm::DecodeOp(code.code[i]);
    uint32_t arg = vm::DecodeArg(code.code[i]);
    int line = code.positions[i].line;
    std::string line_col = line != last_line && line > 0 ? absl::StrCat(line) : "";
    if (line != last_line && i > 0) out += "\n";
    last_line = line;
    const vm::OpInfo& info = vm::kOpInfo[static_cast<int>(op)];
    std::string text = absl::StrFormat("%6s %6d %-22s", line_col, i, info.name);
    if (info.arg != vm::ArgKind::N) {
      absl::StrAppendFormat(&text, " %4d", arg);
      std::string extra = ArgText(code, op, arg);
      if (!extra.empty()) absl::StrAppend(&text, " (", extra, ")");
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    absl::StrAppend(&out, text, "\n");
    if (op == vm::Op::LOAD_CONST && arg < code.consts.size() && code.consts[arg].is_object() &&
        code.consts[arg].as_object()->kind == vm::Kind::kCode)
      nested.push_back(vm::As<vm::CodeObject>(code.consts[arg]));
  }
  for (const vm::CodeObject* c : nested) {
    out += "\n";
    DisassembleInto(*c, out);
  }
}

}  // namespace

std::string Disassemble(const vm::CodeObject& code) {
  std::string out;
  DisassembleInto(code, out);
  return out;
}

}  // namespace gilvm::compiler

// The instruction set: one X-macro list. The enum, the disassembler's names, the dispatch table
// and the compiler's stack-depth computation all come from it.
//
// Invariants:
//  - An instruction is one 32-bit word: opcode in the low 8 bits, argument in the high 24.
//  - OPCODE(name, pops, pushes, arg_kind): `pops`/`pushes` are the stack effect when it does not
//    depend on the argument; kVar marks the ones computed by StackEffect() from the argument.
//  - Jump arguments are absolute instruction indexes.
#pragma once

#include <cstdint>

namespace gilvm::vm {

inline constexpr int kVar = -1;

// arg kinds: N none, C const index, L local slot, D cell/free slot, G name index, J jump target,
// I immediate integer, O operator code.
#define GILVM_OPCODES(X)                                                                   \
  X(NOP, 0, 0, N)                                                                          \
  X(POP_TOP, 1, 0, N)                                                                      \
  X(DUP_TOP, 1, 2, N)                                                                      \
  X(DUP_TOP_TWO, 2, 4, N)                                                                  \
  X(ROT_TWO, 2, 2, N)                                                                      \
  X(ROT_THREE, 3, 3, N)                                                                    \
  X(ROT_FOUR, 4, 4, N)                                                                     \
  X(PUSH_NULL, 0, 1, N)                                                                    \
  X(LOAD_CONST, 0, 1, C)                                                                   \
  X(LOAD_FAST, 0, 1, L)                                                                    \
  X(STORE_FAST, 1, 0, L)                                                                   \
  X(DELETE_FAST, 0, 0, L)                                                                  \
  X(LOAD_DEREF, 0, 1, D)                                                                   \
  X(STORE_DEREF, 1, 0, D)                                                                  \
  X(DELETE_DEREF, 0, 0, D)                                                                 \
  X(LOAD_CLOSURE, 0, 1, D)                                                                 \
  X(LOAD_CLASSDEREF, 0, 1, D)                                                              \
  X(LOAD_GLOBAL, 0, 1, G)                                                                  \
  X(STORE_GLOBAL, 1, 0, G)                                                                 \
  X(DELETE_GLOBAL, 0, 0, G)                                                                \
  X(LOAD_NAME, 0, 1, G)                                                                    \
  X(STORE_NAME, 1, 0, G)                                                                   \
  X(DELETE_NAME, 0, 0, G)                                                                  \
  X(LOAD_ATTR, 1, 1, G)                                                                    \
  X(STORE_ATTR, 2, 0, G)                                                                   \
  X(DELETE_ATTR, 1, 0, G)                                                                  \
  /* obj -> (method, obj) or (NULL, attr): feeds CALL without a bound-method object */    \
  X(LOAD_METHOD, 1, 2, G)                                                                  \
  X(BINARY_OP, 2, 1, O)                                                                    \
  X(UNARY_NEGATIVE, 1, 1, N)                                                               \
  X(UNARY_POSITIVE, 1, 1, N)                                                               \
  X(UNARY_NOT, 1, 1, N)                                                                    \
  X(UNARY_INVERT, 1, 1, N)                                                                 \
  X(COMPARE_OP, 2, 1, O)                                                                   \
  X(IS_OP, 2, 1, I)                                                                        \
  X(CONTAINS_OP, 2, 1, I)                                                                  \
  X(BINARY_SUBSCR, 2, 1, N)                                                                \
  X(STORE_SUBSCR, 3, 0, N)                                                                 \
  X(DELETE_SUBSCR, 2, 0, N)                                                                \
  X(BUILD_SLICE, kVar, 1, I)                                                               \
  X(BUILD_TUPLE, kVar, 1, I)                                                               \
  X(BUILD_LIST, kVar, 1, I)                                                                \
  X(BUILD_SET, kVar, 1, I)                                                                 \
  X(BUILD_MAP, kVar, 1, I)                                                                 \
  X(BUILD_STRING, kVar, 1, I)                                                              \
  X(LIST_APPEND, 1, 0, I)                                                                  \
  X(SET_ADD, 1, 0, I)                                                                      \
  X(MAP_ADD, 2, 0, I)                                                                      \
  X(LIST_EXTEND, 1, 0, I)                                                                  \
  X(SET_UPDATE, 1, 0, I)                                                                   \
  X(DICT_UPDATE, 1, 0, I)                                                                  \
  /* like DICT_UPDATE for a call's **kwargs: duplicates and non-mappings are call errors */ \
  X(DICT_MERGE, 1, 0, I)                                                                   \
  X(LIST_TO_TUPLE, 1, 1, N)                                                                \
  X(FORMAT_VALUE, kVar, 1, I)                                                              \
  X(UNPACK_SEQUENCE, 1, kVar, I)                                                           \
  X(UNPACK_EX, 1, kVar, I)                                                                 \
  X(JUMP, 0, 0, J)                                                                         \
  X(POP_JUMP_IF_FALSE, 1, 0, J)                                                            \
  X(POP_JUMP_IF_TRUE, 1, 0, J)                                                             \
  X(JUMP_IF_FALSE_OR_POP, kVar, kVar, J)                                                   \
  X(JUMP_IF_TRUE_OR_POP, kVar, kVar, J)                                                    \
  X(GET_ITER, 1, 1, N)                                                                     \
  /* iterator -> iterator value, or pops the iterator and jumps when exhausted */         \
  X(FOR_ITER, kVar, kVar, J)                                                               \
  X(KW_NAMES, 0, 0, C)                                                                     \
  /* (NULL|method, callable|self, args...) -> result; arg = number of args */             \
  X(CALL, kVar, 1, I)                                                                      \
  /* (NULL|callable... see compiler) callable, args tuple, [kwargs dict] -> result */     \
  X(CALL_FUNCTION_EX, kVar, 1, I)                                                          \
  X(RETURN_VALUE, 1, 0, N)                                                                 \
  X(MAKE_FUNCTION, kVar, 1, I)                                                             \
  X(LOAD_BUILD_CLASS, 0, 1, N)                                                             \
  X(RAISE_VARARGS, kVar, 0, I)                                                             \
  X(SETUP_FINALLY, 0, 0, J)                                                                \
  X(POP_BLOCK, 0, 0, N)                                                                    \
  /* (prev_exc) -> (): leave an except handler, restoring the previously handled exc */    \
  X(POP_EXCEPT, 1, 0, N)                                                                   \
  /* (exc) -> re-raised without a new traceback entry */                                   \
  X(RERAISE, 1, 0, N)                                                                      \
  /* (exc, type) -> (exc, bool) */                                                         \
  X(CHECK_EXC_MATCH, 2, 2, N)                                                              \
  X(LOAD_ASSERTION_ERROR, 0, 1, N)                                                         \
  X(SETUP_WITH, 1, 2, J)                                                                   \
  X(WITH_EXCEPT_START, 0, 1, N)                                                            \
  X(IMPORT_NAME, 2, 1, G)                                                                  \
  X(IMPORT_FROM, 1, 2, G)                                                                  \
  X(IMPORT_STAR, 1, 0, N)                                                                  \
  X(YIELD_VALUE, 1, 1, N)                                                                  \
  X(GET_YIELD_FROM_ITER, 1, 1, N)                                                          \
  X(YIELD_FROM, 2, 1, N)                                                                   \
  X(PRINT_EXPR, 1, 0, N)                                                                   \
  X(ROT_N, 0, 0, I)                 /* moves TOS down to position arg (1 = TOS) */         \
  X(LIFT_N, 0, 0, I)                /* brings the item at position arg up to TOS */        \
  X(MATCH_SEQUENCE, 1, 2, N)        /* pushes whether TOS may match a sequence pattern */  \
  X(MATCH_MAPPING, 1, 2, N)         /* pushes whether TOS may match a mapping pattern */   \
  X(GET_LEN, 1, 2, N)               /* pushes len(TOS) */                                  \
  X(MATCH_KEYS, 2, 3, N)            /* subject, keys -> subject, keys, values or None */   \
  X(COPY_DICT_WITHOUT_KEYS, 2, 2, N) /* subject, keys -> subject, dict without keys */     \
  X(MATCH_CLASS, 3, 1, I)           /* subject, cls, names -> attributes or None */       \
  /* (value) -> (): return from a generator's frame (vm/generator.h) */                   \
  X(GEN_RETURN, 1, 0, N)

enum class Op : uint8_t {
#define GILVM_OP_ENUM(name, pops, pushes, arg) name,
  GILVM_OPCODES(GILVM_OP_ENUM)
#undef GILVM_OP_ENUM
};

inline constexpr int kNumOpcodes = 0
#define GILVM_OP_COUNT(name, pops, pushes, arg) +1
    GILVM_OPCODES(GILVM_OP_COUNT)
#undef GILVM_OP_COUNT
    ;

enum class ArgKind : uint8_t { N, C, L, D, G, J, I, O };

struct OpInfo {
  const char* name;
  int pops;
  int pushes;
  ArgKind arg;
};

inline constexpr OpInfo kOpInfo[] = {
#define GILVM_OP_INFO(name, pops, pushes, arg) {#name, pops, pushes, ArgKind::arg},
    GILVM_OPCODES(GILVM_OP_INFO)
#undef GILVM_OP_INFO
};

inline constexpr uint32_t kMaxArg = (1u << 24) - 1;
inline constexpr uint32_t Encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline constexpr Op DecodeOp(uint32_t word) { return static_cast<Op>(word & 0xff); }
inline constexpr uint32_t DecodeArg(uint32_t word) { return word >> 8; }

// Binary operator codes (BINARY_OP's argument); the in-place forms add kInplace.
enum class BinOp : uint8_t {
  kAdd, kSub, kMul, kMatMul, kTrueDiv, kFloorDiv, kMod, kPow, kLShift, kRShift, kAnd, kOr, kXor,
};
inline constexpr uint32_t kInplace = 16;
inline constexpr int kNumBinOps = 13;
// COMPARE_OP's argument.
enum class CmpOp : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };

// MAKE_FUNCTION flags.
inline constexpr uint32_t kFnDefaults = 1, kFnKwDefaults = 2, kFnAnnotations = 4, kFnClosure = 8;
// MAP_ADD flag: the dict holds a call's keyword arguments, so a duplicate key is an error.
inline constexpr uint32_t kMapAddCallKeyword = 0x8000;
// LIST_EXTEND flag: the list holds a call's positional arguments (the callable sits below it).
inline constexpr uint32_t kListExtendCallArgs = 0x8000;
// SET_UPDATE flag: build a frozenset of the iterable first (a constant set display, as CPython).
inline constexpr uint32_t kSetUpdateViaFrozen = 0x8000;
// SET_UPDATE flag (with kSetUpdateViaFrozen): that frozenset replaces the set below it (the
// constant set a for loop iterates).
inline constexpr uint32_t kSetUpdateFrozenResult = 0x4000;
// FORMAT_VALUE flags: low 2 bits conversion (0 none, 1 str, 2 repr, 3 ascii), 4: has spec.
inline constexpr uint32_t kFormatHasSpec = 4;

}  // namespace gilvm::vm

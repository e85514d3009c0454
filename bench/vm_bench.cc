// Interpreter micro-benchmarks: the hot paths of the VM, each a small Python loop compiled once
// and run repeatedly. Report items/s = loop iterations per second; compare runs of the same
// build, or builds against each other, never a lone figure against another machine.
//
//   build/bench/micro_bench --benchmark_filter=Vm
#include <string>

#include <benchmark/benchmark.h>

#include "compiler/compiler.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/interpreter.h"
#include "vm/str.h"

namespace {

using gilvm::vm::CodeObject;
using gilvm::vm::DictObject;
using gilvm::vm::Interpreter;
using gilvm::vm::Root;
using gilvm::vm::RootedPtr;
using gilvm::vm::Value;

constexpr int kIterations = 10000;

// Compiles `body` (which loops `n` times; n is a global) once, then runs it per benchmark
// iteration in a fresh namespace.
void RunLoop(benchmark::State& state, const char* setup, const char* body) {
  Interpreter interp;
  auto& ts = interp.main_thread();
  std::string source = std::string(setup) + "\n" + body;
  CodeObject* code = gilvm::compiler::CompileSource(ts, source, "<bench>", gilvm::compiler::ParseMode::kFile);
  if (code == nullptr) {
    state.SkipWithError("compile failed");
    return;
  }
  Root code_root(ts, Value::Obj(code));
  for (auto _ : state) {
    RootedPtr<DictObject> globals(ts, gilvm::vm::NewDict(ts));
    gilvm::vm::DictSetStr(globals.get(), gilvm::vm::Intern(interp, "n"), Value::Int(kIterations));
    Value r = gilvm::vm::EvalCode(ts, code, globals.get(), globals.get());
    if (r.is_null()) {
      state.SkipWithError("script raised");
      gilvm::vm::ClearException(ts);
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * kIterations);
}

void VmDispatchLoop(benchmark::State& state) {
  RunLoop(state, "", "def f(n):\n    i = 0\n    t = 0\n    while i < n:\n        t += i & 7\n        i += 1\n    return t\nf(n)\n");
}
BENCHMARK(VmDispatchLoop);

void VmCalls(benchmark::State& state) {
  RunLoop(state, "def g(a, b):\n    return a + b\n",
          "def f(n):\n    t = 0\n    for i in range(n):\n        t = g(t, i)\n    return t\nf(n)\n");
}
BENCHMARK(VmCalls);

void VmMethodCallsAndAttributes(benchmark::State& state) {
  RunLoop(state,
          "class P:\n    def __init__(self):\n        self.x = 0\n    def bump(self, d):\n        self.x = self.x + d\n",
          "def f(n):\n    p = P()\n    for i in range(n):\n        p.bump(1)\n    return p.x\nf(n)\n");
}
BENCHMARK(VmMethodCallsAndAttributes);

void VmDictOps(benchmark::State& state) {
  RunLoop(state, "",
          "def f(n):\n    d = {}\n    for i in range(n):\n        d[i & 255] = d.get(i & 255, 0) + 1\n    return len(d)\nf(n)\n");
}
BENCHMARK(VmDictOps);

void VmStringBuilding(benchmark::State& state) {
  RunLoop(state, "",
          "def f(n):\n    parts = []\n    for i in range(n):\n        parts.append(str(i))\n    return len(','.join(parts))\nf(n)\n");
}
BENCHMARK(VmStringBuilding);

void VmGlobalsAndBuiltins(benchmark::State& state) {
  RunLoop(state, "K = 3\n",
          "def f(n):\n    t = 0\n    for i in range(n):\n        t += K + abs(-i) + len('ab')\n    return t\nf(n)\n");
}
BENCHMARK(VmGlobalsAndBuiltins);

// One call site, four classes: the inline cache's ways.
void VmPolymorphicMethodCalls(benchmark::State& state) {
  RunLoop(state,
          "class A:\n    def __init__(self):\n        self.v = 1\n    def get(self):\n        return self.v\n"
          "class B(A):\n    pass\nclass C(A):\n    def get(self):\n        return self.v * 2\nclass D(C):\n    pass\n"
          "objs = [A(), B(), C(), D()]\n",
          "def f(n):\n    t = 0\n    for i in range(n):\n        t += objs[i & 3].get()\n    return t\nf(n)\n");
}
BENCHMARK(VmPolymorphicMethodCalls);

// Short-lived tuples and instances: the heap's free lists.
void VmAllocation(benchmark::State& state) {
  RunLoop(state, "class P:\n    def __init__(self, x):\n        self.x = x\n",
          "def f(n):\n    t = 0\n    for i in range(n):\n        p = (i, i + 1)\n        t += P(p[1]).x\n    return t\nf(n)\n");
}
BENCHMARK(VmAllocation);

// s[i] and iteration over a str: the shared one-character strings.
void VmStringIndexing(benchmark::State& state) {
  RunLoop(state, "s = 'abcdefghij' * 10\n",
          "def f(n):\n    t = 0\n    for i in range(n):\n        if s[i % 100] == 'c':\n            t += 1\n    return t\nf(n)\n");
}
BENCHMARK(VmStringIndexing);

void VmHeapq(benchmark::State& state) {
  RunLoop(state, "import heapq\n",
          "def f(n):\n    h = []\n    for i in range(n):\n        heapq.heappush(h, (i * 7919) % 1000)\n"
          "    while h:\n        heapq.heappop(h)\nf(n)\n");
}
BENCHMARK(VmHeapq);

}  // namespace

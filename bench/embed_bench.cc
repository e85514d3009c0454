// What the embedding API costs (include/gilvm/gilvm.h): a host call into a script, a script
// call into a host function, values crossing both ways, and a thread attaching per call.
//   build/bench/embed_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// Compare each with a script-to-script call (ScriptCallsScript), measured in the same run.
#include <benchmark/benchmark.h>

#include <string>
#include <thread>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

// One host -> script call with an int argument and an int result (GIL taken and released).
void BM_HostCallsScript(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Exec("def inc(x):\n    return x + 1\n").IgnoreError();
  int64_t x = 0;
  for (auto _ : state) x = *py.Call<int64_t>("inc", x);
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_HostCallsScript);

// The same through a kept handle to the function.
void BM_HostCallsHandle(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Exec("def inc(x):\n    return x + 1\n").IgnoreError();
  gilvm::Object inc = *py.Get("inc");
  int64_t x = 0;
  for (auto _ : state) x = *inc.Call<int64_t>(x);
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_HostCallsHandle);

// A script loop calling a typed host function: per iteration, one call (loop overhead included).
void BM_ScriptCallsHost(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Define("inc", [](int64_t x) { return x + 1; });
  py.Exec("def run(n):\n    x = 0\n    for _ in range(n):\n        x = inc(x)\n    return x\n").IgnoreError();
  for (auto _ : state) benchmark::DoNotOptimize(*py.Call<int64_t>("run", 1000));
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ScriptCallsHost);

// The reference: the same loop calling a Python function.
void BM_ScriptCallsScript(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Exec("def inc(x):\n    return x + 1\n"
          "def run(n):\n    x = 0\n    for _ in range(n):\n        x = inc(x)\n    return x\n").IgnoreError();
  for (auto _ : state) benchmark::DoNotOptimize(*py.Call<int64_t>("run", 1000));
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ScriptCallsScript);

// A list of 1000 ints to the script and back.
void BM_VectorRoundTrip(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Exec("def same(xs):\n    return xs\n").IgnoreError();
  std::vector<int64_t> v(1000, 7);
  for (auto _ : state) benchmark::DoNotOptimize(*py.Call<std::vector<int64_t>>("same", v));
}
BENCHMARK(BM_VectorRoundTrip);

// A call from a thread that is not attached: it gets a thread state for the call.
void BM_UnattachedThreadCall(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Exec("def inc(x):\n    return x + 1\n").IgnoreError();
  std::thread t([&] {
    int64_t x = 0;
    for (auto _ : state) x = *py.Call<int64_t>("inc", x);
    benchmark::DoNotOptimize(x);
  });
  t.join();
}
BENCHMARK(BM_UnattachedThreadCall)->UseRealTime();

// The same thread attached once with a ThreadScope.
void BM_AttachedThreadCall(benchmark::State& state) {
  gilvm::Interpreter py;
  py.Exec("def inc(x):\n    return x + 1\n").IgnoreError();
  std::thread t([&] {
    gilvm::ThreadScope attached(py);
    int64_t x = 0;
    for (auto _ : state) x = *py.Call<int64_t>("inc", x);
    benchmark::DoNotOptimize(x);
  });
  t.join();
}
BENCHMARK(BM_AttachedThreadCall)->UseRealTime();

// Creating and destroying an interpreter.
void BM_NewInterpreter(benchmark::State& state) {
  for (auto _ : state) gilvm::Interpreter py;
}
BENCHMARK(BM_NewInterpreter);

}  // namespace

// The modules written in Python (stdlib/lib/*.py), embedded in the binary at build time by
// stdlib/embed_lib.py. `import` compiles one the first time it is imported
// (Interpreter::ImportFrozen); tracebacks name it "<stdlib>/NAME.py".
#pragma once

namespace gilvm::stdlib {

struct FrozenModule {
  const char* name;    // null ends the table
  const char* source;  // UTF-8 Python source
};

extern const FrozenModule kFrozenModules[];

}  // namespace gilvm::stdlib

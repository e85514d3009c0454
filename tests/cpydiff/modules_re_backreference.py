# difference: `re` patterns with backreferences or lookaround raise re.error
# cause: gilvm's `re` runs on RE2, which guarantees linear time and so has no backreferences or lookaround; the error names the construct (docs/re.md).
# workaround: Match without the backreference and compare groups in Python.
import re
print(re.findall(r"(\w)\1", "aabbc"))

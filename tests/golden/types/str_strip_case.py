# strip/lstrip/rstrip and case methods.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"), repr("   ".strip()))
print("Hello World".upper(), "Hello World".lower())
print("hello world".title(), "HELLO wORLD".title(), "it's a test".title())
print("hello WORLD".capitalize(), "123abc".capitalize(), "".capitalize())
print("hello"[0].upper() + "hello"[1:])
print("MiXeD".lower() == "mixed", "abc".upper().isupper(), "abc".islower())
print("ABC".isupper(), "AbC".isupper(), "abc1".islower(), "123".islower())

# find, rfind, index, count, startswith, endswith, replace.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.find(""), s.find("o", 5, 9))
print(s.rfind("hello"), s.rfind("o"), s.rfind("xyz"))
print(s.index("world"), s.rindex("l"))
print(s.count("hello"), s.count("l"), s.count("xyz"), s.count(""), "aaaa".count("aa"))
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith(("x", "he")))
print(s.endswith("python"), s.endswith("hello"), s.endswith(("on", "xx")), "".endswith(""))
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), s.replace("z", "y"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"))
print("banana".replace("ana", "ANA"))
try:
    s.index("nope")
except ValueError as e:
    print(e)
print("a" in s, "hello p" in s)

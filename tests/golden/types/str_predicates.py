# isdigit, isalpha, isalnum, isspace, isupper, islower, isdecimal, isnumeric.
tests = ["123", "abc", "abc123", "   ", "", "ABC", "aBc", "12.5", "-1", " \t\n", "é", "Ünï", "a b"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())

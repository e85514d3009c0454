# TypeError from comparing incompatible types during sorted().
values = [3, "1", 2]
ordered = sorted(values)

# str + int in a return statement.
def describe(age):
    return "Age: " + age

print(describe("30"))
print(describe(30))

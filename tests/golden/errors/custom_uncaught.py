# Uncaught user-defined exceptions, with and without a message.
class BadThing(Exception):
    pass

print("about to fail")
raise BadThing("something bad", 42)

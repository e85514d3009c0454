# Mixing bytes and str literals in one implicit concatenation is a SyntaxError.
print("never runs")
x = b'bytes' 'str'

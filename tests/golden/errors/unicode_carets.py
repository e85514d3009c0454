# Caret columns count characters, not bytes, when the line has non-ASCII text.
greeting = "héllo wörld"
count = 5
message = "→ " + greeting + count

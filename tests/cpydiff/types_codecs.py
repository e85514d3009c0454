# difference: Only the utf-8, ascii and latin-1 codecs exist
# cause: The codecs beyond these three (utf-16, utf-32, cp1252, ...) are not implemented; asking for one raises NotImplementedError naming it, never a wrong encoding.
# workaround: Encode to utf-8.
print("a".encode("utf-8"))
print("a".encode("utf-16"))

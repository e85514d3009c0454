__all__ = ["exported"]
exported = "exported"
notexported = "no"


from judgment._io._read import LoadFailure, decode_utf8, read_bounded

__all__ = ["LoadFailure", "decode_utf8", "read_bounded"]

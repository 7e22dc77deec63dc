"""How the index writes its posting lists: Whoosh 2.7's block layout, with each block's passage
numbers and weights kept as raw 32-bit arrays instead of pickled tuples.

Whoosh writes a block as a pickled, zlib-compressed tuple of delta-encoded passage numbers and
Python floats. Reading a term back (as :mod:`reader.search.bulk` does for every word searched)
then costs a decompress and an unpickle of every number: about 60 % of a three-word search over
40,000 passages. Here a block's numbers are the bytes of an ``array("I")`` (absolute, so no
running sum) and its weights those of an ``array("f")`` (the same 32-bit floats Whoosh keeps
before pickling them, so every score stays identical), pickled as two byte strings: reading them
is a copy. Blocks of fixed-size values (word counts: ``stems``, ``words``, ``pairs``) are not
compressed; blocks holding positions (``text``, read only to check phrases) still are, as their
positions are most of the index's size.

Everything else is Whoosh's own: the block headers (count, last passage, highest weight,
compression, length bytes) are unchanged, so its matchers skip blocks as before, and
:class:`ArrayLeafMatcher` reads both kinds of block. An index built before this format has
another schema version and is rebuilt (see :data:`reader.search.schema.SCHEMA_VERSION`). The
codec object is pickled into each segment's record, so this module's path is part of the format.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PostingsWriter
from whoosh.util.numeric import length_to_byte

#: Block headers stay in Whoosh's pickle protocol; the data in one that stores bytes as bytes
#: (protocol 2 stores them as text to be encoded again on reading).
_DATA_PROTOCOL = 4
_COMPRESSION = 3  # zlib level for blocks holding positions, as Whoosh's default codec
#: Postings in a block of word counts (the ``stems``, ``words`` and ``pairs`` fields; Whoosh: 128).
COUNT_BLOCK = 512
_BIG_ENDIAN = sys.byteorder == "big"  # arrays are stored little-endian, whatever built the index


def packed(values: array[Any]) -> bytes:
    """An array's bytes, little-endian."""
    if _BIG_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def unpacked(typecode: str, data: bytes) -> array[Any]:
    """The array whose little-endian bytes are ``data``."""
    values = array(typecode)
    values.frombytes(data)
    if _BIG_ENDIAN:
        values.byteswap()
    return values


class ArrayCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec writing and reading :class:`ArrayPostingsWriter`'s blocks."""

    def __init__(self, blocklimit: int = 128, compression: int = _COMPRESSION, inlinelimit: int = 1) -> None:
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                   compression=self._compression, inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None,
                        scorer: Any = None) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class ArrayPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Writes a block as ``(ids bytes, weights bytes | None | float, values)``; term vectors
    (passage numbers that are words) keep Whoosh's own tuples. Blocks of word counts hold
    :data:`COUNT_BLOCK` postings: each block costs a header to read, and they are read whole."""

    def __init__(self, postfile: Any, blocklimit: int, byteids: bool = False, compression: int = _COMPRESSION,
                 inlinelimit: int = 1) -> None:
        super().__init__(postfile, blocklimit, byteids=byteids, compression=compression, inlinelimit=inlinelimit)
        self._positions_limit = blocklimit

    def start_postings(self, format_: Any, terminfo: Any) -> None:
        super().start_postings(format_, terminfo)
        fixed = format_.fixed_value_size()
        self._blocklimit = self._positions_limit if fixed is None or fixed < 0 else COUNT_BLOCK

    def _mini_ids(self) -> Any:
        if self._byteids:
            return super()._mini_ids()
        return packed(self._ids)

    def _mini_weights(self) -> Any:
        weights = self._weights
        if self._byteids or all(w == 1.0 for w in weights) or all(w == weights[0] for w in weights):
            return super()._mini_weights()  # None or one float, as Whoosh writes them
        return packed(weights)

    def _write_block(self, last: bool = False) -> None:
        """Whoosh's ``W3PostingsWriter._write_block``, with the data pickled in
        :data:`_DATA_PROTOCOL` and compressed only when its values are positions."""
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes = dumps((self._mini_ids(), self._mini_weights(), self._mini_values()), _DATA_PROTOCOL)
        fixed = self._format.fixed_value_size()
        comp = self._compression if fixed is None or fixed < 0 else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps((len(ids), ids[-1], self._maxweight, comp, length_to_byte(self._minlength),
                           length_to_byte(self._maxlength)), 2)
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Whoosh's block matcher, reading array blocks as well as its own."""

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        ids = self._data[0]
        if type(ids) is bytes and not self._byteids:
            self._ids = unpacked("I", ids)
        else:
            super()._read_ids()

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        weights = self._data[1]
        if type(weights) is bytes:
            self._weights = unpacked("f", weights)
        else:
            super()._read_weights()

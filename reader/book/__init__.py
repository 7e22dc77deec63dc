"""The guide as an EPUB 3 talking book: XHTML with every sentence addressable, Media Overlays, metadata.

Qt-free. :mod:`reader.book.xhtml` turns a rendered section into a content document,
:mod:`reader.book.narration` speaks it with read-aloud's own pipeline and keeps each sentence's
place in the audio, :mod:`reader.book.package` writes the EPUB container, and
:mod:`reader.book.build` puts them together with progress, cancellation and an atomic write.
"""

"""emend: turn messy raw text into clean, reviewable TEI XML.

Build an :class:`Engine` once with its options, then convert::

    import emend
    engine = emend.Engine(min_confidence=0.9)
    c = engine.convert("The war , it goes on.", name="a.txt")
    c.clean, c.tei, c.edits, c.entities, c.profile

    for c in engine.convert_many(("doc%d" % i, text) for i, text in enumerate(texts)):
        ...

Engines pickle as their options, so they can be sent to ``multiprocessing``
and Spark workers, which build their own.
"""

from ._emend import BUILTIN_PACKS, Conversion, EmendError, Engine, __version__

__all__ = ["BUILTIN_PACKS", "Conversion", "EmendError", "Engine", "__version__"]

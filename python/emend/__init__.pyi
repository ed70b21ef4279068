from collections.abc import Iterable, Iterator
from os import PathLike
from typing import Any, Optional, Sequence, Tuple, Union

__version__: str
BUILTIN_PACKS: list[str]

Text = Union[str, bytes]
Path = Union[str, PathLike[str]]

class EmendError(Exception):
    """A document that could not be converted; the message names it."""

class Conversion:
    """What one conversion produced."""

    @property
    def name(self) -> str: ...
    @property
    def clean(self) -> str:
        """The source with every applied edit carried out."""
    @property
    def tei(self) -> Optional[str]:
        """The TEI document (None when converted with ``tei=False``)."""
    @property
    def edits(self) -> list[dict[str, Any]]:
        """The edit log's edits: id, rule, category, status, start, end,
        before, after, confidence, and entity, note, reviewed when present."""
    @property
    def entities(self) -> list[dict[str, Any]]:
        """Entities mentioned: id, type, name, wikidata?, variants, mentions."""
    @property
    def profile(self) -> dict[str, Any]:
        """What the document is: language, kind of source, evidence, blocks."""

class Engine:
    """A configured converter: options checked and lexicons compiled once.

    Raises ValueError for a wrong option or a malformed data file.
    Pickles as its options (data files must be readable where it is unpickled).
    """

    def __init__(
        self,
        packs: Optional[Sequence[str]] = None,
        lexicons: Optional[Sequence[Path]] = None,
        min_confidence: float = 0.8,
        quotes: str = "dominant",
        encoding: Optional[str] = None,
        decisions: Optional[Path] = None,
        no_packs: bool = False,
        lang: Optional[str] = None,
        kind: Optional[str] = None,
        line_stats: Optional[Path] = None,
    ) -> None: ...
    @property
    def build_id(self) -> str: ...
    def convert(self, text: Text, name: Optional[str] = None, tei: bool = True) -> Conversion:
        """Convert one document; raises EmendError naming it if it fails."""
    def convert_many(
        self,
        docs: Iterable[Union[Text, Tuple[str, Text]]],
        jobs: int = 0,
        tei: bool = True,
    ) -> Iterator[Conversion]:
        """Convert documents on ``jobs`` threads (0: one per core) without the
        GIL, yielding conversions in order."""

"""The reading budget shared by every zip container and XML part the application opens (issue #25).

A .docx or .xlsx is a zip archive: :func:`open_zip` checks its directory — member count, each member's size,
the sum of sizes, each member's compression ratio — before anything is decompressed, so a zip bomb of a few KB
that would unpack to gigabytes is refused in milliseconds. The sizes in the directory can be trusted as upper
bounds: Python's ``zipfile`` never unpacks more than a member declares (it stops there and reports a bad CRC),
and openpyxl and python-docx read through it.

XML is parsed by :func:`iterparse` with lxml's own safe options: entities are never expanded, no DTD or network
is loaded, and libxml2's default limits stay on (``huge_tree=False``: elements nested at most 256 deep, text
nodes of at most 10 MB). openpyxl parses worksheets through ``defusedxml`` (a dependency) once it is installed,
which refuses any entity declaration.

Every bound, when hit, raises :class:`core.errors.DocumentError` with one Vietnamese sentence saying what was
too large.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from core.errors import DocumentError

RATIO_FLOOR = 2**20  # a member unpacking to less than 1 MB is never taken for a bomb, whatever its ratio


@dataclass(frozen=True)
class ZipBudget:
    """Bounds on a zip container, checked from its directory.

    ``members``: entries at most; ``unpacked``: bytes of all members unpacked; ``member``: bytes of any one
    member unpacked; ``ratio``: unpacked/packed size of a member over :data:`RATIO_FLOOR` (text XML compresses
    5–30 times, a zip bomb about 1,000 times).
    """

    members: int
    unpacked: int
    member: int
    ratio: int = 200


def _n(number: int) -> str:
    """``number`` with Vietnamese thousands separators: 12.345."""
    return f"{number:,}".replace(",", ".")


def _mb(size: int) -> str:
    return f"{_n(round(size / 2**20))} MB"


def open_zip(data: bytes, name: str, budget: ZipBudget, damaged: str) -> zipfile.ZipFile:
    """Open ``data`` (the bytes of the file called ``name``) as a zip archive within ``budget``.

    Raises :class:`DocumentError` with ``damaged`` when it is not a zip archive, or with a sentence naming the
    bound when a member count, size or ratio is over ``budget``. Nothing is decompressed here.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise DocumentError(damaged) from None
    if len(infos) > budget.members:
        raise DocumentError(f"Tệp «{name}» gồm quá nhiều phần ({_n(len(infos))} phần, tối đa {_n(budget.members)}), "
                            "không mở để bảo vệ máy.")
    total = sum(i.file_size for i in infos)
    biggest = max(infos, key=lambda i: i.file_size, default=None)
    if total > budget.unpacked or (biggest is not None and biggest.file_size > budget.member):
        raise DocumentError(f"Tệp «{name}» giải nén ra quá lớn ({_mb(total)}, tối đa {_mb(budget.unpacked)}; "
                            f"phần lớn nhất tối đa {_mb(budget.member)}), không mở để bảo vệ máy.")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > budget.ratio * max(info.compress_size, 1):
            raise DocumentError(f"Tệp «{name}» giải nén ra quá lớn so với cỡ tệp (một phần nở ra gấp "
                                f"{_n(info.file_size // max(info.compress_size, 1))} lần), có thể là tệp độc hại; "
                                "không mở để bảo vệ máy.")
    return archive


def iterparse(source, tags: Iterable[str], lookup: etree.ElementClassLookup | None = None) -> etree.iterparse:
    """lxml's incremental parser over the file object ``source``, giving ("end", element) for ``tags``, with
    entities never expanded, no DTD or network access and libxml2's depth and text-size limits on; ``lookup``
    chooses element classes (python-docx's, to read runs and cells as python-docx does).

    Parsing errors (including a limit reached) come as ``lxml.etree.XMLSyntaxError`` while iterating.
    """
    parser = etree.iterparse(source, events=("end",), tag=list(tags), resolve_entities=False, load_dtd=False,
                             no_network=True, huge_tree=False, remove_blank_text=True)
    if lookup is not None:
        parser.set_element_class_lookup(lookup)
    return parser

"""The filing packet's structure tree, so a screen reader can read the packet as it reads the
drafts (issue "Accessible to everyone": the PDFs are tagged).

pypdf copies pages but not the structure trees WeasyPrint writes for the motion, the index and
the covers, so the packet builds its own: one Document element holding, in page order, the
top-level elements of each tagged part (copied, with their pages and parent-tree entries moved
to the packet's pages) and, for every page that came from an upload, a Figure with a short
description, because a photo or a scan has no text of its own to read. The page numbers
stamped over every page are marked as pagination artifacts, which readers skip.

Only what WeasyPrint writes is expected in the parts' trees: structure elements whose kids
are other elements, marked-content ids on the element's page, or marked-content references.
Object references (links, form fields) are not copied; the drafts have none.
"""

from __future__ import annotations

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    TextStringObject,
)

LANGUAGE = "en-US"
# A stamped page number is a pagination artifact in the footer (ISO 32000-1 § 14.8.2.2).
ARTIFACT_START = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
ARTIFACT_END = b"\nEMC\n"
# Keys of a structure element copied as they are; the rest are rebuilt or left out.
_PLAIN_KEYS = ("/S", "/T", "/Lang", "/Alt", "/E", "/ActualText", "/A", "/C")
_TRUE = BooleanObject(True)
_NULL = NullObject()


def _name(value: str) -> NameObject:
    return NameObject(value)


def _kids(element: DictionaryObject) -> list:
    """An element's kids as they are written: numbers, references, inline dictionaries."""
    if "/K" not in element:
        return []
    kids = element.raw_get("/K")
    if isinstance(kids, IndirectObject) and isinstance(kids.get_object(), ArrayObject):
        kids = kids.get_object()
    return list(kids) if isinstance(kids, ArrayObject) else [kids]


def _page_of(element: DictionaryObject) -> int | None:
    """The object number of the page an element or a marked-content reference is on."""
    page = element.raw_get("/Pg") if "/Pg" in element else None
    return page.idnum if isinstance(page, IndirectObject) else None


class StructureTree:
    """Collects the packet's structure while its pages are added, then writes it in `finish`."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        self.root = writer._add_object(DictionaryObject({_name("/Type"): _name("/StructTreeRoot")}))
        self.document = writer._add_object(
            DictionaryObject(
                {
                    _name("/Type"): _name("/StructElem"),
                    _name("/S"): _name("/Document"),
                    _name("/P"): self.root,
                    _name("/Lang"): TextStringObject(LANGUAGE),
                }
            )
        )
        self.parents: list[tuple[int, ArrayObject]] = []  # parent-tree key -> elements by MCID
        self.blocks: list[tuple[int, int, IndirectObject]] = []  # (page, order, element)
        self.namespaces: dict[str, IndirectObject] = {}
        self.positions: dict[int, int] = {}

    # -- the parts WeasyPrint tagged ---------------------------------------------------------

    def add_tagged(self, reader: PdfReader, placed: dict[int, PageObject]) -> None:
        """Copy `reader`'s structure onto the packet's pages; `placed` maps a page's number in
        `reader` to the page it became in the packet (pages left out are not mapped)."""
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is None:
            return
        tree = tree.get_object()
        pages = {
            reader.pages[number].indirect_reference.idnum: page for number, page in placed.items()
        }
        copies: dict[int, IndirectObject] = {}
        for top in _kids(tree):
            top_element = top.get_object()
            # WeasyPrint's tree is one Document element; its children are the blocks we keep.
            children = _kids(top_element) if top_element.get("/S") == "/Document" else [top]
            for child in children:
                if not isinstance(child, IndirectObject):
                    continue
                copied, first_page = self._copy(child, self.document, pages, copies)
                if copied is not None:
                    self.blocks.append((first_page, len(self.blocks), copied))
        self._copy_parent_tree(tree, reader, placed, copies)

    def _copy(self, ref, parent, pages, copies) -> tuple[IndirectObject | None, int]:
        """A structure element and everything under it; None if it touches no placed page."""
        source = ref.get_object()
        if source.get("/Type", "/StructElem") != "/StructElem" or "/S" not in source:
            return None, 0
        element = DictionaryObject({_name("/Type"): _name("/StructElem"), _name("/P"): parent})
        for key in _PLAIN_KEYS:
            if key in source:
                element[_name(key)] = source[key].clone(self.writer)
        if "/NS" in source:
            element[_name("/NS")] = self._namespace(source["/NS"].get_object())
        copy = self.writer._add_object(element)
        first = None
        page = pages.get(_page_of(source))
        if page is not None:
            element[_name("/Pg")] = page.indirect_reference
            first = self._position(page)
        kids = ArrayObject()
        for kid in _kids(source):
            if isinstance(kid, int):
                if page is not None:
                    kids.append(NumberObject(kid))
                continue
            target = kid.get_object()
            if not isinstance(kid, IndirectObject) and target.get("/Type") != "/MCR":
                continue  # an object reference (link, form field): none in the drafts
            if target.get("/Type") == "/MCR":
                mcr_page = pages.get(_page_of(target)) if "/Pg" in target else page
                if mcr_page is None:
                    continue
                kids.append(
                    DictionaryObject(
                        {
                            _name("/Type"): _name("/MCR"),
                            _name("/Pg"): mcr_page.indirect_reference,
                            _name("/MCID"): NumberObject(target["/MCID"]),
                        }
                    )
                )
                at = self._position(mcr_page)
                first = at if first is None else min(first, at)
                continue
            child, at = self._copy(kid, copy, pages, copies)
            if child is not None:
                kids.append(child)
                first = at if first is None else min(first, at)
        if first is None:
            return None, 0
        element[_name("/K")] = kids
        copies[ref.idnum] = copy
        return copy, first

    def _copy_parent_tree(self, tree, reader, placed, copies) -> None:
        """Each placed page's marked content, pointing at the copied elements, under a new key."""
        numbers = _number_tree(tree.get("/ParentTree"))
        for number, page in placed.items():
            old_key = reader.pages[number].get("/StructParents")
            entries = numbers.get(old_key) if old_key is not None else None
            if entries is None:
                page.pop(_name("/StructParents"), None)
                continue
            elements = ArrayObject(
                copies.get(entry.idnum, _NULL) if isinstance(entry, IndirectObject) else _NULL
                for entry in entries.get_object()
            )
            self._key_page(page, elements)

    def _namespace(self, namespace: DictionaryObject) -> IndirectObject:
        uri = str(namespace.get("/NS", ""))
        if uri not in self.namespaces:
            self.namespaces[uri] = self.writer._add_object(namespace.clone(self.writer))
        return self.namespaces[uri]

    # -- pages from uploads ------------------------------------------------------------------

    def add_figure(self, page: PageObject, description: str) -> None:
        """An uploaded page (a scan, a photo, any PDF) becomes one described Figure.

        An upload that was tagged already brings marked content of its own, numbered for its
        own tree, and annotations pointing into that tree: they are unmarked first, so that
        the page's one marked-content id is the Figure's and nothing points at a key of the
        packet's tree that belongs to another page."""
        _unmark(page)
        _wrap_contents(page, b"/Figure <</MCID 0>> BDC\n", b"\nEMC\n")
        figure = self.writer._add_object(
            DictionaryObject(
                {
                    _name("/Type"): _name("/StructElem"),
                    _name("/S"): _name("/Figure"),
                    _name("/P"): self.document,
                    _name("/Pg"): page.indirect_reference,
                    _name("/Alt"): TextStringObject(description),
                    _name("/K"): ArrayObject([NumberObject(0)]),
                }
            )
        )
        self._key_page(page, ArrayObject([figure]))
        self.blocks.append((self._position(page), len(self.blocks), figure))

    # -- the whole packet --------------------------------------------------------------------

    def finish(self, title: str) -> None:
        """Write the tree, the parent tree and the catalogue entries that mark the PDF tagged."""
        self.blocks.sort(key=lambda block: block[:2])
        self.document.get_object()[_name("/K")] = ArrayObject(b[2] for b in self.blocks)
        nums = ArrayObject()
        for key, elements in self.parents:
            nums.extend([NumberObject(key), self.writer._add_object(elements)])
        root = self.root.get_object()
        root[_name("/K")] = ArrayObject([self.document])
        root[_name("/ParentTree")] = self.writer._add_object(
            DictionaryObject({_name("/Nums"): nums})
        )
        root[_name("/ParentTreeNextKey")] = NumberObject(len(self.parents))
        if self.namespaces:
            root[_name("/Namespaces")] = ArrayObject(self.namespaces.values())
        catalog = self.writer._root_object
        catalog[_name("/StructTreeRoot")] = self.root
        catalog[_name("/MarkInfo")] = DictionaryObject({_name("/Marked"): _TRUE})
        catalog[_name("/Lang")] = TextStringObject(LANGUAGE)
        catalog[_name("/ViewerPreferences")] = DictionaryObject({_name("/DisplayDocTitle"): _TRUE})
        self.writer.add_metadata({"/Title": title})
        for page in self.writer.pages:
            page[_name("/Tabs")] = _name("/S")

    def _key_page(self, page: PageObject, elements: ArrayObject) -> None:
        key = len(self.parents)
        self.parents.append((key, elements))
        page[_name("/StructParents")] = NumberObject(key)

    def _position(self, page: PageObject) -> int:
        """The page's number in the packet (pypdf's own `page_number` searches every page)."""
        idnum = page.indirect_reference.idnum
        if idnum not in self.positions:
            self.positions = {
                p.indirect_reference.idnum: i for i, p in enumerate(self.writer.pages)
            }
        return self.positions[idnum]


def mark_as_artifact(stamp: PageObject) -> PageObject:
    """A page-number overlay whose content readers skip, ready to merge onto a tagged page."""
    _wrap_contents(stamp, ARTIFACT_START, ARTIFACT_END)
    return stamp


def _unmark(page: PageObject) -> None:
    """Take an upload's own structure off its page: its marked-content ids (a BDC with an
    /MCID becomes a plain BMC of the same tag) and its annotations' /StructParent keys."""
    for annotation in page.get("/Annots", None) or []:
        annotation.get_object().pop(_name("/StructParent"), None)
    contents = page.get_contents()
    if contents is None or b"/MCID" not in contents.get_data():
        return
    operations = contents.operations
    for i, (operands, operator) in enumerate(operations):
        if operator == b"BDC" and len(operands) == 2:
            properties = operands[1]
            if isinstance(properties, DictionaryObject) and "/MCID" in properties:
                operations[i] = ([operands[0]], b"BMC")
    contents.operations = operations
    page.replace_contents(contents)


def _wrap_contents(page: PageObject, before: bytes, after: bytes) -> None:
    contents = page.get_contents()
    stream = DecodedStreamObject()
    stream.set_data(before + (contents.get_data() if contents is not None else b"") + after)
    page[_name("/Contents")] = stream


def _number_tree(node) -> dict[int, object]:
    """A PDF number tree (ISO 32000-1 § 7.9.7) as a dict, following /Kids."""
    found: dict[int, object] = {}
    if node is None:
        return found
    node = node.get_object()
    nums = node.get("/Nums", [])
    for i in range(0, len(nums) - 1, 2):
        found[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        found.update(_number_tree(kid))
    return found

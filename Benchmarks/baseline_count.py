#!/usr/bin/env python3
"""Reference word counter for DOCX files, in pure-Python standard library.

The baseline that `count-throughput.sh` times against `assess count`: one process,
zipfile to read the archive, xml.etree.ElementTree.iterparse to stream
word/document.xml, and the words of w:t text counted per paragraph (runs joined without
a space; w:tab, w:br and w:cr as white space; a word is a token between white space that
holds a letter or digit; no-break spaces join).

  --mode body (default)  the same job as assess's body count: reads word/styles.xml for
                         heading, title, caption and list styles, follows headings into
                         front matter / body / references / appendix, and counts the
                         headings, paragraphs and list items of the body only (no tables,
                         captions, text boxes, deleted text, footnotes)
  --mode all             every w:t word in word/document.xml

Prints one line per file, `FILE<TAB>WORDS` (or `FILE<TAB>ERROR: message`), so its
figures can be checked against the corpus's expected.tsv.
"""

import argparse
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, R, T, TAB, BR, CR, PPR, RPR = W + "p", W + "r", W + "t", W + "tab", W + "br", W + "cr", W + "pPr", W + "rPr"
TBL, TXBX, DEL, MOVE_FROM = W + "tbl", W + "txbxContent", W + "del", W + "moveFrom"
PSTYLE, OUTLINE, NUMID, FLDSIMPLE, INSTR = W + "pStyle", W + "outlineLvl", W + "numId", W + "fldSimple", W + "instrText"
VAL, INSTR_ATTR = W + "val", W + "instr"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

_SEP = "\t\n\x0b\x0c\r \x85\u1680\u2000-\u200a\u2028\u2029\u205f\u3000"
TOKEN = re.compile(f"[^{_SEP}]+")
WORD_CHAR = re.compile(r"[^\W_]")


def count_words(text):
    return sum(1 for token in TOKEN.findall(text) if WORD_CHAR.search(token))


# -------------------------------------------------------------------------- styles

def read_styles(archive):
    """styleId -> ('heading', level) | ('title',) | ('caption',) | ('list',) | ('contents',) | ('plain',)."""
    try:
        data = archive.open("word/styles.xml")
    except KeyError:
        return {}
    styles = {}
    for _, style in ET.iterparse(data):
        if style.tag != W + "style":
            continue
        sid = style.get(W + "styleId")
        name = style.find(W + "name")
        based = style.find(W + "basedOn")
        outline = style.find(f"{PPR}/{OUTLINE}")
        numid = style.find(f"{PPR}/{W}numPr/{NUMID}")
        styles[sid] = (
            (name.get(VAL) or "").lower() if name is not None else "",
            based.get(VAL) if based is not None else None,
            int(outline.get(VAL)) if outline is not None and (outline.get(VAL) or "").isdigit() else None,
            None if numid is None else numid.get(VAL) != "0",
        )
    roles = {}
    for sid in styles:
        roles[sid] = _role(styles, sid)
    return roles


def _role(styles, sid):
    outline = numbered = None
    is_list = False
    for _ in range(10):
        if sid not in styles:
            break
        name, based, level, num = styles[sid]
        m = re.fullmatch(r"heading ([1-9])", name)
        if m:
            return ("heading", outline + 1) if outline is not None and outline < 9 else ("heading", int(m.group(1)))
        if name == "title":
            return ("title",)
        if name == "caption":
            return ("caption",)
        if name.startswith("toc ") or name == "table of figures":
            return ("contents",)
        if name.startswith("list"):
            is_list = True
        if outline is None:
            outline = level
        if numbered is None:
            numbered = num
        sid = based
    if outline is not None and outline < 9:
        return ("heading", outline + 1)
    if is_list or numbered:
        return ("list",)
    return ("plain",)


def role_of(roles, sid):
    if sid is None:
        return ("plain",)
    if sid in roles:
        return roles[sid]
    low = sid.lower()
    m = re.fullmatch(r"heading([1-9])", low)
    if m:
        return ("heading", int(m.group(1)))
    if low in ("title", "caption"):
        return (low,)
    if low.startswith("list"):
        return ("list",)
    return ("plain",)


# -------------------------------------------------------------------------- sections

REFERENCES = {
    "references", "reference list", "list of references", "bibliography", "works cited",
    "cited works", "literature cited", "references cited", "sources", "reference",
    "references and bibliography", "bibliography and references", "sources cited",
}
FRONT = {
    "abstract", "acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment",
    "contents", "table of contents", "list of contents", "list of figures", "list of tables",
    "list of abbreviations", "abbreviations", "glossary", "declaration", "declaration of originality",
    "dedication", "preface", "foreword", "title page",
}


def _normalise(heading):
    words = heading.lower().split()
    if len(words) > 1 and words[0] in ("chapter", "section", "part"):
        words = words[2:]
    while words:
        token = words[0]
        trimmed = token.rstrip(".):")
        if not trimmed or all(c.isdigit() or c == "." for c in trimmed) or (
                token != trimmed and all(c in "ivxlc" for c in trimmed)):
            words.pop(0)
        else:
            break
    return " ".join(words).rstrip(":.;-–—")


def _classify(heading):
    name = _normalise(heading)
    if not name:
        return None
    if name in REFERENCES:
        return "references"
    if name.startswith(("appendix", "appendices", "annex")):
        return "appendix"
    if name in FRONT:
        return "front_matter"
    return None


class Sections:
    def __init__(self):
        self.current = "body"
        self.seen_body_heading = False
        self.references_level = 10 ** 9

    def enter(self, heading, level):
        kind = _classify(heading)
        if self.current == "appendix":
            return
        if kind == "appendix":
            self.current = "appendix"
        elif kind == "references":
            self.current, self.references_level = "references", level
        elif kind == "front_matter" and not self.seen_body_heading:
            self.current = "front_matter"
        elif self.current == "references":
            if level <= self.references_level:
                self.current, self.seen_body_heading = "body", True
        else:
            self.current, self.seen_body_heading = "body", True


# -------------------------------------------------------------------------- counting

def count_file(path, mode):
    with zipfile.ZipFile(path) as archive:
        roles = read_styles(archive) if mode == "body" else {}
        stream = archive.open("word/document.xml")
        sections = Sections()
        total = 0
        text = []        # text of the open paragraph
        style = outline = None
        numbered = caption_field = False
        in_ppr = in_run = False
        tables = boxes = deletions = fallback = 0
        for event, elem in ET.iterparse(stream, events=("start", "end")):
            tag = elem.tag
            if event == "start":
                if tag == P:
                    text, style, outline, numbered, caption_field = [], None, None, False, False
                elif tag == PPR:
                    in_ppr = True
                elif tag == R:
                    in_run = True
                elif tag == TBL:
                    tables += 1
                elif tag == TXBX:
                    boxes += 1
                elif tag in (DEL, MOVE_FROM):
                    deletions += 1
                elif tag == FALLBACK:
                    fallback += 1
                continue
            # end events
            if tag == T:
                if not deletions and not fallback and elem.text:
                    text.append(elem.text)
            elif tag in (TAB, BR, CR):
                if in_run and not in_ppr:
                    text.append(" ")
            elif tag == R:
                in_run = False
            elif tag == PPR:
                in_ppr = False
            elif tag == PSTYLE and in_ppr:
                style = elem.get(VAL)
            elif tag == OUTLINE and in_ppr:
                value = elem.get(VAL)
                outline = int(value) if value and value.isdigit() else None
            elif tag == NUMID and in_ppr:
                numbered = elem.get(VAL) != "0"
            elif tag == FLDSIMPLE:
                caption_field = caption_field or (elem.get(INSTR_ATTR) or "").split()[:1] == ["SEQ"]
            elif tag == TBL:
                tables -= 1
            elif tag == TXBX:
                boxes -= 1
            elif tag in (DEL, MOVE_FROM):
                deletions -= 1
            elif tag == FALLBACK:
                fallback -= 1
            elif tag == P:
                joined = "".join(text)
                if mode == "all":
                    total += count_words(joined)
                elif joined:
                    total += _body_words(joined, roles, style, outline, numbered, caption_field,
                                         tables, boxes, sections)
                if not tables and not boxes:
                    elem.clear()
        return total


def _body_words(text, roles, style, outline, numbered, caption_field, tables, boxes, sections):
    role = role_of(roles, style)
    level = outline + 1 if outline is not None and outline < 9 else (role[1] if role[0] == "heading" else None)
    if boxes or role[0] == "caption" or caption_field or tables:
        return 0
    if level is not None:
        sections.enter(text, level)
        return count_words(text) if sections.current == "body" else 0
    if role[0] == "title":
        return 0  # the document's title is front matter
    if role[0] == "contents":
        return 0
    return count_words(text) if sections.current == "body" else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="Pure-Python reference word counter for DOCX files.")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--mode", choices=("body", "all"), default="body")
    args = parser.parse_args(argv)
    out = sys.stdout
    failed = 0
    for path in args.files:
        try:
            result = str(count_file(path, args.mode))
        except (OSError, zipfile.BadZipFile, KeyError, ET.ParseError) as error:
            failed += 1
            result = f"ERROR: {error}"
        out.write(f"{path}\t{result}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate a deterministic mixed corpus of a cohort's submissions for Benchmarks/speed.sh.

Python 3 standard library only; builds on make_corpus.py (its prose, its WordprocessingML
and its zip writer). The same arguments always give byte-identical files: every file is
made from a random generator seeded with the seed and the file's number alone, so the
first N files of a larger corpus are the files of a corpus of N (speed.sh measures 50,
200 and 800 files of one corpus). The deflate stream comes from the zlib Python links.

The files cycle through four slots, so every prefix of the corpus has the same mix:

  NNNN-dissertation.docx  an MSc dissertation of about --dissertation-words (10,000) body
                          words: title, abstract, chapters Introduction ... Conclusion with
                          subsections, lists, 2-4 tables with captions, a figure caption,
                          footnotes, 40-70 references, often an appendix
  NNNN-assignment.docx    a written assignment of about --assignment-words (2,500) body
                          words, with the same features on a smaller scale (1-2 tables,
                          footnotes, 18-40 references)
  NNNN-deck.pptx          a group presentation of --slides (20) slides: a title slide, content
                          slides (title, bullets, sometimes a table or a text box, a slide
                          number), a References slide, and speaker notes on every slide; valid
                          PresentationML with the slide list, slide masters and layouts, a
                          notes master, themes, per-slide relationships and notes pages

Word runs are cut every few words and sometimes in the middle of a word, in DOCX and PPTX
alike, so a counter must join the runs of a paragraph.

expected.tsv has a row per file:
  file, kind
  words   what `assess count` reports as `words` under the default policy: the body's
          headings, paragraphs, list items and slide text (for a deck: slide titles,
          bullets, text boxes and the subtitle, without tables, slide numbers, speaker
          notes or the References slide), words being tokens that hold a letter or digit
  tokens  what Benchmarks/wt_floor counts: white-space-separated tokens (ASCII white space
          only) in the text elements of word/document.xml, or of a deck's slides and notes
          pages, the runs of a paragraph joined and tabs and breaks as spaces; worked out
          here by parsing the written XML again with ElementTree, not from the generator's
          own tallies, so it checks wt_floor independently

Usage: make_mixed_corpus.py [--count N] [--seed S] [--out DIR] [--quiet]
"""

import argparse
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_corpus as mc  # noqa: E402

SLOTS = ("dissertation", "assignment", "deck", "assignment")

DISSERTATION = mc.Profile(
    subtitle="a dissertation of practice on",
    abstract=1.0,
    chapters=["Introduction", "Literature review", "Methodology", "Findings", "Discussion",
              "Implications for leadership", "Recommendations"],
    tables=(2, 4),
    references=(40, 70),
    appendix=0.6,
)
ASSIGNMENT = mc.Profile(subtitle="a briefing paper on")

# ------------------------------------------------------------------------- counting the floor

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TOKEN = re.compile(r"[^ \t\n\r\x0b\x0c]+")


def floor_tokens(xml, ns):
    """White-space-separated tokens of the `t` text in each `p` of `xml` (runs joined,
    tab, br and cr as spaces): the rule Benchmarks/wt_floor.c follows."""
    root = ET.fromstring(xml)
    total = 0
    for paragraph in root.iter(ns + "p"):
        text = []
        for element in paragraph.iter():
            if element is not paragraph and element.tag == ns + "p":
                raise ValueError("nested paragraphs: the floor's rule would count them twice")
            if element.tag == ns + "t":
                text.append(element.text or "")
            elif element.tag in (ns + "tab", ns + "br", ns + "cr"):
                text.append(" ")
        total += len(TOKEN.findall("".join(text)))
    return total


# ------------------------------------------------------------------------- DOCX

def docx_parts(index, words, seed, profile):
    document, footnotes, title, tally = mc.build_document(index, words, seed, profile)
    parts = [
        ("[Content_Types].xml", mc.CONTENT_TYPES),
        ("_rels/.rels", mc.PACKAGE_RELS),
        ("docProps/core.xml", mc.core_props(title)),
        ("docProps/app.xml", mc.app_props(tally["words"])),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", mc.DOCUMENT_RELS),
        ("word/styles.xml", mc.STYLES),
        ("word/settings.xml", mc.SETTINGS),
        ("word/numbering.xml", mc.NUMBERING),
        ("word/footnotes.xml", footnotes),
    ]
    return parts, tally["words"], floor_tokens(document, W_NS)


# ------------------------------------------------------------------------- PPTX

P_URI = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_URI = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:a="{A_URI}" xmlns:r="{R_URI}" xmlns:p="{P_URI}"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.presentationml."
DECL = mc.XML_DECL


def relationships(items):
    body = "".join(f'<Relationship Id="{rid}" Type="{kind if kind.startswith("http") else REL + kind}" Target="{target}"/>'
                   for rid, kind, target in items)
    return DECL + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


GROUP_HEAD = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
              '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
              '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')


def xfrm(x, y, cx, cy, tag="a:xfrm"):
    return f'<{tag}><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></{tag}>'


def shape(sid, name, paragraphs, ph=None, box=None, text_box=False):
    """A p:sp: a placeholder when `ph` is its p:ph XML, else a text box."""
    nv = f"<p:nvPr>{ph}</p:nvPr>" if ph else "<p:nvPr/>"
    locks = '<p:cNvSpPr txBox="1"/>' if text_box else '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
    sppr = f'<p:spPr>{xfrm(*box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>' if box else "<p:spPr/>"
    body = '<a:bodyPr wrap="square"><a:spAutoFit/></a:bodyPr>' if text_box else "<a:bodyPr/>"
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/>{locks}{nv}</p:nvSpPr>{sppr}'
            f'<p:txBody>{body}<a:lstStyle/>{"".join(paragraphs)}</p:txBody></p:sp>')


def slide_number(sid, number):
    field = (f'<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum"><a:rPr lang="en-GB"/>'
             f"<a:t>{number}</a:t></a:fld>")
    return shape(sid, f"Slide Number Placeholder {sid - 1}", [f'<a:p><a:pPr algn="r"/>{field}<a:endParaRPr lang="en-GB"/></a:p>'],
                 ph='<p:ph type="sldNum" sz="quarter" idx="12"/>')


class Deck:
    """Builds one 20-slide group presentation and tallies its words as assess counts them."""

    def __init__(self, rng, slides):
        self.rng = rng
        self.writer = mc.Writer(rng)
        self.slides = slides
        self.words = 0  # assess's default count: body titles, bullets, text boxes, subtitle

    def runs(self, text):
        """`text` as a:r runs cut every 3-10 words and (8%) in the middle of a word."""
        r = self.rng
        out, i, n = [], 0, len(text)
        while i < n:
            end = i
            for _ in range(r.randint(3, 10)):
                nxt = text.find(" ", end + 1)
                end = n if nxt == -1 else nxt
                if nxt == -1:
                    break
            if end < n and r.random() < 0.08:
                nxt = text.find(" ", end + 1)
                word_end = n if nxt == -1 else nxt
                if word_end - (end + 1) >= 2:
                    end = r.randint(end + 2, word_end - 1)
            elif end < n:
                end += 1  # the space stays with this run
            bold = ' b="1"' if r.random() < 0.1 else ""
            out.append(f'<a:r><a:rPr lang="en-GB"{bold} dirty="0"/><a:t>{escape(text[i:end])}</a:t></a:r>')
            i = end
        return "".join(out)

    def paragraph(self, text, counted, level=None):
        if counted:
            self.words += mc.count_words(text)
        ppr = f'<a:pPr lvl="{level}"/>' if level is not None else ""
        return f'<a:p>{ppr}{self.runs(text)}<a:endParaRPr lang="en-GB" dirty="0"/></a:p>'

    def bullet(self):
        """A short point: 6-16 words of prose, no final full stop."""
        words = self.writer.sentence().split(" ")
        return " ".join(words[: self.rng.randint(6, 16)]).rstrip(".,;?")

    def title(self):
        while True:
            text = self.writer.phrase(2, 6)
            if not mc._is_reserved(text):
                return text

    def table(self, sid):
        r, w = self.rng, self.writer
        rows, cols = r.randint(3, 5), r.randint(2, 3)
        grid = "".join(f'<a:gridCol w="{8000000 // cols}"/>' for _ in range(cols))
        body = []
        for row in range(rows):
            cells = []
            for col in range(cols):
                text = w.phrase(1, 3) if row == 0 or col == 0 else r.choice([f"{r.randint(1, 99)}%", str(r.randint(1, 5000)), w.phrase(2, 5)])
                cells.append(f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{self.paragraph(text, counted=False)}</a:txBody><a:tcPr/></a:tc>")
            body.append(f'<a:tr h="370840">{"".join(cells)}</a:tr>')
        return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{sid}" name="Table {sid - 1}"/>'
                '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
                f'{xfrm(2032000, 4200000, 8000000, 370840 * rows, "p:xfrm")}<a:graphic>'
                '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
                f'<a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>{grid}</a:tblGrid>{"".join(body)}</a:tbl>'
                "</a:graphicData></a:graphic></p:graphicFrame>")

    def slide_xml(self, number):
        r = self.rng
        shapes = []
        if number == 1:
            title = f"{self.writer.phrase(3, 5)}: a group presentation on {self.writer.phrase(2, 3).lower()}"
            shapes.append(shape(2, "Title 1", [self.paragraph(title, True)], ph='<p:ph type="ctrTitle"/>'))
            members = ", ".join(f"{r.choice('ABCDEFGHJKLMNPRSTW')}. {r.choice(mc.SURNAMES)}" for _ in range(r.randint(3, 6)))
            shapes.append(shape(3, "Subtitle 2", [self.paragraph(f"Group {r.randint(1, 12)}", True), self.paragraph(members, True)],
                                ph='<p:ph type="subTitle" idx="1"/>'))
            layout = 1
        elif number == self.slides:
            shapes.append(shape(2, "Title 1", [self.paragraph("References", False)], ph='<p:ph type="title"/>'))
            refs = sorted(self.writer.reference() for _ in range(r.randint(5, 10)))
            shapes.append(shape(3, "Content Placeholder 2", [self.paragraph(ref, False, level=0) for ref in refs], ph='<p:ph idx="1"/>'))
            layout = 2
        else:
            shapes.append(shape(2, "Title 1", [self.paragraph(self.title(), True)], ph='<p:ph type="title"/>'))
            points = [self.paragraph(self.bullet(), True, level=0 if r.random() < 0.7 else 1) for _ in range(r.randint(3, 6))]
            shapes.append(shape(3, "Content Placeholder 2", points, ph='<p:ph idx="1"/>'))
            extra = r.random()
            if extra < 0.25:
                shapes.append(self.table(5))
            elif extra < 0.45:
                shapes.append(shape(5, "TextBox 4", [self.paragraph(self.bullet(), True)], box=(8500000, 5800000, 3000000, 400000), text_box=True))
            layout = 2
        shapes.append(slide_number(4, number))
        xml = (DECL + f"<p:sld {NS}><p:cSld><p:spTree>{GROUP_HEAD}{''.join(shapes)}</p:spTree></p:cSld>"
               "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
        return xml, layout

    def notes_xml(self, number):
        paragraphs = [self.paragraph(self.writer.paragraph(self.rng.randint(2, 4)), False) for _ in range(self.rng.randint(1, 3))]
        image = ('<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" '
                 'noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>')
        body = shape(3, "Notes Placeholder 2", paragraphs, ph='<p:ph type="body" idx="1"/>')
        return (DECL + f"<p:notes {NS}><p:cSld><p:spTree>{GROUP_HEAD}{image}{body}{slide_number(4, number)}</p:spTree></p:cSld>"
                "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>")


def theme(name):
    colours = [("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'), ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
               ("dk2", '<a:srgbClr val="44546A"/>'), ("lt2", '<a:srgbClr val="E7E6E6"/>'), ("accent1", '<a:srgbClr val="4472C4"/>'),
               ("accent2", '<a:srgbClr val="ED7D31"/>'), ("accent3", '<a:srgbClr val="A5A5A5"/>'), ("accent4", '<a:srgbClr val="FFC000"/>'),
               ("accent5", '<a:srgbClr val="5B9BD5"/>'), ("accent6", '<a:srgbClr val="70AD47"/>'), ("hlink", '<a:srgbClr val="0563C1"/>'),
               ("folHlink", '<a:srgbClr val="954F72"/>')]
    scheme = "".join(f"<a:{k}>{v}</a:{k}>" for k, v in colours)
    font = '<a:latin typeface="{0}"/><a:ea typeface=""/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
    return (DECL + f'<a:theme xmlns:a="{A_URI}" name="{name}"><a:themeElements><a:clrScheme name="Office">{scheme}</a:clrScheme>'
            f'<a:fontScheme name="Office"><a:majorFont>{font.format("Calibri Light")}</a:majorFont>'
            f'<a:minorFont>{font.format("Calibri")}</a:minorFont></a:fontScheme>'
            f'<a:fmtScheme name="Office"><a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}</a:lnStyleLst>'
            f'<a:effectStyleLst>{"<a:effectStyle><a:effectLst/></a:effectStyle>" * 3}</a:effectStyleLst>'
            f'<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>')


CLR_MAP = ('<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" '
           'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>')


def master_xml():
    title = shape(2, "Title Placeholder 1", ['<a:p><a:r><a:rPr lang="en-GB"/><a:t>Click to edit Master title style</a:t></a:r></a:p>'],
                  ph='<p:ph type="title"/>', box=(838200, 365125, 10515600, 1325563))
    body = shape(3, "Text Placeholder 2", ['<a:p><a:pPr lvl="0"/><a:r><a:rPr lang="en-GB"/><a:t>Click to edit Master text styles</a:t></a:r></a:p>'],
                 ph='<p:ph type="body" idx="1"/>', box=(838200, 1825625, 10515600, 4351338))
    number = shape(4, "Slide Number Placeholder 3", ['<a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">'
                                                     '<a:rPr lang="en-GB"/><a:t>&#8249;#&#8250;</a:t></a:fld><a:endParaRPr lang="en-GB"/></a:p>'],
                   ph='<p:ph type="sldNum" sz="quarter" idx="4"/>', box=(8610600, 6356350, 2743200, 365125))
    return (DECL + f"<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>"
            f"<p:spTree>{GROUP_HEAD}{title}{body}{number}</p:spTree></p:cSld>{CLR_MAP}"
            '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/></p:sldLayoutIdLst>'
            "<p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz=\"4400\"/></a:lvl1pPr></p:titleStyle>"
            "<p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"2800\"/></a:lvl1pPr></p:bodyStyle>"
            "<p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1800\"/></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>")


def layout_xml(kind, name, placeholders):
    shapes = "".join(shape(i + 2, label, ['<a:p><a:r><a:rPr lang="en-GB"/><a:t>' + prompt + "</a:t></a:r></a:p>"], ph=ph)
                     for i, (label, ph, prompt) in enumerate(placeholders))
    return (DECL + f'<p:sldLayout {NS} type="{kind}" preserve="1"><p:cSld name="{name}"><p:spTree>{GROUP_HEAD}{shapes}</p:spTree></p:cSld>'
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")


def notes_master_xml():
    body = shape(2, "Notes Placeholder 1", ['<a:p><a:pPr lvl="0"/><a:r><a:rPr lang="en-GB"/><a:t>Click to edit Master text styles</a:t></a:r></a:p>'],
                 ph='<p:ph type="body" sz="quarter" idx="3"/>', box=(685800, 4400550, 5486400, 3600450))
    return (DECL + f"<p:notesMaster {NS}><p:cSld><p:spTree>{GROUP_HEAD}{body}</p:spTree></p:cSld>{CLR_MAP}</p:notesMaster>")


def pptx_parts(index, slides, seed):
    rng = random.Random(f"{seed}:{index}:deck")
    deck = Deck(rng, slides)
    slide_parts, overrides, listed = [], [], []
    presentation_rels = [("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
                         ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
                         ("rId3", "theme", "theme/theme1.xml"),
                         ("rId4", "presProps", "presProps.xml")]
    tokens = 0
    for number in range(1, slides + 1):
        xml, layout = deck.slide_xml(number)
        notes = deck.notes_xml(number)
        tokens += floor_tokens(xml, A_NS) + floor_tokens(notes, A_NS)
        rid = f"rId{number + 10}"
        presentation_rels.append((rid, "slide", f"slides/slide{number}.xml"))
        listed.append(f'<p:sldId id="{255 + number}" r:id="{rid}"/>')
        overrides += [(f"/ppt/slides/slide{number}.xml", CT + "slide+xml"), (f"/ppt/notesSlides/notesSlide{number}.xml", CT + "notesSlide+xml")]
        slide_parts += [
            (f"ppt/slides/slide{number}.xml", xml),
            (f"ppt/slides/_rels/slide{number}.xml.rels", relationships([
                ("rId1", "slideLayout", f"../slideLayouts/slideLayout{layout}.xml"),
                ("rId2", "notesSlide", f"../notesSlides/notesSlide{number}.xml")])),
            (f"ppt/notesSlides/notesSlide{number}.xml", notes),
            (f"ppt/notesSlides/_rels/notesSlide{number}.xml.rels", relationships([
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", f"../slides/slide{number}.xml")])),
        ]
    presentation = (DECL + f'<p:presentation {NS} saveSubsetFonts="1">'
                    '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
                    '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>'
                    f'<p:sldIdLst>{"".join(listed)}</p:sldIdLst>'
                    '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>'
                    '<p:defaultTextStyle><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr></p:defaultTextStyle></p:presentation>')
    types = [("/ppt/presentation.xml", CT + "presentation.main+xml"), ("/ppt/presProps.xml", CT + "presProps+xml"),
             ("/ppt/slideMasters/slideMaster1.xml", CT + "slideMaster+xml"),
             ("/ppt/slideLayouts/slideLayout1.xml", CT + "slideLayout+xml"), ("/ppt/slideLayouts/slideLayout2.xml", CT + "slideLayout+xml"),
             ("/ppt/notesMasters/notesMaster1.xml", CT + "notesMaster+xml"),
             ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
             ("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
             ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
             ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")] + overrides
    content_types = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in types) + "</Types>")
    app = (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f"<TotalTime>240</TotalTime><Words>{deck.words}</Words><Application>Microsoft Office PowerPoint</Application>"
           f"<PresentationFormat>Widescreen</PresentationFormat><Paragraphs>{slides * 6}</Paragraphs><Slides>{slides}</Slides>"
           f"<Notes>{slides}</Notes><HiddenSlides>0</HiddenSlides><AppVersion>16.0000</AppVersion></Properties>")
    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", relationships([
            ("rId3", "extended-properties", "docProps/app.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId1", "officeDocument", "ppt/presentation.xml")])),
        ("docProps/app.xml", app),
        ("docProps/core.xml", mc.core_props(f"Group presentation {index + 1:04d}")),
        ("ppt/presentation.xml", presentation),
        ("ppt/_rels/presentation.xml.rels", relationships(presentation_rels)),
        ("ppt/presProps.xml", DECL + f"<p:presentationPr {NS}/>"),
        ("ppt/slideMasters/slideMaster1.xml", master_xml()),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships([
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"), ("rId2", "slideLayout", "../slideLayouts/slideLayout2.xml"),
            ("rId3", "theme", "../theme/theme1.xml")])),
        ("ppt/slideLayouts/slideLayout1.xml", layout_xml("title", "Title Slide", [
            ("Title 1", '<p:ph type="ctrTitle"/>', "Click to add title"), ("Subtitle 2", '<p:ph type="subTitle" idx="1"/>', "Click to add subtitle")])),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/slideLayouts/slideLayout2.xml", layout_xml("obj", "Title and Content", [
            ("Title 1", '<p:ph type="title"/>', "Click to add title"), ("Content Placeholder 2", '<p:ph idx="1"/>', "Click to add text")])),
        ("ppt/slideLayouts/_rels/slideLayout2.xml.rels", relationships([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/notesMasters/notesMaster1.xml", notes_master_xml()),
        ("ppt/notesMasters/_rels/notesMaster1.xml.rels", relationships([("rId1", "theme", "../theme/theme2.xml")])),
        ("ppt/theme/theme1.xml", theme("Office Theme")),
        ("ppt/theme/theme2.xml", theme("Office Theme")),
    ] + slide_parts
    return parts, deck.words, tokens


# ------------------------------------------------------------------------- main

def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=800, help="number of files (default 800)")
    parser.add_argument("--dissertation-words", type=int, default=10000, help="body words of a dissertation, about (default 10000)")
    parser.add_argument("--assignment-words", type=int, default=2500, help="body words of an assignment, about (default 2500)")
    parser.add_argument("--slides", type=int, default=20, help="slides per deck (default 20)")
    parser.add_argument("--seed", type=int, default=20270301, help="random seed (default 20270301)")
    parser.add_argument("--out", help="output folder (default Benchmarks/work/mixed-<count>)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.count < 1 or args.slides < 3 or min(args.dissertation_words, args.assignment_words) < 50:
        parser.error("--count must be at least 1, --slides at least 3 and the word targets at least 50")
    out = args.out or os.path.join(here, "work", f"mixed-{args.count}")
    os.makedirs(out, exist_ok=True)

    rows = []
    for index in range(args.count):
        kind = SLOTS[index % len(SLOTS)]
        # Each document aims at its size give or take 10%, like a cohort near a limit.
        spread = random.Random(f"{args.seed}:{index}:target").uniform(0.9, 1.1)
        if kind == "deck":
            parts, words, tokens = pptx_parts(index, args.slides, args.seed)
            name = f"{index + 1:04d}-deck.pptx"
        else:
            target = round((args.dissertation_words if kind == "dissertation" else args.assignment_words) * spread)
            parts, words, tokens = docx_parts(index, target, args.seed, DISSERTATION if kind == "dissertation" else ASSIGNMENT)
            name = f"{index + 1:04d}-{kind}.docx"
        mc.write_docx(os.path.join(out, name), parts)
        rows.append((name, kind, words, tokens))
        if not args.quiet and (index + 1) % 50 == 0:
            print(f"  {index + 1}/{args.count} files", file=sys.stderr)

    with open(os.path.join(out, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tkind\twords\ttokens\n")
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")
    if not args.quiet:
        print(f"wrote {args.count} files and expected.tsv to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

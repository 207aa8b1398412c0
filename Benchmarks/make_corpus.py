#!/usr/bin/env python3
"""Generate a deterministic corpus of student-essay DOCX files for benchmarking `assess count`.

Python 3 standard library only. The same arguments always give byte-identical files
(seeded random numbers, fixed zip timestamps and attributes, fixed member order; the
deflate stream comes from the zlib the Python links, so it is identical on one machine
and on machines with the same zlib).

Each document is valid WordprocessingML with:
  [Content_Types].xml, _rels/.rels, docProps/core.xml and app.xml, word/document.xml,
  word/_rels/document.xml.rels, word/styles.xml (Title, Heading 1-3, Caption, List
  Paragraph, Bibliography, footnote styles, Table Grid), word/numbering.xml (bullets and
  decimal lists), word/footnotes.xml (separator, continuationSeparator, several normal
  notes), word/settings.xml;
  a Title, an Abstract in some files, numbered Heading 1/2/3 sections, paragraphs whose
  runs are split at word boundaries and occasionally mid-word (with a formatting change,
  spelling marks or a bookmark in between), tabs and line breaks as separators, bullet
  and numbered lists, one or two tables with a SEQ-field caption, a figure caption,
  footnotes, a References section and, in some files, an appendix.

expected.tsv (in the output folder) gives, per file, what the generator put there:
  words        body words: tokens holding at least one letter or digit in the headings,
               paragraphs and list items of the body, before References; excluding the
               title and abstract (front matter), tables, captions and footnotes
  front_matter words in the title and the abstract (heading + text)
  references   words in the References heading and its entries
  appendix     words in the appendix (headings, paragraphs, lists), 0 when none
  table_cells  words in table cells
  captions     words in captions
  footnotes    words in footnote text
  all_text     everything above: all words in document.xml and footnotes.xml
A token is a run of characters between white space (no-break spaces join, as on the
page); runs are joined without a space and w:tab / w:br act as white space.

Usage: make_corpus.py [--count N] [--words W] [--seed S] [--out DIR]
"""

import argparse
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

# --------------------------------------------------------------------------- counting

_SEPARATORS = set(chr(c) for c in list(range(0x09, 0x0E)) + [0x20, 0x85, 0x1680, 0x2028, 0x2029, 0x205F, 0x3000]
                  + list(range(0x2000, 0x200B)))


def count_words(text):
    """Words in `text`: tokens between white space that hold a letter or digit.

    No-break spaces (U+00A0, U+2007, U+202F) are not white space, so they join.
    """
    words = 0
    in_token = False
    has_word_char = False
    for ch in text:
        if ch in _SEPARATORS:
            if in_token and has_word_char:
                words += 1
            in_token = False
            has_word_char = False
        else:
            in_token = True
            if not has_word_char and (ch.isalpha() or ch.isnumeric()):
                has_word_char = True
    if in_token and has_word_char:
        words += 1
    return words


# --------------------------------------------------------------------------- vocabulary

NOUNS = """service patient clinician system record intervention outcome evaluation
programme pathway trust practice adoption implementation workforce data platform
interoperability governance stakeholder leadership strategy capability infrastructure
evidence framework policy commissioner provider appointment referral triage consultation
dashboard algorithm model analysis cohort survey interview theme barrier facilitator
culture change budget procurement vendor contract integration workflow burden safety
quality equity access inclusion literacy portal application telehealth monitoring device
sensor wearable alert escalation pharmacist nurse physician manager board committee
review audit standard guideline protocol pilot evaluation feasibility acceptability
fidelity reach sustainability scale spread context mechanism resource capacity demand
waiting list admission discharge readmission bed theatre clinic ward community region
network partnership population prevention screening diagnosis treatment follow-up
medication adherence self-management carer family consent privacy security risk
incident harm benefit cost value efficiency productivity training competence confidence
trust engagement participation feedback communication handover documentation""".split()

ADJECTIVES = """digital clinical organisational national local regional integrated
patient-centred evidence-based remote virtual electronic mobile secure interoperable
sustainable equitable effective efficient acceptable feasible qualitative quantitative
mixed-methods longitudinal cross-sectional realist rapid formative summative primary
secondary tertiary acute chronic complex multidisciplinary frontline senior junior
strategic operational financial ethical legal technical social cultural structural
significant modest substantial limited considerable notable persistent emerging
existing proposed revised standardised routine early late timely delayed""".split()

VERBS = """improves reduces supports enables constrains shapes influences requires
suggests indicates demonstrates highlights illustrates reveals challenges reinforces
undermines facilitates accelerates delays informs guides frames explains predicts
increases limits extends strengthens weakens complicates clarifies""".split()

ADVERBS = """consistently rarely often partly largely arguably clearly broadly notably
initially subsequently ultimately significantly modestly directly indirectly""".split()

LINKS = """however moreover therefore furthermore consequently nevertheless similarly
conversely meanwhile overall""".split()

FUNCTION = """the the the of of in in to to and and a a for with on by from as at
that this these within across between among through""".split()

SPECIAL_TOKENS = [
    "e.g.", "i.e.", "etc.", "2,500", "10,000", "£1.2m", "3.5%", "COVID-19", "NHS", "GP",
    "EHR", "HL7", "FHIR", "ICS", "A&E", "24/7", "naïve", "café", "rôle", "coöperation",
    "Müller", "Ødegård", "“digital", "front door”", "‘go-live’", "(n = 24)", "p < 0.05",
    "user-centred", "re-design", "well-being", "…", "post-implementation", "1990s",
]
# Tokens that hold no letter or digit: counted as no word.
NON_WORDS = ["–", "—", "&", "•", "/", "+", "=", "§"]

SURNAMES = """Greenhalgh Wherton Papoutsi Lynch Hughes A'Court Hinder Fahy Procter
Shaw Cresswell Sheikh Bates Wachter Robertson Black Coiera Braithwaite Nilsen Damschroder
May Finch Murray Rogers Pawson Tilley Yin Braun Clarke Bardach Kingdon Hall Klein Lewin
Kotter Berwick Dixon-Woods Martin Bate Robert Sittig Singh Ash Fraser Ziebland""".split()

JOURNALS = ["BMJ", "Journal of Medical Internet Research", "Implementation Science",
            "BMJ Quality & Safety", "The Lancet Digital Health", "Health Policy",
            "International Journal of Medical Informatics", "BMC Health Services Research",
            "Social Science & Medicine", "Journal of the American Medical Informatics Association"]

SECTION_TITLES = [
    "Introduction", "Background and policy context", "Literature review",
    "Theoretical framework", "Methods", "Service description", "Findings",
    "Evaluation design", "Stakeholder perspectives", "Discussion",
    "Implications for leadership", "Recommendations", "Limitations of the evaluation",
]

# Heading texts that a reader could take for a section switch: never generate these.
_RESERVED = {
    "references", "reference list", "list of references", "bibliography", "works cited",
    "cited works", "literature cited", "references cited", "sources", "reference",
    "references and bibliography", "bibliography and references", "sources cited",
    "abstract", "acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment",
    "contents", "table of contents", "list of contents", "list of figures", "list of tables",
    "list of abbreviations", "abbreviations", "glossary", "declaration",
    "declaration of originality", "dedication", "preface", "foreword", "title page",
}


def _is_reserved(heading):
    words = heading.lower().split()
    while words and all(c.isdigit() or c == "." for c in words[0].rstrip(".):")):
        words.pop(0)
    name = " ".join(words).rstrip(":.;-–—")
    return name in _RESERVED or name.startswith(("appendix", "appendices", "annex"))


# --------------------------------------------------------------------------- text

class Writer:
    """Makes the prose of one document from a seeded random generator."""

    def __init__(self, rng):
        self.rng = rng

    def citation(self):
        r = self.rng
        a = r.choice(SURNAMES)
        year = r.randint(1995, 2025)
        form = r.random()
        if form < 0.4:
            return f"({a} et al., {year})"
        if form < 0.7:
            return f"({a} and {r.choice(SURNAMES)}, {year})"
        if form < 0.85:
            return f"({a}, {year}, p.\u00a0{r.randint(2, 320)})"  # no-break space joins "p. 12"
        return f"({a} et al., {year}; {r.choice(SURNAMES)}, {r.randint(1995, 2025)})"

    def sentence(self):
        r = self.rng
        tokens = []
        length = r.randint(9, 28)
        if r.random() < 0.2:
            tokens.append(r.choice(LINKS).capitalize() + ",")
        while len(tokens) < length:
            x = r.random()
            if x < 0.34:
                tokens.append(r.choice(FUNCTION))
            elif x < 0.62:
                tokens.append(r.choice(NOUNS))
            elif x < 0.76:
                tokens.append(r.choice(ADJECTIVES))
            elif x < 0.86:
                tokens.append(r.choice(VERBS))
            elif x < 0.90:
                tokens.append(r.choice(ADVERBS))
            elif x < 0.945:
                tokens.append(r.choice(SPECIAL_TOKENS))
            elif x < 0.965:
                tokens.append(r.choice(NON_WORDS))
            elif x < 0.98:
                tokens.append(str(r.randint(1, 999)))
            else:
                tokens[-1:] = [tokens[-1] + ","] if tokens else []
        if tokens and not tokens[0][:1].isupper():
            tokens[0] = tokens[0][:1].upper() + tokens[0][1:]
        if r.random() < 0.3:
            tokens.append(self.citation())
        tokens[-1] = tokens[-1] + r.choice([".", ".", ".", ".", "?", ";"] if r.random() < 0.9 else ["."])
        return " ".join(tokens)

    def paragraph(self, sentences=None):
        n = sentences or self.rng.randint(3, 8)
        return " ".join(self.sentence() for _ in range(n))

    def phrase(self, lo=2, hi=6):
        r = self.rng
        words = [r.choice(ADJECTIVES if i % 2 == 0 else NOUNS) for i in range(r.randint(lo, hi))]
        if len(words) > 2:
            words.insert(r.randint(1, len(words) - 1), r.choice(["of", "and", "in", "for"]))
        text = " ".join(words)
        return text[:1].upper() + text[1:]

    def reference(self):
        r = self.rng
        authors = ", ".join(f"{r.choice(SURNAMES)}, {r.choice('ABCDEFGHJKLMNPRSTW')}." for _ in range(r.randint(1, 4)))
        year = r.randint(1995, 2025)
        title = self.phrase(4, 10)
        if r.random() < 0.7:
            return (f"{authors} ({year}) {title}. {r.choice(JOURNALS)}, {r.randint(1, 40)}({r.randint(1, 12)}), "
                    f"pp. {r.randint(1, 300)}–{r.randint(301, 900)}. doi:10.{r.randint(1000, 9999)}/{r.randint(10000, 99999)}")
        return (f"{authors} ({year}) {title}. London: The King’s Fund. Available at: "
                f"https://www.example.org/reports/{r.randint(100, 999)}-{title.split()[0].lower()} "
                f"(Accessed: {r.randint(1, 28)} {r.choice(['January', 'March', 'June', 'October'])} {r.randint(2019, 2025)}).")


# --------------------------------------------------------------------------- XML

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOC_NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R_NS}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W_NS}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'mc:Ignorable="w14"'
)
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def _t(text):
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() or "  " in text else ""
    return f"<w:t{space}>{escape(text)}</w:t>"


class DocumentXML:
    """Builds word/document.xml and word/footnotes.xml and tallies words by where they go."""

    TALLIES = ("words", "front_matter", "references", "appendix", "table_cells", "captions", "footnotes")

    def __init__(self, rng):
        self.rng = rng
        self.body = []
        self.footnotes = []
        self.tally = dict.fromkeys(self.TALLIES, 0)
        self.rsids = [f"00{rng.randrange(16 ** 6):06X}" for _ in range(12)]

    def rsid(self):
        return self.rng.choice(self.rsids)

    # -- runs

    def runs(self, text, footnote_after=None):
        """Renders `text` as runs: split at spaces, sometimes mid-word, with tabs and breaks.

        Spaces in `text` are rendered as spaces; "\t" as <w:tab/>, "\n" as <w:br/>.
        `footnote_after`: character offsets after which a footnote reference run goes.
        """
        r = self.rng
        out = []
        i = 0
        n = len(text)
        notes = sorted(footnote_after or [])
        while i < n:
            # Chunk of 3-14 words, ending at a space, or (8%) in the middle of a word.
            end = i
            for _ in range(r.randint(3, 14)):
                nxt = text.find(" ", end + 1)
                if nxt == -1:
                    end = n
                    break
                end = nxt
            if end < n and r.random() < 0.08:
                # Move the cut into the next word, if it has two or more characters.
                nxt = text.find(" ", end + 1)
                word_end = n if nxt == -1 else nxt
                if word_end - (end + 1) >= 2:
                    end = r.randint(end + 2, word_end - 1)
            else:
                end = min(n, end + 1) if end < n else n  # keep the space with this run
            while notes and notes[0] < end:
                cut = notes.pop(0)
                if cut > i:
                    out.append(self.run(text[i:cut]))
                    i = cut
                out.append(self.footnote_reference())
            if end > i:
                out.append(self.run(text[i:end]))
            i = end
            extra = r.random()
            if extra < 0.03:
                out.append('<w:proofErr w:type="spellStart"/>')
            elif extra < 0.04:
                bid = r.randint(0, 10 ** 6)
                out.append(f'<w:bookmarkStart w:id="{bid}" w:name="_Ref{bid}"/><w:bookmarkEnd w:id="{bid}"/>')
        for _ in notes:
            out.append(self.footnote_reference())
        return "".join(out)

    def run(self, text):
        r = self.rng
        props = []
        x = r.random()
        if x < 0.06:
            props.append("<w:i/><w:iCs/>")
        elif x < 0.08:
            props.append("<w:b/><w:bCs/>")
        if r.random() < 0.25:
            props.append('<w:lang w:val="en-GB"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        parts = []
        for piece_index, line in enumerate(text.split("\n")):
            if piece_index:
                parts.append("<w:br/>")
            for tab_index, piece in enumerate(line.split("\t")):
                if tab_index:
                    parts.append("<w:tab/>")
                if piece:
                    parts.append(_t(piece))
        return f'<w:r w:rsidR="{self.rsid()}">{rpr}{"".join(parts)}</w:r>'

    def footnote_reference(self):
        number = len(self.footnotes) + 1
        text = self.pending_note(number)
        self.footnotes.append(text)
        self.tally["footnotes"] += count_words(text)
        return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'

    # -- paragraphs

    def para(self, text, tally, style=None, numbering=None, footnote_after=None, extra_ppr=""):
        ppr = ""
        inner = ""
        if style:
            inner += f'<w:pStyle w:val="{style}"/>'
        if numbering:
            inner += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbering}"/></w:numPr>'
        inner += extra_ppr
        if inner:
            ppr = f"<w:pPr>{inner}</w:pPr>"
        if tally:
            self.tally[tally] += count_words(text)
        return (f'<w:p w:rsidR="{self.rsid()}" w:rsidRDefault="{self.rsid()}">{ppr}'
                f"{self.runs(text, footnote_after)}</w:p>")

    def caption(self, label, number, text, tally="captions"):
        """A caption with a SEQ field for its number, as Word's Insert Caption makes it."""
        full = f"{label} {number}: {text}"
        self.tally[tally] += count_words(full)
        return ('<w:p><w:pPr><w:pStyle w:val="Caption"/><w:keepNext/></w:pPr>'
                f"{self.run(label + ' ')}"
                f'<w:fldSimple w:instr=" SEQ {label} \\* ARABIC "><w:r><w:rPr><w:noProof/></w:rPr>{_t(str(number))}</w:r></w:fldSimple>'
                f"{self.run(': ' + text)}</w:p>")

    def table(self, writer, rows, cols):
        r = self.rng
        grid = "".join('<w:gridCol w:w="%d"/>' % (9000 // cols) for _ in range(cols))
        body = []
        for row in range(rows):
            cells = []
            for col in range(cols):
                if row == 0:
                    text = writer.phrase(1, 3)
                elif col == 0:
                    text = writer.phrase(1, 4)
                else:
                    text = r.choice([f"{r.randint(1, 99)}%", str(r.randint(1, 5000)), writer.phrase(2, 9), "–", "n/a"])
                props = "<w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>" % (9000 // cols)
                cells.append(f"<w:tc>{props}{self.para(text, 'table_cells')}</w:tc>")
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if row == 0 else ""
            body.append(f'<w:tr w:rsidR="{self.rsid()}">{trpr}{"".join(cells)}</w:tr>')
        return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(body)}</w:tbl>')

    def pending_note(self, number):
        return self.note_texts[(number - 1) % len(self.note_texts)]


def with_separators(rng, text):
    """Replaces a few spaces by tabs or line breaks (both separate words)."""
    if rng.random() >= 0.15:
        return text
    chars = list(text)
    spaces = [i for i, c in enumerate(chars) if c == " "]
    for i in rng.sample(spaces, min(len(spaces), rng.randint(1, 2))):
        chars[i] = rng.choice(["\t", "\n"])
    return "".join(chars)


class Profile:
    """What kind of document build_document writes. The defaults are the essay of
    count-throughput.sh's corpus; changing them changes that corpus, so other kinds
    (make_mixed_corpus.py's dissertations) pass their own."""

    def __init__(self, subtitle="a process evaluation of", abstract=0.35, chapters=None,
                 tables=(1, 2), references=(18, 40), appendix=0.25):
        self.subtitle = subtitle      # the title's second half, before a phrase
        self.abstract = abstract      # chance of an abstract
        self.chapters = chapters      # fixed chapter titles in order, or None: sampled from SECTION_TITLES
        self.tables = tables          # how many tables, at least and at most
        self.references = references  # how many reference entries, at least and at most
        self.appendix = appendix      # chance of an appendix


ESSAY = Profile()


def build_document(index, target_words, seed, profile=ESSAY):
    rng = random.Random(f"{seed}:{index}")
    writer = Writer(rng)
    doc = DocumentXML(rng)
    doc.note_texts = [writer.paragraph(rng.randint(1, 2)) for _ in range(rng.randint(5, 12))]
    out = doc.body

    # Front matter: a title, and an abstract (in about a third of the essays).
    out.append(doc.para(f"{writer.phrase(3, 6)}: {profile.subtitle} {writer.phrase(2, 4).lower()}",
                        "front_matter", style="Title"))
    if rng.random() < profile.abstract:
        out.append(doc.para("Abstract", "front_matter", style="Heading1"))
        out.append(doc.para(writer.paragraph(rng.randint(5, 8)), "front_matter"))

    # Body: numbered sections with subsections until the target is reached.
    if profile.chapters:
        sections = list(profile.chapters)
    else:
        sections = rng.sample(SECTION_TITLES, k=min(len(SECTION_TITLES), rng.randint(6, 9)))
    if "Introduction" in sections:
        sections.remove("Introduction")
    sections.insert(0, "Introduction")
    sections.append("Conclusion")
    per_section = target_words / len(sections)
    footnotes_left = len(doc.note_texts)
    # Tables (one or two in an essay), each after the first paragraph of a section from the third on;
    # a figure caption in the second section.
    table_sections = set(rng.sample(range(3, len(sections)), k=rng.randint(*profile.tables)))
    table_number = 0
    for number, title in enumerate(sections, start=1):
        last = number == len(sections)
        out.append(doc.para(f"{number}. {title}", "words", style="Heading1"))
        section_goal = doc.tally["words"] + per_section if not last else target_words
        sub = 0
        placed = False

        def place_table_or_figure():
            nonlocal table_number
            if number in table_sections:
                table_number += 1
                out.append(doc.caption("Table", table_number, writer.phrase(3, 8)))
                out.append(doc.table(writer, rng.randint(4, 9), rng.randint(2, 5)))
            elif number == 2:
                out.append(doc.caption("Figure", 1, writer.phrase(4, 9)))

        while doc.tally["words"] < section_goal - 25:
            if placed is None:
                placed = True
                place_table_or_figure()
            x = rng.random()
            if x < 0.10 and not last:
                sub += 1
                heading = f"{number}.{sub} {writer.phrase(2, 6)}"
                if _is_reserved(heading):
                    continue
                out.append(doc.para(heading, "words", style="Heading2"))
                if rng.random() < 0.3:
                    out.append(doc.para(f"{number}.{sub}.1 {writer.phrase(2, 4)}", "words", style="Heading3"))
            elif x < 0.16:
                kind = rng.choice([1, 2])  # bullets, numbers
                for _ in range(rng.randint(3, 6)):
                    out.append(doc.para(writer.sentence(), "words", style="ListParagraph", numbering=kind))
            else:
                remaining = section_goal - doc.tally["words"]
                text = writer.paragraph()
                if last and count_words(text) > remaining > 0:
                    # Trim the final paragraph so the body lands on the target.
                    tokens = text.split(" ")
                    while count_words(" ".join(tokens)) > remaining and len(tokens) > 1:
                        tokens.pop()
                    text = " ".join(tokens).rstrip(",;") + "."
                text = with_separators(rng, text)
                notes = []
                if footnotes_left and rng.random() < 0.12:
                    footnotes_left -= 1
                    notes = [text.find(".", len(text) // 2) + 1 or len(text)]
                out.append(doc.para(text, "words", footnote_after=notes))
                if not placed:
                    placed = None  # a table or figure follows this first paragraph
        if not placed:
            place_table_or_figure()
    while footnotes_left:  # any notes left go on the last paragraph's end
        footnotes_left -= 1
        out.append(doc.para(writer.sentence(), "words", footnote_after=[10 ** 9]))

    # References.
    out.append(doc.para("References", "references", style="Heading1"))
    refs = sorted(writer.reference() for _ in range(rng.randint(*profile.references)))
    for ref in refs:
        out.append(doc.para(ref, "references", style="Bibliography"))

    # An appendix (in about a quarter of the essays).
    if rng.random() < profile.appendix:
        out.append(doc.para("Appendix A: Interview topic guide", "appendix", style="Heading1"))
        out.append(doc.para(writer.paragraph(2), "appendix"))
        for _ in range(rng.randint(5, 10)):
            out.append(doc.para(writer.sentence(), "appendix", style="ListParagraph", numbering=2))

    sect = ('<w:sectPr w:rsidR="{0}"><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
            'w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/>'
            '<w:docGrid w:linePitch="360"/></w:sectPr>').format(doc.rsid())
    document = f"{XML_DECL}<w:document {DOC_NAMESPACES}><w:body>{''.join(out)}{sect}</w:body></w:document>"

    notes = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
             'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
             'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for number, text in enumerate(doc.footnotes, start=1):
        notes.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                     '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                     f"{doc.run(' ' + text)}</w:p></w:footnote>")
    footnotes = f"{XML_DECL}<w:footnotes {DOC_NAMESPACES}>{''.join(notes)}</w:footnotes>"

    title = escape(f"Submission {index + 1:04d}")
    return document, footnotes, title, doc.tally


# --------------------------------------------------------------------------- static parts

CONTENT_TYPES = XML_DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')

PACKAGE_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')

DOCUMENT_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
    '</Relationships>')

SETTINGS = XML_DECL + (
    f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-GB"/></w:settings>')


def _style(kind, sid, name, extra="", default=False):
    d = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}"{d} w:styleId="{sid}"><w:name w:val="{name}"/>{extra}</w:style>'


def _heading(level, size):
    return _style("paragraph", f"Heading{level}", f"heading {level}",
                  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
                  f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
                  f'<w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')


STYLES = XML_DECL + (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Times New Roman"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">'
    '<w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/>'
    '</w:latentStyles>'
    + _style("paragraph", "Normal", "Normal", "<w:qFormat/>", default=True)
    + _style("paragraph", "Title", "Title", '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
             '<w:pPr><w:spacing w:after="0"/><w:contextualSpacing/></w:pPr><w:rPr><w:sz w:val="56"/></w:rPr>')
    + _heading(1, 32) + _heading(2, 26) + _heading(3, 24)
    + _style("paragraph", "Caption", "caption", '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
             '<w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="18"/></w:rPr>')
    + _style("paragraph", "ListParagraph", "List Paragraph", '<w:basedOn w:val="Normal"/><w:qFormat/>'
             '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>')
    + _style("paragraph", "Bibliography", "Bibliography", '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
             '<w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr>')
    + _style("paragraph", "FootnoteText", "footnote text", '<w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/>'
             '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr>')
    + _style("character", "DefaultParagraphFont", "Default Paragraph Font", "<w:uiPriority w:val=\"1\"/><w:semiHidden/>", default=True)
    + _style("character", "FootnoteTextChar", "Footnote Text Char", '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:rPr><w:sz w:val="20"/></w:rPr>')
    + _style("character", "FootnoteReference", "footnote reference", '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>')
    + _style("table", "TableNormal", "Normal Table", '<w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
             '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
             '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>', default=True)
    + _style("table", "TableGrid", "Table Grid", '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
             '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
             '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
             '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
             '</w:tblBorders></w:tblPr>')
    + _style("numbering", "NoList", "No List", '<w:uiPriority w:val="99"/><w:semiHidden/>', default=True)
    + '</w:styles>')

NUMBERING = XML_DECL + (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '</w:numbering>')


def core_props(title):
    return XML_DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>Candidate</dc:creator><cp:lastModifiedBy>Candidate</cp:lastModifiedBy>"
        '<cp:revision>3</cp:revision>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-10T09:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2027-01-15T11:58:00Z</dcterms:modified>'
        '</cp:coreProperties>')


def app_props(words):
    return XML_DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>600</TotalTime><Pages>{max(1, words // 450)}</Pages>"
        f"<Words>{words}</Words><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
        "<AppVersion>16.0000</AppVersion></Properties>")


# --------------------------------------------------------------------------- zip

FIXED_TIME = (2027, 1, 15, 12, 0, 0)


def write_docx(path, parts):
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # as Word writes them (MS-DOS)
            info.external_attr = 0
            archive.writestr(info, text.encode("utf-8"), compresslevel=6)
    os.replace(tmp, path)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="number of files (default 200)")
    parser.add_argument("--words", type=int, default=10000, help="body words per file, about (default 10000)")
    parser.add_argument("--seed", type=int, default=20270115, help="random seed (default 20270115)")
    parser.add_argument("--out", help="output folder (default Benchmarks/work/corpus-<count>)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.count < 1 or args.words < 50:
        parser.error("--count must be at least 1 and --words at least 50")
    out = args.out or os.path.join(here, "work", f"corpus-{args.count}")
    os.makedirs(out, exist_ok=True)

    spread = random.Random(f"{args.seed}:targets")
    rows = []
    for index in range(args.count):
        # Each file aims at the requested size give or take 10%, like a cohort near a limit.
        target = round(args.words * spread.uniform(0.9, 1.1))
        document, footnotes, title, tally = build_document(index, target, args.seed)
        name = f"submission-{index + 1:04d}.docx"
        write_docx(os.path.join(out, name), [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELS),
            ("docProps/core.xml", core_props(title)),
            ("docProps/app.xml", app_props(tally["words"])),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", STYLES),
            ("word/settings.xml", SETTINGS),
            ("word/numbering.xml", NUMBERING),
            ("word/footnotes.xml", footnotes),
        ])
        rows.append((name, tally))
        if not args.quiet and (index + 1) % 25 == 0:
            print(f"  {index + 1}/{args.count} files", file=sys.stderr)

    columns = DocumentXML.TALLIES + ("all_text",)
    with open(os.path.join(out, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\t" + "\t".join(columns) + "\n")
        for name, tally in rows:
            values = [tally[c] for c in DocumentXML.TALLIES] + [sum(tally.values())]
            f.write(name + "\t" + "\t".join(str(v) for v in values) + "\n")
    if not args.quiet:
        print(f"wrote {args.count} files and expected.tsv to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

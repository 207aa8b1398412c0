#!/usr/bin/env python3
"""Writes a deterministic course of N candidates for the load benchmark.

Every assessment kind that has a processor on this branch gets one assessment, and every
candidate submits to each: a written essay (DOCX, wordcount), a dissertation (DOCX,
wordcount + dissertation), a group presentation (PPTX, presentation), a reflective
journal (ODT, journal). Texts come from a seeded generator, so the same N gives the same
bytes. MCQ is not on this branch yet (issue 4): add it here when it lands.

    make_load_course.py N OUT_DIR
"""
import os
import random
import sys
import zipfile

WORDS = ("care patient service data system record digital health leadership design user "
         "evaluation process clinical staff safety outcome quality change team evidence").split()
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def text(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


def fixed_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def docx(path, paragraphs):
    body = "".join(
        '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>'
        % ('<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if heading else "", words)
        for heading, words in paragraphs)
    fixed_zip(path, [
        ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, body)),
    ])


def pptx(path, slides):
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = [
        ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="%s/officeDocument" Target="ppt/presentation.xml"/></Relationships>' % r),
        ("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation xmlns:p="%s" xmlns:r="%s"><p:sldIdLst>%s</p:sldIdLst></p:presentation>'
         % (p, r, "".join('<p:sldId id="%d" r:id="rId%d"/>' % (256 + i, i + 1) for i in range(len(slides))))),
        ("ppt/_rels/presentation.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
         % "".join('<Relationship Id="rId%d" Type="%s/slide" Target="slides/slide%d.xml"/>' % (i + 1, r, i + 1) for i in range(len(slides)))),
    ]
    for index, (title, words) in enumerate(slides, start=1):
        shapes = "".join('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="s"/><p:cNvSpPr/><p:nvPr>%s</p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>'
                         % (n, '<p:ph type="title"/>' if n == 1 else "", t) for n, t in ((1, title), (2, words)))
        parts.append(("ppt/slides/slide%d.xml" % index, '<?xml version="1.0"?><p:sld xmlns:p="%s" xmlns:a="%s"><p:cSld><p:spTree>%s</p:spTree></p:cSld></p:sld>' % (p, a, shapes)))
    fixed_zip(path, parts)


def odt(path, entries):
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    t = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = "".join('<text:h text:outline-level="1">%s</text:h><text:p>%s</text:p>' % entry for entry in entries)
    fixed_zip(path, [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
         '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>'),
        ("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="%s" xmlns:text="%s"><office:body><office:text>%s</office:text></office:body></office:document-content>'
         % (office, t, body)),
    ])


ASSESSMENTS = {
    "essay": "title: Process evaluation\nmodule: Essentials\nkind: written\nword_limit: 2500\nprocessors:\n  wordcount: {tolerance: 10%}\n",
    "dissertation": "title: Dissertation of practice\nmodule: MSc\nkind: dissertation\nword_limit: 10000\nprocessors:\n  wordcount: {tolerance: 10%}\n  dissertation: {}\n",
    "presentation": "title: Group presentation\nmodule: UCD\nkind: group_presentation\nprocessors:\n  presentation: {slot_minutes: 15}\n",
    "journal": "title: Reflective journal\nmodule: Leadership\nkind: journal\nprocessors:\n  journal: {}\n",
}


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out + "/assessments", exist_ok=True)
    with open(out + "/course.yaml", "w") as handle:
        handle.write('programme: Load test\ncohort: "2026-27"\nanonymous: true\n')
    rows = ["candidate_id,name,email,group,lms_id"]
    for number in range(1, count + 1):
        rows.append("L%05d,Person %05d,p%05d@example.ac.uk,G%04d,%d" % (number, number, number, (number - 1) // 5 + 1, 500000 + number))
    with open(out + "/roster.csv", "w") as handle:
        handle.write("\n".join(rows) + "\n")
    for assessment, yaml in ASSESSMENTS.items():
        os.makedirs("%s/assessments/%s/submissions" % (out, assessment), exist_ok=True)
        with open("%s/assessments/%s/assessment.yaml" % (out, assessment), "w") as handle:
            handle.write(yaml)
    for number in range(1, count + 1):
        rng = random.Random(number)
        candidate = "L%05d" % number
        folder = lambda assessment: "%s/assessments/%s/submissions/%s" % (out, assessment, candidate)
        for assessment in ASSESSMENTS:
            os.makedirs(folder(assessment), exist_ok=True)
        docx(folder("essay") + "/essay.docx", [(True, "Introduction")] + [(False, text(rng, 100)) for _ in range(rng.randint(18, 28))]
             + [(True, "References"), (False, "Smith J (2020) A reference.")])
        chapters = ["Abstract", "Introduction", "Literature review", "Methods", "Results", "Discussion", "Conclusion"]
        docx(folder("dissertation") + "/dissertation.docx",
             [item for chapter in chapters for item in [(True, chapter)] + [(False, text(rng, 120)) for _ in range(12)]]
             + [(True, "References"), (False, "Smith J (2020) A reference.")])
        pptx(folder("presentation") + "/deck.pptx", [("Slide %d" % i, text(rng, 30)) for i in range(1, 13)])
        odt(folder("journal") + "/journal.odt", [("%d October 2026" % day, text(rng, 150)) for day in range(1, 25, 2)])


main()

import AssessDocuments
import Foundation

/// Writes real PowerPoint files for tests: content types, package relationships,
/// `docProps/app.xml`, the presentation with its slide list, a slide master and layout
/// (with the prompt text PowerPoint puts there, which is never slide text), and per slide
/// its shapes, notes page, comments and SmartArt data.
///
/// ```swift
/// let deck = PptxBuilder(slides: [.init([PptxBuilder.title("Findings"), PptxBuilder.textBox(["Wait times fell."])])])
/// let document = try deck.read()
/// ```
public struct PptxBuilder: PackageBuilder {
    public static let defaultName = "slides.pptx"
    static let p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declarations = "xmlns:a=\"\(a)\" xmlns:r=\"\(r)\" xmlns:p=\"\(p)\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\""
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// One slide: its shapes and what hangs off it.
    public struct Slide: Sendable {
        /// Shape XML (`p:sp`, `p:grpSp`, `p:graphicFrame`…) inside the slide's `p:spTree`.
        public var shapes: [String]
        /// The speaker notes' paragraphs (`a:p` XML), if the slide has a notes page.
        public var notes: [String]?
        /// Whether the slide is hidden (`show="0"`).
        public var hidden = false
        /// Legacy comments' texts.
        public var comments: [String] = []
        /// The texts of a SmartArt diagram's nodes; the slide gets a graphic frame for it.
        public var smartArt: [String]?

        /// A slide of shapes, with optional notes paragraphs.
        public init(_ shapes: [String], notes: [String]? = nil, hidden: Bool = false) {
            self.shapes = shapes
            self.notes = notes
            self.hidden = hidden
        }
    }

    /// The slides, written as `ppt/slides/slide1.xml`, `slide2.xml`… in this order.
    public var slides: [Slide]
    /// The presentation's slide list as indexes into ``slides`` (default: in order).
    public var order: [Int]?
    /// `<Words>` in `docProps/app.xml`, when given.
    public var savedWords: Int?
    /// `<Application>` in `docProps/app.xml`.
    public var application = "Microsoft Office PowerPoint"
    /// List a slide whose relationship id the presentation's relationships lack.
    public var danglingSlideID = false
    /// Leave out the part of the slide at this index (its relationship stays).
    public var missingSlidePart: Int?
    /// Replace a slide's XML verbatim (for malformed-XML tests), by index.
    public var rawSlide: (index: Int, xml: String)?
    /// Write strict OOXML (ISO/IEC 29500 strict namespaces) instead of transitional.
    public var strict = false

    /// Starts a presentation of `slides`.
    public init(slides: [Slide]) { self.slides = slides }

    // MARK: Shapes

    /// A paragraph of one run.
    public static func paragraph(_ text: String) -> String { paragraph(runs: [run(text)]) }

    /// A paragraph of several runs or breaks (each already XML).
    public static func paragraph(runs: [String], level: Int? = nil) -> String {
        "<a:p>\(level.map { "<a:pPr lvl=\"\($0)\"/>" } ?? "")\(runs.joined())<a:endParaRPr lang=\"en-GB\"/></a:p>"
    }

    /// A run of text.
    public static func run(_ text: String) -> String { "<a:r><a:rPr lang=\"en-GB\" dirty=\"0\"/><a:t>\(escape(text))</a:t></a:r>" }

    /// A line break inside a paragraph.
    public static let lineBreak = "<a:br><a:rPr lang=\"en-GB\"/></a:br>"

    /// A field (slide number, date) showing `text`.
    public static func field(_ text: String, type: String = "slidenum") -> String {
        "<a:fld id=\"{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}\" type=\"\(type)\"><a:rPr lang=\"en-GB\"/><a:t>\(escape(text))</a:t></a:fld>"
    }

    /// A shape of paragraphs (`a:p` XML), a placeholder when `placeholder` names a type.
    public static func shape(_ paragraphs: [String], placeholder: String? = nil, id: Int = 2, name: String = "TextBox", hidden: Bool = false) -> String {
        let ph = placeholder.map { "<p:nvPr><p:ph type=\"\($0)\"/></p:nvPr>" } ?? "<p:nvPr/>"
        let box = placeholder == nil ? " txBox=\"1\"" : ""
        return "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(name)\"\(hidden ? " hidden=\"1\"" : "")/><p:cNvSpPr\(box)/>\(ph)</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>\(paragraphs.joined())</p:txBody></p:sp>"
    }

    /// A title placeholder (`type` "title" or "ctrTitle").
    public static func title(_ text: String, type: String = "title") -> String {
        shape([paragraph(text)], placeholder: type, name: "Title 1")
    }

    /// A text box with a paragraph per text.
    public static func textBox(_ texts: [String], hidden: Bool = false) -> String {
        shape(texts.map(paragraph), hidden: hidden)
    }

    /// A body placeholder with a bullet paragraph per text.
    public static func bullets(_ texts: [String]) -> String {
        shape(texts.map { paragraph(runs: [run($0)], level: 0) }, placeholder: "body", name: "Content Placeholder 2")
    }

    /// A table in a graphic frame, a row per array.
    public static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 1
        let grid = "<a:tblGrid>" + String(repeating: "<a:gridCol w=\"1000000\"/>", count: columns) + "</a:tblGrid>"
        let body = rows.map { row in
            "<a:tr h=\"370840\">" + row.map { "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>\(paragraph($0))</a:txBody><a:tcPr/></a:tc>" }.joined() + "</a:tr>"
        }.joined()
        return "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"Table 3\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1\" cy=\"1\"/></p:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/>\(grid)\(body)</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    }

    /// A group of shapes.
    public static func group(_ shapes: [String]) -> String {
        "<p:grpSp><p:nvGrpSpPr><p:cNvPr id=\"7\" name=\"Group 6\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\(shapes.joined())</p:grpSp>"
    }

    /// Markup-compatibility wrapper: readers take `choice`, never `fallback`.
    public static func alternateContent(choice: String, fallback: String) -> String {
        "<mc:AlternateContent><mc:Choice xmlns:p14=\"http://schemas.microsoft.com/office/powerpoint/2010/main\" Requires=\"p14\">\(choice)</mc:Choice><mc:Fallback>\(fallback)</mc:Fallback></mc:AlternateContent>"
    }

    /// Escapes XML text.
    public static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    // MARK: Parts

    /// The parts of the package, in the order written.
    public func parts() -> [(name: String, text: String)] {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
            head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + items.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type.hasPrefix("http") ? $0.type : Self.relationshipType + $0.type)\" Target=\"\($0.target)\"/>" }.joined()
                + "</Relationships>"
        }
        var parts: [(String, String)] = []
        var overrides = [
            ("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        var presentationRelationships: [(id: String, type: String, target: String)] = [("rId1", "slideMaster", "slideMasters/slideMaster1.xml")]
        var slideParts: [(String, String)] = []
        for (index, slide) in slides.enumerated() {
            let number = index + 1
            presentationRelationships.append(("rId\(number + 1)", "slide", "slides/slide\(number).xml"))
            overrides.append(("/ppt/slides/slide\(number).xml", "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"))
            var related: [(id: String, type: String, target: String)] = [("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]
            var shapes = slide.shapes
            if let notes = slide.notes {
                related.append(("rId2", "notesSlide", "../notesSlides/notesSlide\(number).xml"))
                overrides.append(("/ppt/notesSlides/notesSlide\(number).xml", "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"))
                slideParts.append(("ppt/notesSlides/notesSlide\(number).xml", notesXML(notes, number: number)))
                slideParts.append(("ppt/notesSlides/_rels/notesSlide\(number).xml.rels", relationships([("rId1", "slide", "../slides/slide\(number).xml")])))
            }
            if !slide.comments.isEmpty {
                related.append(("rId3", "comments", "../comments/comment\(number).xml"))
                let items = slide.comments.enumerated().map { "<p:cm authorId=\"0\" dt=\"2026-01-01T00:00:00\" idx=\"\($0.offset + 1)\"><p:pos x=\"10\" y=\"10\"/><p:text>\(Self.escape($0.element))</p:text></p:cm>" }.joined()
                slideParts.append(("ppt/comments/comment\(number).xml", head + "<p:cmLst \(Self.declarations)>\(items)</p:cmLst>"))
            }
            if let nodes = slide.smartArt {
                related.append(("rId4", "diagramData", "../diagrams/data\(number).xml"))
                shapes.append("<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"9\" name=\"Diagram 8\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\"><dgm:relIds r:dm=\"rId4\" r:lo=\"rId5\" r:qs=\"rId6\" r:cs=\"rId7\"/></a:graphicData></a:graphic></p:graphicFrame>")
                let points = ["<dgm:pt modelId=\"{0}\" type=\"doc\"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></dgm:t></dgm:pt>"]
                    + nodes.enumerated().flatMap { item in [
                        "<dgm:pt modelId=\"{\(item.offset + 1)}\"><dgm:prSet phldrT=\"[Text]\"/><dgm:spPr/><dgm:t><a:bodyPr/>\(Self.paragraph(item.element))</dgm:t></dgm:pt>",
                        "<dgm:pt modelId=\"{t\(item.offset + 1)}\" type=\"parTrans\"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/>\(Self.paragraph("transition text"))</dgm:t></dgm:pt>",
                    ] }
                slideParts.append(("ppt/diagrams/data\(number).xml", head + "<dgm:dataModel \(Self.declarations)><dgm:ptLst>\(points.joined())</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>"))
            }
            let xml = rawSlide?.index == index ? (rawSlide?.xml ?? "") : slideXML(shapes, hidden: slide.hidden)
            if missingSlidePart != index { slideParts.append(("ppt/slides/slide\(number).xml", xml)) }
            slideParts.append(("ppt/slides/_rels/slide\(number).xml.rels", relationships(related)))
        }
        let listed = (order ?? Array(slides.indices)).map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\($0 + 2)\"/>" }.joined()
            + (danglingSlideID ? "<p:sldId id=\"999\" r:id=\"rId99\"/>" : "")
        let presentation = head + "<p:presentation \(Self.declarations) saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
            + (listed.isEmpty ? "" : "<p:sldIdLst>\(listed)</p:sldIdLst>")
            + "<p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
        let types = head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>"
        let words = savedWords.map { "<Words>\($0)</Words>" } ?? ""
        parts.append(("[Content_Types].xml", types))
        parts.append(("_rels/.rels", relationships([
            ("rId1", "officeDocument", "ppt/presentation.xml"),
            ("rId2", "extended-properties", "docProps/app.xml"),
        ])))
        parts.append(("docProps/app.xml", head + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><TotalTime>3</TotalTime>\(words)<Application>\(Self.escape(application))</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>\(slides.count)</Slides></Properties>"))
        parts.append(("ppt/presentation.xml", presentation))
        parts.append(("ppt/_rels/presentation.xml.rels", relationships(presentationRelationships)))
        parts.append(("ppt/slideMasters/slideMaster1.xml", head + "<p:sldMaster \(Self.declarations)><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\(Self.title("Click to edit Master title style"))\(Self.bullets(["Click to edit Master text styles"]))</p:spTree></p:cSld><p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst></p:sldMaster>"))
        parts.append(("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships([("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")])))
        parts.append(("ppt/slideLayouts/slideLayout1.xml", head + "<p:sldLayout \(Self.declarations) type=\"obj\"><p:cSld name=\"Title and Content\"><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\(Self.title("Click to add title"))\(Self.textBox(["Layout decoration text"]))</p:spTree></p:cSld></p:sldLayout>"))
        parts.append(("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")])))
        let all = parts + slideParts
        guard strict else { return all }
        let strictNames = [
            (Self.p, "http://purl.oclc.org/ooxml/presentationml/main"),
            (Self.a, "http://purl.oclc.org/ooxml/drawingml/main"),
            (Self.r, "http://purl.oclc.org/ooxml/officeDocument/relationships"),
            ("http://schemas.openxmlformats.org/drawingml/2006/diagram", "http://purl.oclc.org/ooxml/drawingml/diagram"),
        ]
        return all.map { part in (part.0, strictNames.reduce(part.1) { $0.replacing($1.0, with: $1.1) }) }
    }

    private func slideXML(_ shapes: [String], hidden: Bool) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld \(Self.declarations)\(hidden ? " show=\"0\"" : "")><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\(shapes.joined())</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    }

    private func notesXML(_ paragraphs: [String], number: Int) -> String {
        let image = "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr/><p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
        let body = "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr/><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>\(paragraphs.joined())</p:txBody></p:sp>"
        let slideNumber = Self.shape([Self.paragraph(runs: [Self.field("\(number)")])], placeholder: "sldNum", id: 4, name: "Slide Number Placeholder 3")
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:notes \(Self.declarations)><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\(image)\(body)\(slideNumber)</p:spTree></p:cSld></p:notes>"
    }



}

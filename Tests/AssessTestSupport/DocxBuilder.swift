import AssessDocuments
import Foundation

/// Writes real DOCX files for tests: the parts Word writes, with the body, notes,
/// headers and comments a test gives as WordprocessingML fragments.
///
/// ```swift
/// let path = try DocxBuilder(body: DocxBuilder.paragraph("Hello world")).write(in: directory)
/// ```
public struct DocxBuilder: PackageBuilder {
    public static let defaultName = "document.docx"
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Paragraphs and tables inside `<w:body>`.
    public var body: String
    /// Each footnote's paragraphs.
    public var footnotes: [String] = []
    /// Each endnote's paragraphs.
    public var endnotes: [String] = []
    /// The header's paragraphs, if any.
    public var header: String?
    /// The footer's paragraphs, if any.
    public var footer: String?
    /// Each comment's paragraphs.
    public var comments: [String] = []
    /// Extra `<w:style>` elements after the built-in ones.
    public var extraStyles = ""
    /// Leave out `word/styles.xml` altogether.
    public var omitStyles = false
    /// Use the strict OOXML namespace.
    public var strict = false
    /// The statistics Word saves in `docProps/app.xml` (`<Words>`, `<Application>`);
    /// no app.xml when nil.
    public var savedStatistics: (words: Int, application: String)?

    /// Starts a document with `body`.
    public init(body: String) { self.body = body }

    /// A paragraph of one run, with an optional style id.
    public static func paragraph(_ text: String, style: String? = nil) -> String {
        paragraph(runs: [run(text)], style: style)
    }

    /// A paragraph of several runs (each already XML).
    public static func paragraph(runs: [String], style: String? = nil, properties: String = "") -> String {
        let styleXML = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let pPr = styleXML.isEmpty && properties.isEmpty ? "" : "<w:pPr>\(styleXML)\(properties)</w:pPr>"
        return "<w:p>\(pPr)\(runs.joined())</w:p>"
    }

    /// A run of text, with optional run properties XML.
    public static func run(_ text: String, properties: String = "") -> String {
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    /// A one-row table with a cell per text.
    public static func table(_ cells: [String]) -> String {
        "<w:tbl><w:tblPr/><w:tr>" + cells.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr></w:tbl>"
    }

    /// Escapes XML text.
    public static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// The parts of the package, in the order written.
    public func parts() -> [(name: String, text: String)] {
        let ns = strict ? "http://purl.oclc.org/ooxml/wordprocessingml/main" : Self.w
        let relNS = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let declarations = "xmlns:w=\"\(ns)\" xmlns:r=\"\(relNS)\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
        var relationships: [(String, String)] = []
        var parts: [(name: String, text: String)] = []
        func add(_ type: String, _ target: String, _ xml: String) {
            relationships.append((type, target))
            parts.append(("word/" + target, xml))
        }
        if !omitStyles {
            add("styles", "styles.xml", "<w:styles \(declarations)>\(Self.standardStyles)\(extraStyles)</w:styles>")
        }
        if !footnotes.isEmpty {
            let notes = footnotes.enumerated().map { "<w:footnote w:id=\"\($0.offset + 1)\">\($0.element)</w:footnote>" }.joined()
            add("footnotes", "footnotes.xml", "<w:footnotes \(declarations)><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:t>continued</w:t></w:r></w:p></w:footnote>\(notes)</w:footnotes>")
        }
        if !endnotes.isEmpty {
            let notes = endnotes.enumerated().map { "<w:endnote w:id=\"\($0.offset + 1)\">\($0.element)</w:endnote>" }.joined()
            add("endnotes", "endnotes.xml", "<w:endnotes \(declarations)><w:endnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>\(notes)</w:endnotes>")
        }
        if let header { add("header", "header1.xml", "<w:hdr \(declarations)>\(header)</w:hdr>") }
        if let footer { add("footer", "footer1.xml", "<w:ftr \(declarations)>\(footer)</w:ftr>") }
        if !comments.isEmpty {
            let items = comments.enumerated().map { "<w:comment w:id=\"\($0.offset)\" w:author=\"Marker\">\($0.element)</w:comment>" }.joined()
            add("comments", "comments.xml", "<w:comments \(declarations)>\(items)</w:comments>")
        }
        let typeBase = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let rels = relationships.enumerated().map { "<Relationship Id=\"rId\($0.offset + 1)\" Type=\"\(typeBase)\($0.element.0)\" Target=\"\($0.element.1)\"/>" }.joined()
        var rootRelationships = "<Relationship Id=\"rId1\" Type=\"\(typeBase)officeDocument\" Target=\"word/document.xml\"/>"
        if let saved = savedStatistics {
            rootRelationships += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
            parts.append(("docProps/app.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Template>Normal.dotm</Template><Words>\(saved.words)</Words><Application>\(Self.escape(saved.application))</Application><AppVersion>16.0000</AppVersion></Properties>"))
        }
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(declarations)><w:body>\(body)<w:sectPr/></w:body></w:document>"
        return [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rootRelationships)</Relationships>"),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"),
        ] + parts
    }




    static let standardStyles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>
        """
}

/// A temporary directory, removed when the value is released.
public final class TemporaryDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates a fresh directory under the system's temporary folder.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("assess-tests-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

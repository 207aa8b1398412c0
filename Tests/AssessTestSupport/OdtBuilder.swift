import AssessDocuments
import Foundation

/// Writes real OpenDocument text files for tests: the `mimetype` entry first and
/// stored, `META-INF/manifest.xml`, `content.xml`, `styles.xml` with LibreOffice's
/// usual styles, and `meta.xml`, with the body a test gives as ODF XML.
///
/// ```swift
/// let document = try OdtBuilder(body: OdtBuilder.paragraph("Hello world")).read()
/// ```
public struct OdtBuilder: PackageBuilder {
    public static let defaultName = "document.odt"
    /// The namespace declarations every part carries.
    public static let namespaces = [
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "xlink": "http://www.w3.org/1999/xlink",
        "dc": "http://purl.org/dc/elements/1.1/",
        "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    ].sorted { $0.key < $1.key }.map { "xmlns:\($0.key)=\"\($0.value)\"" }.joined(separator: " ")

    /// What goes inside `<office:text>`.
    public var body: String
    /// `style:style` elements for `content.xml`'s automatic styles.
    public var automaticStyles = ""
    /// Extra common `style:style` elements for `styles.xml` after the standard ones.
    public var extraStyles = ""
    /// The inside of `office:master-styles`; by default one master page holding
    /// ``header`` and ``footer``.
    public var masterStyles: String?
    /// The default master page's header paragraphs, if any.
    public var header: String?
    /// The default master page's footer paragraphs, if any.
    public var footer: String?
    /// `meta:word-count` in `meta.xml`, when given.
    public var savedWords: Int?
    /// `meta:generator` in `meta.xml`.
    public var generator = "LibreOffice/25.8.4.2$Linux_X86_64 LibreOffice_project/580$Build-2"
    /// The `mimetype` entry (another OpenDocument type for error tests).
    public var mimetype = "application/vnd.oasis.opendocument.text"
    /// The `office:version` written (OpenOffice.org 2 wrote "1.0" or "1.1").
    public var version = "1.3"
    /// The child of `office:body` (`text`, or `spreadsheet` for error tests).
    public var bodyKind = "text"
    /// Declare the parts encrypted in the manifest, as password-protected files do.
    public var encrypted = false
    /// Leave out `styles.xml`.
    public var omitStyles = false
    /// Leave out `content.xml`.
    public var omitContent = false

    /// Starts a document with `body`.
    public init(body: String) { self.body = body }

    /// A paragraph, with an optional style name (ODF-escaped, e.g. `Text_20_body`).
    public static func paragraph(_ text: String, style: String? = nil) -> String {
        "<text:p\(style.map { " text:style-name=\"\($0)\"" } ?? "")>\(escape(text))</text:p>"
    }

    /// A heading with its outline level.
    public static func heading(_ text: String, level: Int = 1, style: String? = nil) -> String {
        let styleName = style ?? "Heading_20_\(level)"
        return "<text:h text:style-name=\"\(styleName)\" text:outline-level=\"\(level)\">\(escape(text))</text:h>"
    }

    /// A list of one paragraph per item.
    public static func list(_ items: [String]) -> String {
        "<text:list text:style-name=\"L1\">" + items.map { "<text:list-item>\(paragraph($0))</text:list-item>" }.joined() + "</text:list>"
    }

    /// A table with a row per array and a paragraph per cell.
    public static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 1
        return "<table:table table:name=\"Table1\"><table:table-column table:number-columns-repeated=\"\(columns)\"/>"
            + rows.map { row in
                "<table:table-row>" + row.map { "<table:table-cell office:value-type=\"string\">\(paragraph($0, style: "Table_20_Contents"))</table:table-cell>" }.joined() + "</table:table-row>"
            }.joined() + "</table:table>"
    }

    /// A note (footnote or endnote) as it sits inside a paragraph.
    public static func note(_ text: String, citation: String = "1", endnote: Bool = false) -> String {
        "<text:note text:id=\"ftn\(citation)\" text:note-class=\"\(endnote ? "endnote" : "footnote")\"><text:note-citation>\(citation)</text:note-citation><text:note-body>\(paragraph(text, style: endnote ? "Endnote" : "Footnote"))</text:note-body></text:note>"
    }

    /// A text frame holding `paragraphs` (already XML), anchored in a paragraph.
    public static func frame(_ paragraphs: String, name: String = "Frame1") -> String {
        "<draw:frame draw:name=\"\(name)\" text:anchor-type=\"paragraph\" svg:width=\"5cm\"><svg:title>Alt text here</svg:title><draw:text-box>\(paragraphs)</draw:text-box></draw:frame>"
    }

    /// Escapes XML text.
    public static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// The parts of the package, in the order written.
    public func parts() -> [(name: String, text: String)] {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var parts: [(String, String)] = [("mimetype", mimetype)]
        let encryption = encrypted
            ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\"><manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" manifest:initialisation-vector=\"AAAA\"/><manifest:key-derivation manifest:key-derivation-name=\"PBKDF2\" manifest:key-size=\"16\" manifest:iteration-count=\"1024\" manifest:salt=\"AAAA\"/></manifest:encryption-data>"
            : ""
        let manifestEntries = ["content.xml", "styles.xml", "meta.xml"].map {
            "<manifest:file-entry manifest:full-path=\"\($0)\" manifest:media-type=\"text/xml\">\(encryption)</manifest:file-entry>"
        }.joined()
        parts.append(("META-INF/manifest.xml", head + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"\(version)\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"\(mimetype)\"/>\(manifestEntries)</manifest:manifest>"))
        if !omitContent {
            parts.append(("content.xml", head + "<office:document-content \(Self.namespaces) office:version=\"\(version)\"><office:automatic-styles>\(automaticStyles)</office:automatic-styles><office:body><office:\(bodyKind)>\(body)</office:\(bodyKind)></office:body></office:document-content>"))
        }
        if !omitStyles {
            parts.append(("styles.xml", head + "<office:document-styles \(Self.namespaces) office:version=\"\(version)\"><office:styles>\(Self.standardStyles)\(extraStyles)</office:styles><office:automatic-styles><style:style style:name=\"MP1\" style:family=\"paragraph\" style:parent-style-name=\"Header\"/></office:automatic-styles><office:master-styles>\(masterStylesXML)</office:master-styles></office:document-styles>"))
        }
        parts.append(("meta.xml", head + "<office:document-meta \(Self.namespaces) office:version=\"\(version)\"><office:meta><meta:generator>\(Self.escape(generator))</meta:generator><dc:creator>A Student</dc:creator>\(metaStatistics)</office:meta></office:document-meta>"))
        return parts
    }

    /// The same document as one flat XML file (`.fodt`).
    public func flatXML() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document \(Self.namespaces) office:version=\"\(version)\" office:mimetype=\"\(mimetype)\"><office:meta><meta:generator>\(Self.escape(generator))</meta:generator>\(metaStatistics)</office:meta><office:styles>\(Self.standardStyles)\(extraStyles)</office:styles><office:automatic-styles>\(automaticStyles)</office:automatic-styles><office:master-styles>\(masterStylesXML)</office:master-styles><office:body><office:\(bodyKind)>\(body)</office:\(bodyKind)></office:body></office:document>"
    }

    private var metaStatistics: String {
        savedWords.map { "<meta:document-statistic meta:paragraph-count=\"1\" meta:word-count=\"\($0)\" meta:character-count=\"1\"/>" } ?? ""
    }

    private var masterStylesXML: String {
        masterStyles ?? "<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\">"
            + (header.map { "<style:header>\($0)</style:header>" } ?? "")
            + (footer.map { "<style:footer>\($0)</style:footer>" } ?? "")
            + "</style:master-page>"
    }



    /// ODF requires `mimetype` first and stored, not deflated.
    public func compresses(_ part: String) -> Bool { part != "mimetype" }

    /// LibreOffice's common styles that change how text is read, with their parents.
    static let standardStyles = """
        <style:default-style style:family="paragraph"/>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"/>
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"/>
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"/>
        <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"/>
        <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"/>
        <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
        <style:style style:name="Table" style:family="paragraph" style:parent-style-name="Caption" style:class="extra"/>
        <style:style style:name="Figure" style:family="paragraph" style:parent-style-name="Caption" style:class="extra"/>
        <style:style style:name="Illustration" style:family="paragraph" style:parent-style-name="Caption" style:class="extra"/>
        <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
        <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
        <style:style style:name="Endnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
        <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
        <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
        <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index"/>
        <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index"/>
        <style:style style:name="Bibliography_20_Heading" style:display-name="Bibliography Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index"/>
        <style:style style:name="Hidden_20_note" style:display-name="Hidden note" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties text:display="none"/></style:style>
        <style:style style:name="Secret" style:family="text"><style:text-properties text:display="none"/></style:style>
        <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
        """
}

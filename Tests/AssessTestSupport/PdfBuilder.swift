import Foundation

/// Writes small, real PDF files for tests, by hand: uncompressed content streams that
/// show text with `Tj` or `TJ` in the standard Helvetica and Times fonts, on as many
/// pages as a test needs, with a correct cross-reference table.
///
/// ```swift
/// var pdf = PdfBuilder()
/// pdf.heading("1 Introduction")
/// pdf.paragraph("Some words that wrap onto several lines …")
/// pdf.newPage()
/// let bytes = pdf.data()
/// ```
///
/// Positions are in points from the top-left corner of an A4 page, as a reader sees
/// them; the builder turns them into PDF's bottom-up coordinates.
public struct PdfBuilder: Sendable {
    /// The fonts a line can be set in (all standard PDF fonts, no embedding needed).
    public enum Font: String, Sendable {
        /// Helvetica, Helvetica-Bold and Times-Roman.
        case regular = "F1", bold = "F2", serif = "F3"
    }

    /// One line of text placed on a page.
    public struct Line: Sendable {
        /// What the line shows.
        public var text: String
        /// The left edge, in points from the left of the page.
        public var x: Double
        /// The baseline's distance from the top of the page.
        public var y: Double
        /// The font size in points.
        public var size: Double
        /// The font.
        public var font: Font
        /// Show the text with `TJ` and a kerning adjustment between its words.
        public var kerned: Bool
        /// A raised note number set before the text, in a smaller size.
        public var marker: String?

        /// Creates a line.
        public init(_ text: String, x: Double = 72, y: Double, size: Double = 11, font: Font = .regular, kerned: Bool = false, marker: String? = nil) {
            self.text = text
            self.x = x
            self.y = y
            self.size = size
            self.font = font
            self.kerned = kerned
            self.marker = marker
        }
    }

    /// The page width in points (A4).
    public var pageWidth = 595.0
    /// The page height in points (A4).
    public var pageHeight = 842.0
    /// Each page's lines.
    public var pages: [[Line]] = [[]]
    /// Pages that show only an image (a scan), by index.
    public var imagePages: Set<Int> = []
    /// Add an `/Encrypt` dictionary whose user password is not empty.
    public var encrypted = false

    /// Where the next line of flowing text goes, from the top of the page.
    public var cursor = 72.0
    /// Characters per line when wrapping paragraphs.
    public var columns = 80

    /// Starts an empty one-page document.
    public init() {}

    /// Lays out pages from a plain description, one text line per line (the form the
    /// worked example in `docs/formats/pdf.md` uses):
    ///
    /// ```
    /// 24 bold | Digital front doors        size, options, "|", the text
    /// 11 indent 18 | First line of a paragraph, indented 18 points
    ///                                      (a blank line: space between paragraphs)
    /// 9 top | Candidate 12345              a running header (also: bottom)
    /// 8 note | See NHS England (2019).     a footnote with a raised number
    /// ---                                  a new page
    /// ```
    public init(layout: String) {
        self.init()
        var notes = 0
        for raw in layout.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "---" { newPage(); notes = 0; continue }
            if line.isEmpty { cursor += 8; continue }
            guard let bar = line.firstIndex(of: "|") else { continue }
            let options = line[..<bar].split(separator: " ").map(String.init)
            let text = line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces)
            let size = options.first.flatMap(Double.init) ?? 11
            let font: Font = options.contains("bold") ? .bold : .regular
            let indent = options.firstIndex(of: "indent").flatMap { $0 + 1 < options.count ? Double(options[$0 + 1]) : nil } ?? 0
            if options.contains("top") {
                add(Line(text, y: 40, size: size, font: font))
            } else if options.contains("bottom") {
                add(Line(text, x: 290, y: 800, size: size, font: font))
            } else if options.contains("note") {
                notes += 1
                add(Line(text, y: 740 + Double(notes) * 12, size: size, font: font, marker: "\(notes)"))
            } else {
                cursor += size * 1.25
                add(Line(text, x: 72 + indent, y: cursor, size: size, font: font))
            }
        }
    }

    /// Places a line on the current page.
    public mutating func add(_ line: Line) { pages[pages.count - 1].append(line) }

    /// Starts a new page and puts the cursor back at the top.
    public mutating func newPage() {
        pages.append([])
        cursor = 72
    }

    /// A heading: one line, larger and bold by default, with space around it.
    public mutating func heading(_ text: String, size: Double = 16, font: Font = .bold) {
        cursor += size
        add(Line(text, y: cursor, size: size, font: font))
        cursor += size * 0.8
    }

    /// A paragraph wrapped at ``columns`` characters, with a first-line indent in points
    /// and space after it; returns the lines' texts.
    @discardableResult
    public mutating func paragraph(_ text: String, size: Double = 11, indent: Double = 0, spaceAfter: Double = 8, font: Font = .regular) -> [String] {
        let lines = Self.wrap(text, columns: columns)
        for (index, line) in lines.enumerated() {
            cursor += size * 1.25
            add(Line(line, x: 72 + (index == 0 ? indent : 0), y: cursor, size: size, font: font))
        }
        cursor += spaceAfter
        return lines
    }

    /// Splits text into lines of at most `columns` characters at spaces.
    public static func wrap(_ text: String, columns: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > columns {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The PDF file.
    public func data() -> [UInt8] {
        var objects: [String] = []  // object n is objects[n - 1]
        let pageCount = pages.count
        // 1 catalog, 2 page tree, 3-5 fonts, then per page: page object, content stream.
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pageCount).map { "\(6 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        for name in ["Helvetica", "Helvetica-Bold", "Times-Roman"] {
            objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /\(name) /Encoding /WinAnsiEncoding >>")
        }
        for (index, lines) in pages.enumerated() {
            let contentNumber = 7 + 2 * index
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(format(pageWidth)) \(format(pageHeight))] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents \(contentNumber) 0 R >>")
            var content = ""
            if imagePages.contains(index) {
                content += "q 400 0 0 600 100 100 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \u{00}\u{7F}\u{7F}\u{00} EI Q\n"
            }
            for line in lines { content += show(line) }
            let bytes = Self.encode(content)
            objects.append("<< /Length \(bytes.count) >>\nstream\n\(content)\nendstream")
        }
        var encryptNumber: Int?
        if encrypted {
            objects.append("<< /Filter /Standard /V 1 /R 2 /O <\(String(repeating: "4f", count: 32))> /U <\(String(repeating: "55", count: 32))> /P -4 >>")
            encryptNumber = objects.count
        }
        var output = Self.encode("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n")
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += Self.encode("\(index + 1) 0 obj\n\(object)\nendobj\n")
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        let id = String(repeating: "0123456789abcdef", count: 2)
        let encrypt = encryptNumber.map { " /Encrypt \($0) 0 R" } ?? ""
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /ID [<\(id)> <\(id)>]\(encrypt) >>\nstartxref\n\(xref)\n%%EOF\n"
        output += Self.encode(table)
        return output
    }

    private func show(_ line: Line) -> String {
        let baseline = pageHeight - line.y
        var text = "BT\n"
        var x = line.x
        if let marker = line.marker {
            let markerSize = line.size * 0.6
            text += "/\(line.font.rawValue) \(format(markerSize)) Tf 1 0 0 1 \(format(x)) \(format(baseline + line.size * 0.35)) Tm (\(Self.escape(marker))) Tj\n"
            x += Double(marker.count) * markerSize * 0.6 + 1
        }
        text += "/\(line.font.rawValue) \(format(line.size)) Tf 1 0 0 1 \(format(x)) \(format(baseline)) Tm "
        if line.kerned {
            let words = line.text.split(separator: " ", omittingEmptySubsequences: false)
            text += "[" + words.enumerated().map { index, word in
                "(\(Self.escape(String(word)) + (index < words.count - 1 ? " " : "")))" + (index < words.count - 1 ? " -20 " : "")
            }.joined() + "] TJ\n"
        } else {
            text += "(\(Self.escape(line.text))) Tj\n"
        }
        return text + "ET\n"
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Escapes a PDF string; characters outside ASCII become octal Windows-1252 codes.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "(", ")": result += "\\" + String(scalar)
            case _ where scalar.value < 0x80: result.unicodeScalars.append(scalar)
            default:
                let byte = windows1252[scalar.value] ?? (scalar.value < 0x100 ? UInt8(scalar.value) : UInt8(ascii: "?"))
                result += "\\" + String(byte, radix: 8)
            }
        }
        return result
    }

    private static let windows1252: [UInt32: UInt8] = [
        0x2013: 0x96, 0x2014: 0x97, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2026: 0x85, 0x20AC: 0x80,
    ]

    /// The file's bytes: every character here is ASCII or a byte (U+0000–U+00FF).
    private static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }
}

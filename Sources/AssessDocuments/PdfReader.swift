internal import CPoppler

/// Reads a PDF into ``DocumentText`` through poppler-glib, page by page.
///
/// Poppler gives each page's text in reading order as lines, with a box and a font for
/// every character. A PDF rarely says what is a paragraph or a heading, so
/// ``PdfLayout`` finds them from the lines: paragraphs from line spacing, indentation
/// and short last lines; words split at line ends joined again; running headers and
/// footers from lines repeated at the top or bottom of most pages, and page numbers;
/// footnotes from small text under the body that starts with a raised number; headings
/// from short lines set larger or bold, numbered like "2.1 Methods", or named like a
/// section ("References", "Appendix A"). Every block keeps its page.
///
/// Poppler's document information (title, author…) is never read.
public enum PdfReader {
    /// Reads a PDF held in memory.
    /// - Throws: ``DocumentError/encrypted`` for a PDF that needs a password,
    ///   ``DocumentError/damagedPDF(_:)`` for one poppler cannot open,
    ///   ``DocumentError/noTextLayer(pages:)`` for one that holds only images of text,
    ///   ``DocumentError/limitExceeded(what:limit:actual:)`` past `limits.maxPages`.
    public static func read(bytes: [UInt8], limits: ReadLimits = .standard) throws(DocumentError) -> DocumentText {
        let pages = try bytes.withUnsafeBufferPointer { buffer throws(DocumentError) in try readPages(UnsafeRawBufferPointer(buffer), limits: limits) }
        return try PdfLayout(pages: pages).document()
    }

    /// Each page's lines. Poppler reads `buffer` in place: every poppler object made
    /// here is released before this returns, while the buffer is still valid.
    private static func readPages(_ buffer: UnsafeRawBufferPointer, limits: ReadLimits) throws(DocumentError) -> [PdfPageText] {
        let document = try PopplerDocumentHandle(buffer)
        let count = document.pageCount
        if count > limits.maxPages {
            throw .limitExceeded(what: "the number of pages in the PDF", limit: limits.maxPages, actual: count)
        }
        var pages: [PdfPageText] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            guard let page = document.page(at: index) else { continue }
            pages.append(page.text(number: index + 1))
        }
        return pages
    }
}

/// Owns one `PopplerDocument`; unreferenced in `deinit`.
private final class PopplerDocumentHandle {
    private let document: OpaquePointer

    /// Opens the PDF in `buffer`, which must outlive this handle.
    init(_ buffer: UnsafeRawBufferPointer) throws(DocumentError) {
        // g_bytes_new_static wraps the caller's buffer without a copy; poppler takes its
        // own reference to the wrapper, and ours is dropped when this initialiser returns.
        let data = g_bytes_new_static(buffer.baseAddress, gsize(buffer.count))
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            defer { cpoppler_error_free(error) }
            if let error, error.pointee.domain == cpoppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw .encrypted
            }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler could not open it"
            throw .damagedPDF(message.lowercased().trimmingSuffixPeriod())
        }
        self.document = document
    }

    deinit { cpoppler_document_free(document) }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    func page(at index: Int) -> PopplerPageHandle? {
        // poppler_document_get_page returns a new reference, owned by the handle.
        poppler_document_get_page(document, Int32(index)).map(PopplerPageHandle.init)
    }
}

/// Owns one `PopplerPage`; unreferenced in `deinit`.
private final class PopplerPageHandle {
    private let page: OpaquePointer

    init(_ page: OpaquePointer) { self.page = page }

    deinit { cpoppler_page_free(page) }

    /// The page's lines with their boxes and fonts.
    func text(number: Int) -> PdfPageText {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        var result = PdfPageText(number: number, width: width, height: height, lines: [])
        guard let raw = poppler_page_get_text(page) else { return result }
        defer { cpoppler_free(raw) }
        let text = String(cString: raw)
        if text.isEmpty { return result }

        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        if poppler_page_get_text_layout(page, &rectangles, &rectangleCount) == 0 { rectangleCount = 0 }
        defer { cpoppler_free(rectangles) }

        // Font runs: [start, end] character ranges, as poppler counts characters.
        var runs: [(start: Int, end: Int, size: Double, bold: Bool)] = []
        let attributes = poppler_page_get_text_attributes(page)
        defer { poppler_page_free_text_attributes(attributes) }
        var node = attributes
        while let current = node {
            if let data = current.pointee.data {
                let attribute = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attribute.font_name.map { String(cString: $0) } ?? ""
                runs.append((Int(attribute.start_index), Int(attribute.end_index), attribute.font_size, PdfLayout.isBoldFont(name)))
            }
            node = current.pointee.next
        }

        // Walk the characters: poppler's boxes and font runs skip the direction marks
        // it adds around right-to-left text, so those do not advance the index.
        var builder = PdfLineBuilder()
        var index = 0
        var runIndex = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if let line = builder.finish() { result.lines.append(line) }
                index += 1
                continue
            }
            if PdfLayout.isDirectionMark(scalar) { continue }
            var box: PopplerRectangle?
            if index < Int(rectangleCount), let rectangles { box = rectangles[index] }
            while runIndex < runs.count, runs[runIndex].end < index { runIndex += 1 }
            let run = runIndex < runs.count && runs[runIndex].start <= index ? runs[runIndex] : nil
            builder.add(scalar, x1: box?.x1, y1: box?.y1, x2: box?.x2, y2: box?.y2, size: run?.size, bold: run?.bold ?? false)
            index += 1
        }
        if let line = builder.finish() { result.lines.append(line) }
        return result
    }
}

private extension String {
    func trimmingSuffixPeriod() -> String { hasSuffix(".") ? String(dropLast()) : self }
}

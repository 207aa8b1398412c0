internal import CLibXML2
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A pull reader over libxml2's `xmlTextReader`: one node at a time, never a tree.
///
/// Names are compared by pointer: ``intern(_:)`` puts a name into the reader's
/// dictionary once, and libxml2 hands back the same pointer for every element or
/// namespace of that name, so matching an element costs one comparison.
///
/// Parsing is safe by default: no network, no DTD loading, no entity substitution,
/// no huge-document mode, and a depth limit.
final class XMLStream {
    typealias Name = UnsafePointer<xmlChar>

    enum Node {
        case element, endElement, text, other
    }

    private var reader: xmlTextReaderPtr?
    private let part: String
    private let maxDepth: Int
    private var source: ZipEntryStream?
    private var memory: UnsafeMutableRawBufferPointer?
    /// The first error libxml2 reported, kept for the thrown ``DocumentError``.
    fileprivate var firstError: (line: Int, message: String)?
    fileprivate var readError: DocumentError?

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Streams the XML of a zip entry without holding it whole.
    init(entry: ZipEntryStream, maxDepth: Int) throws(DocumentError) {
        part = entry.info.name
        self.maxDepth = maxDepth
        source = entry
        let context = Unmanaged.passUnretained(self).toOpaque()
        reader = xmlReaderForIO(xmlStreamRead, nil, context, part, nil, Self.options)
        try setUp()
    }

    /// Parses XML held in memory.
    init(bytes: [UInt8], part: String, maxDepth: Int) throws(DocumentError) {
        self.part = part
        self.maxDepth = maxDepth
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { if let base = $0.baseAddress { buffer.baseAddress?.copyMemory(from: base, byteCount: $0.count) } }
        memory = buffer
        reader = xmlReaderForMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), part, nil, Self.options)
        try setUp()
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        memory?.deallocate()
    }

    private func setUp() throws(DocumentError) {
        guard let reader else { throw .unreadable("the XML reader could not be created for \(part)") }
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, xmlStreamError, context)
    }

    /// Puts `name` into the reader's dictionary and returns the pointer nodes will carry.
    func intern(_ name: String) -> Name? {
        guard let reader else { return nil }
        return name.withCString { xmlTextReaderConstString(reader, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    /// Moves to the next node; false at the end of the document.
    /// - Throws: ``DocumentError/malformedXML(part:line:message:)`` or the error that
    ///   stopped the underlying zip stream.
    func next() throws(DocumentError) -> Bool {
        guard let reader else { return false }
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            if xmlTextReaderDepth(reader) > Int32(maxDepth) {
                throw .limitExceeded(what: "the XML nesting depth of \(part)", limit: maxDepth, actual: Int(xmlTextReaderDepth(reader)))
            }
            return true
        }
        if let readError { throw readError }
        if status < 0 || firstError != nil {
            let error = firstError ?? (line: Int(xmlTextReaderGetParserLineNumber(reader)), message: "parse error")
            throw Self.limitError(error.message, part: part, maxDepth: maxDepth) ?? .malformedXML(part: part, line: error.line, message: error.message)
        }
        return false
    }

    /// libxml2 stops on its own at its depth limit (256 without `XML_PARSE_HUGE`), and on
    /// entities that refer to entities without bound (billion laughs), often before
    /// ``next()`` sees the node: those are safety limits, not damage, so they say so.
    static func limitError(_ message: String, part: String, maxDepth: Int) -> DocumentError? {
        if message.hasPrefix("Excessive depth in document") {
            let libxmlLimit = Int(message.split(separator: ":").last?.split(separator: " ").first ?? "") ?? 256
            let limit = min(maxDepth, libxmlLimit)
            return .limitExceeded(what: "the XML nesting depth of \(part)", limit: limit, actual: limit + 1)
        }
        if message.contains("entity reference loop") || message.contains("amplification") || message.contains("Maximum entity") {
            return .unsupportedFormat("The document's \(part) declares XML entities that expand without bound (an entity bomb), so it was refused unread; save it again from Word or LibreOffice and submit that.")
        }
        return nil
    }

    /// Skips the current element's whole subtree.
    func skipSubtree() throws(DocumentError) {
        guard let reader else { return }
        if xmlTextReaderIsEmptyElement(reader) == 1 { return }
        let depth = xmlTextReaderDepth(reader)
        while try next() {
            if xmlTextReaderDepth(reader) == depth && xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) { return }
        }
    }

    var node: Node {
        guard let reader else { return .other }
        switch UInt32(xmlTextReaderNodeType(reader)) {
        case XML_READER_TYPE_ELEMENT.rawValue: return .element
        case XML_READER_TYPE_END_ELEMENT.rawValue: return .endElement
        case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
            XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue, XML_READER_TYPE_WHITESPACE.rawValue:
            return .text
        default: return .other
        }
    }

    var isEmptyElement: Bool { reader.map { xmlTextReaderIsEmptyElement($0) == 1 } ?? false }
    var depth: Int { reader.map { Int(xmlTextReaderDepth($0)) } ?? 0 }
    var localName: Name? { reader.flatMap { xmlTextReaderConstLocalName($0) } }
    var namespace: Name? { reader.flatMap { xmlTextReaderConstNamespaceUri($0) } }
    /// The current node's namespace URI as a string (for namespaced attribute look-ups).
    var namespaceString: String? {
        namespace.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
    var line: Int { reader.map { Int(xmlTextReaderGetParserLineNumber($0)) } ?? 0 }

    /// Appends the current text node's UTF-8 bytes to `buffer`.
    func appendValue(to buffer: inout [UInt8]) {
        guard let reader, let value = xmlTextReaderConstValue(reader) else { return }
        buffer.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))))
    }

    /// The current text node's value.
    var value: String {
        guard let reader, let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }

    /// The value of an attribute of the current element, by local name and namespace
    /// (nil namespace: an unprefixed attribute).
    func attribute(_ name: String, namespace: String? = nil) -> String? {
        guard let reader else { return nil }
        let raw: UnsafeMutablePointer<xmlChar>? = name.withCString { namePointer in
            let xmlName = UnsafeRawPointer(namePointer).assumingMemoryBound(to: xmlChar.self)
            guard let namespace else { return xmlTextReaderGetAttribute(reader, xmlName) }
            return namespace.withCString { nsPointer in
                xmlTextReaderGetAttributeNs(reader, xmlName, UnsafeRawPointer(nsPointer).assumingMemoryBound(to: xmlChar.self))
            }
        }
        guard let raw else { return nil }
        defer { cxml_free(raw) }  // xmlTextReaderGetAttribute* hands us a copy to free
        return String(cString: UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))
    }

    fileprivate func fill(_ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
        guard let source, let buffer, length > 0 else { return 0 }
        do {
            return Int32(try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
        } catch {
            readError = error
            return -1
        }
    }
}

private func xmlStreamRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context else { return -1 }
    return Unmanaged<XMLStream>.fromOpaque(context).takeUnretainedValue().fill(buffer, length)
}

private func xmlStreamError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let stream = Unmanaged<XMLStream>.fromOpaque(context).takeUnretainedValue()
    guard stream.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "parse error"
    while message.last?.isNewline == true { message.removeLast() }
    stream.firstError = (line: Int(error.pointee.line), message: message)
}

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
    /// Where the reader goes when this stream is done with it: the archive's cache.
    private let cache: XMLReaderCache?
    /// The part's first bytes, read ahead to see how it starts; served to libxml2 first.
    private var head: [UInt8] = []
    /// Whether the document was read to its end without an error (the reader can be reused).
    private var finished = false
    /// The first error libxml2 reported, kept for the thrown ``DocumentError``.
    fileprivate var firstError: (line: Int, message: String)?
    fileprivate var readError: DocumentError?

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Streams the XML of a zip entry without holding it whole. Takes over the reader
    /// the archive's previous part finished with, when there is one and the part
    /// starts plainly (see ``startsPlainly``).
    init(entry: ZipEntryStream, maxDepth: Int) throws(DocumentError) {
        part = entry.info.name
        self.maxDepth = maxDepth
        source = entry
        cache = entry.readerCache
        try readHead(from: entry)
        let context = Unmanaged.passUnretained(self).toOpaque()
        if startsPlainly, let spare = cache?.take() {
            if head.starts(with: Self.utf8BOM) { head.removeFirst(Self.utf8BOM.count) }
            if xmlReaderNewIO(spare, xmlStreamRead, nil, context, part, nil, Self.options) == 0 {
                reader = spare
            } else {
                xmlFreeTextReader(spare)
            }
        }
        if reader == nil {
            reader = xmlReaderForIO(xmlStreamRead, nil, context, part, nil, Self.options)
        }
        try setUp()
    }

    /// Parses XML held in memory.
    init(bytes: [UInt8], part: String, maxDepth: Int) throws(DocumentError) {
        self.part = part
        self.maxDepth = maxDepth
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { if let base = $0.baseAddress { buffer.baseAddress?.copyMemory(from: base, byteCount: $0.count) } }
        memory = buffer
        cache = nil
        reader = xmlReaderForMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), part, nil, Self.options)
        try setUp()
    }

    deinit {
        if let reader {
            if finished, let cache {
                xmlTextReaderSetStructuredErrorHandler(reader, nil, nil)  // its context, this stream, is going
                cache.keep(reader)
            } else {
                xmlFreeTextReader(reader)
            }
        }
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
        finished = true
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
    /// The current element's namespace URI, interned like ``intern(_:)``.
    ///
    /// `xmlTextReaderConstNamespaceUri` hashes the URI into the dictionary on every call,
    /// twice per element. An element's URI is nearly always the last one asked for, so
    /// the last answer is kept and given again when the URI is the same string (checked
    /// by content: the memory of a freed namespace may hold another URI later).
    var namespace: Name? {
        guard let reader else { return nil }
        if let node = xmlTextReaderCurrentNode(reader), node.pointee.type == XML_ELEMENT_NODE,
           let href = node.pointee.ns?.pointee.href {
            if let last = lastNamespace, strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self),
                                                UnsafeRawPointer(last).assumingMemoryBound(to: CChar.self)) == 0 {
                return last
            }
            lastNamespace = xmlTextReaderConstNamespaceUri(reader)
            return lastNamespace
        }
        return xmlTextReaderConstNamespaceUri(reader)
    }
    private var lastNamespace: Name?
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

    /// The value of an unprefixed attribute of the current element, by interned name.
    func attribute(_ name: Name?) -> String? {
        guard let reader, let name, let raw = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { cxml_free(raw) }  // xmlTextReaderGetAttribute hands us a copy to free
        return String(cString: UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))
    }

    /// The value of an attribute of the current element by interned local name and
    /// namespace (usually the element's own ``namespace``): no Swift string is made to
    /// look it up, only for the value found.
    func attribute(_ name: Name?, namespace: Name?) -> String? {
        guard let reader, let name, let namespace, let raw = xmlTextReaderGetAttributeNs(reader, name, namespace) else { return nil }
        defer { cxml_free(raw) }  // xmlTextReaderGetAttributeNs hands us a copy to free
        return String(cString: UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))
    }

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads the part's first four bytes into ``head``.
    private func readHead(from entry: ZipEntryStream) throws(DocumentError) {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: 4, alignment: 1)
        defer { bytes.deallocate() }
        var count = 0
        while count < bytes.count {
            let read = try entry.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[count...]))
            if read == 0 { break }
            count += read
        }
        head = Array(bytes[..<count])
    }

    /// Whether the part starts with `<` and a byte that is not NUL, perhaps after a
    /// UTF-8 byte-order mark: 8-bit text whose encoding is UTF-8 or named by the XML
    /// declaration. Only such a part reuses a reader: `xmlReaderNewIO` (libxml2 2.9)
    /// skips the detection of byte-order marks and UTF-16 that a new reader makes, so a
    /// reused reader is given the part without its UTF-8 mark, and any other start
    /// (UTF-16, UCS-4, EBCDIC, leading white space) gets a new reader.
    private var startsPlainly: Bool {
        let start = head.starts(with: Self.utf8BOM) ? head.dropFirst(Self.utf8BOM.count) : head[...]
        return start.first == 0x3C && (start.count == 1 || start.dropFirst().first != 0)
    }

    fileprivate func fill(_ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
        guard let buffer, length > 0 else { return 0 }
        if !head.isEmpty {
            let count = min(head.count, Int(length))
            for index in 0..<count { buffer[index] = CChar(bitPattern: head[index]) }
            head.removeFirst(count)
            return Int32(count)
        }
        guard let source else { return 0 }
        do {
            return Int32(try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
        } catch {
            readError = error
            return -1
        }
    }
}

/// Keeps one finished libxml2 text reader of an archive for the archive's next part.
///
/// An OOXML package is read part by part, and a presentation has dozens of small parts
/// (slides, their relationships, notes pages). `xmlReaderNewIO` starts a finished reader
/// on a new input and keeps its parser context and dictionary, instead of allocating
/// both again for each part. Owns the reader it keeps (one at most) and frees it in
/// `deinit`; an ``XMLStream`` owns it while reading and hands it back when it finished
/// the document cleanly (a reader stopped by an error or midway is freed instead).
final class XMLReaderCache {
    private var spare: xmlTextReaderPtr?

    deinit {
        if let spare { xmlFreeTextReader(spare) }
    }

    /// Hands the kept reader over to the caller, who then owns it.
    fileprivate func take() -> xmlTextReaderPtr? {
        defer { spare = nil }
        return spare
    }

    /// Takes ownership of a reader that finished a document; frees it if one is kept already.
    fileprivate func keep(_ reader: xmlTextReaderPtr) {
        if spare == nil { spare = reader } else { xmlFreeTextReader(reader) }
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

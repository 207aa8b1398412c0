@testable import AssessDocuments
import AssessTestSupport
import Testing

/// The parts of one archive share one libxml2 reader in turn (``XMLReaderCache``): each
/// part must still read as if it had a reader of its own.
@Suite struct XMLStreamTests {
    private let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    private func archive(_ parts: [(String, String)]) throws -> ZipArchive {
        let writer = try ZipWriter(path: directory.path + "/parts.zip")
        for (name, text) in parts { try writer.add(name, text: text) }
        try writer.close()
        return try ZipArchive(path: directory.path + "/parts.zip")
    }

    private func elements(_ archive: ZipArchive, _ part: String) throws(DocumentError) -> [String] {
        try elements(XMLStream(entry: archive.open(part), maxDepth: 64))
    }

    private func elements(_ stream: XMLStream) throws(DocumentError) -> [String] {
        let item = stream.intern("item")
        var values: [String] = []
        while try stream.next() {
            if stream.node == .element, stream.localName == item { values.append(stream.attribute("v") ?? "") }
        }
        return values
    }

    @Test func partsReadInTurnEachReadWhole() throws {
        let zip = try archive([
            ("a.xml", "<list><item v=\"1\"/><item v=\"2\"/></list>"),
            ("b.xml", "<?xml version=\"1.0\"?>\n<other xmlns=\"urn:x\"><item v=\"3\"/></other>"),
            ("c.xml", "<list><item v=\"4\"/></list>"),
        ])
        #expect(try elements(zip, "a.xml") == ["1", "2"])
        #expect(try elements(zip, "b.xml") == ["3"])
        #expect(try elements(zip, "c.xml") == ["4"])
        #expect(try elements(zip, "a.xml") == ["1", "2"])
    }

    /// A reused reader skips libxml2's detection of byte-order marks and UTF-16, so the
    /// stream gives such parts a new reader: every encoding reads as a new reader reads it.
    @Test func everyEncodingReadsAsWithANewReader() throws {
        let text = "<list><item v=\"café – ok\"/><item v=\"2\"/></list>"
        func utf16(_ string: String, bigEndian: Bool) -> [UInt8] {
            [bigEndian ? 0xFE : 0xFF, bigEndian ? 0xFF : 0xFE] + string.utf16.flatMap { unit in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
        }
        let parts: [(String, [UInt8])] = [
            ("plain.xml", Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + text).utf8)),
            ("bom.xml", [0xEF, 0xBB, 0xBF] + Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" + text).utf8)),
            ("bare-bom.xml", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("latin1.xml", Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><list><item v=\"caf".utf8) + [0xE9] + Array("\"/></list>".utf8)),
            ("cp1252.xml", Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><list><item v=\"".utf8) + [0x93, 0x96, 0x94] + Array("\"/></list>".utf8)),
            ("utf16le.xml", utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + text, bigEndian: false)),
            ("plain-after-utf16.xml", Array(text.utf8)),
            ("utf16be.xml", utf16(text, bigEndian: true)),
            ("spaced.xml", Array(("\n  " + text).utf8)),
            ("last.xml", Array(text.utf8)),
        ]
        let writer = try ZipWriter(path: directory.path + "/encodings.zip")
        for (name, bytes) in parts { try writer.add(name, bytes: bytes) }
        try writer.close()
        let zip = try ZipArchive(path: directory.path + "/encodings.zip")
        for (name, bytes) in parts {
            let alone = try elements(XMLStream(bytes: bytes, part: name, maxDepth: 64))
            #expect(try elements(zip, name) == alone, "\(name)")
            #expect(alone.first?.isEmpty == false, "\(name)")
        }
        #expect(try elements(zip, "latin1.xml") == ["café"])
        #expect(try elements(zip, "cp1252.xml") == ["“–”"])
    }

    /// ``XMLStream/namespace`` gives the last answer again when the URI is the same: it
    /// must follow every change, by prefix, by default namespace and by rebinding.
    @Test func namespacesFollowEveryChange() throws {
        let xml = """
            <w:doc xmlns:w="urn:w" xmlns:m="urn:m" xmlns="urn:default">
              <w:p><m:r><m:t>x</m:t></m:r><w:r/><plain/><w:t/></w:p>
              <w:p xmlns:w="urn:other"><w:r/><m:t/></w:p>
              <w:t/><none xmlns=""/><plain/>
            </w:doc>
            """
        let stream = try XMLStream(bytes: Array(xml.utf8), part: "ns.xml", maxDepth: 16)
        var seen: [String] = []
        while try stream.next() {
            guard stream.node == .element || stream.node == .endElement else { continue }
            let uri = stream.namespace.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? "-"
            #expect(stream.namespace == (uri == "-" ? nil : stream.intern(uri)))
            if stream.node == .element { seen.append(uri) }
        }
        #expect(seen == ["urn:w", "urn:w", "urn:m", "urn:m", "urn:w", "urn:default", "urn:w",
                         "urn:other", "urn:other", "urn:m", "urn:w", "-", "urn:default"])
    }

    @Test func anErrorNamesTheLineOfItsOwnPartAndSpoilsNoOther() throws {
        let zip = try archive([
            ("good.xml", "<list>\n<item v=\"1\"/>\n<item v=\"2\"/>\n</list>"),
            ("bad.xml", "<list>\n<item v=\"1\">\n</list>"),
        ])
        #expect(try elements(zip, "good.xml") == ["1", "2"])  // its reader is kept for the next part
        #expect {
            try elements(zip, "bad.xml")
        } throws: { error in
            guard case .malformedXML(let part, let line, _) = error as? DocumentError else { return false }
            return part == "bad.xml" && line == 3
        }
        #expect(try elements(zip, "good.xml") == ["1", "2"])
        #expect(throws: DocumentError.self) { try elements(zip, "bad.xml") }
    }
}

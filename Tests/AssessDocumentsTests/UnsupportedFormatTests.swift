import AssessDocuments
import AssessTestSupport
import Foundation
import Testing

/// Formats that are not read give an error that names the fix, and every such error
/// says to convert (to DOCX or PDF, or PPTX or PDF for slides).
@Suite struct UnsupportedFormatTests {
    /// The first bytes of pictures, as cameras and phones write them.
    static let pictures: [(format: String, bytes: [UInt8])] = [
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)),
        ("JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0]),
        ("GIF", Array("GIF89a".utf8) + [1, 0, 1, 0]),
        ("TIFF", [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]),
        ("TIFF", [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]),
        ("HEIC", [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)),
        ("AVIF", [0, 0, 0, 0x1C] + Array("ftypavif".utf8) + [0, 0, 0, 0]),
        ("WebP", Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8)),
        ("BMP", Array("BM".utf8) + [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0]),
    ]

    @Test(arguments: pictures.indices)
    func picturesAreNotDocuments(_ index: Int) {
        let (format, bytes) = Self.pictures[index]
        #expect(DocumentReader.sniff(bytes) == .image)
        #expect {
            try DocumentReader.read(bytes: bytes, name: "essay-photo")
        } throws: { error in
            guard case .unsupportedFormat(let message) = error as? DocumentError else { return false }
            return message.contains("\(format) image") && message.contains("DOCX or PDF")
        }
    }

    /// An OLE compound file holding the named streams (their names in UTF-16, as the
    /// directory stores them); enough for the format to be told apart.
    static func compound(_ streams: [String]) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        for stream in ["Root Entry"] + streams {
            var entry = stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            entry += [UInt8](repeating: 0, count: 128 - entry.count)
            bytes += entry
        }
        return bytes
    }

    @Test(arguments: [
        (["WordDocument", "1Table"], "legacy Word document (.doc", "DOCX or PDF"),
        (["Workbook"], "legacy Excel workbook (.xls)", "DOCX or PDF"),
        (["PowerPoint Document"], "legacy PowerPoint presentation (.ppt)", "PPTX or PDF"),
        (["Something"], "legacy Microsoft Office file", "DOCX or PDF"),
    ])
    func legacyOfficeFilesNameTheirFormat(_ streams: [String], _ what: String, _ fix: String) throws {
        let bytes = Self.compound(streams)
        #expect(DocumentReader.sniff(bytes) == .oleCompound)
        #expect {
            try DocumentReader.read(bytes: bytes, name: "essay.doc")
        } throws: { error in
            guard case .unsupportedFormat(let message) = error as? DocumentError else { return false }
            return message.contains(what) && message.contains(fix)
        }
        // The same through a path, where only the first bytes are sniffed.
        let directory = try TemporaryDirectory()
        let path = directory.path + "/essay.doc"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try DocumentReader.read(path: path)
        } throws: { error in
            guard case .unsupportedFormat(let message) = error as? DocumentError else { return false }
            return message.contains(what)
        }
    }

    @Test func passwordProtectedOfficeFileIsEncrypted() {
        #expect(throws: DocumentError.encrypted) {
            try DocumentReader.read(bytes: Self.compound(["EncryptionInfo", "EncryptedPackage"]), name: "essay.docx")
        }
    }

    @Test(arguments: [
        (["Index/Document.iwa", "Metadata/Properties.plist", "preview.jpg"], "Apple Pages document", "DOCX or PDF"),
        (["index.xml", "QuickLook/Thumbnail.jpg"], "Apple Pages document", "DOCX or PDF"),
        (["Index/Document.iwa", "Index/Tables/DataList.iwa", "Index/CalculationEngine.iwa"], "Apple Numbers spreadsheet", "DOCX or PDF"),
        (["Index/Document.iwa", "Index/Slide.iwa", "Index/MasterSlide-1.iwa"], "Apple Keynote presentation", "PPTX or PDF"),
        (["[Content_Types].xml", "xl/workbook.xml"], "Excel workbook", "DOCX or PDF"),
        (["mimetype:application/vnd.oasis.opendocument.spreadsheet", "content.xml"], "OpenDocument spreadsheet", "DOCX or PDF"),
        (["mimetype:application/vnd.oasis.opendocument.presentation", "content.xml"], "OpenDocument presentation", "PPTX or PDF"),
        (["mimetype:application/vnd.oasis.opendocument.graphics", "content.xml"], "OpenDocument drawing", "DOCX or PDF"),
    ])
    func packagesThatAreNotDocuments(_ entries: [String], _ what: String, _ fix: String) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/submission"
        let writer = try ZipWriter(path: path)
        for entry in entries {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            try writer.add(parts[0], text: parts.count > 1 ? parts[1] : "x", compress: parts[0] != "mimetype")
        }
        try writer.close()
        #expect {
            try DocumentReader.read(path: path)
        } throws: { error in
            guard case .unsupportedFormat(let message) = error as? DocumentError else { return false }
            return message.contains(what) && message.contains(fix)
        }
    }
}

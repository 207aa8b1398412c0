#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads an answer key held in XML or a zip, choosing the reader by content: a Moodle
/// XML export (root `<quiz>`), a QTI item, test or manifest, or a QTI content package.
/// Our own YAML and CSV keys are read in `AssessCore`, which calls this for the rest.
public enum KeyReader {
    /// What a key file's content says it is.
    public enum Kind: Sendable, Equatable {
        case moodleXML, qti, package, other
    }

    /// Reads the key at `path`.
    /// - Throws: a ``DocumentError`` whose description says what is wrong and what to do.
    public static func read(path: String, limits: ReadLimits = .standard) throws(DocumentError) -> AnswerKey {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let bytes = try DocumentReader.readFile(path: path, limits: limits)
        switch kind(of: bytes) {
        case .package:
            return try QTIKeyReader.read(package: ZipArchive(path: path, limits: limits), name: name, limits: limits)
        case .moodleXML:
            return try MoodleXMLKeyReader.read(bytes: bytes, name: name, limits: limits)
        case .qti:
            return try QTIKeyReader.read(path: path, limits: limits)
        case .other:
            if bytes.isEmpty { throw .unsupportedFormat("The key file \(name) is empty; export the key again.") }
            throw .unsupportedFormat("The key file \(name) is neither XML nor a zip package; give a Moodle XML export, a QTI item, test or package, or a key in YAML or CSV.")
        }
    }

    /// Classifies key content by its first bytes and, for XML, its root element.
    public static func kind(of bytes: [UInt8]) -> Kind {
        switch DocumentReader.sniff(bytes.prefix(DocumentReader.sniffLength)) {
        case .zip: return .package
        case .text:
            var start = bytes.startIndex
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            while start < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[start]) { start += 1 }
            guard start < bytes.endIndex, bytes[start] == UInt8(ascii: "<") else { return .other }
            return rootElement(bytes) == "quiz" ? .moodleXML : .qti
        default: return .other
        }
    }

    /// The local name of the root element, or nil when there is none or the XML breaks first.
    static func rootElement(_ bytes: [UInt8]) -> String? {
        guard let stream = try? XMLStream(bytes: bytes, part: "key", maxDepth: 8) else { return nil }
        while (try? stream.next()) == true {
            if stream.node == .element, let local = stream.localName { return String(cString: local) }
        }
        return nil
    }

    /// The error for a key that is not well-formed XML.
    static func malformed(_ name: String, line: Int, message: String, tool: String) -> DocumentError {
        .unsupportedFormat("The key file \(name) is not well-formed XML at line \(line) (\(message)); export it again from \(tool).")
    }
}

/// Whether a regular file exists at `path`.
func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

/// The canonical absolute path of an existing file or folder, symbolic links resolved.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }  // realpath(…, nil) mallocs the result
    return String(cString: resolved)
}

public import AssessDocuments

/// A test helper that writes a zip-based document (DOCX, ODT, PPTX) from its parts.
public protocol PackageBuilder: Sendable {
    /// The file name used when none is given.
    static var defaultName: String { get }
    /// The parts in the order written.
    func parts() -> [(name: String, text: String)]
    /// Whether a part is deflated (ODF's `mimetype` must be stored).
    func compresses(_ part: String) -> Bool
}

extension PackageBuilder {
    public func compresses(_ part: String) -> Bool { true }

    /// Writes the package to `path`.
    public func write(to path: String) throws {
        let writer = try ZipWriter(path: path)
        for (name, text) in parts() { try writer.add(name, text: text, compress: compresses(name)) }
        try writer.close()
    }

    /// Writes the package under `directory` and returns its path.
    public func write(in directory: String, name: String = Self.defaultName) throws -> String {
        let path = directory + "/" + name
        try write(to: path)
        return path
    }

    /// Reads the package back through ``DocumentReader``.
    public func read() throws -> DocumentText {
        let directory = try TemporaryDirectory()
        return try DocumentReader.read(path: try write(in: directory.path))
    }
}

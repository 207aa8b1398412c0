/// The Open Packaging Conventions layer of OOXML files: which part is the main
/// document, and which parts a part refers to.
struct OPCPackage {
    struct Relationship {
        /// The relationship's id (`rId3`), by which parts refer to it.
        var id: String
        var type: String
        /// The target as a part name inside the archive (no leading `/`), or the URL
        /// when ``external``.
        var target: String
        var external: Bool
    }

    private let archive: ZipArchive
    private let limits: ReadLimits
    /// The main document part named by the package relationships, if any.
    let mainPart: String?
    /// The extended-properties part (`docProps/app.xml`), if the package names one.
    let extendedPropertiesPart: String?

    init(_ archive: ZipArchive, limits: ReadLimits) throws(DocumentError) {
        self.archive = archive
        self.limits = limits
        let root = try Self.relationships(in: archive, source: "", limits: limits)
        mainPart = root.first { $0.type.hasSuffix("/officeDocument") && !$0.external }?.target
        extendedPropertiesPart = root.first { $0.type.hasSuffix("/extended-properties") && !$0.external }?.target
    }

    /// The relationships of `part`, read from its `_rels/<name>.rels`; none when absent.
    func relationships(of part: String) throws(DocumentError) -> [Relationship] {
        try Self.relationships(in: archive, source: part, limits: limits)
    }

    private static func relationships(in archive: ZipArchive, source: String, limits: ReadLimits) throws(DocumentError) -> [Relationship] {
        let directory = source.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fileName = source.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + fileName + ".rels"
        guard archive.contains(relsPart) else { return [] }
        let stream = try XMLStream(entry: archive.open(relsPart), maxDepth: limits.maxXMLDepth)
        let relationshipName = stream.intern("Relationship")
        let typeName = stream.intern("Type"), targetName = stream.intern("Target")
        let modeName = stream.intern("TargetMode"), idName = stream.intern("Id")
        var result: [Relationship] = []
        while try stream.next() {
            guard stream.node == .element, stream.localName == relationshipName else { continue }
            guard let type = stream.attribute(typeName), let target = stream.attribute(targetName) else { continue }
            let external = stream.attribute(modeName) == "External"
            result.append(Relationship(id: stream.attribute(idName) ?? "", type: type, target: external ? target : resolve(target, from: directory), external: external))
        }
        return result
    }

    /// Resolves a relative part reference against the directory of its source part.
    /// Part names are URI paths: they split at every `/` byte.
    static func resolve(_ target: String, from directory: String) -> String {
        let slash = UInt8(ascii: "/")
        var components = target.utf8.first == slash ? [] : directory.utf8.split(separator: slash)
        for component in target.utf8.split(separator: slash) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) { _ = components.popLast(); continue }
            components.append(component)
        }
        var path: [UInt8] = []
        for component in components {
            if !path.isEmpty { path.append(slash) }
            path += component
        }
        return String(decoding: path, as: UTF8.self).removingPercentEncodingOfSpaces
    }
}

private extension String {
    /// Part names in relationships are URIs; spaces are the escape seen in practice.
    var removingPercentEncodingOfSpaces: String { utf8.contains(0x25) ? replacing("%20", with: " ") : self }
}

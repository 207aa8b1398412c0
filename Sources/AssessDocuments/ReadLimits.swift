/// Safety limits applied while reading untrusted documents and archives.
///
/// Every limit is checked before the work it guards, using the sizes a zip declares,
/// and again while streaming, in case the declared sizes lie.
public struct ReadLimits: Sendable, Equatable {
    /// Largest input file, in bytes.
    public var maxFileBytes: Int
    /// Largest uncompressed size of one zip entry that is read, in bytes.
    public var maxEntryBytes: Int
    /// Largest sum of the uncompressed sizes of the entries read from one archive.
    public var maxTotalBytes: Int
    /// Largest number of entries in one archive.
    public var maxEntries: Int
    /// Largest ratio of uncompressed to compressed size for an entry above 1 MiB.
    public var maxCompressionRatio: Int
    /// Deepest XML element nesting accepted (and deepest RTF group nesting).
    public var maxXMLDepth: Int
    /// Most pages read from one PDF.
    public var maxPages: Int

    /// Creates limits; the defaults suit a 10,000-word dissertation with images.
    public init(
        maxFileBytes: Int = 256 << 20, maxEntryBytes: Int = 256 << 20, maxTotalBytes: Int = 512 << 20,
        maxEntries: Int = 20_000, maxCompressionRatio: Int = 200, maxXMLDepth: Int = 256, maxPages: Int = 2_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
        self.maxCompressionRatio = maxCompressionRatio
        self.maxXMLDepth = maxXMLDepth
        self.maxPages = maxPages
    }

    /// The limits used when nothing else is said.
    public static let standard = ReadLimits()
}

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Decodes bytes written in a Windows, DOS or Mac code page (as RTF's `\'hh` escapes
/// are) into text.
///
/// Windows-1252 uses a built-in table. Other single-byte pages get a 256-entry table
/// built once through iconv; multi-byte pages (Shift-JIS, GBK, Big5, Korean) go
/// through iconv on every call. A page iconv does not know falls back to
/// Windows-1252. Not `Sendable`: one reader uses it at a time. The iconv handle is
/// owned here and closed in `deinit`.
final class CodePageDecoder {
    private var table: [Character]?
    private var converter: iconv_t?

    /// Whether a code page uses more than one byte for some characters.
    static func isMultiByte(_ codePage: Int) -> Bool { [932, 936, 949, 950, 1361, 65001].contains(codePage) }

    init(codePage: Int) {
        if codePage == 1252 {
            table = TextDecoding.windows1252
            return
        }
        let handle = iconv_open("UTF-8", Self.iconvName(codePage))
        guard let handle, handle != iconv_t(bitPattern: -1) else {
            table = TextDecoding.windows1252
            return
        }
        converter = handle
        if !Self.isMultiByte(codePage) {
            table = (0..<256).map { byte in
                let text = convert([UInt8(byte)])
                return text.count == 1 ? text[text.startIndex] : "\u{FFFD}"
            }
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// The text the bytes stand for; bytes that do not decode become U+FFFD.
    func decode(_ bytes: [UInt8]) -> String {
        if let table {
            var result = ""
            result.reserveCapacity(bytes.count)
            for byte in bytes { result.append(table[Int(byte)]) }
            return result
        }
        return convert(bytes)
    }

    private func convert(_ bytes: [UInt8]) -> String {
        guard let converter, !bytes.isEmpty else { return "" }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 8)
        var result: [UInt8] = []
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                while inLeft > 0 {
                    var outPointer = outBuffer.baseAddress
                    var outLeft = outBuffer.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let produced = outBuffer.count - outLeft
                    for index in 0..<produced { result.append(UInt8(bitPattern: outBuffer[index])) }
                    if status == -1 {
                        if errno == E2BIG { continue }
                        // An invalid or truncated sequence: replace one byte and go on.
                        result.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        _ = iconv(converter, nil, nil, nil, nil)  // reset the shift state
                    }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func iconvName(_ codePage: Int) -> String {
        switch codePage {
        case 10000: "MACINTOSH"
        case 936: "GBK"
        case 950: "BIG5"
        case 1361: "JOHAB"
        case 65001: "UTF-8"
        default: "CP\(codePage)"
        }
    }
}

/// Counts words: a word is a run of characters between white space that holds at least
/// one letter or digit.
///
/// So `patient-centred`, `2,500`, `e.g.` and `https://example.org/x` are one word each,
/// while a lone `–`, `&` or `•` is none. No-break spaces (U+00A0, U+2007, U+202F) join
/// words as they do on the page. Works on UTF-8 bytes with an ASCII fast path.
public enum WordCounter {
    /// The number of words in `text`.
    public static func count(_ text: String) -> Int {
        counts(text).words
    }

    /// The number of words in UTF-8 bytes.
    public static func count(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        counts(utf8: bytes).words
    }

    /// Both counts of `text` in one pass: ``count(_:)`` and ``countWordCompatible(_:)``.
    public static func counts(_ text: String) -> (words: Int, wordCompatible: Int) {
        var text = text
        return text.withUTF8 { counts(utf8: $0) }
    }

    /// Both counts of UTF-8 bytes in one pass: ``count(utf8:)`` and
    /// ``countWordCompatible(utf8:)``. Every block's text is counted both ways, so the
    /// bytes are read once, with a fast path for ASCII.
    public static func counts(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, wordCompatible: Int) {
        // This count: a token between separators that holds a letter or digit.
        var words = 0
        var inToken = false
        var tokenHasWordCharacter = false
        // Word's count: see countWordCompatible(utf8:).
        var wordCompatible = 0
        var inWord = false
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if isPrintableASCII(byte) {
                // The common case: a run of printable ASCII (no space), read in a tight loop.
                inToken = true
                if !inWord {
                    wordCompatible += 1
                    inWord = true
                }
                var hasWordCharacter = tokenHasWordCharacter
                repeat {
                    let next = bytes[index]
                    guard isPrintableASCII(next) else { break }
                    hasWordCharacter = hasWordCharacter || isASCIIAlphanumeric(next)
                    index += 1
                } while index < end
                tokenHasWordCharacter = hasWordCharacter
                continue
            }
            if byte < 0x80 {
                index += 1
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if inToken && tokenHasWordCharacter { words += 1 }
                    inToken = false
                    tokenHasWordCharacter = false
                    inWord = false
                } else {  // another control character: part of the token, never a word character
                    inToken = true
                    if !inWord {
                        wordCompatible += 1
                        inWord = true
                    }
                }
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            index += length
            if isSeparator(scalar) {
                if inToken && tokenHasWordCharacter { words += 1 }
                inToken = false
                tokenHasWordCharacter = false
            } else {
                inToken = true
                if !tokenHasWordCharacter && isWordCharacter(scalar) { tokenHasWordCharacter = true }
            }
            switch wordClass(scalar) {
            case .space:
                inWord = false
            case .ideograph:
                wordCompatible += 1
                inWord = false
            case .ignorable:
                continue
            case .letter:
                if !inWord {
                    wordCompatible += 1
                    inWord = true
                }
            }
        }
        if inToken && tokenHasWordCharacter { words += 1 }
        return (words, wordCompatible)
    }

    /// The tokens that count as words, in order (for reports that quote words). Uses
    /// the same separators and word characters as ``count(_:)``, so
    /// `words(in: text).count == count(text)`.
    public static func words(in text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var hasWordCharacter = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isSeparator(scalar) {
                if let begin = start, hasWordCharacter { result.append(text[begin..<index]) }
                start = nil
                hasWordCharacter = false
            } else {
                if start == nil { start = index }
                if !hasWordCharacter && isWordCharacter(scalar) { hasWordCharacter = true }
            }
            index = scalars.index(after: index)
        }
        if let begin = start, hasWordCharacter { result.append(text[begin...]) }
        return result
    }

    /// The number of words Microsoft Word counts in `text`: see ``countWordCompatible(utf8:)``.
    public static func countWordCompatible(_ text: String) -> Int {
        counts(text).wordCompatible
    }

    /// The number of words Microsoft Word counts in UTF-8 bytes.
    ///
    /// Word's rule differs from ``count(utf8:)`` in three ways: any run of characters
    /// between spaces is a word, even a lone `–`, `&` or `•`; a no-break space separates
    /// words like any other space; and each Chinese, Japanese or Korean character (with
    /// the full-width forms and CJK punctuation) is a word of its own. Dashes, slashes
    /// and ellipses join what they touch (`word—word`, `and/or`, `wait…what` are one
    /// word each), and zero-width characters neither make nor break a word.
    public static func countWordCompatible(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        counts(utf8: bytes).wordCompatible
    }

    /// How Word's count treats a non-ASCII character.
    enum WordClass { case space, ideograph, ignorable, letter }

    static func wordClass(_ scalar: Unicode.Scalar) -> WordClass {
        switch scalar.value {
        case 0x0085, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .space
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF, 0xE0100...0xE01EF:
            return .ignorable  // soft hyphen, zero-width characters, variation selectors
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3001...0x303F, 0x3040...0x31FF, 0x3200...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE4F,
            0xFF00...0xFFEF, 0x16FE0...0x16FFF, 0x1B000...0x1B16F, 0x20000...0x3FFFF:
            return .ideograph  // Han, kana, Hangul, bopomofo, CJK symbols and full-width forms
        default:
            return .letter
        }
    }

    /// `!` to `~`: ASCII that is neither white space nor a control character.
    @inline(__always)
    static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 0x5E
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x2007, 0x202F: return false  // no-break spaces join
        case 0x0085, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x205F, 0x3000: return true
        case 0x09...0x0D, 0x20: return true
        default: return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIIAlphanumeric(UInt8(scalar.value)) }
        // General Punctuation (curly quotes, dashes, bullets, ellipsis) holds no letter or
        // digit: answered without looking up the scalar's properties.
        if generalPunctuation.contains(scalar.value) { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    static let generalPunctuation: ClosedRange<UInt32> = 0x2000...0x206F

    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

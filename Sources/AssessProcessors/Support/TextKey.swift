internal import Foundation

/// Keys for matching what people type in different ways: names in citations and
/// reference lists, heading wording.
///
/// `fold` lower-cases, removes accents (Müller → muller, Wiśniewski → wisniewski, and
/// the letters that do not decompose: ø, ł, æ, œ, ß, đ, ı), drops apostrophes
/// (O’Brien → obrien), reads `&` as "and", and turns every other mark into a single
/// space, so "Smith & Jones" and "Smith and Jones" give the same key.
enum TextKey {
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        func append(_ piece: String) {
            if pendingSpace && !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(piece)
        }
        for character in folded {
            if let replacement = letterReplacements[character] {
                append(replacement)
            } else if character == "&" {
                pendingSpace = true
                append("and")
                pendingSpace = true
            } else if apostrophes.contains(character) {
                continue
            } else if character.isLetter || character.isNumber {
                append(String(character))
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The words of a folded key.
    static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    private static let apostrophes: Set<Character> = ["'", "’", "‘", "ʼ", "`", "´"]

    private static let letterReplacements: [Character: String] = [
        "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i", "þ": "th", "ð": "d",
    ]
}

extension String {
    /// The text without the given marks at either end.
    func trimming(marks: String) -> String {
        var result = Substring(self)
        while let first = result.first, marks.contains(first) { result.removeFirst() }
        while let last = result.last, marks.contains(last) { result.removeLast() }
        return String(result)
    }

    /// The text without white space at either end.
    func trimmingWhitespace() -> String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }
}

extension Substring {
    /// The text without white space at either end.
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
    /// The text without the given marks at either end.
    func trimming(marks: String) -> String { String(self).trimming(marks: marks) }
}

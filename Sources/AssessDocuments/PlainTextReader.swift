/// Reads plain text: paragraphs are separated by blank lines; a short line alone that
/// names a section ("References", "Appendix A") or is numbered like a heading
/// ("2.1 Methods") is a heading; lines starting with a bullet are list items.
public enum PlainTextReader {
    /// Reads the text of a `.txt` file.
    public static func read(_ text: String) -> DocumentText {
        var builder = DocumentBuilder()
        var lines: [Substring] = []
        func flush() {
            guard !lines.isEmpty else { return }
            let joined = lines.map { $0.trimmingWhitespace() }.joined(separator: " ")
            if lines.count == 1, let level = headingLevel(joined) {
                builder.addMain(.heading, text: joined, level: level)
            } else {
                builder.addMain(.paragraph, text: joined)
            }
            lines.removeAll()
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { flush(); continue }
            if let item = listItemText(Substring(trimmed)) {
                flush()
                builder.addMain(.listItem, text: String(item))
                continue
            }
            lines.append(line)
        }
        flush()
        return builder.build(.text)
    }

    static func headingLevel(_ line: String) -> Int? {
        let words = line.split(separator: " ")
        guard words.count <= 12, let last = line.last, !".,;!?".contains(last) || line.hasSuffix(":") == false && last != "." && last != "," else {
            return nil
        }
        if SectionTracker.classify(line) != nil { return 1 }
        guard let first = words.first, words.count >= 2 else { return nil }
        let number = first.hasSuffix(".") ? first.dropLast() : first[...]
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        guard words[1].first?.isUppercase == true else { return nil }
        return parts.count
    }

    static func listItemText(_ line: Substring) -> Substring? {
        for bullet in ["- ", "* ", "• ", "– ", "+ "] where line.hasPrefix(bullet) {
            return Substring(line.dropFirst(bullet.count).trimmingWhitespace())
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

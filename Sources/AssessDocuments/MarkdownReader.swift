/// Reads Markdown (CommonMark with GitHub's tables and footnotes): ATX and setext
/// headings, list items, tables (one block per cell), fenced code, block quotes and
/// footnote definitions. Images, link targets, HTML comments and YAML front matter
/// are dropped; link text and emphasised text are kept.
public enum MarkdownReader {
    /// Reads the text of a `.md` file.
    public static func read(_ text: String) -> DocumentText {
        var builder = DocumentBuilder()
        var footnotes: [String] = []
        var paragraph: [String] = []
        var fence: String?
        let lines = text.replacing(/<!--[\s\S]*?-->/, with: "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)

        func flush() {
            guard !paragraph.isEmpty else { return }
            let joined = inline(paragraph.joined(separator: " "))
            if !joined.isEmpty { builder.addMain(.paragraph, text: joined) }
            paragraph.removeAll()
        }

        var index = 0
        // YAML front matter holds metadata, not text.
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") { index = end + 1 }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            index += 1
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil; flush() } else { paragraph.append(trimmed) }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { flush(); fence = String(trimmed.prefix(3)); continue }
            if trimmed.isEmpty { flush(); continue }
            if let match = trimmed.wholeMatch(of: /(#{1,6})\s+(.*?)(\s+#+)?/) {
                flush()
                builder.addMain(.heading, text: inline(String(match.2)), level: match.1.count)
                continue
            }
            if !paragraph.isEmpty, paragraph.count == 1, trimmed.wholeMatch(of: /=+|-+/) != nil {
                let heading = inline(paragraph[0])
                paragraph.removeAll()
                builder.addMain(.heading, text: heading, level: trimmed.hasPrefix("=") ? 1 : 2)
                continue
            }
            if trimmed.wholeMatch(of: /([-*_]\s*){3,}/) != nil { flush(); continue }
            if let match = trimmed.wholeMatch(of: /\[\^[^\]]+\]:\s*(.*)/) {
                flush()
                footnotes.append(inline(String(match.1)))
                continue
            }
            if let match = trimmed.wholeMatch(of: /(?:[-*+]|\d{1,9}[.)])\s+(.*)/) {
                flush()
                let item = inline(String(match.1))
                if !item.isEmpty { builder.addMain(.listItem, text: item) }
                continue
            }
            if trimmed.hasPrefix("|") || (trimmed.contains("|") && index < lines.count && isTableSeparator(lines[index])) {
                flush()
                if isTableSeparator(trimmed) { continue }
                for cell in trimmed.split(separator: "|") {
                    let text = inline(String(cell))
                    if !text.isEmpty { builder.addMain(.tableCell, text: text) }
                }
                continue
            }
            var content = trimmed
            while content.hasPrefix(">") { content = content.dropFirst().trimmingWhitespace() }
            paragraph.append(content)
        }
        flush()
        for note in footnotes where !note.isEmpty { builder.addStory(.footnote, text: note) }
        return builder.build(.markdown)
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.trimmingWhitespace().wholeMatch(of: /\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?/) != nil
    }

    /// Strips inline markup: images, link targets, footnote references, emphasis, code ticks.
    static func inline(_ text: String) -> String {
        var result = text
        result = result.replacing(/!\[[^\]]*\]\([^)]*\)/, with: "")
        result = result.replacing(/\[\^[^\]]+\]/, with: "")
        result = result.replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.1) }
        result = result.replacing(/<(https?:[^>\s]+)>/) { String($0.1) }
        result = result.replacing(/(\*\*|__|\*|`)/, with: "")
        return result.trimmingWhitespace()
    }
}

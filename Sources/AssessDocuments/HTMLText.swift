/// Reduces the HTML that quiz exports carry (Moodle's CDATA question text, QTI content)
/// to plain text. Nothing of it is ever rendered or run: `script` and `style` elements,
/// processing instructions (`<?php … ?>`) and comments are dropped with their content,
/// every other tag is dropped, entities are decoded and white space is collapsed.
public enum HTMLText {
    /// The plain text of an HTML fragment.
    public static func plain(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var scalars = Array(html.unicodeScalars)
        if scalars.count > 1 << 22 { scalars = Array(scalars.prefix(1 << 22)) }  // 4 M characters is beyond any question
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                index = skipMarkup(scalars, from: index, into: &output)
            } else if scalar == "&" {
                index = decodeEntity(scalars, from: index, into: &output)
            } else {
                output.unicodeScalars.append(scalar)
                index += 1
            }
        }
        return collapseWhitespace(output)
    }

    /// Joins runs of white space (no-break spaces included) into one space and trims.
    public static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Elements whose end or start separates words.
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "section", "article", "dd", "dt", "dl", "caption", "img",
    ]

    /// Skips one piece of markup starting at `<`; returns the index after it.
    private static func skipMarkup(_ scalars: [Unicode.Scalar], from start: Int, into output: inout String) -> Int {
        let next = start + 1 < scalars.count ? scalars[start + 1] : " "
        if next == "!" && matches(scalars, start + 2, "--") {
            return find(scalars, "-->", from: start + 4).map { $0 + 3 } ?? scalars.count
        }
        if next == "?" {
            return find(scalars, "?>", from: start + 2).map { $0 + 2 } ?? scalars.count
        }
        if next == "!" && matches(scalars, start + 2, "[CDATA[") {
            // CDATA inside HTML: its text counts, its markup does not.
            let end = find(scalars, "]]>", from: start + 9) ?? scalars.count
            output += " " + plain(String(String.UnicodeScalarView(scalars[min(start + 9, end)..<end]))) + " "
            return min(end + 3, scalars.count)
        }
        guard next.properties.isAlphabetic || next == "/" || next == "!" else {
            output.append("<")  // a lone '<', as in "x < 2"
            return start + 1
        }
        var index = start + 1
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                break
            }
            index += 1
        }
        let tagEnd = min(index + 1, scalars.count)
        var name = ""
        var nameIndex = start + 1
        if nameIndex < scalars.count && scalars[nameIndex] == "/" { nameIndex += 1 }
        while nameIndex < tagEnd && (scalars[nameIndex].properties.isAlphabetic || ("0"..."9").contains(scalars[nameIndex])) {
            name.unicodeScalars.append(scalars[nameIndex])
            nameIndex += 1
        }
        name = name.lowercased()
        if next != "/" && (name == "script" || name == "style") {
            // Drop the element with everything in it, up to its end tag.
            var search = tagEnd
            while let close = find(scalars, "</", from: search) {
                var closeName = ""
                var cursor = close + 2
                while cursor < scalars.count && scalars[cursor].properties.isAlphabetic {
                    closeName.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if closeName.lowercased() == name {
                    return (find(scalars, ">", from: cursor).map { $0 + 1 }) ?? scalars.count
                }
                search = close + 2
            }
            return scalars.count
        }
        if blockElements.contains(name) { output.append(" ") }
        return tagEnd
    }

    private static func decodeEntity(_ scalars: [Unicode.Scalar], from start: Int, into output: inout String) -> Int {
        var end = start + 1
        while end < scalars.count && end - start <= 10 && scalars[end] != ";" && scalars[end] != "&" && !scalars[end].properties.isWhitespace { end += 1 }
        guard end < scalars.count && scalars[end] == ";" else {
            output.append("&")
            return start + 1
        }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        var decoded: Unicode.Scalar?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if body.hasPrefix("#") {
            decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
        } else {
            decoded = named[body]
        }
        guard let decoded, decoded.value != 0 else {
            output.append("&")
            return start + 1
        }
        output.unicodeScalars.append(decoded)
        return end + 1
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "hellip": "\u{2026}", "eacute": "é", "egrave": "è", "agrave": "à", "aacute": "á", "uuml": "ü", "ouml": "ö",
        "auml": "ä", "szlig": "ß", "ccedil": "ç", "times": "×", "divide": "÷", "deg": "°", "plusmn": "±",
        "le": "≤", "ge": "≥", "ne": "≠", "euro": "€", "pound": "£", "copy": "©", "reg": "®", "middot": "·", "bull": "•",
    ]

    private static func matches(_ scalars: [Unicode.Scalar], _ index: Int, _ text: String) -> Bool {
        var cursor = index
        for scalar in text.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar || String(scalars[cursor]).uppercased() == String(scalar) else { return false }
            cursor += 1
        }
        return true
    }

    private static func find(_ scalars: [Unicode.Scalar], _ text: String, from start: Int) -> Int? {
        let needle = Array(text.unicodeScalars)
        guard let first = needle.first, start < scalars.count else { return nil }
        var index = max(start, 0)
        while index + needle.count <= scalars.count {
            if scalars[index] == first && Array(scalars[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

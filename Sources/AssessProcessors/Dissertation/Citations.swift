internal import Foundation

/// An in-text author–date citation: `(Smith, 2020)`, `Smith and Jones (2019)`,
/// `(Patel et al., 2021a)`, `(WHO, 2022)`, one of `(Smith, 2020; Jones & Lee, 2019)`.
struct Citation: Sendable, Equatable, Hashable {
    /// The authors as written ("Smith and Jones", "Patel et al.", "NHS England").
    var authors: String
    /// The year with its letter ("2021a"), or "n.d.", "in press", "forthcoming".
    var year: String
    /// Written in the sentence ("Smith (2020)") rather than in brackets.
    var narrative: Bool
    /// Folded keys that may name the first author, the likeliest first.
    var keys: [String]

    /// As a reader would write it back.
    var label: String { narrative ? "\(authors) (\(year))" : "(\(authors), \(year))" }
}

/// One entry of the reference list, read for its first author and year.
struct ReferenceEntry: Sendable, Equatable {
    /// The entry as written.
    var text: String
    /// Folded keys of the first author: surname (with and without "van der"), or an
    /// organisation's name, its bracketed or derived acronym.
    var keys: [String]
    /// The year with its letter, "n.d.", "in press"; nil when none was found.
    var year: String?
    /// The author part as written, for messages ("World Health Organization").
    var authors: String
    /// The entry's own number in a numbered list ("1.", "[1]"), if its text has one.
    var number: Int?
    /// Whether the entry is numbered, in its text or as an item of a list.
    var numbered: Bool

    /// "Smith, J. (2020)" style label for messages.
    var label: String { year.map { "\(authors) (\($0))" } ?? String(text.prefix(60)) }
}

/// Finds author–date citations in running text and reads reference-list entries.
///
/// Parenthetical citations are read from every innermost pair of brackets: each
/// `;`-separated part is authors, then one or more years (`2020a, b`, `2019, 2020`),
/// then an optional page (`p. 4`, `pp. 4–5`, `: 12`). Leading "see", "e.g.", "cf."…
/// are skipped; in "Smith, 2001, cited in Jones, 2020" only Jones is expected in the
/// list. Narrative citations are brackets holding only years, after a run of
/// capitalised names ("Smith and Jones (2019)", "Patel et al.'s (2021a)", "NHS England
/// (2019)"). Authors must look like names or organisations: capitalised words,
/// particles (van, de, al…), "and", "&", "of", "for", "the", "et al."; never digits,
/// months, or "Table"/"Figure".
enum CitationParser {
    /// Every citation in `text`, in order.
    static func citations(in text: String) -> [Citation] {
        guard text.contains("(") else { return [] }
        var results: [Citation] = []
        for match in text.matches(of: Pattern.brackets) {
            let content = match.output.1
            guard content.contains(where: { $0.isNumber }) || content.lowercased().contains("n.d") || content.lowercased().contains("press") || content.lowercased().contains("forthcoming") else { continue }
            if let years = yearsOnly(content) {
                let before = text[..<match.range.lowerBound].suffix(160)
                results += narrative(before: before, years: years)
            } else {
                results += parenthetical(content)
            }
        }
        return results
    }

    /// The citations of one bracket's content: `Smith, 2020; Jones & Lee, 2019, p. 4`.
    static func parenthetical(_ content: Substring) -> [Citation] {
        var results: [Citation] = []
        for rawPart in content.split(separator: ";") {
            var part = Substring(rawPart.trimmingWhitespace())
            for marker in ["as cited in", "cited in", "quoted in"] {
                if let range = part.range(of: marker, options: .caseInsensitive) { part = part[range.upperBound...] }
            }
            part = stripPrefixes(part)
            guard let year = firstYear(in: part) else { continue }
            let authors = String(part[..<year.lowerBound]).trimmingWhitespace().trimming(marks: ",([ ")
            guard let keys = authorKeys(authors, narrative: false), let years = years(part[year.lowerBound...]) else { continue }
            let written = authors.trimmingWhitespace()
            results += years.map { Citation(authors: written, year: $0, narrative: false, keys: keys) }
        }
        return results
    }

    /// The years in brackets that hold nothing else (a narrative citation's brackets):
    /// `2020`, `2021a, b`, `2019, p. 4`. Nil when the brackets hold more.
    static func yearsOnly(_ content: Substring) -> [String]? {
        let trimmed = Substring(content.trimmingWhitespace())
        guard let year = firstYear(in: trimmed), year.lowerBound == trimmed.startIndex else { return nil }
        return years(trimmed)
    }

    /// The citations made by `years` after the text `before` ("…as Smith and Jones").
    static func narrative(before: Substring, years: [String]) -> [Citation] {
        var tokens = before.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        // "Greenhalgh and colleagues (2017)" is "Greenhalgh et al. (2017)".
        if tokens.count >= 3, ["colleagues", "co-workers", "coworkers", "associates"].contains(tokens[tokens.count - 1].lowercased()),
           tokens[tokens.count - 2].lowercased() == "and" {
            tokens.removeLast(2)
            tokens += ["et", "al."]
        }
        guard var last = tokens.popLast() else { return [] }
        // A possessive: Smith's (2020), Jones' (2019).
        for suffix in ["'s", "’s", "'", "’"] where last.count > suffix.count + 1 && last.hasSuffix(suffix) {
            last = String(last.dropLast(suffix.count))
            break
        }
        tokens.append(last)
        var run: [String] = []
        var sawConnector = false
        while let token = tokens.last {
            let bare = token.trimming(marks: ",")
            let lower = bare.lowercased()
            if run.isEmpty {
                // The word before the bracket must be a name, or "et al.".
                guard lower == "al." || lower == "al" || isCapitalisedName(bare) else { return [] }
            } else if token.hasSuffix(",") && !sawConnector {
                break  // "In London, Smith (2020)": the comma ends the names
            } else if [".", "!", "?", ":", ";"].contains(where: { token.hasSuffix($0) }) && lower != "al." && !isInitial(bare) {
                break  // the end of the sentence before
            }
            if lower == "al." || lower == "al" || lower == "et" {
                run.insert(token, at: 0)
            } else if connectors.contains(lower) {
                sawConnector = sawConnector || lower == "and" || lower == "&"
                run.insert(token, at: 0)
            } else if particles.contains(lower) && !run.isEmpty {
                run.insert(token, at: 0)
            } else if isCapitalisedName(bare) || isInitial(bare) {
                run.insert(token, at: 0)
            } else {
                break
            }
            tokens.removeLast()
            if run.count >= 12 { break }
        }
        // Connectors and sentence openers at the left edge belong to the sentence ("and
        // Smith (2020)", "However, Smith (2020)", "During Smith's (2020) study").
        while let first = run.first, run.count > 1,
              connectors.contains(first.lowercased()) || first.lowercased() == "et" || isNonAuthor(first, followedBy: run[1]) || sentenceOpeners.contains(TextKey.fold(first)) {
            run.removeFirst()
        }
        guard let last = run.last, !nonAuthorWords.contains(TextKey.fold(last)), !connectors.contains(last.lowercased()) else { return [] }
        let written = run.joined(separator: " ")
        guard var keys = authorKeys(written, narrative: true) else { return [] }
        // Sentence-opening words before the name ("However Smith", "As Smith and Jones"):
        // every tail of each name segment is a candidate, the full segment first.
        for segment in written.split(separator: ",") {
            let lead = leadAuthor(String(segment))
            let words = TextKey.words(lead)
            for start in words.indices.dropFirst() { keys.append(words[start...].joined(separator: " ")) }
        }
        return years.map { Citation(authors: written, year: $0, narrative: true, keys: unique(keys)) }
    }

    // MARK: Authors

    /// Keys for an author phrase, or nil when it does not look like authors.
    static func authorKeys(_ phrase: String, narrative: Bool) -> [String]? {
        var text = phrase.trimmingWhitespace()
        var aliases: [String] = []
        for match in text.matches(of: Pattern.alias) {
            aliases.append(TextKey.fold(String(match.output.1)))
        }
        text = text.replacing(Pattern.aliasWithSpace, with: " ").trimmingWhitespace().trimming(marks: ", ")
        let tokens = text.split(whereSeparator: { $0.isWhitespace }).map { $0.trimming(marks: ",") }.filter { !$0.isEmpty }
        guard !tokens.isEmpty, tokens.count <= 14 else { return nil }
        var capitalised = 0
        for (index, token) in tokens.enumerated() {
            let lower = token.lowercased()
            if isCapitalisedName(token) {
                capitalised += 1
            } else if particles.contains(lower) || lower == "et" || lower == "al." || lower == "al" {
                continue
            } else if connectors.contains(lower) && index > 0 {
                continue
            } else {
                return nil
            }
        }
        guard capitalised > 0, let first = tokens.first(where: isCapitalisedName),
              !isNonAuthor(first, followedBy: tokens.count > 1 ? tokens[1] : nil) else { return nil }
        if tokens.count == 1 && tokens[0].count == 1 { return nil }
        let main = text.replacing(Pattern.etAl, with: "")
        var keys = [TextKey.fold(main)]
        let lead = leadAuthor(main)
        keys.append(TextKey.fold(lead))
        keys += variants(ofName: lead)
        if let acronym = acronym(of: main) { keys.append(acronym) }
        keys += aliases
        return unique(keys.filter { !$0.isEmpty })
    }

    /// The first author of "Smith, Jones and Lee", "Smith & Jones", "Patel et al.".
    static func leadAuthor(_ authors: String) -> String {
        var lead = authors.replacing(Pattern.etAl, with: "")
        for separator in [",", " and ", " & ", " And "] {
            if let range = lead.range(of: separator) { lead = String(lead[..<range.lowerBound]) }
        }
        return lead.trimmingWhitespace()
    }

    /// Other keys for a name: without a leading "The", without particles ("van der
    /// Berg" → "berg").
    static func variants(ofName name: String) -> [String] {
        var words = TextKey.words(name)
        var keys: [String] = []
        if words.first == "the", words.count > 1 {
            words.removeFirst()
            keys.append(words.joined(separator: " "))
        }
        let withoutParticles = words.drop { particles.contains($0) }
        if withoutParticles.count < words.count, !withoutParticles.isEmpty {
            keys.append(withoutParticles.joined(separator: " "))
        }
        return keys
    }

    /// "World Health Organization" → "who", "Department of Health and Social Care" →
    /// "dhsc": the initials of the capitalised words of an organisation of two or more
    /// such words, none already in capitals.
    static func acronym(of name: String) -> String? {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map { $0.trimming(marks: ",.'’") }
        let significant = words.filter { !connectors.contains($0.lowercased()) && !particles.contains($0.lowercased()) }
        guard significant.count >= 2, significant.allSatisfy(isCapitalisedName),
              !significant.contains(where: { $0.count > 1 && $0.allSatisfy { $0.isUppercase } }) else { return nil }
        return TextKey.fold(String(significant.compactMap(\.first)))
    }

    static func isCapitalisedName(_ token: String) -> Bool {
        guard let first = token.first, first.isUppercase, first.isLetter else { return false }
        return token.allSatisfy { $0.isLetter || "-'’.".contains($0) }
    }

    private static func isInitial(_ token: String) -> Bool {
        token.count == 2 && token.first?.isUppercase == true && token.last == "."
    }

    // MARK: Years

    /// The range of the first year-like token: 1600–2099 with an optional letter,
    /// "n.d." (also "n.d", "n. d.", "no date", "undated"), "in press", "forthcoming".
    static func firstYear(in text: Substring) -> Range<Substring.Index>? {
        text.firstMatch(of: yearPattern)?.range
    }

    /// The years at the start of `text` and the check that only a page reference
    /// follows: `2021a, b, p. 4` → ["2021a", "2021b"]. Nil when something else follows.
    static func years(_ text: Substring) -> [String]? {
        guard let first = text.prefixMatch(of: yearPattern) else { return nil }
        let firstYear = normaliseYear(first.output)
        var found = [firstYear]
        var rest = text[first.range.upperBound...]
        while let next = rest.prefixMatch(of: Pattern.comma) {
            let after = rest[next.range.upperBound...]
            if let year = after.prefixMatch(of: yearPattern) {
                found.append(normaliseYear(year.output))
                rest = after[year.range.upperBound...]
            } else if let letter = after.prefixMatch(of: Pattern.yearLetter), let base = found.last?.prefix(4), base.allSatisfy({ $0.isNumber }) {
                found.append(String(base) + String(letter.output))
                rest = after[letter.range.upperBound...]
            } else {
                break
            }
        }
        let tail = rest.trimmingWhitespace()
        guard tail.isEmpty || tail.first == "," || tail.first == ":" || tail.first == "." || tail.wholeMatch(of: pagePattern) != nil else { return nil }
        return found
    }

    static func normaliseYear(_ token: Substring) -> String {
        let lower = token.lowercased()
        if lower.first?.isNumber == true { return lower }
        if lower.hasPrefix("in") { return "in press" }
        if lower.hasPrefix("forth") { return "forthcoming" }
        if let letter = lower.wholeMatch(of: /.*-([a-k])/) { return "n.d.-" + letter.output.1 }
        return "n.d."
    }

    // Regex is not Sendable, but a compiled pattern is never mutated after its first
    // (atomically cached) compilation, so sharing these across tasks is safe.
    nonisolated(unsafe) private static let yearPattern = /(?i)\b(?:(?:1[6-9]|20)\d\d[a-k]?(?![\p{L}\d])|n\.\s?d\.?(?:-[a-k])?|no date|undated|in press|forthcoming)/
    nonisolated(unsafe) private static let pagePattern = /(?i)(?:p|pp|para|paras|ch|chap|chapter|sec|section|fig|figure|table|vol|slide|loc)\b.*/

    // MARK: Prefixes and words

    private static func stripPrefixes(_ part: Substring) -> Substring {
        var part = part
        var changed = true
        while changed {
            changed = false
            let lower = part.lowercased()
            for prefix in prefixes where lower.hasPrefix(prefix) {
                let after = part.dropFirst(prefix.count)
                guard after.first.map({ $0.isWhitespace || $0 == "," || prefix.last == "," || prefix.last == "." }) ?? false else { continue }
                part = Substring(after.trimmingWhitespace().trimming(marks: ", "))
                changed = true
                break
            }
        }
        return part
    }

    private static let prefixes = [
        "see also", "see for example", "see e.g.", "see", "e.g.,", "e.g.", "eg,", "eg", "cf.", "cf", "i.e.,", "i.e.", "ie",
        "for example,", "for example", "for instance,", "for instance", "such as", "adapted from", "reviewed in", "reviewed by",
        "also", "and", "but", "reported by", "in", "now", "formerly", "originally",
    ]

    /// Lower-case words allowed inside names: "van der Berg", "Department of Health".
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "dos", "das", "ten", "ter", "bin", "al", "el", "st", "st.", "mc"]
    static let connectors: Set<String> = ["and", "&", "of", "for", "the", "on", "in"]

    /// Capitalised words that are not authors in "(March 2020)" or "Table 3 (2020)".
    static let nonAuthorWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "spring", "summer", "autumn", "winter", "table", "figure", "fig", "appendix", "chapter", "section", "page", "box",
        "see", "note", "version", "phase", "wave", "stage", "step", "level", "since", "from", "until", "in", "by", "during",
        "year", "years", "published", "updated", "accessed", "circa", "c", "ca", "est", "founded", "established", "dated", "this",
    ]

    /// Whether a capitalised word is not an author. Months and seasons are surnames too
    /// (May, March, Winter): they are authors when "and", "&" or a comma joins them to
    /// another name, as in "(May and Finch, 2009)".
    static func isNonAuthor(_ word: String, followedBy next: String?) -> Bool {
        let key = TextKey.fold(word)
        guard nonAuthorWords.contains(key) else { return false }
        guard dateWords.contains(key) else { return true }
        let joined = word.hasSuffix(",") || next.map { ["and", "&"].contains($0.lowercased()) } == true
        return !joined
    }

    /// Months and seasons: dates when they stand alone, surnames when joined to a name.
    static let dateWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "spring", "summer", "autumn", "winter",
    ]

    /// Capitalised words that open a sentence before a name ("However Smith (2020)").
    static let sentenceOpeners: Set<String> = [
        "however", "as", "while", "whilst", "although", "according", "following", "unlike", "like", "when", "where", "thus",
        "hence", "therefore", "furthermore", "moreover", "similarly", "conversely", "indeed", "notably", "here", "there",
        "these", "that", "both", "but", "yet", "so", "after", "before", "then", "also", "a", "an", "one", "for", "with",
        "whereas", "additionally", "finally", "first", "firstly", "second", "secondly", "likewise", "importantly",
    ]

    private static func unique(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }
    }
}

/// Reads reference-list entries: `Smith, J. and Jones, K. (2019) Title…`, APA's
/// `Smith, J., & Jones, K. (2019).`, `World Health Organization [WHO] (2022)`,
/// `NHS England (2019)`, `van der Berg, A. (2018)`, Vancouver's `1. Smith JA, Jones K.`.
enum ReferenceParser {
    static func parse(_ text: String) -> ReferenceEntry {
        var body = Substring(text.trimmingWhitespace())
        var number: Int?
        if let match = body.prefixMatch(of: Pattern.entryNumber) {
            number = Int(match.output.1)
            body = body[match.range.upperBound...]
        }
        let searchable = body.prefix(250)
        guard let yearRange = CitationParser.firstYear(in: searchable) else {
            return ReferenceEntry(text: text, keys: [], year: nil, authors: String(body.prefix(60)), number: number, numbered: number != nil)
        }
        let year = CitationParser.years(body[yearRange.lowerBound...].prefix(12))?.first
            ?? CitationParser.normaliseYear(body[yearRange])
        let authors = String(body[..<yearRange.lowerBound]).trimmingWhitespace().trimming(marks: "(,[ ")
        let keys = keys(ofAuthors: authors)
        // An entry with no author before its year cannot be matched: it is unread.
        return ReferenceEntry(text: text, keys: keys, year: keys.isEmpty ? nil : year, authors: keys.isEmpty ? String(body.prefix(60)) : authors, number: number, numbered: number != nil)
    }

    /// A paragraph that continues the entry before it ("Available at: https://…").
    static func isContinuation(_ text: String) -> Bool {
        let lower = text.trimmingWhitespace().lowercased()
        return ["available at", "available from", "http://", "https://", "www.", "doi:", "doi.org", "[accessed", "(accessed", "accessed", "retrieved from"].contains { lower.hasPrefix($0) }
    }

    static func keys(ofAuthors authors: String) -> [String] {
        var keys: [String] = []
        var aliases: [String] = []
        for match in authors.matches(of: Pattern.alias) { aliases.append(TextKey.fold(String(match.output.1))) }
        let plain = authors.replacing(Pattern.aliasWithSpace, with: " ").trimmingWhitespace().trimming(marks: ".,: ")
        if let vancouver = plain.prefixMatch(of: Pattern.vancouver) {
            // Vancouver: "Smith JA, Jones K."
            let surname = String(vancouver.output.1)
            keys.append(TextKey.fold(surname))
            keys += CitationParser.variants(ofName: surname)
        } else if let person = plain.prefixMatch(of: Pattern.harvard), person.output.1.split(separator: " ").count <= 4 {
            // Harvard and APA: "Smith, J.", "van der Berg, A."
            let surname = String(person.output.1)
            keys.append(TextKey.fold(surname))
            keys += CitationParser.variants(ofName: surname)
        } else {
            let organisation = plain.replacing(Pattern.editors, with: " ")
            keys.append(TextKey.fold(organisation))
            keys += CitationParser.variants(ofName: organisation)
            if let acronym = CitationParser.acronym(of: organisation) { keys.append(acronym) }
            // "Great Britain. Department of Health" is cited as "Department of Health".
            for piece in organisation.split(separator: ".").dropFirst() where !piece.trimmingWhitespace().isEmpty {
                keys.append(TextKey.fold(String(piece)))
            }
        }
        keys += aliases
        var seen: Set<String> = []
        return keys.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// The numbers cited in a numeric (Vancouver) text: `[1]`, `[2, 5]`, `(3–6)`.
enum NumericCitations {
    static func numbers(in text: String) -> [Int] {
        var result: [Int] = []
        for match in text.matches(of: Pattern.numbers) {
            for piece in match.output.1.split(separator: ",") {
                let bounds = piece.split(whereSeparator: { $0 == "-" || $0 == "–" }).compactMap { Int($0.trimmingWhitespace()) }
                if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] <= 200 {
                    result += Array(bounds[0]...bounds[1])
                } else if let single = bounds.first, bounds.count == 1 {
                    result.append(single)
                }
            }
        }
        return result
    }
}

/// Patterns compiled once. Regex is not Sendable, but a compiled pattern is never
/// mutated after its first (atomically cached) compilation, so sharing them is safe.
private enum Pattern {
    nonisolated(unsafe) static let brackets = /\(([^()]*)\)/
    nonisolated(unsafe) static let alias = /[\[(]([^\])(]+)[\])]/
    nonisolated(unsafe) static let aliasWithSpace = /\s*[\[(][^\])(]*[\])]\s*/
    nonisolated(unsafe) static let etAl = /,?\s+et\.?\s+al\.?.*$/
    nonisolated(unsafe) static let comma = /\s*,\s*/
    nonisolated(unsafe) static let yearLetter = /[a-k](?![\p{L}.])/
    nonisolated(unsafe) static let entryNumber = /\[?(\d{1,3})[\].)]\s+/
    nonisolated(unsafe) static let vancouver = /((?:\p{Ll}+\s+)*\p{Lu}[\p{L}'’\-]+)\s+\p{Lu}{1,3}(?:[,.\s]|$)/
    nonisolated(unsafe) static let harvard = /([^,]+?),\s*\p{Lu}/
    nonisolated(unsafe) static let editors = /\s*\((?:ed|eds|ed\.|eds\.)\)\s*/
    nonisolated(unsafe) static let numbers = /[\[(](\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)[\])]/
}

internal import Foundation

/// A processor that marks scripts with a rubric: `assess marksheets` asks it for the
/// rubric, the allocation and whether scripts are groups.
public protocol RubricMarking: Processor {
    /// The rubric markers apply.
    var rubric: Rubric { get }
    /// Which markers mark which script (empty: none given).
    var allocation: Allocation { get }
    /// Candidate → group when scripts are marked by group; nil when by candidate.
    var groups: [String: String]? { get }
}

/// One script on a marker's sheet, with what the sheet says about it beforehand.
public struct MarkSheetLine: Sendable, Equatable {
    /// The candidate id or group.
    public var script: String
    /// The candidate's name; nil on anonymous sheets.
    public var name: String?
    public var role: MarkingRole
    /// The words counted by `wordcount`, if it ran.
    public var words: Int?
    /// The penalty that would apply (late, over length), in words.
    public var penalty: String
    /// The finding codes of the checks, for the marker's attention.
    public var flags: [String]

    /// Creates a line.
    public init(script: String, name: String? = nil, role: MarkingRole, words: Int? = nil, penalty: String = "", flags: [String] = []) {
        self.script = script
        self.name = name
        self.role = role
        self.words = words
        self.penalty = penalty
        self.flags = flags
    }
}

/// Writes blank mark sheets that ``MarkSheetReader`` reads back once filled: a CSV for
/// spreadsheets and an equivalent YAML for text editors.
public enum MarkSheetFormat {
    /// The CSV sheet: one row per script, a column per criterion and per comment.
    public static func csv(rubric: Rubric, marker: String, lines: [MarkSheetLine], byGroup: Bool, anonymous: Bool) -> String {
        var header = [byGroup ? "group" : "candidate_id"]
        if !anonymous { header.append("name") }
        header += ["marker", "role", "words", "penalty", "flags"]
        for criterion in rubric.criteria { header += [criterion.id, criterion.id + "_comment"] }
        header.append("overall_comment")
        var rows = [header.map(field).joined(separator: ",")]
        for line in lines {
            var row = [line.script]
            if !anonymous { row.append(line.name ?? "") }
            row += [marker, line.role.rawValue, line.words.map(String.init) ?? "", line.penalty, line.flags.joined(separator: "; ")]
            row += Array(repeating: "", count: rubric.criteria.count * 2 + 1)
            rows.append(row.map(field).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The YAML sheet, with the rubric's levels in comments.
    public static func yaml(rubric: Rubric, assessment: Assessment, marker: String, lines: [MarkSheetLine], byGroup: Bool, anonymous: Bool) -> String {
        var out = [
            "# Mark sheet: \(assessment.title), marker \(marker). Rubric: \(rubric.title).",
            "# For each script, fill in every criterion (a level name, or a score for a marking guide)",
            "# and comments; leave a script's criteria empty until you mark it. Put the filled sheet",
            "# in assessments/\(assessment.id)/marks/ (this YAML or the CSV, not both).",
        ]
        for criterion in rubric.criteria {
            let choices = criterion.isGuide ? "score 0–\(markText(criterion.highest))" : criterion.levels.map { "\($0.name) (\(markText($0.points)))" }.joined(separator: " | ")
            out.append("#   \(criterion.id) (\(markText(criterion.weight))%): \(choices)")
            if !criterion.comments.isEmpty { out.append("#     comment bank: " + criterion.comments.map { "#" + $0.id }.joined(separator: ", ")) }
        }
        out += ["assessment: \(quote(assessment.id))", "rubric: \(quote(rubric.id))", "marker: \(quote(marker))", "scripts:"]
        for line in lines {
            out.append("  - \(byGroup ? "group" : "candidate_id"): \(quote(line.script))")
            if !anonymous, let name = line.name { out.append("    name: \(quote(name))") }
            out.append("    role: \(line.role.rawValue)")
            out.append("    words: \(line.words.map(String.init) ?? "\"\"")")
            out.append("    penalty: \(quote(line.penalty))")
            out.append("    flags: \(quote(line.flags.joined(separator: "; ")))")
            out.append("    criteria:")
            for criterion in rubric.criteria {
                out.append("      \(criterion.id): {\(criterion.isGuide ? "score" : "level"): \"\", comment: \"\"}")
            }
            out.append("    overall_comment: \"\"")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when needed; text a spreadsheet would run as a formula is defused.
    static func field(_ value: String) -> String {
        CSVTable.field(value)
    }

    /// A YAML double-quoted string.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += String(format: "\\x%02X", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}

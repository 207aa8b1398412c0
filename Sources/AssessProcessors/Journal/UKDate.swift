internal import Foundation

/// A day of the (proleptic Gregorian) calendar, with arithmetic in whole days and no
/// time zone: journal entries are dated by day, as their writers date them.
struct CalendarDay: Sendable, Hashable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    /// A valid day, or nil ("31 September", "29 February 2027").
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `ordinal` days after 1 January 1970.
    init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The UTC day of a moment (a deadline).
    init(_ date: Date) {
        self.init(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Days since 1 January 1970.
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 1 = Monday … 7 = Sunday.
    var weekday: Int {
        let shifted = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// `2026-10-12`.
    var iso: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    /// `12 October 2026`, as the feedback writes dates.
    var long: String { "\(day) \(UKDate.monthNames[month - 1]) \(year)" }

    /// "YYYY-MM", for counting distinct months.
    var monthKey: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))" }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A date as written: the year may be missing ("Monday 12th October").
struct WrittenDate: Sendable, Equatable {
    var day: Int
    var month: Int
    var year: Int?
    /// 1 = Monday … 7 = Sunday, when a weekday was written.
    var weekday: Int?
    /// How many characters of the text the date (with its weekday) took.
    var length: Int
    /// The date was written month first with the month as a number (10/13/2026).
    var monthFirst = false
}

/// Reads dates the way people in the UK write them.
///
/// - `12 October 2026`, `12th October 2026`, `12 Oct 2026`, `12-Oct-26`, `12 October`
/// - `Monday 12th October`, `Mon, 12 Oct 2026`, `Monday 12 October 2026`
/// - `12/10/2026`, `12.10.2026`, `12-10-26`: day first (12 October, never 10 December);
///   month first only when the day-first reading is impossible (`10/13/2026`)
/// - `2026-10-12` (ISO)
/// - `October 12, 2026`, `October 12th` (month first, written out, so unambiguous)
///
/// Month-and-year alone ("October 2026") is not a day and is not read.
enum UKDate {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// A date at the very start of `text`, after an optional label ("Date:",
    /// "Entry 4 –", "Week 3:").
    static func leading(_ text: String) -> WrittenDate? {
        var start = Substring(text)
        if let label = start.prefixMatch(of: labelPattern) {
            start = start[label.range.upperBound...]
        }
        guard let found = parse(start) else { return nil }
        return WrittenDate(day: found.day, month: found.month, year: found.year, weekday: found.weekday,
                           length: text.distance(from: text.startIndex, to: start.startIndex) + found.length, monthFirst: found.monthFirst)
    }

    /// The first date anywhere in `text` (a heading: "Entry 4 (12 October 2026)").
    static func first(in text: String) -> WrittenDate? {
        var index = text.startIndex
        while index < text.endIndex {
            let atBoundary = index == text.startIndex || !(text[text.index(before: index)].isLetter || text[text.index(before: index)].isNumber)
            if atBoundary, text[index].isLetter || text[index].isNumber, let found = parse(text[index...]) {
                return found
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A date at the start of `text`, with the number of characters it took.
    static func parse(_ text: Substring) -> WrittenDate? {
        var rest = text
        var weekday: Int?
        if let match = rest.prefixMatch(of: weekdayPattern) {
            weekday = weekdayNumber(String(match.output.1))
            rest = rest[match.range.upperBound...]
        }
        func make(day: Int, month: Int, year: Int?, end: Substring.Index, monthFirst: Bool = false) -> WrittenDate? {
            guard (1...12).contains(month), day >= 1, day <= CalendarDay.days(inMonth: month, year: year ?? 2000) else { return nil }
            if let year, !(1900...2100).contains(year) { return nil }
            return WrittenDate(day: day, month: month, year: year, weekday: weekday, length: text.distance(from: text.startIndex, to: end), monthFirst: monthFirst)
        }
        if let iso = rest.prefixMatch(of: isoPattern) {
            return make(day: Int(iso.output.3) ?? 0, month: Int(iso.output.2) ?? 0, year: Int(iso.output.1), end: iso.range.upperBound)
        }
        if let numeric = rest.prefixMatch(of: numericPattern) {
            let first = Int(numeric.output.1) ?? 0, second = Int(numeric.output.3) ?? 0
            let year = fullYear(numeric.output.4)
            if let dayFirst = make(day: first, month: second, year: year, end: numeric.range.upperBound) { return dayFirst }
            return make(day: second, month: first, year: year, end: numeric.range.upperBound, monthFirst: true)
        }
        if let named = rest.prefixMatch(of: dayMonthPattern) {
            return make(day: Int(named.output.1) ?? 0, month: monthNumber(String(named.output.2)), year: named.output.3.flatMap(fullYear), end: named.range.upperBound)
        }
        if let named = rest.prefixMatch(of: monthDayPattern) {
            return make(day: Int(named.output.2) ?? 0, month: monthNumber(String(named.output.1)), year: named.output.3.flatMap(fullYear), end: named.range.upperBound)
        }
        return nil
    }

    private static func fullYear(_ text: Substring) -> Int? {
        guard let number = Int(text) else { return nil }
        return text.count == 2 ? 2000 + number : number
    }

    private static func monthNumber(_ name: String) -> Int {
        let prefix = name.lowercased().prefix(3)
        return (monthNames.firstIndex { $0.lowercased().hasPrefix(prefix) } ?? -1) + 1
    }

    private static func weekdayNumber(_ name: String) -> Int? {
        let names = ["mo", "tu", "we", "th", "fr", "sa", "su"]
        return names.firstIndex(of: String(name.lowercased().prefix(2))).map { $0 + 1 }
    }

    // Regex is not Sendable, but a compiled pattern is never mutated after its first
    // (atomically cached) compilation, so sharing these across tasks is safe.
    nonisolated(unsafe) private static let isoPattern = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/
    nonisolated(unsafe) private static let numericPattern = /(\d{1,2})([\/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/
    nonisolated(unsafe) private static let labelPattern = /(?i)(?:date|dated|entry\s*(?:no\.?\s*)?\d{1,3}|day\s*\d{1,3}|week\s*\d{1,2}|w\/c|week\s+(?:beginning|commencing))\s*[:\-–—.,]?\s*/
    nonisolated(unsafe) private static let weekdayPattern = /(?i)(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|t|r|rs)?\.?,?\s+/
    nonisolated(unsafe) private static let dayMonthPattern = /(?i)(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\p{L}])\.?(?:,?[\s\-]+(\d{4}|\d{2})(?![\d:]))?/
    nonisolated(unsafe) private static let monthDayPattern = /(?i)(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\p{L}])\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d])(?:,?\s+(\d{4})(?![\d]))?/
}

import AssessCore

/// "3 citations", "1 citation".
func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
    "\(groupedDigits(number)) \(number == 1 ? noun : plural ?? noun + "s")"
}

/// "A, B and C"; beyond `limit` items, "A, B and 4 more".
func list(_ items: [String], limit: Int = .max) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    if items.count > limit {
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
    return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
}

/// A count with thousands separators, as people read them: 12345 as "12,345".
public func groupedDigits(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return number < 0 ? "-" + result : result
}

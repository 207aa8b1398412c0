/// How a mark is rounded: stated once in `course.yaml` (`marking: {decimals, rounding}`)
/// and applied once, to the final figure of each step, never to an already rounded one.
///
/// Marks are computed in binary floating point, so a value that is a half in decimal
/// (0.3 × 65 + 0.7 × 55 = 58.5) may come out as 58.499999999; the value is snapped to
/// six decimal places before the one rounding, so it rounds as the half it is.
public struct MarkRounding: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Where halves and fractions go.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// To the nearest; halves away from zero (64.5 → 65). The default.
        case halfUp = "half_up"
        /// To the nearest; halves to the even neighbour (64.5 → 64, 65.5 → 66).
        case halfEven = "half_even"
        /// Always down (64.9 → 64).
        case down
        /// Always up (64.1 → 65).
        case up
    }

    /// Decimal places kept (0: whole marks).
    public var decimals: Int
    public var mode: Mode

    /// Creates a rounding rule.
    public init(decimals: Int = 0, mode: Mode = .halfUp) {
        self.decimals = decimals
        self.mode = mode
    }

    /// Whole marks, halves up: the default.
    public static let wholeMarks = MarkRounding()

    /// Rounds a mark.
    public func apply(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let snapped = (value * scale * 1e6).rounded() / 1e6
        let rule: FloatingPointRoundingRule = switch mode {
        case .halfUp: .toNearestOrAwayFromZero
        case .halfEven: .toNearestOrEven
        case .down: .down
        case .up: .up
        }
        return snapped.rounded(rule) / scale
    }

    /// In words, for reports: "to whole marks, halves rounded up".
    public var description: String {
        let places = decimals == 0 ? "whole marks" : decimals == 1 ? "1 decimal place" : "\(decimals) decimal places"
        let how = switch mode {
        case .halfUp: "halves rounded up"
        case .halfEven: "halves rounded to even"
        case .down: "always rounded down"
        case .up: "always rounded up"
        }
        return "to \(places), \(how)"
    }
}

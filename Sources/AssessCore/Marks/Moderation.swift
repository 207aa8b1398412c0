internal import Foundation

/// How first and second marks are reconciled and which scripts the moderator sees.
public struct MarkingPolicy: Sendable, Equatable, Codable {
    /// How two marks within the threshold become one.
    public enum Combine: String, Sendable, Codable, CaseIterable {
        /// Their mean.
        case mean
        /// The first marker's mark (the second confirms it).
        case first
    }

    /// Marks this far apart or more are a discrepancy (compared as rounded marks).
    public var threshold: Double
    /// Two marks in different bands are a discrepancy too.
    public var differentBand: Bool
    public var combine: Combine
    /// The share of the other marked scripts added to the moderator's sample (0.1 = 10%).
    public var sampleShare: Double
    /// A mark this close below a band's lowest mark is borderline (2: 68 and 69 for 70).
    public var borderline: Double
    /// Bands, highest first.
    public var bands: [Band]
    public var rounding: MarkRounding

    enum CodingKeys: String, CodingKey {
        case threshold, combine, bands, rounding, borderline
        case differentBand = "different_band"
        case sampleShare = "sample_share"
    }

    /// Creates a policy; the defaults are 10 marks or a different band, the mean, 10%
    /// and 2 marks.
    public init(threshold: Double = 10, differentBand: Bool = true, combine: Combine = .mean, sampleShare: Double = 0.1,
                borderline: Double = 2, bands: [Band] = Band.ukPostgraduate, rounding: MarkRounding = .wholeMarks) {
        self.threshold = threshold
        self.differentBand = differentBand
        self.combine = combine
        self.sampleShare = sampleShare
        self.borderline = borderline
        self.bands = bands
        self.rounding = rounding
    }

    /// The band of a mark (after rounding).
    public func band(_ mark: Double) -> Band? {
        let rounded = rounding.apply(mark)
        return bands.first { rounded >= $0.minimum }
    }
}

/// Reconciles double marking, draws the moderator's sample and measures markers.
public enum Moderation {
    /// Each script's marking, from the imported marks.
    /// - Parameter allocation: used to tell "awaiting a second mark" from "single marked".
    public static func reconcile(_ book: MarkBook, allocation: Allocation, policy: MarkingPolicy) -> [String: ScriptMarking] {
        var scripts = Set(book.records.map(\.script)).union(book.agreed.map(\.script))
        scripts.formUnion(allocation.entries.keys)
        var result: [String: ScriptMarking] = [:]
        for script in scripts {
            let marks = book.records.filter { $0.script == script }.sorted { $0.role < $1.role }
            let agreed = book.agreed.first { $0.script == script }
            var marking = ScriptMarking(script: script, marks: marks, agreed: agreed)
            let first = marking.mark(.first), second = marking.mark(.second), third = marking.mark(.third)
            if let first, let second { marking.discrepancy = discrepancy(first.mark, second.mark, policy: policy) }
            if let agreed {
                marking.finalMark = agreed.mark
                marking.resolution = .agreed
            } else if let third {
                marking.finalMark = third.mark
                marking.resolution = .thirdMarker
            } else if let first, let second {
                if marking.discrepancy != nil {
                    marking.resolution = .unresolved
                } else {
                    marking.finalMark = policy.combine == .mean ? (first.mark + second.mark) / 2 : first.mark
                    marking.resolution = .combined
                }
            } else if let only = first ?? second {
                marking.finalMark = only.mark
                marking.resolution = .single
                marking.awaitingSecond = second == nil && allocation.entries[script]?.second != nil
            }
            result[script] = marking
        }
        for (script, reasons) in sample(result, policy: policy) { result[script]?.sampleReasons = reasons }
        return result
    }

    /// Why two marks need agreement, or nil.
    public static func discrepancy(_ first: Double, _ second: Double, policy: MarkingPolicy) -> String? {
        let a = policy.rounding.apply(first), b = policy.rounding.apply(second)
        let gap = abs(a - b)
        var reasons: [String] = []
        if gap >= policy.threshold { reasons.append("they differ by \(markText(gap)), at or over the threshold of \(markText(policy.threshold))") }
        if policy.differentBand, let bandA = policy.band(first), let bandB = policy.band(second), bandA != bandB {
            reasons.append("they fall in different bands (\(bandA.name) and \(bandB.name))")
        }
        guard !reasons.isEmpty else { return nil }
        return "first mark \(markText(a)) and second mark \(markText(b)): " + reasons.joined(separator: " and ")
    }

    /// The moderator's sample: every fail, every borderline (within `borderline` marks
    /// below a band's lowest mark), plus `sampleShare` of all marked scripts drawn from
    /// the rest evenly across the mark range (ties broken by a hash of the id, so the
    /// draw is the same on every run and not biased by id order).
    public static func sample(_ markings: [String: ScriptMarking], policy: MarkingPolicy) -> [String: [String]] {
        var reasons: [String: [String]] = [:]
        let marked = markings.values.compactMap { marking in marking.finalMark.map { (marking.script, policy.rounding.apply($0)) } }
        let lowest = policy.bands.last
        for (script, mark) in marked {
            if let band = policy.bands.first(where: { mark >= $0.minimum }), band == lowest, policy.bands.count > 1 {
                reasons[script, default: []].append("fail (\(band.name))")
            }
            for band in policy.bands where band.minimum > 0 && mark < band.minimum && mark >= band.minimum - policy.borderline {
                reasons[script, default: []].append("borderline: within \(markText(policy.borderline)) below \(band.name) (\(markText(band.minimum)))")
            }
        }
        let wanted = Int((Double(marked.count) * policy.sampleShare).rounded(.up))
        let rest = marked.filter { reasons[$0.0] == nil }
            .sorted { ($0.1, SHA256.hex(Array($0.0.utf8))) < ($1.1, SHA256.hex(Array($1.0.utf8))) }
        let take = min(wanted, rest.count)
        if take > 0 {
            var chosen: Set<Int> = []
            for index in 0..<take {
                chosen.insert(min(rest.count - 1, Int(((Double(index) + 0.5) * Double(rest.count) / Double(take)).rounded(.down))))
            }
            for index in chosen.sorted() {
                reasons[rest[index].0, default: []].append("sample: \(markText(policy.sampleShare * 100))% across the mark range")
            }
        }
        return reasons
    }

    /// Each marker's marks against the cohort's: how many, mean and standard deviation.
    public static func markerStatistics(_ book: MarkBook) -> (markers: [MarkerStatistics], cohort: MarkerStatistics) {
        let cohort = MarkerStatistics(marker: "all markers", marks: book.records.map(\.mark))
        let markers = Set(book.records.map(\.marker)).sorted().map { marker in
            MarkerStatistics(marker: marker, marks: book.records.filter { $0.marker == marker }.map(\.mark))
        }
        return (markers, cohort)
    }

    /// Agreement between each pair of markers on the scripts both marked (first and second).
    public static func pairAgreement(_ markings: [String: ScriptMarking], policy: MarkingPolicy) -> [PairAgreement] {
        var pairs: [String: [(Double, Double)]] = [:]
        var names: [String: (String, String)] = [:]
        for marking in markings.values {
            guard let first = marking.mark(.first), let second = marking.mark(.second) else { continue }
            let ordered = first.marker <= second.marker ? (first, second) : (second, first)
            let key = ordered.0.marker + "\u{0}" + ordered.1.marker
            names[key] = (ordered.0.marker, ordered.1.marker)
            pairs[key, default: []].append((ordered.0.mark, ordered.1.mark))
        }
        return pairs.keys.sorted().compactMap { key in
            guard let marks = pairs[key], let (a, b) = names[key] else { return nil }
            return PairAgreement(markerA: a, markerB: b, marks: marks, policy: policy)
        }
    }
}

/// One marker's marks, summarised.
public struct MarkerStatistics: Sendable, Equatable, Codable {
    public var marker: String
    public var count: Int
    public var mean: Double?
    /// Sample standard deviation (n − 1); nil below two marks.
    public var standardDeviation: Double?

    enum CodingKeys: String, CodingKey {
        case marker, count, mean
        case standardDeviation = "sd"
    }

    /// Summarises marks.
    public init(marker: String, marks: [Double]) {
        self.marker = marker
        count = marks.count
        let mean = marks.isEmpty ? nil : marks.reduce(0, +) / Double(marks.count)
        self.mean = mean
        if let mean, marks.count > 1 {
            standardDeviation = (marks.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(marks.count - 1)).squareRoot()
        }
    }
}

/// How closely two markers agree on the scripts they both marked.
public struct PairAgreement: Sendable, Equatable, Codable {
    public var markerA: String
    public var markerB: String
    /// Scripts both marked.
    public var count: Int
    /// Mean of A − B.
    public var meanDifference: Double
    /// Mean of |A − B|.
    public var meanAbsoluteDifference: Double
    /// Share of scripts whose two marks were not a discrepancy.
    public var withinThreshold: Double
    /// Share of scripts whose two marks fall in the same band.
    public var sameBand: Double
    /// Pearson's r, when there are three scripts or more and the marks vary.
    public var correlation: Double?

    enum CodingKeys: String, CodingKey {
        case count, correlation
        case markerA = "marker_a"
        case markerB = "marker_b"
        case meanDifference = "mean_difference"
        case meanAbsoluteDifference = "mean_absolute_difference"
        case withinThreshold = "within_threshold"
        case sameBand = "same_band"
    }

    /// Compares pairs of marks (A's, B's).
    public init(markerA: String, markerB: String, marks: [(Double, Double)], policy: MarkingPolicy) {
        self.markerA = markerA
        self.markerB = markerB
        count = marks.count
        let n = Double(max(marks.count, 1))
        meanDifference = marks.reduce(0) { $0 + $1.0 - $1.1 } / n
        meanAbsoluteDifference = marks.reduce(0) { $0 + abs($1.0 - $1.1) } / n
        withinThreshold = Double(marks.filter { Moderation.discrepancy($0.0, $0.1, policy: MarkingPolicy(threshold: policy.threshold, differentBand: false, bands: policy.bands, rounding: policy.rounding)) == nil }.count) / n
        sameBand = Double(marks.filter { policy.band($0.0) == policy.band($0.1) }.count) / n
        if marks.count >= 3 {
            let meanA = marks.reduce(0) { $0 + $1.0 } / n, meanB = marks.reduce(0) { $0 + $1.1 } / n
            let covariance = marks.reduce(0) { $0 + ($1.0 - meanA) * ($1.1 - meanB) }
            let varianceA = marks.reduce(0) { $0 + ($1.0 - meanA) * ($1.0 - meanA) }
            let varianceB = marks.reduce(0) { $0 + ($1.1 - meanB) * ($1.1 - meanB) }
            correlation = varianceA > 0 && varianceB > 0 ? covariance / (varianceA * varianceB).squareRoot() : nil
        }
    }
}

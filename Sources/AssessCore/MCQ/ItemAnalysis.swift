#if canImport(Glibc)
private import Glibc
#elseif canImport(Darwin)
private import Darwin
#endif
public import AssessDocuments

/// Moodle's quiz statistics for one cohort, computed as its statistics report does
/// (`question/classes/statistics/questions/calculator.php` and
/// `mod/quiz/report/statistics/classes/calculator.php`), plus a distractor analysis and
/// flags for items to review. Figures are in percent, as Moodle shows them; nil where
/// Moodle leaves the cell empty (too few candidates, or no variance).
///
/// For each item, with `x` its marks, `r` the rest of the test (total − x) and `s` candidates:
/// - facility = mean(x) / item marks;
/// - sd = √(Σ(x − x̄)² / (s − 1)) / item marks;
/// - discrimination index = 100 · cov(x, r) / √(var x · var r), the correlation of the
///   item with the rest of the test;
/// - discriminative efficiency = 100 · cov(x, r) / cov_max, where cov_max pairs the
///   sorted x with the sorted r (the highest covariance their values allow).
///
/// For the test (totals T, p items): mean, median, sd = √(Σ(T − T̄)² / (s − 1));
/// CIC (Cronbach's alpha, KR-20 for 0/1 items) = 100 · p/(p − 1) · (1 − Σ var x / var T);
/// error ratio = 100 · √(1 − CIC/100); standard error = error ratio · sd / 100.
/// Like Moodle, skewness, kurtosis and CIC need more than two candidates.
public struct ItemAnalysis: Sendable, Equatable, Codable {
    /// One item's figures.
    public struct Item: Sendable, Equatable, Codable {
        /// The item's id in the key.
        public var id: String
        /// The key in words (`B`, `AC`, `B or D`).
        public var key: String
        /// Whether it was voided or re-keyed.
        public var status: MarkingScheme.Status
        /// How many options it has.
        public var optionCount: Int
        /// Percent.
        public var facility: Double?
        /// Percent of the item's marks.
        public var sd: Double?
        /// Percent (a correlation × 100).
        public var discriminationIndex: Double?
        /// Percent.
        public var discriminativeEfficiency: Double?
        /// Percent of candidates choosing each option (A first).
        public var optionShares: [Double]
        /// Percent of candidates choosing each option, among the top third by total.
        public var topThirdShares: [Double]
        /// Percent of candidates leaving the item blank.
        public var blankShare: Double
        /// Percent of candidates whose cell held an invalid mark or several marks on a single-answer item.
        public var invalidShare: Double
        /// Mean marks.
        public var mean: Double
        /// The item's full marks.
        public var marks: Double
        /// Codes of what to review, e.g. `low_discrimination`, `unchosen_distractor:C`.
        public var flags: [String]
    }

    /// Candidates (sheets) analysed.
    public var candidates: Int
    /// Items in the key.
    public var questions: Int
    /// Full marks of the test.
    public var maximum: Double
    /// Mean total, percent of the maximum.
    public var mean: Double?
    /// Median total, percent of the maximum.
    public var median: Double?
    /// Standard deviation of totals, percent of the maximum.
    public var sd: Double?
    /// Skewness of the totals, as Moodle computes it (more than two candidates).
    public var skewness: Double?
    /// Kurtosis of the totals, as Moodle computes it (more than three candidates).
    public var kurtosis: Double?
    /// Coefficient of internal consistency, percent.
    public var cic: Double?
    /// Error ratio, percent.
    public var errorRatio: Double?
    /// Standard error, percent of the maximum.
    public var standardError: Double?
    /// Mean and sd of totals in marks.
    public var meanMarks: Double?
    /// Standard deviation of the totals, in marks.
    public var sdMarks: Double?
    /// Candidates per tenth of the maximum: 0–10%, 10–20% … 90–100% (100% in the last).
    public var distribution: [Int]
    /// Each item's figures, in key order.
    public var items: [Item]
}

/// Collects a cohort's answers (two bytes per cell) and computes ``ItemAnalysis``.
///
/// ```swift
/// var builder = ItemAnalysisBuilder(scheme: scheme)
/// builder.add(responses, raw: marked.raw)   // for every sheet
/// let analysis = builder.finish()
/// ```
public struct ItemAnalysisBuilder: Sendable {
    private let scheme: MarkingScheme
    private var cells: [UInt16] = []
    private var totals: [Double] = []

    /// Starts an empty cohort.
    public init(scheme: MarkingScheme, expectedCandidates: Int = 0) {
        self.scheme = scheme
        cells.reserveCapacity(expectedCandidates * scheme.items.count)
        totals.reserveCapacity(expectedCandidates)
    }

    /// Candidates added so far.
    public var count: Int { totals.count }

    /// Adds one candidate's answers and the sum of their item marks (before the floor).
    public mutating func add(_ responses: [ChosenOptions], raw: Double) {
        let m = scheme.items.count
        if responses.count == m {
            // ChosenOptions is its UInt16 of bits: copy the row at once.
            responses.withUnsafeBytes { cells.append(contentsOf: $0.bindMemory(to: UInt16.self)) }
        } else {
            for index in 0..<m { cells.append(index < responses.count ? responses[index].bits : 0) }
        }
        totals.append(raw)
    }

    /// Computes the statistics.
    public func finish() -> ItemAnalysis {
        let n = totals.count
        let m = scheme.items.count
        let s = Double(n)
        let items = scheme.items
        let counted = items.filter { $0.status != .removed }

        // Test statistics over the totals (the sum of item marks, as Moodle's sumgrades).
        var analysis = ItemAnalysis(candidates: n, questions: m, maximum: scheme.maximum, distribution: Array(repeating: 0, count: 10), items: [])
        let meanTotal = n > 0 ? totals.reduce(0, +) / s : 0
        var power2 = 0.0, power3 = 0.0, power4 = 0.0
        for total in totals {
            let d = total - meanTotal
            power2 += d * d
            power3 += d * d * d
            power4 += d * d * d * d
        }
        let sortedTotals = totals.sorted()
        func percentOfMaximum(_ value: Double) -> Double? { scheme.maximum > 0 ? value / scheme.maximum * 100 : nil }
        if n > 0 {
            analysis.meanMarks = meanTotal
            analysis.mean = percentOfMaximum(meanTotal)
            let median = n % 2 == 0 ? (sortedTotals[n / 2 - 1] + sortedTotals[n / 2]) / 2 : sortedTotals[n / 2]
            analysis.median = percentOfMaximum(median)
            for total in totals {
                let share = scheme.maximum > 0 ? total / scheme.maximum : 0
                analysis.distribution[min(max(Int((share * 10).rounded(.down)), 0), 9)] += 1
            }
        }
        var varianceTotal: Double?
        if n > 1 {
            let sd = (power2 / (s - 1)).squareRoot()
            analysis.sdMarks = sd
            analysis.sd = percentOfMaximum(sd)
            varianceTotal = power2 / (s - 1)
        }

        // Which candidates are in the top third by total: ties broken by input order.
        let topCount = n / 3
        var threshold = Double.infinity
        var tiesAllowed = 0
        if topCount > 0 {
            threshold = sortedTotals[n - topCount]
            tiesAllowed = topCount - totals.reduce(0) { $0 + ($1 > threshold ? 1 : 0) }
        }
        var isTop = [Bool](repeating: false, count: n)
        for index in 0..<n where topCount > 0 {
            if totals[index] > threshold { isTop[index] = true }
            else if totals[index] == threshold && tiesAllowed > 0 { isTop[index] = true; tiesAllowed -= 1 }
        }

        // Per item: response patterns (which fix the marks), then covariances.
        struct Accumulator {
            var patterns: [Int]
            var invalid = 0
            var topChosen: [Int]
            var sumX = 0.0
        }
        var accumulators = items.map { item in
            Accumulator(patterns: Array(repeating: 0, count: 1 << item.optionCount), topChosen: Array(repeating: 0, count: item.optionCount))
        }
        cells.withUnsafeBufferPointer { cells in
            for candidate in 0..<n {
                let row = candidate * m
                let top = isTop[candidate]
                for index in 0..<m {
                    let bits = Int(cells[row + index])
                    if bits < accumulators[index].patterns.count { accumulators[index].patterns[bits] += 1 } else { accumulators[index].invalid += 1 }
                    if top && bits < accumulators[index].patterns.count {
                        var remaining = bits
                        while remaining != 0 {
                            let option = remaining.trailingZeroBitCount
                            accumulators[index].topChosen[option] += 1
                            remaining &= remaining - 1
                        }
                    }
                }
            }
        }

        // The marks of each response pattern, per item; removed items are analysed as
        // marked before voiding.
        let lookups: [[Double]] = items.map { item in (0..<(1 << item.optionCount)).map { Self.statsPoints(item, bits: $0) } }
        let invalidPoints = items.map { Self.statsPoints($0, bits: 0x8000) }
        // When every mark is a multiple of 1/grain (whole marks, halves, thirds…), the
        // rest-of-test totals are counted in buckets instead of sorted for cov_max.
        let grain = Self.grain(lookups.indices.flatMap { index in
            accumulators[index].patterns.indices.filter { accumulators[index].patterns[$0] > 0 }.map { lookups[index][$0] }
                + (accumulators[index].invalid > 0 ? [invalidPoints[index]] : [])
        })

        // First, per item: the distribution of marks (from the response patterns), the
        // means, and the range of the rest-of-test totals.
        struct Figures {
            var values: [(value: Double, count: Int)] = []
            var chosen: [Int]
            var blank = 0, several = 0
            var meanX = 0.0, meanRest = 0.0, restShift = 1.0
            var low = 0, buckets = 0
        }
        var figures: [Figures] = []
        let lowestTotal = (totals.min() ?? 0) * (grain ?? 1), highestTotal = (totals.max() ?? 0) * (grain ?? 1)
        for (index, item) in items.enumerated() {
            let accumulator = accumulators[index]
            var figure = Figures(chosen: Array(repeating: 0, count: item.optionCount))
            var sumX = 0.0
            for (bits, count) in accumulator.patterns.enumerated() where count > 0 {
                let value = lookups[index][bits]
                figure.values.append((value, count))
                sumX += value * Double(count)
                if bits == 0 { figure.blank += count }
                if !item.key.multipleAnswer && bits.nonzeroBitCount > 1 { figure.several += count }
                var remaining = bits
                while remaining != 0 {
                    figure.chosen[remaining.trailingZeroBitCount] += count
                    remaining &= remaining - 1
                }
            }
            if accumulator.invalid > 0 {
                figure.values.append((invalidPoints[index], accumulator.invalid))
                sumX += invalidPoints[index] * Double(accumulator.invalid)
            }
            figure.values.sort { $0.value < $1.value }
            figure.meanX = n > 0 ? sumX / s : 0
            figure.restShift = item.status == .removed ? 0 : 1  // a removed item is not in the total
            figure.meanRest = meanTotal - figure.restShift * figure.meanX
            if let grain, let xLow = figure.values.first?.value, let xHigh = figure.values.last?.value {
                figure.low = Int((lowestTotal - figure.restShift * xHigh * grain).rounded())
                let high = Int((highestTotal - figure.restShift * xLow * grain).rounded())
                figure.buckets = high - figure.low + 1
            }
            figures.append(figure)
        }
        let counting = grain != nil && figures.allSatisfy { $0.buckets > 0 && $0.buckets < 1 << 20 }

        // Then one pass over the cells, row by row, as Moodle's secondary_steps_walker:
        // the deviations of each item and of the rest of the test, and the rest-of-test
        // totals counted per item.
        var varianceSums = [Double](repeating: 0, count: m), restVarianceSums = [Double](repeating: 0, count: m)
        var covarianceSums = [Double](repeating: 0, count: m)
        var bucketStarts: [Int] = [], bucketCount = 0
        for figure in figures {
            bucketStarts.append(bucketCount)
            bucketCount += counting ? figure.buckets : 0
        }
        var buckets = [Int32](repeating: 0, count: bucketCount)
        var lookupStarts: [Int] = [], flatLookup: [Double] = []
        for lookup in lookups {
            lookupStarts.append(flatLookup.count)
            flatLookup += lookup
        }
        let lookupSizes = lookups.map(\.count)
        let meanXs = figures.map(\.meanX), meanRests = figures.map(\.meanRest), shifts = figures.map(\.restShift)
        let lows = figures.map(\.low), bucketSizes = figures.map(\.buckets)
        let scale = grain ?? 1
        cells.withUnsafeBufferPointer { cells in
            flatLookup.withUnsafeBufferPointer { flatLookup in
                varianceSums.withUnsafeMutableBufferPointer { varianceSums in
                    restVarianceSums.withUnsafeMutableBufferPointer { restVarianceSums in
                        covarianceSums.withUnsafeMutableBufferPointer { covarianceSums in
                            buckets.withUnsafeMutableBufferPointer { buckets in
                                for candidate in 0..<n {
                                    let total = totals[candidate]
                                    let row = candidate * m
                                    for index in 0..<m {
                                        let bits = Int(cells[row + index])
                                        let x = bits < lookupSizes[index] ? flatLookup[lookupStarts[index] + bits] : invalidPoints[index]
                                        let rest = total - shifts[index] * x
                                        let dx = x - meanXs[index], dr = rest - meanRests[index]
                                        varianceSums[index] += dx * dx
                                        restVarianceSums[index] += dr * dr
                                        covarianceSums[index] += dx * dr
                                        if counting {
                                            let scaled = rest * scale
                                            let bucket = Int(scaled + (scaled < 0 ? -0.5 : 0.5)) - lows[index]  // half away from zero
                                            if bucket >= 0 && bucket < bucketSizes[index] { buckets[bucketStarts[index] + bucket] += 1 }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        var sumOfMarkVariance = 0.0
        for (index, item) in items.enumerated() {
            let figure = figures[index]
            let meanX = figure.meanX, meanRest = figure.meanRest
            // cov_max: the sorted marks paired with the sorted rest-of-test totals.
            var covarianceMaxSum = 0.0
            if counting {
                let start = bucketStarts[index]
                var bucket = 0
                var left = figure.buckets > 0 ? Int(buckets[start]) : 0
                for (value, count) in figure.values {
                    var need = count
                    while need > 0 {
                        while left == 0 && bucket + 1 < figure.buckets { bucket += 1; left = Int(buckets[start + bucket]) }
                        if left == 0 { break }
                        let take = min(need, left)
                        covarianceMaxSum += (value - meanX) * Double(take) * (Double(bucket + figure.low) / scale - meanRest)
                        need -= take
                        left -= take
                    }
                }
            } else {
                var rests = [Double](repeating: 0, count: n)
                for candidate in 0..<n {
                    let bits = Int(cells[candidate * m + index])
                    let x = bits < lookups[index].count ? lookups[index][bits] : invalidPoints[index]
                    rests[candidate] = totals[candidate] - figure.restShift * x
                }
                rests.sort()
                var position = 0
                for (value, count) in figure.values {
                    for _ in 0..<count where position < rests.count {
                        covarianceMaxSum += (value - meanX) * (rests[position] - meanRest)
                        position += 1
                    }
                }
            }

            let invalid = accumulators[index].invalid
            var stats = ItemAnalysis.Item(
                id: item.id, key: item.keyText, status: item.status, optionCount: item.optionCount,
                optionShares: figure.chosen.map { n > 0 ? Double($0) / s * 100 : 0 },
                topThirdShares: accumulators[index].topChosen.map { topCount > 0 ? Double($0) / Double(topCount) * 100 : 0 },
                blankShare: n > 0 ? Double(figure.blank) / s * 100 : 0, invalidShare: n > 0 ? Double(invalid + figure.several) / s * 100 : 0,
                mean: meanX, marks: item.key.marks, flags: [])
            if n > 0 && item.key.marks != 0 { stats.facility = meanX / item.key.marks * 100 }
            if n > 1 {
                let markVariance = varianceSums[index] / (s - 1)
                let restVariance = restVarianceSums[index] / (s - 1)
                let covariance = covarianceSums[index] / (s - 1)
                let covarianceMax = covarianceMaxSum / (s - 1)
                if item.key.marks != 0 { stats.sd = markVariance.squareRoot() / item.key.marks * 100 }
                if markVariance * restVariance != 0 { stats.discriminationIndex = 100 * covariance / (markVariance * restVariance).squareRoot() }
                if covarianceMax != 0 { stats.discriminativeEfficiency = 100 * covariance / covarianceMax }
                if item.status != .removed { sumOfMarkVariance += markVariance }
            }
            stats.flags = flags(stats, item, topCount: topCount)
            analysis.items.append(stats)
        }

        // Test reliability, as Moodle: only with more than two candidates and variance.
        let p = Double(counted.count)
        if n > 2, let k2 = varianceTotal, k2 != 0 {
            let m2 = power2 / s, m3 = power3 / s, m4 = power4 / s
            let k3 = s * s * m3 / ((s - 1) * (s - 2))
            analysis.skewness = k3 / pow(k2, 1.5)
            if n > 3 {
                let k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
                analysis.kurtosis = k4 / (k2 * k2)
            }
            if p > 1 {
                let cic = (100 * p / (p - 1)) * (1 - sumOfMarkVariance / k2)
                analysis.cic = cic
                if 1 - cic / 100 >= 0 {
                    let errorRatio = 100 * (1 - cic / 100).squareRoot()
                    analysis.errorRatio = errorRatio
                    if let sd = analysis.sdMarks { analysis.standardError = percentOfMaximum(errorRatio * sd / 100) }
                }
            }
        }
        return analysis
    }

    /// The smallest of a few common denominators (1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24,
    /// 60, 100, 120) that makes every value whole, or nil.
    static func grain(_ values: [Double]) -> Double? {
        let distinct = Set(values)
        for grain in [1.0, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 60, 100, 120] {
            if distinct.allSatisfy({ abs($0 * grain - ($0 * grain).rounded()) < 1e-6 && abs($0) < 1e6 }) { return grain }
        }
        return nil
    }

    /// The marks the statistics use for a response pattern: the marks given, except that
    /// a removed item is analysed as it was marked before it was voided.
    static func statsPoints(_ item: MarkingScheme.Item, bits: Int) -> Double {
        if item.status == .removed {
            let chosen = ChosenOptions(bits: UInt16(truncatingIfNeeded: bits))
            if chosen.isInvalid || bits >= 1 << item.optionCount || chosen.isBlank { return 0 }
            if !item.key.multipleAnswer && chosen.count > 1 { return 0 }
            return MarkingScheme.Item.fraction(of: chosen, item.key) * item.key.marks
        }
        return item.score(ChosenOptions(bits: UInt16(truncatingIfNeeded: bits))).points
    }

    private func flags(_ stats: ItemAnalysis.Item, _ item: MarkingScheme.Item, topCount: Int) -> [String] {
        var flags: [String] = []
        switch item.status {
        case .removed: flags.append("voided_removed")
        case .givenToAll: return ["voided_given_to_all"]
        case .rekeyed: flags.append("rekeyed")
        case .normal: break
        }
        let settings = scheme.settings
        if let index = stats.discriminationIndex {
            if index < 0 { flags.append("negative_discrimination") }
            else if index < settings.lowDiscrimination { flags.append("low_discrimination") }
        }
        if let facility = stats.facility {
            if facility > settings.easyFacility { flags.append("easy") }
            if facility < settings.hardFacility { flags.append("hard") }
        }
        let keyed = item.keyed.indices
        let distractors = (0..<item.optionCount).filter { !item.keyed.contains($0) }
        if stats.optionShares.reduce(0, +) > 0 || !distractors.isEmpty {
            for option in distractors where stats.optionShares[option] == 0 && candidatesAnalysed > 0 {
                flags.append("unchosen_distractor:\(KeyOption.label(option))")
            }
        }
        if topCount > 0 && !keyed.isEmpty {
            // The key's share among the top third: its most chosen keyed option on a
            // single-answer item, its least chosen keyed option on a multiple-answer one.
            let keyShares = keyed.map { stats.topThirdShares[$0] }
            let keyShare = item.key.multipleAnswer ? (keyShares.min() ?? 0) : (keyShares.max() ?? 0)
            for option in distractors where stats.topThirdShares[option] > keyShare {
                flags.append("distractor_beats_key:\(KeyOption.label(option))")
            }
        }
        return flags
    }

    private var candidatesAnalysed: Int { totals.count }
}

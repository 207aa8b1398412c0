internal import AssessCore
internal import Foundation

/// Draws a ``Chart`` as inline SVG: no script, no external font or style, a `<title>`
/// and `<desc>` for screen readers, values printed beside the bars and patterns as
/// well as shades, so nothing depends on colour. The section's table repeats the data.
enum SVGChart {
    static func render(_ chart: Chart) -> String {
        switch chart.style {
        case .columns: columns(chart)
        case .bars: bars(chart)
        }
    }

    private static let fills = ["#4a4a4a", "#9a9a9a", "#d0d0d0"]

    /// Vertical columns with the categories along the bottom (a histogram).
    private static func columns(_ chart: Chart) -> String {
        let values = chart.series.first?.values ?? []
        let count = max(chart.categories.count, 1)
        let width = 640.0, height = 260.0
        let left = 48.0, right = 12.0, top = 18.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let top0 = niceMaximum(chart.maximum ?? (values.compactMap { $0 }.max() ?? 1))
        let slot = plotWidth / Double(count)
        var svg = open(chart, width: width, height: height)
        for tick in ticks(0, top0, whole: chart.unit == "candidates") {
            let y = top + plotHeight - tick / top0 * plotHeight
            svg += line(left, y, width - right, y, stroke: "#d9d9d9")
            svg += text(left - 6, y + 4, label(tick, unit: ""), anchor: "end")
        }
        for (index, category) in chart.categories.enumerated() {
            let x = left + Double(index) * slot
            if let value = index < values.count ? values[index] : nil {
                let barHeight = max(0, value / top0 * plotHeight)
                svg += "<rect x=\"\(f(x + slot * 0.12))\" y=\"\(f(top + plotHeight - barHeight))\" width=\"\(f(slot * 0.76))\" height=\"\(f(barHeight))\" fill=\"\(fills[0])\"><title>\(HTMLPage.escape("\(category): \(label(value, unit: chart.unit))"))</title></rect>\n"
                svg += text(x + slot / 2, top + plotHeight - barHeight - 4, label(value, unit: ""), anchor: "middle")
            }
            svg += text(x + slot / 2, height - bottom + 16, category, anchor: "middle", size: 11)
        }
        svg += line(left, top + plotHeight, width - right, top + plotHeight, stroke: "#1a1a1a")
        let axis = chart.series.first.map { $0.name.lowercased() == chart.unit.lowercased() || chart.unit.isEmpty ? $0.name : "\($0.name) (\(chart.unit))" } ?? ""
        svg += text(left + plotWidth / 2, height - 6, axis, anchor: "middle", size: 11)
        return svg + "</svg>\n"
    }

    /// Horizontal bars, one row per category (per item), on a fixed axis with guides.
    private static func bars(_ chart: Chart) -> String {
        let rowHeight = 16.0
        let labelWidth = min(220.0, 14 + 7 * Double(chart.categories.map(\.count).max() ?? 4))
        let width = 640.0
        let top = 30.0, bottom = 30.0, right = 56.0
        let height = top + bottom + rowHeight * Double(max(chart.categories.count, 1))
        let low = chart.minimum ?? min(0, chart.series.flatMap(\.values).compactMap { $0 }.min() ?? 0)
        let high = chart.maximum ?? max(1, chart.series.flatMap(\.values).compactMap { $0 }.max() ?? 1)
        let plotLeft = labelWidth, plotWidth = width - labelWidth - right
        func x(_ value: Double) -> Double { plotLeft + (min(max(value, low), high) - low) / (high - low) * plotWidth }
        var svg = open(chart, width: width, height: height)
        for tick in ticks(low, high) {
            svg += line(x(tick), top - 4, x(tick), height - bottom, stroke: "#e3e3e3")
            svg += text(x(tick), height - bottom + 14, label(tick, unit: chart.unit), anchor: "middle", size: 11)
        }
        for (index, guide) in chart.guides.enumerated() {
            svg += "<line x1=\"\(f(x(guide.value)))\" y1=\"\(f(top - 6))\" x2=\"\(f(x(guide.value)))\" y2=\"\(f(height - bottom))\" stroke=\"#1a1a1a\" stroke-dasharray=\"4 3\" />\n"
            svg += text(x(guide.value), index % 2 == 0 ? 12 : 24, "\(guide.label) (\(label(guide.value, unit: chart.unit)))", anchor: "middle", size: 10)
        }
        let series = chart.series.first
        for (index, category) in chart.categories.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += text(plotLeft - 6, y + rowHeight * 0.72, truncated(category, labelWidth), anchor: "end", size: 11)
            guard let value = series.flatMap({ index < $0.values.count ? $0.values[index] : nil }) else {
                svg += text(x(max(low, 0)) + 4, y + rowHeight * 0.72, "no value", anchor: "start", size: 10)
                continue
            }
            let zero = x(max(low, min(0, high)))
            let end = x(value)
            let barX = min(zero, end), barWidth = abs(end - zero)
            let pattern = value < 0 ? " stroke=\"#1a1a1a\" stroke-width=\"1\" fill=\"url(#\(identifier(chart))h)\"" : " fill=\"\(fills[0])\""
            svg += "<rect x=\"\(f(barX))\" y=\"\(f(y + 2))\" width=\"\(f(max(barWidth, 0.5)))\" height=\"\(f(rowHeight - 4))\"\(pattern)><title>\(HTMLPage.escape("\(category): \(label(value, unit: chart.unit))"))</title></rect>\n"
            svg += text(max(end, zero) + 4, y + rowHeight * 0.72, label(value, unit: chart.unit), anchor: "start", size: 10)
        }
        return svg + "</svg>\n"
    }

    private static func open(_ chart: Chart, width: Double, height: Double) -> String {
        let id = identifier(chart)
        return """
        <svg class="chart" role="img" aria-labelledby="\(id)t \(id)d" viewBox="0 0 \(f(width)) \(f(height))" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">
        <title id="\(id)t">\(HTMLPage.escape(chart.title))</title>
        <desc id="\(id)d">\(HTMLPage.escape(describe(chart)))</desc>
        <defs><pattern id="\(id)h" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1a1a1a" stroke-width="2"/></pattern></defs>

        """
    }

    /// An id for the chart's elements, the same on every run.
    private static func identifier(_ chart: Chart) -> String {
        "c\((chart.title + chart.categories.joined()).hashValueStable % 1_000_000)"
    }

    /// The data in one sentence, for screen readers.
    private static func describe(_ chart: Chart) -> String {
        guard let series = chart.series.first else { return chart.title }
        let pairs = zip(chart.categories, series.values).prefix(60).map { "\($0): \($1.map { label($0, unit: chart.unit) } ?? "no value")" }
        return "\(series.name). " + pairs.joined(separator: "; ") + (chart.categories.count > 60 ? "; …" : "") + "."
    }

    private static func ticks(_ low: Double, _ high: Double, whole: Bool = false) -> [Double] {
        let span = high - low
        guard span > 0 else { return [low] }
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        var step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        if whole { step = max(1, step.rounded(.up)) }  // counts of people: whole numbers only
        var values: [Double] = []
        var value = (low / step).rounded(.up) * step
        while value <= high + step * 1e-9 && values.count < 20 {
            values.append(value)
            value += step
        }
        return values
    }

    private static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, (log10(value)).rounded(.down))
        return ([1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= value }) ?? value
    }

    private static func label(_ value: Double, unit: String) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return unit == "%" ? text + "%" : text
    }

    private static func truncated(_ text: String, _ width: Double) -> String {
        let limit = Int((width - 14) / 7)
        return text.count > limit ? String(text.prefix(max(limit - 1, 1))) + "…" : text
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" />\n"
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, size: Int = 12) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"#1a1a1a\">\(HTMLPage.escape(content))</text>\n"
    }

    private static func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

private extension String {
    /// A hash that is the same on every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Int(truncatingIfNeeded: hash & 0x7FFF_FFFF)
    }
}

/// A chart for a report, described by its data so that every writer can render it
/// (SVG in HTML, a table in text): categories along one axis, one or more series of
/// values, and guide lines such as a threshold. The data also goes in the section's
/// table, so nothing is carried by the picture alone.
public struct Chart: Sendable, Equatable, Codable {
    /// Vertical columns (a histogram) or horizontal bars (one per item).
    public enum Style: String, Sendable, Codable {
        case columns, bars
    }

    /// A named list of values, one per category (nil: no value).
    public struct Series: Sendable, Equatable, Codable {
        public var name: String
        public var values: [Double?]
        /// Creates a series.
        public init(_ name: String, _ values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// A line across the chart at a value, with its meaning.
    public struct Guide: Sendable, Equatable, Codable {
        public var value: Double
        public var label: String
        /// Creates a guide.
        public init(_ value: Double, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// What the chart shows, in one sentence (its accessible description).
    public var title: String
    public var style: Style
    public var categories: [String]
    public var series: [Series]
    /// The value axis; nil bounds follow the data.
    public var minimum: Double?
    public var maximum: Double?
    /// The values' unit, shown on the axis: `%`, `candidates`.
    public var unit: String
    public var guides: [Guide]

    /// Creates a chart.
    public init(title: String, style: Style, categories: [String], series: [Series], minimum: Double? = nil,
                maximum: Double? = nil, unit: String = "", guides: [Guide] = []) {
        self.title = title
        self.style = style
        self.categories = categories
        self.series = series
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
        self.guides = guides
    }
}

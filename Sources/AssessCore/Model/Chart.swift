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
        /// The series' name (a legend and axis label).
        public var name: String
        /// One value per category.
        public var values: [Double?]
        /// Creates a series.
        public init(_ name: String, _ values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// A line across the chart at a value, with its meaning.
    public struct Guide: Sendable, Equatable, Codable {
        /// Where the line is drawn.
        public var value: Double
        /// What it means.
        public var label: String
        /// Creates a guide.
        public init(_ value: Double, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// What the chart shows, in one sentence (its accessible description).
    public var title: String
    /// Columns or bars.
    public var style: Style
    /// The labels along the category axis.
    public var categories: [String]
    /// The values.
    public var series: [Series]
    /// The value axis; nil bounds follow the data.
    public var minimum: Double?
    /// The value axis' upper end.
    public var maximum: Double?
    /// The values' unit, shown on the axis: `%`, `candidates`.
    public var unit: String
    /// Lines drawn across the chart.
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

internal import AssessCore

/// Builds self-contained HTML pages: inline CSS, no scripts, no network, every piece
/// of text escaped. Pages print cleanly on A4 and never carry meaning by colour alone.
public struct HTMLPage {
    private var body = ""
    private let title: String
    private let language: String

    /// Starts a page.
    public init(title: String, language: String = "en-GB") {
        self.title = title
        self.language = language
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Appends trusted markup (built here, never from input).
    mutating func raw(_ markup: String) { body += markup }

    /// Appends an element whose content is escaped text.
    mutating func element(_ tag: String, _ text: String, class className: String? = nil) {
        let attribute = className.map { " class=\"\($0)\"" } ?? ""
        body += "<\(tag)\(attribute)>\(Self.escape(text))</\(tag)>\n"
    }

    /// Appends a feedback section: heading, summary, facts, table and notes.
    mutating func section(_ section: FeedbackSection, level: Int = 2) {
        raw("<section>\n")
        element("h\(level)", section.title)
        if let summary = section.summary { element("p", summary, class: "summary") }
        if !section.facts.isEmpty {
            raw("<dl class=\"facts\">\n")
            for fact in section.facts {
                raw("<div\(fact.emphasis ? " class=\"emphasis\"" : "")><dt>\(Self.escape(fact.label))</dt><dd>\(fact.emphasis ? "<strong>" : "")\(Self.escape(fact.value))\(fact.emphasis ? "</strong>" : "")</dd></div>\n")
            }
            raw("</dl>\n")
        }
        if let chart = section.chart { raw("<figure>\n" + SVGChart.render(chart) + "</figure>\n") }
        if let table = section.table { self.table(table) }
        if !section.notes.isEmpty {
            raw("<ul class=\"notes\">\n")
            for note in section.notes { element("li", note) }
            raw("</ul>\n")
        }
        raw("</section>\n")
    }

    /// Appends a table with a caption and column headers.
    mutating func table(_ table: FeedbackSection.Table) {
        raw("<div class=\"scroll\">\n<table>\n<caption>\(Self.escape(table.caption))</caption>\n<thead><tr>")
        for column in table.columns { raw("<th scope=\"col\">\(Self.escape(column))</th>") }
        raw("</tr></thead>\n<tbody>\n")
        for row in table.rows {
            raw("<tr>")
            for (index, cell) in row.enumerated() {
                raw(index == 0 ? "<th scope=\"row\">\(Self.escape(cell))</th>" : "<td>\(Self.escape(cell))</td>")
            }
            raw("</tr>\n")
        }
        raw("</tbody>\n</table>\n</div>\n")
    }

    /// Appends findings, each labelled in words ("Needs attention", "Note").
    mutating func findings(_ findings: [Finding], title: String = "Notes from the checks") {
        guard !findings.isEmpty else { return }
        raw("<section>\n")
        element("h2", title)
        raw("<ul class=\"findings\">\n")
        for finding in findings {
            let label = switch finding.severity {
            case .attention: "Needs attention"
            case .warning: "Check"
            case .info: "Note"
            }
            raw("<li class=\"\(finding.severity.rawValue)\"><strong>\(label):</strong> \(Self.escape(finding.message)) <code>\(Self.escape(finding.code))</code></li>\n")
        }
        raw("</ul>\n</section>\n")
    }

    /// The finished document.
    public var html: String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(Self.escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static let style = """
    :root{color:#1a1a1a;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    main{max-width:52rem;margin:0 auto;padding:1.5rem}
    h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #1a1a1a;padding-bottom:.2rem}
    .context{color:#3d3d3d;margin:0}.summary{font-size:1.05rem}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.2rem;margin:.8rem 0}
    dl.facts div{display:contents}dt{font-weight:600}dd{margin:0}
    .emphasis dd{text-decoration:underline;text-decoration-thickness:2px}
    table{border-collapse:collapse;width:100%;margin:.8rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{border:1px solid #595959;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#e8e8e8}
    td.number,th.number{text-align:right}
    ul.findings li{margin:.3rem 0}ul.findings li.attention{border-left:6px double #1a1a1a;padding-left:.5rem}
    code{font-size:.85em;color:#3d3d3d}a{color:#0b4f9c}
    .status{font-weight:700}
    figure{margin:.8rem 0}svg.chart{max-width:100%;height:auto}.scroll{overflow-x:auto}
    @media print{@page{size:A4;margin:18mm}main{max-width:none;padding:0}a{color:#000;text-decoration:underline}
    h2{break-after:avoid}table,section{break-inside:avoid}thead th{background:none}}
    """
}

internal import AssessCore

/// Builds self-contained HTML pages: inline CSS, no scripts, no network, every piece
/// of text escaped. Pages print cleanly on A4 and never carry meaning by colour alone.
public struct HTMLPage {
    private var body = ""
    private let title: String
    private let language: String
    /// When set, every page says so in a banner and a watermark across the page, on
    /// screen and in print ("Draft: not released…").
    public var watermark: String?

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
        facts(section.facts)
        if let chart = section.chart { raw("<figure>\n" + SVGChart.render(chart) + "</figure>\n") }
        if let table = section.table { self.table(table) }
        if let grid = section.grid { self.grid(grid, level: level + 1) }
        if !section.notes.isEmpty {
            raw("<ul class=\"notes\">\n")
            for note in section.notes { element("li", note) }
            raw("</ul>\n")
        }
        raw("</section>\n")
    }

    /// Appends labelled values as a description list; emphasised ones are bold and
    /// underlined (not coloured).
    mutating func facts(_ facts: [FeedbackSection.Fact]) {
        guard !facts.isEmpty else { return }
        raw("<dl class=\"facts\">\n")
        for fact in facts {
            raw("<div\(fact.emphasis ? " class=\"emphasis\"" : "")><dt>\(Self.escape(fact.label))</dt><dd>\(fact.emphasis ? "<strong>" : "")\(Self.escape(fact.value))\(fact.emphasis ? "</strong>" : "")</dd></div>\n")
        }
        raw("</dl>\n")
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

    /// Appends a rubric grid: one row per criterion, one cell per level with its
    /// descriptor; the chosen level says "✓ Chosen" in words, is bold and has a heavy
    /// border, so it shows in black and white print and to screen readers alike.
    mutating func grid(_ grid: RubricGrid, level: Int = 3) {
        let width = max(1, grid.criteria.map(\.levels.count).max() ?? 1)
        let names = grid.criteria.first.map { $0.levels.map(\.name) } ?? []
        let shared = !names.isEmpty && names.count == width && grid.criteria.allSatisfy { $0.levels.isEmpty || $0.levels.map(\.name) == names }
        raw("<table class=\"rubric\">\n<caption>\(Self.escape(grid.title)): every criterion and level; the level chosen for your work is marked ✓ Chosen</caption>\n<thead><tr><th scope=\"col\">Criterion</th>")
        if shared {
            for name in names { raw("<th scope=\"col\">\(Self.escape(name))</th>") }
        } else {
            raw("<th scope=\"col\" colspan=\"\(width)\">Levels</th>")
        }
        raw("</tr></thead>\n<tbody>\n")
        for criterion in grid.criteria {
            raw("<tr><th scope=\"row\"><span class=\"criterion\">\(Self.escape(criterion.title))</span>")
            if let weight = criterion.weight { raw("<br /><span class=\"weight\">Weight \(Self.escape(weight))</span>") }
            if !criterion.description.isEmpty { raw("<br /><span class=\"descriptor\">\(Self.escape(criterion.description))</span>") }
            raw("</th>")
            if criterion.levels.isEmpty {
                raw("<td colspan=\"\(width)\" class=\"score\"><strong>Score: \(Self.escape(criterion.score ?? "—"))</strong></td>")
            } else {
                for entry in criterion.levels {
                    // Under shared column headers the name is the column's; say it again only when chosen.
                    let name = shared && !entry.chosen ? "" : "<span class=\"level-name\">\(Self.escape(entry.name))</span> "
                    let label = "\(name)<span class=\"points\">(\(Self.escape(entry.points)) points)</span>"
                    let descriptor = entry.descriptor.isEmpty ? "" : "<br /><span class=\"descriptor\">\(Self.escape(entry.descriptor))</span>"
                    if entry.chosen {
                        raw("<td class=\"chosen\"><strong class=\"mark\">✓ Chosen</strong><br /><strong>\(label)</strong>\(descriptor)</td>")
                    } else {
                        raw("<td>\(label)\(descriptor)</td>")
                    }
                }
                for _ in criterion.levels.count..<width { raw("<td></td>") }
            }
            raw("</tr>\n")
            let notChosen = criterion.levels.isEmpty ? nil : criterion.chosen == nil ? criterion.score : nil
            if criterion.comment != nil || notChosen != nil {
                raw("<tr class=\"comment\"><td colspan=\"\(width + 1)\">")
                if let notChosen { raw("<strong>\(Self.escape(criterion.title)):</strong> \(Self.escape(notChosen)). ") }
                if let comment = criterion.comment { raw("<strong>Comment on \(Self.escape(criterion.title)):</strong> \(Self.escape(comment))") }
                raw("</td></tr>\n")
            }
        }
        raw("</tbody>\n</table>\n")
        if let overall = grid.overallComment {
            element("h\(min(level, 6))", "Overall comment")
            element("blockquote", overall, class: "overall")
        }
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
        <style>\(Self.style)\(watermark == nil ? "" : Self.draftStyle)</style>
        </head>
        <body>
        <main>
        \(watermark.map { "<p class=\"draft-banner\" role=\"note\"><strong>DRAFT</strong> — \(Self.escape($0))</p>\n" } ?? "")\(body)</main>
        </body>
        </html>

        """
    }

    static let draftStyle = """

    .draft-banner{border:3px dashed #1a1a1a;padding:.5rem .8rem;font-size:1.05rem;margin:0 0 1rem}
    body::after{content:"DRAFT";position:fixed;top:40%;left:0;right:0;text-align:center;font-size:9rem;font-weight:800;color:rgba(0,0,0,.08);transform:rotate(-30deg);pointer-events:none;z-index:10}
    """

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
    table.rubric{table-layout:fixed;font-size:.9rem}table.rubric th[scope=row]{width:22%}table.rubric th,table.rubric td{overflow-wrap:break-word;hyphens:auto}
    table.rubric td.chosen{border:3px solid #1a1a1a;background:#f0f0f0;outline:1px solid #1a1a1a;outline-offset:-5px}
    .mark{display:inline-block;font-size:.85rem;letter-spacing:.02em}.points,.weight{color:#3d3d3d;font-size:.85rem}
    .descriptor{font-size:.85rem;color:#2b2b2b;font-weight:400}.criterion{font-weight:700}tr.comment td{background:#fafafa;border-top:none}
    blockquote.overall{margin:.5rem 0;padding:.5rem .8rem;border-left:4px solid #1a1a1a;background:#f6f6f6}
    table.summary td.number{font-variant-numeric:tabular-nums}
    @media print{@page{size:A4;margin:18mm}:root{font-size:11pt}table.rubric{font-size:8.5pt}table.rubric th,table.rubric td{padding:.25rem .3rem}main{max-width:none;padding:0}a{color:#000;text-decoration:underline}
    h2{break-after:avoid}tr,.facts,blockquote{break-inside:avoid}thead{display:table-header-group}thead th,table.rubric td.chosen,tr.comment td,blockquote.overall{background:none}}
    """
}

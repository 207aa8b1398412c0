/// Reads the answer key of a Moodle XML question export (`<quiz><question type=…>`).
///
/// - `multichoice`: options are the `<answer>` elements in file order; each answer's
///   `fraction` (a percent, negatives allowed) becomes its fraction of the item's
///   marks; `<single>` says single or multiple answer; `<defaultgrade>` gives the marks
///   (1 when absent). A fraction Moodle's own import would refuse (not one of its
///   grades, such as 33) skips the question with a warning, as Moodle would.
/// - `truefalse`: a two-option single-answer item, A and B in file order (Moodle writes
///   the "true" answer first).
/// - `category`: not a question, ignored. Every other type (shortanswer, essay,
///   matching, cloze, numerical, description…) is skipped with a warning naming it.
///
/// Question text and option text are HTML (often in CDATA) reduced to plain text.
public enum MoodleXMLKeyReader {
    /// Reads a key from the bytes of a Moodle XML file; `name` names it in messages.
    /// - Throws: ``DocumentError/unsupportedFormat(_:)`` when it is not a Moodle quiz
    ///   export or is not well-formed, ``DocumentError/limitExceeded(what:limit:actual:)``.
    public static func read(bytes: [UInt8], name: String, limits: ReadLimits = .standard) throws(DocumentError) -> AnswerKey {
        let stream = try XMLStream(bytes: bytes, part: name, maxDepth: limits.maxXMLDepth)
        do {
            return try Parser(stream: stream, name: name).parse()
        } catch .malformedXML(_, let line, let message) {
            throw KeyReader.malformed(name, line: line, message: message, tool: "Moodle")
        }
    }

    /// Grades Moodle's question editor offers (percent); its XML import refuses others.
    static let moodleGrades: [Double] = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                                         16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0]

    static func isMoodleGrade(_ percent: Double) -> Bool {
        moodleGrades.contains { abs($0 - abs(percent)) < 0.0001 }
    }

    private struct Question {
        var type = ""
        var name = ""
        var text = ""
        var idnumber = ""
        var defaultGrade: String?
        var single: String?
        var answers: [(fraction: String?, text: String)] = []
    }

    private struct Parser {
        let stream: XMLStream
        let name: String
        let quiz, question, nameElement, questiontext, text, answer, defaultgrade, single, idnumber: XMLStream.Name?

        init(stream: XMLStream, name: String) {
            self.stream = stream
            self.name = name
            quiz = stream.intern("quiz"); question = stream.intern("question"); nameElement = stream.intern("name")
            questiontext = stream.intern("questiontext"); text = stream.intern("text"); answer = stream.intern("answer")
            defaultgrade = stream.intern("defaultgrade"); single = stream.intern("single"); idnumber = stream.intern("idnumber")
        }

        func parse() throws(DocumentError) -> AnswerKey {
            var items: [KeyItem] = []
            var warnings: [KeyWarning] = []
            var path: [XMLStream.Name?] = []
            var current: Question?
            var buffer: [UInt8] = []
            var sawRoot = false
            var position = 0
            var usedIDs: [String: Int] = [:]
            while try stream.next() {
                switch stream.node {
                case .element:
                    let local = stream.localName
                    if path.isEmpty {
                        guard local == quiz else {
                            throw DocumentError.unsupportedFormat("The key file \(name) is XML but not a Moodle question export (its root element is <\(stream.localName.map { String(cString: $0) } ?? "?")>, not <quiz>); export the questions from Moodle's question bank in Moodle XML format.")
                        }
                        sawRoot = true
                    }
                    if local == question && path.count == 1 {
                        current = Question(type: (stream.attribute("type") ?? "").lowercased())
                    } else if current != nil && local == answer && path.count == 2 {
                        current?.answers.append((stream.attribute("fraction"), ""))
                    }
                    if !stream.isEmptyElement { path.append(local) }
                    buffer.removeAll(keepingCapacity: true)
                case .text:
                    guard current != nil, path.count >= 3 else { continue }
                    stream.appendValue(to: &buffer)
                case .endElement:
                    let local = path.popLast() ?? nil
                    guard var open = current else { continue }
                    let value = { String(decoding: buffer, as: UTF8.self) }
                    if path.count == 3 && local == text {
                        if path[2] == nameElement { open.name = value() }
                        else if path[2] == questiontext { open.text = value() }
                        else if path[2] == answer, !open.answers.isEmpty { open.answers[open.answers.count - 1].text = value() }
                    } else if path.count == 2 {
                        if local == defaultgrade { open.defaultGrade = value() }
                        else if local == single { open.single = value() }
                        else if local == idnumber { open.idnumber = value() }
                    }
                    buffer.removeAll(keepingCapacity: true)
                    if path.count == 1 && local == question {
                        current = nil
                        if open.type == "category" { continue }
                        position += 1
                        if let item = try convert(open, position: position, warnings: &warnings) {
                            var item = item
                            let count = (usedIDs[item.id] ?? 0) + 1
                            usedIDs[item.id] = count
                            if count > 1 { item.id += " (\(count))" }
                            items.append(item)
                            if items.count > AnswerKey.maximumItems {
                                throw DocumentError.limitExceeded(what: "the number of questions in \(name)", limit: AnswerKey.maximumItems, actual: items.count)
                            }
                        }
                    } else {
                        current = open
                    }
                case .other:
                    continue
                }
            }
            guard sawRoot else {
                throw DocumentError.unsupportedFormat("The key file \(name) holds no XML elements; export the questions from Moodle again.")
            }
            if items.isEmpty {
                warnings.append(KeyWarning("mcq.key.no_items", "\(name) holds no multichoice or truefalse question that can be marked."))
            }
            return AnswerKey(format: .moodleXML, items: items, warnings: warnings)
        }

        private func convert(_ question: Question, position: Int, warnings: inout [KeyWarning]) throws(DocumentError) -> KeyItem? {
            let title = HTMLText.plain(question.name)
            let shown = "question \(position)" + (title.isEmpty ? "" : " ('\(title)')")
            guard question.type == "multichoice" || question.type == "truefalse" else {
                warnings.append(KeyWarning("mcq.key.unsupported_type", "\(name): \(shown) is \(question.type.isEmpty ? "a question of no type" : article(question.type) + " " + question.type) question and was skipped; only multichoice and truefalse questions are marked from answer sheets."))
                return nil
            }
            let marks: Double
            if let grade = question.defaultGrade {
                guard let value = Double(grade.trimmingWhitespace()), value.isFinite, value >= 0 else {
                    warnings.append(KeyWarning("mcq.key.invalid_grade", "\(name): \(shown) has the default grade '\(grade)', which is not a number; it was skipped."))
                    return nil
                }
                marks = value
            } else {
                marks = 1
            }
            guard question.answers.count >= 2 else {
                warnings.append(KeyWarning("mcq.key.too_few_options", "\(name): \(shown) has \(question.answers.count) answer(s); a choice question needs at least two, so it was skipped."))
                return nil
            }
            guard question.answers.count <= KeyItem.maximumOptions else {
                warnings.append(KeyWarning("mcq.key.too_many_options", "\(name): \(shown) has \(question.answers.count) answers; answer sheets have at most \(KeyItem.maximumOptions) (A–O), so it was skipped."))
                return nil
            }
            var fractions: [Double] = []
            for (index, answer) in question.answers.enumerated() {
                guard let raw = answer.fraction, let percent = Double(raw.trimmingWhitespace()), percent.isFinite else {
                    warnings.append(KeyWarning("mcq.key.invalid_fraction", "\(name): answer \(KeyOption.label(index)) of \(shown) has no valid fraction; the question was skipped."))
                    return nil
                }
                guard Self.accepts(percent) else {
                    warnings.append(KeyWarning("mcq.key.invalid_fraction", "\(name): answer \(KeyOption.label(index)) of \(shown) has the fraction \(raw)%, which is not one of Moodle's grades; Moodle refuses to import it, so it was skipped."))
                    return nil
                }
                fractions.append(percent / 100)
            }
            let single = question.type == "truefalse" || !["false", "0"].contains((question.single ?? "true").trimmingWhitespace().lowercased())
            if single && !fractions.contains(where: { $0 >= 0.9999 }) {
                warnings.append(KeyWarning("mcq.key.no_full_marks", "\(name): no answer of \(shown) is worth 100%, so nobody can get full marks on it."))
            } else if !single && abs(fractions.filter { $0 > 0 }.reduce(0, +) - 1) > 0.001 {
                warnings.append(KeyWarning("mcq.key.fractions_not_100", "\(name): the positive fractions of \(shown) add up to \(formatPercent(fractions.filter { $0 > 0 }.reduce(0, +)))%, not 100%."))
            }
            let options = question.answers.enumerated().map { index, answer in
                var text = HTMLText.plain(answer.text)
                if question.type == "truefalse" { text = text.lowercased() == "true" ? "True" : text.lowercased() == "false" ? "False" : text }
                return KeyOption(text: text, identifier: KeyOption.label(index))
            }
            let id = question.idnumber.trimmingWhitespace().isEmpty ? (title.isEmpty ? "Q\(position)" : title) : HTMLText.plain(question.idnumber)
            return KeyItem(id: id, text: HTMLText.plain(question.text), options: options, multipleAnswer: !single, marks: marks,
                           scoring: .fractions([fractions]), sourcePosition: position)
        }

        private static func accepts(_ percent: Double) -> Bool {
            abs(percent) <= 100 && MoodleXMLKeyReader.isMoodleGrade(percent)
        }
    }
}

/// "a" or "an" before a word, as it is spelt.
func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeio".contains(first) ? "an" : "a"
}

func formatPercent(_ fraction: Double) -> String {
    let value = (fraction * 10000).rounded() / 100
    return value == value.rounded() ? String(Int(value)) : String(value)
}

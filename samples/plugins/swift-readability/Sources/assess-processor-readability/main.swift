// assess-processor-readability: an external processor for assess (protocol version 1).
//
// Reads the request on standard input, scores the readability of the submission's body
// paragraphs (Flesch Reading Ease and Flesch–Kincaid grade, syllables by a vowel-group
// rule), and writes the response on standard output. Options:
//   max_grade   Flesch–Kincaid grade above which `readability.hard` is raised (default 18)
//   min_grade   grade below which `readability.plain` is raised (default 8)
// See docs/plugin-protocol.md in the assess repository.
import Foundation

let protocolVersion = 1

/// Exits with status 2 and a reason on standard error (assess reports `plugin.crashed`).
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("assess-processor-readability: \(message)\n".utf8))
    exit(2)
}

/// Syllables of one word: groups of vowels, a silent final "e" dropped, at least one.
func syllables(_ word: String) -> Int {
    let letters = word.lowercased().filter { $0.isLetter }
    guard !letters.isEmpty else { return 0 }
    var count = 0
    var previousVowel = false
    for character in letters {
        let vowel = "aeiouy".contains(character)
        if vowel && !previousVowel { count += 1 }
        previousVowel = vowel
    }
    if letters.hasSuffix("e") && !letters.hasSuffix("le") && count > 1 { count -= 1 }
    return max(1, count)
}

struct Counts {
    var sentences = 0, words = 0, syllables = 0
}

func count(_ text: String, into counts: inout Counts) {
    var sentenceHasWords = false
    var word = ""
    func endWord() {
        guard word.contains(where: { $0.isLetter || $0.isNumber }) else { word = ""; return }
        counts.words += 1
        counts.syllables += syllables(word)
        sentenceHasWords = true
        word = ""
    }
    for character in text {
        if character.isLetter || character.isNumber || character == "'" || character == "’" || character == "-" {
            word.append(character)
        } else {
            endWord()
            if ".!?".contains(character) && sentenceHasWords {
                counts.sentences += 1
                sentenceHasWords = false
            }
        }
    }
    endWord()
    if sentenceHasWords { counts.sentences += 1 }
}

func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let request = (try? JSONSerialization.jsonObject(with: input)) as? [String: Any] else { fail("the request is not a JSON object") }
guard request["protocol_version"] as? Int == protocolVersion else {
    // Answer in our own version: assess reports the mismatch.
    FileHandle.standardOutput.write(Data("{\"protocol_version\":\(protocolVersion)}\n".utf8))
    exit(0)
}
let options = request["options"] as? [String: Any] ?? [:]
let maxGrade = (options["max_grade"] as? NSNumber)?.doubleValue ?? 18
let minGrade = (options["min_grade"] as? NSNumber)?.doubleValue ?? 8
let submission = request["submission"] as? [String: Any] ?? [:]
var counts = Counts()
for document in submission["documents"] as? [[String: Any]] ?? [] {
    for block in document["blocks"] as? [[String: Any]] ?? [] {
        guard block["section"] as? String == "body", ["paragraph", "list_item"].contains(block["kind"] as? String ?? "") else { continue }
        count(block["text"] as? String ?? "", into: &counts)
    }
}

var metrics: [String: Any] = ["sentences": counts.sentences, "words": counts.words, "syllables": counts.syllables]
var findings: [[String: Any]] = []
var facts: [[String: Any]] = []
var summary = "There is no body text to score."
if counts.words > 0 && counts.sentences > 0 {
    let wordsPerSentence = Double(counts.words) / Double(counts.sentences)
    let syllablesPerWord = Double(counts.syllables) / Double(counts.words)
    let ease = rounded(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord)
    let grade = rounded(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59)
    metrics["flesch_reading_ease"] = ease
    metrics["flesch_kincaid_grade"] = grade
    metrics["words_per_sentence"] = rounded(wordsPerSentence)
    facts = [
        ["label": "Flesch Reading Ease", "value": String(format: "%.1f", ease)],
        ["label": "Flesch–Kincaid grade", "value": String(format: "%.1f", grade), "emphasis": grade > maxGrade],
        ["label": "Words per sentence", "value": String(format: "%.1f", wordsPerSentence)],
    ]
    summary = String(format: "The body reads at Flesch–Kincaid grade %.1f, with %.1f words per sentence.", grade, wordsPerSentence)
    if grade > maxGrade {
        findings.append(["code": "hard", "severity": "warning",
                         "message": String(format: "The body reads at grade %.1f, above %.0f: shorter sentences and plainer words would help a policy reader.", grade, maxGrade)])
    } else if grade < minGrade {
        findings.append(["code": "plain", "severity": "info",
                         "message": String(format: "The body reads at grade %.1f, below %.0f: check that it argues at postgraduate level.", grade, minGrade)])
    }
}
let response: [String: Any] = [
    "protocol_version": protocolVersion,
    "metrics": metrics,
    "feedback": [["title": "Readability", "summary": summary, "facts": facts]],
    "findings": findings,
]
guard let data = try? JSONSerialization.data(withJSONObject: response, options: [.sortedKeys]) else { fail("could not write the response") }
FileHandle.standardOutput.write(data)
FileHandle.standardOutput.write(Data("\n".utf8))

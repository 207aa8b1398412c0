@testable import AssessDocuments
import Testing

@Suite struct WordCounterTests {
    @Test(arguments: [
        ("", 0), ("   ", 0), ("one", 1), ("one two  three", 3),
        ("patient-centred", 1), ("2,500", 1), ("e.g.", 1), ("https://example.org/x", 1),
        ("word — word", 2), ("a & b", 2), ("• bullet", 1), ("(Smith, 2020)", 2),
        ("tab\tseparated\nlines\r\nhere", 4), ("no\u{00A0}break", 1), ("thin\u{2009}space", 2),
        ("café naïve Zoë", 3), ("日本語 テキスト", 2), ("١٢٣ Arabic digits", 3), ("---", 0), ("§ 4", 1),
        ("ideographic\u{3000}space", 2),
    ])
    func counts(_ text: String, _ expected: Int) {
        #expect(WordCounter.count(text) == expected)
    }

    /// Both counts come from one pass over the text: where the two rules part (a
    /// no-break space, a lone dash, CJK, a zero-width space), each keeps its own state.
    @Test(arguments: [
        ("10\u{00A0}km – 日本", 2, 5), ("foo\u{200B}bar — x", 2, 3), ("① then ②", 3, 3), ("", 0, 0), ("Hello、World。 ok", 2, 5),
    ])
    func bothCountsInOnePass(_ text: String, _ words: Int, _ wordCompatible: Int) {
        #expect(WordCounter.counts(text) == (words, wordCompatible))
        let block = Block(kind: .paragraph, text: text)
        #expect(block.words == words && block.wordCompatibleWords == wordCompatible)
    }

    /// The shortcut for General Punctuation must agree with the scalars' properties.
    @Test func generalPunctuationHoldsNoWordCharacter() throws {
        for value in WordCounter.generalPunctuation {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(!scalar.properties.isAlphabetic && scalar.properties.numericType == nil, "U+\(String(value, radix: 16))")
        }
        #expect(WordCounter.count("“— …”") == 0)
        #expect(WordCounter.count("“word” — ‘x’") == 2)
    }

    @Test func wordsListsTheTokensThatCount() {
        #expect(WordCounter.words(in: "A — b, c.") == ["A", "b,", "c."])
    }
}

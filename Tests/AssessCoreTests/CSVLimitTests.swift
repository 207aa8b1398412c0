import AssessCore
import AssessTestSupport
import Foundation
import Testing

/// CSV files are bounded in file size, rows and field length, each error with the figure.
@Suite struct CSVLimitTests {
    @Test func tooManyRowsIsRefusedWithTheLimit() {
        let text = "a,b\n" + String(repeating: "1,2\n", count: 50)
        #expect {
            try CSVTable.parse(text, file: "x.csv", maxRows: 10)
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("more than 10 rows") == true
        }
        #expect(throws: Never.self) { try CSVTable.parse(text, file: "x.csv", maxRows: 100) }
    }

    @Test func longFieldIsRefusedAtItsLine() {
        let text = "a,b\n1,2\n\"" + String(repeating: "x", count: 5_000)
        #expect {
            try CSVTable.parse(text, file: "x.csv", maxFieldLength: 1_000)
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.message.contains("longer than 1000 bytes") == true && error?.location?.line == 3
        }
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/roster.csv"
        try ("candidate_id,name\n" + String(repeating: "C1,Somebody\n", count: 100)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try CSVTable.checkSize(path: path, limit: 500)
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("1218 bytes, above the limit of 500") == true
        }
        #expect(throws: Never.self) { try CSVTable.checkSize(path: path) }
    }
}

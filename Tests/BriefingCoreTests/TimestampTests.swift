@testable import BriefingCore
import Foundation
import Testing

@Suite("Pipeline: as-of timestamps")
struct TimestampTests {
    /// The same text as Foundation's ISO 8601 formatter in UTC, from 1900 to 2200 (every 7 days and
    /// 13,331 seconds, so that every weekday, time of day and leap rule is met), and at known dates.
    @Test func sameAsFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        var seconds: Int64 = -2_208_988_800  // 1900-01-01
        var checked = 0
        while seconds < 7_258_118_400 {  // 2200-01-01
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(RunConfiguration.isoTimestamp(date) == formatter.string(from: date), "at \(seconds)")
            seconds += 7 * 86_400 + 13_331
            checked += 1
        }
        #expect(checked > 15_000)
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14T22:13:20Z")
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: 4_107_542_399)) == "2100-02-28T23:59:59Z")
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: 4_107_542_400)) == "2100-03-01T00:00:00Z")
        // A fraction of a second is dropped, before 1970 too.
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: 59.999)) == "1970-01-01T00:00:59Z")
        #expect(RunConfiguration.isoTimestamp(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }
}

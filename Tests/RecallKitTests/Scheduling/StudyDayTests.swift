import Foundation
import Testing

@testable import RecallKit

@Suite struct StudyDayTests {
    let utc = TimeZone(identifier: "UTC")!
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func aLateNightReviewCountsForTheEveningBefore() {
        #expect(StudyDay(containing: instant("2026-11-30T01:30:00Z"), timeZone: utc).description == "2026-11-29")
        #expect(StudyDay(containing: instant("2026-11-30T04:00:00Z"), timeZone: utc).description == "2026-11-30")
    }

    @Test func theDayStartHourIsConfigurable() {
        #expect(StudyDay(containing: instant("2026-11-30T01:30:00Z"), timeZone: utc, startHour: 0).description == "2026-11-30")
    }

    @Test func theDayIsLocal() {
        // 20:30 UTC is 04:30 the next morning in Shanghai.
        #expect(StudyDay(containing: instant("2026-11-29T20:30:00Z"), timeZone: shanghai).description == "2026-11-30")
    }

    @Test func parsesAndPrintsCalendarDates() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-29", "2099-12-31"] {
            #expect(StudyDay(text)?.description == text)
        }
        #expect(StudyDay("2026-02-29") == nil)
        #expect(StudyDay("2026-13-01") == nil)
        #expect(StudyDay("29/11/2026") == nil)
        #expect(StudyDay("2026-11-29")?.adding(days: 3).description == "2026-12-02")
        #expect(StudyDay("2026-11-29")?.weekday == 6)  // a Sunday
    }

    @Test func recallNowAcceptsTheDocumentedForms() {
        #expect(Moment.parse("2026-11-29T09:00:00Z", timeZone: utc)?.instant == instant("2026-11-29T09:00:00Z"))
        #expect(Moment.parse("2026-11-29T09:00:00+08:00", timeZone: utc)?.instant == instant("2026-11-29T01:00:00Z"))
        #expect(Moment.parse("2026-11-29T09:00", timeZone: shanghai)?.instant == instant("2026-11-29T01:00:00Z"))
        #expect(Moment.parse("2026-11-29", timeZone: utc)?.instant == instant("2026-11-29T12:00:00Z"))
        #expect(Moment.parse("yesterday", timeZone: utc) == nil)
    }
}

import Testing

@testable import RecallKit

@Suite struct SM2Tests {
    @Test func agreesWithSupermemo2OnEveryVector() throws {
        #expect(sm2Vectors.count > 90)
        for vector in sm2Vectors {
            var state = SM2State.new
            for (step, (value, expected)) in zip(vector.grades, vector.expected).enumerated() {
                let grade = try #require(Grade(value))
                state = SM2.review(state, grade: grade)
                // The one documented departure: the reference has no ceiling on intervals. Where it
                // first passes 100 years Recall stops at the cap, and the vector is followed no further.
                if expected.intervalDays > SM2.maximumIntervalDays {
                    #expect(state.intervalDays == SM2.maximumIntervalDays, "grades \(vector.grades) step \(step)")
                    break
                }
                #expect(state.repetitions == expected.repetitions, "grades \(vector.grades) step \(step)")
                #expect(state.intervalDays == expected.intervalDays, "grades \(vector.grades) step \(step)")
                #expect(abs(state.easiness - expected.easiness) <= 1e-9, "grades \(vector.grades) step \(step)")
            }
        }
    }

    @Test func intervalsStopAtOneHundredYearsHoweverManyPerfectAnswers() throws {
        var state = SM2State.new
        var intervals: [Int] = []
        for _ in 0..<30 {
            state = SM2.review(state, grade: .perfect)
            intervals.append(state.intervalDays)
        }
        // The reference's 14th interval is already past 8 million days (supermemo2, SM2Vectors.swift).
        #expect(intervals.max() == 36_500)
        #expect(intervals.suffix(16).allSatisfy { $0 == 36_500 })
    }

    @Test func absurdStatesGiveACappedIntervalInsteadOfTrapping() {
        let states = [
            SM2State(repetitions: 3, easiness: 1e308, intervalDays: 1 << 62),
            SM2State(repetitions: Int.max, easiness: .infinity, intervalDays: Int.max),
            SM2State(repetitions: 3, easiness: .nan, intervalDays: 10),
            SM2State(repetitions: 3, easiness: -18, intervalDays: 10),
        ]
        for state in states {
            let next = SM2.review(state, grade: .hard)
            #expect((1...SM2.maximumIntervalDays).contains(next.intervalDays), "\(state) → \(next)")
        }
    }

    @Test func intervalsFollowOneSixThenEasiness() throws {
        let four = try #require(Grade(4))
        var state = SM2State.new
        var intervals: [Int] = []
        for _ in 0..<4 {
            state = SM2.review(state, grade: four)
            intervals.append(state.intervalDays)
        }
        // Grade 4 leaves EF at 2.5: 1, 6, ceil(6 × 2.5) = 15, ceil(15 × 2.5) = 38.
        #expect(intervals == [1, 6, 15, 38])
    }

    @Test func failureRestartsRepetitionsButKeepsLoweredEasiness() throws {
        var state = SM2State(repetitions: 5, easiness: 2.0, intervalDays: 40)
        state = SM2.review(state, grade: try #require(Grade(1)))
        #expect(state.repetitions == 0)
        #expect(state.intervalDays == 1)
        #expect(abs(state.easiness - 1.46) < 1e-12)
    }

    @Test func easinessNeverFallsBelowFloor() throws {
        var state = SM2State.new
        for _ in 0..<10 { state = SM2.review(state, grade: try #require(Grade(0))) }
        #expect(state.easiness == SM2.minimumEasiness)
    }

    @Test func gradesOutsideZeroToFiveDoNotExist() {
        #expect(Grade(-1) == nil)
        #expect(Grade(6) == nil)
        #expect(Grade(0) != nil && Grade(5) != nil)
    }
}

@Suite struct SchedulerTests {
    let today = StudyDay("2026-11-29")!

    @Test func dueIsTheDayOfTheAnswerPlusTheInterval() throws {
        let outcome = Scheduler.answer(.new, grade: try #require(Grade(5)), today: today)
        #expect(outcome.schedule.dueDay == StudyDay("2026-11-30"))
        let second = Scheduler.answer(outcome.schedule, grade: try #require(Grade(5)), today: StudyDay("2026-11-30")!)
        #expect(second.schedule.dueDay == StudyDay("2026-12-06"))
    }

    @Test func eighthLapseMakesALeechOnce() throws {
        var schedule = CardSchedule.new
        var leechAt: [Int] = []
        for answer in 1...10 {
            let outcome = Scheduler.answer(schedule, grade: try #require(Grade(1)), today: today)
            if outcome.becameLeech { leechAt.append(answer) }
            schedule = outcome.schedule
        }
        #expect(leechAt == [8])
        #expect(schedule.isLeech)
        #expect(schedule.lapses == 10)
    }

    @Test func previewGroupsGradesWithTheSameInterval() {
        let schedule = CardSchedule(sm2: SM2State(repetitions: 2, easiness: 2.5, intervalDays: 6), dueDay: today)
        #expect(Scheduler.previewLine(schedule) == "0-2: 1d · 3-5: 15d")
    }
}

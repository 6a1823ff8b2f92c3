import Foundation

/// When a scheduled card falls due: SM-2 counts whole study days, FSRS's
/// learning steps count minutes.
public enum DueTime: Hashable, Sendable {
    case day(StudyDay)
    case instant(Date)

    /// The study day the card is due on, for days that start at `startHour`.
    public func studyDay(timeZone: TimeZone, startHour: Int) -> StudyDay {
        switch self {
        case .day(let day): day
        case .instant(let date): StudyDay(containing: date, timeZone: timeZone, startHour: startHour)
        }
    }
}

/// One scheduler: a pure map from a card's state and an answer to the next
/// state. SM-2 and FSRS-6 both implement it, so a caller can show every
/// outcome before the user answers and replay a review log with either.
public protocol SchedulingAlgorithm: Sendable {
    associatedtype State: Hashable, Sendable, Codable

    /// The state of a card never answered.
    var newState: State { get }

    /// The state after `grade` at `moment` for the card `cardID` (which seeds
    /// any fuzz), and when the card is due next.
    func answer(_ state: State, grade: Grade, at moment: Moment, cardID: String) -> (state: State, due: DueTime)
}

extension SchedulingAlgorithm {
    /// Every grade's outcome, computed before the answer.
    public func outcomes(_ state: State, at moment: Moment, cardID: String) -> [(grade: Grade, state: State, due: DueTime)] {
        Grade.all.map { grade in
            let next = answer(state, grade: grade, at: moment, cardID: cardID)
            return (grade, next.state, next.due)
        }
    }

    /// The state after a card's whole history, oldest answer first.
    public func replay(_ answers: some Sequence<(grade: Grade, moment: Moment)>, cardID: String) -> State {
        answers.reduce(newState) { state, answer in self.answer(state, grade: answer.grade, at: answer.moment, cardID: cardID).state }
    }
}

/// SM-2 as a ``SchedulingAlgorithm``: intervals in study days.
public struct SM2Algorithm: SchedulingAlgorithm {
    public var dayStartHour: Int

    public init(dayStartHour: Int = StudyDay.defaultStartHour) { self.dayStartHour = dayStartHour }

    public var newState: SM2State { .new }

    public func answer(_ state: SM2State, grade: Grade, at moment: Moment, cardID: String) -> (state: SM2State, due: DueTime) {
        let next = SM2.review(state, grade: grade)
        return (next, .day(moment.studyDay(startHour: dayStartHour).adding(days: next.intervalDays)))
    }
}

/// FSRS-6 as a ``SchedulingAlgorithm``: grades 0–2 again, 3 hard, 4 good, 5 easy.
public struct FSRSAlgorithm: SchedulingAlgorithm {
    public var scheduler: FSRSScheduler

    public init(settings: FSRSSettings = FSRSSettings()) { self.scheduler = FSRSScheduler(settings: settings) }

    public var newState: FSRSCardState { .new }

    public func answer(_ state: FSRSCardState, grade: Grade, at moment: Moment, cardID: String) -> (state: FSRSCardState, due: DueTime) {
        let fuzz = FSRSFuzz.fraction(cardID: cardID, answer: state.answers)
        let outcome = scheduler.answer(state, rating: FSRSRating(grade), at: moment.instant, fuzzFraction: fuzz)
        return (outcome.state, .instant(outcome.state.due ?? moment.instant))
    }
}

/// The values a card's schedule may hold, checked wherever a schedule comes
/// from outside the scheduler: a JSON backup, an Anki package, a row of the
/// database. One place for each bound; docs/storage.md repeats them.
///
/// SM-2 itself keeps a schedule inside these bounds (see the ceilings in
/// ``SM2``), so only a damaged or hand-made file can break them.
public enum ScheduleBounds {
    public static let repetitions = 0...1_000_000
    /// SM-2's floor of 1.3 up to a ceiling no real history reaches (975 perfect answers in a row).
    public static let easiness = SM2.minimumEasiness...SM2.maximumEasiness
    public static let intervalDays = 0...SM2.maximumIntervalDays
    public static let lapses = 0...1_000_000
    /// Due days within the four-digit years the database stores.
    public static let days =
        StudyDay(daysSinceEpoch: StudyDay.days(year: 1, month: 1, day: 1))...StudyDay(daysSinceEpoch: StudyDay.days(year: 9999, month: 12, day: 31))

    /// The first value of `schedule` outside its bounds, as `field: value is not in range`;
    /// nil when every value is in bounds. `prefix` names where the schedule is (`cards[3].state.`).
    public static func problem(
        repetitions: Int, easiness: Double, intervalDays: Int, due: StudyDay?, lapses: Int,
        prefix: String = ""
    ) -> String? {
        if !self.repetitions.contains(repetitions) { return "\(prefix)repetitions: \(repetitions) is not in \(describe(self.repetitions))" }
        if !easiness.isFinite || !self.easiness.contains(easiness) {
            return "\(prefix)easiness: \(easiness) is not in \(self.easiness.lowerBound)…\(Int(self.easiness.upperBound))"
        }
        if !self.intervalDays.contains(intervalDays) { return "\(prefix)intervalDays: \(intervalDays) is not in \(describe(self.intervalDays))" }
        if let due, !days.contains(due) { return "\(prefix)due: \(due) is not between \(days.lowerBound) and \(days.upperBound)" }
        if !self.lapses.contains(lapses) { return "\(prefix)lapses: \(lapses) is not in \(describe(self.lapses))" }
        return nil
    }

    public static func problem(_ schedule: CardSchedule, prefix: String = "") -> String? {
        problem(
            repetitions: schedule.sm2.repetitions, easiness: schedule.sm2.easiness, intervalDays: schedule.sm2.intervalDays,
            due: schedule.dueDay, lapses: schedule.lapses, prefix: prefix)
    }

    /// `schedule` with every value moved to the nearest one in bounds (a value
    /// that is not a number becomes SM-2's initial easiness). For values read
    /// back from the database, where refusing would lock the user out of
    /// their own history: the card goes on from the nearest sane state.
    public static func clamped(_ schedule: CardSchedule) -> CardSchedule {
        var result = schedule
        result.sm2.repetitions = clamp(schedule.sm2.repetitions, repetitions)
        let easinessValue = schedule.sm2.easiness
        result.sm2.easiness = easinessValue.isNaN ? SM2.initialEasiness : min(max(easinessValue, easiness.lowerBound), easiness.upperBound)
        result.sm2.intervalDays = clamp(schedule.sm2.intervalDays, intervalDays)
        result.lapses = clamp(schedule.lapses, lapses)
        result.dueDay = schedule.dueDay.map { min(max($0, days.lowerBound), days.upperBound) }
        return result
    }

    static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int { min(max(value, range.lowerBound), range.upperBound) }

    static func describe(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)…\(range.upperBound)" }
}

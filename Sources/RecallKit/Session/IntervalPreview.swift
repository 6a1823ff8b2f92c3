/// The interval each kind of answer would give, for showing before the user
/// grades: `again 1d · pass 6d`. Pure.
public struct IntervalPreview: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        /// `again` for a failing grade (0–2), `pass` for a passing one (3–5), or the grade itself when grades differ.
        public var label: String
        public var grades: ClosedRange<Int>
        public var intervalDays: Int
    }

    public var options: [Option]

    /// Grades that give the same interval are grouped: in SM-2 every failing
    /// grade restarts the card at 1 day and every passing grade gives the same
    /// next interval (the grade moves the easiness, which shapes the one after).
    public init(_ schedule: CardSchedule, today: StudyDay) {
        let days = Grade.all.map { Scheduler.answer(schedule, grade: $0, today: today).schedule.sm2.intervalDays }
        let failing = Array(days[0..<SM2.passingGrade])
        let passing = Array(days[SM2.passingGrade...])
        var options: [Option] = []
        func add(_ label: String, _ values: [Int], from first: Int) {
            if Set(values).count == 1, let value = values.first {
                options.append(Option(label: label, grades: first...(first + values.count - 1), intervalDays: value))
            } else {
                for (offset, value) in values.enumerated() {
                    options.append(Option(label: String(first + offset), grades: (first + offset)...(first + offset), intervalDays: value))
                }
            }
        }
        add("again", failing, from: 0)
        add("pass", passing, from: SM2.passingGrade)
        self.options = options
    }

    /// `1d`, `6d`, `3.5mo`, `1.2y`: days up to a month, then months, then years.
    public static func words(days: Int) -> String {
        switch days {
        case ..<31: return "\(days)d"
        case ..<365: return one(Double(days) / 30.4) + "mo"
        default: return one(Double(days) / 365.25) + "y"
        }
    }

    private static func one(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// `again 1d · pass 6d`.
    public var line: String {
        options.map { "\($0.label) \(Self.words(days: $0.intervalDays))" }.joined(separator: " · ")
    }
}

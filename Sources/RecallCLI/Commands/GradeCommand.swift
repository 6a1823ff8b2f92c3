import ArgumentParser
import RecallKit

struct GradeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Record an answer of quality 0-5 for a card, or grade a typed answer with the grader.",
        discussion: """
            'recall grade CARD Q' records quality Q with the same rules and the same transaction as 'review': a card \
            already answered today gets a re-drill answer, logged without moving its schedule.

            'recall grade CARD --answer TEXT' grades TEXT with the grader of review and interview, prints the verdict \
            (right, partly, wrong), the credit, the accepted answer matched or closest, the diff if any and the SM-2 \
            grade, and records that grade as 'recall grade CARD Q' would; '--dry-run' records nothing. Self-graded \
            cards (open answers) cannot be graded this way. The word after --answer is always the answer, even one \
            that starts with '-' ('--answer --follow', '--answer -xzf'); '--answer=TEXT' works too.
            """
    )

    @Argument(help: ArgumentHelp("DECK-ID/CARD-ID, or a unique prefix of it.", valueName: "card")) var card: String
    @Argument(help: ArgumentHelp("The quality of the answer, 0 (blackout) to 5 (perfect).", valueName: "quality")) var quality: Int?
    // `.unconditional`: the word after --answer is the answer even when it starts with `-` (`--answer --follow`).
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Grade this answer with the grader instead of giving a quality; it may start with '-' (--answer --follow).", valueName: "text")
    ) var answer: String?
    @Flag(help: "With --answer: print the verdict, record nothing.") var dryRun = false
    @Flag(help: "With --answer: print one JSON object (verdict, credit, expected, diff, grade, kind, recorded).") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        switch (quality, answer) {
        case (nil, nil): throw ValidationError("give a quality 0-5 or --answer TEXT")
        case (.some, .some): throw ValidationError("give either a quality or --answer, not both")
        case (.some(let value), nil):
            if Grade(value) == nil { throw ValidationError("quality must be 0 to 5, not \(value)") }
            if dryRun || json { throw ValidationError("--dry-run and --json go with --answer") }
        case (nil, .some): break
        }
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .write("grade"))
        let id = try library.database.resolveCard(card)
        if let answer {
            try gradeAnswer(answer, id: id, library: library, context: context)
            return
        }
        guard let quality, let grade = Grade(quality) else { throw CLIError("quality must be 0 to 5") }
        try record(grade, id: id, library: library, context: context)
    }

    private func gradeAnswer(_ text: String, id: String, library: Library, context: RecallContext) throws {
        guard let stored = try library.database.card(id: id) else { throw CLIError("no card \(id)") }
        guard let verdict = AnswerGrader.grade(text, for: stored.card) else {
            throw CLIError("\(id) is self-graded (an open answer): compare with the reference and give a quality 0-5")
        }
        if json {
            let object = GradeJSON(
                card: id, answer: text, verdict: verdict.outcome.rawValue, credit: verdict.credit,
                expected: verdict.expected, diff: verdict.diff, grade: verdict.grade.value,
                kind: verdict.kind.rawValue, recorded: !dryRun)
            context.console.line(try JSONOutput.string(object))
        } else {
            context.console.line("\(id): \(verdict.outcome.rawValue) (credit \(verdict.credit.formatted()), \(verdict.kind.rawValue))")
            context.console.line("expected: \(verdict.expected)")
            if let diff = verdict.diff { context.console.line("diff:     \(diff)") }
            context.console.line("grade:    \(verdict.grade)" + (dryRun ? " (dry run: nothing recorded)" : ""))
        }
        if !dryRun { try record(verdict.grade, id: id, library: library, context: context, quiet: json) }
    }

    private func record(_ grade: Grade, id: String, library: Library, context: RecallContext, quiet: Bool = false) throws {
        let recorded = try library.database.recordAnswer(cardID: id, grade: grade, at: library.moment, today: library.today, durationMs: 0)
        guard !quiet else { return }
        let s = recorded.schedule
        let due = s.dueDay.map { $0.relative(to: library.today) } ?? "new"
        if recorded.log.kind == .redrill {
            context.console.line("\(id): grade \(grade) recorded as a re-drill (already answered today); still due \(due)")
        } else if try library.database.schedulerKind() == .fsrs {
            // Under FSRS the due day is FSRS's; SM-2's interval and EF are kept only for switching back.
            context.console.line("\(id): grade \(grade) → due \(due) (FSRS-6)")
        } else {
            context.console.line("\(id): grade \(grade) → interval \(s.sm2.intervalDays)d, due \(due), EF \(String(format: "%.2f", s.sm2.easiness))")
        }
        if recorded.becameLeech {
            context.console.line("\(id) has lapsed \(s.lapses) times and is now tagged leech.")
        }
    }
}

/// `recall grade --answer --json`: one object, version 1.
struct GradeJSON: Encodable {
    var version = 1
    var card: String
    var answer: String
    var verdict: String
    var credit: Double
    var expected: String
    var diff: String?
    var grade: Int
    var kind: String
    var recorded: Bool
}

import ArgumentParser
import Foundation
import RecallKit

struct PlanCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "What you will remember on a date, and the daily work that gets a scope ready by then.",
        discussion: """
            Predicted recall is FSRS-6's, with your fitted parameters ('recall optimize') or the \
            defaults, whichever scheduler you use. The plan assumes each card is reviewed on the \
            day FSRS brings it due at your desired retention (default 90%) and is recalled, and that new cards \
            are started at an even pace until the day before DATE; unseen cards count 0. \
            See docs/scheduling.md.
            """
    )

    @Option(help: ArgumentHelp("The day you need to be ready (YYYY-MM-DD), after today.", valueName: "date")) var until: String
    @OptionGroup var scope: StatsScopeOptions
    @Option(help: ArgumentHelp("Only cards with this tag (repeatable: any of them).", valueName: "tag")) var tag: [String] = []
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if StudyDay(until) == nil { throw ValidationError("--until '\(until)' is not a date (YYYY-MM-DD)") }
    }

    func run(in context: RecallContext) throws {
        guard let untilDay = StudyDay(until) else { throw CLIError("--until '\(until)' is not a date (YYYY-MM-DD)") }
        let library = try Library.open(global, context, for: .read)
        let selection = try scope.select(library)
        let chosenDecks = selection.deckIDs.map(Set.init)
        let wanted = Set(tag.map { $0.lowercased() })
        let cards = try library.database.cards().filter { stored in
            !stored.record.retired && !stored.isSuspended
                && (chosenDecks?.contains(stored.card.deckID) ?? true)
                && (wanted.isEmpty || stored.card.tags.contains { wanted.contains($0.lowercased()) })
        }
        guard !cards.isEmpty else { throw CLIError("no cards in \(describe(selection))") }
        let own = try library.database.fsrsParameters()
        let parameters = own ?? .defaults
        let (histories, _) = try library.database.fsrsHistories(timeZone: library.moment.timeZone, dayStartHour: library.settings.dayStartHour)
        let byCard = Dictionary(histories, uniquingKeysWith: { first, _ in first })
        let memories = cards.map { stored in
            CardMemory(answers: (byCard[stored.record.id] ?? []).map { ($0.quality, $0.day, $0.instant) }, parameters: parameters)
        }
        let retention = try library.database.desiredRetention()
        let plan: ReadinessPlan
        do {
            plan = try ReadinessPlan.make(memories, today: library.today, until: untilDay, parameters: parameters, desiredRetention: retention)
        } catch {
            switch error {
            case .dateNotAfterToday(let until, let today): throw CLIError("--until \(until) is not after today (\(today))")
            }
        }
        for line in PlanText.render(plan, scope: describe(selection), fitted: own != nil, retention: retention) {
            context.console.line(line)
        }
    }

    func describe(_ selection: StatsScopeOptions.Selection) -> String {
        tag.isEmpty ? selection.description : selection.description + ", tag " + tag.joined(separator: ", ")
    }
}

enum PlanText {
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func render(_ plan: ReadinessPlan, scope: String, fitted: Bool, retention: Double) -> [String] {
        let days = plan.today.distance(to: plan.until)
        var lines = [
            "Plan for \(scope) until \(plan.until) (\(days) day\(days == 1 ? "" : "s") from today, \(plan.today))",
            "Predictions: FSRS-6 with \(fitted ? "your fitted" : "the default") parameters, reviews when due at \(Int((retention * 100).rounded()))% retention",
            "",
            "Cards in scope              \(plan.cards) (\(plan.seen) seen, \(plan.cards - plan.seen) new)",
            "Predicted recall today      \(percent(plan.recallToday))",
            "On \(plan.until), due only    \(percent(plan.recallOnDateDueOnly))   (only what falls due, no new cards)",
            "New cards a day needed      \(plan.newCardsPerDay)   (to have seen every card by \(plan.until.adding(days: -1)))",
            "On \(plan.until), with plan   \(percent(plan.recallOnDateWithPlan))",
            String(format: "Expected daily load         %d new + %.1f reviews on average", plan.newCardsPerDay, plan.meanDailyReviews),
            "",
            "day           new  reviews  predicted recall",
        ]
        for day in plan.days {
            lines.append("\(day.day)  " + String(format: "%5d  %7d  ", day.newCards, day.reviews) + percent(day.predictedRecall).leftPadded(to: 16))
        }
        return lines
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

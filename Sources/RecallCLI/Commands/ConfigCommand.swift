import ArgumentParser
import RecallKit

struct ConfigCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract:
            "Get or set a setting: \((Settings.Key.allCases.map(\.rawValue) + [Settings.languageKey, "scheduler", "desired-retention", "interview-date", "interview-scope"]).joined(separator: ", ")).",
        discussion: (Settings.Key.allCases.map { "\($0.rawValue): \($0.summary)" } + [
            "\(Settings.languageKey): \(Settings.languageSummary)",
            "scheduler: sm2 (default) or fsrs; switching replays the review log to reschedule every card (docs/scheduling.md)",
            "desired-retention: the recall FSRS schedules for, 0.7 to 0.99 (default 0.9)",
            "interview-date: YYYY-MM-DD turns deadline mode on (off turns it off): the queue brings forward cards predicted below the desired retention on that day",
            "interview-scope: the cards deadline mode prepares, as 'deck=ID, section=NAME, tag=TAG' (each repeatable), or all (the default)",
        ]).joined(separator: "\n")
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case get, set
    }

    @Argument(help: "get or set.") var action: Action?
    @Argument(help: ArgumentHelp("The setting.", valueName: "key")) var key: String?
    @Argument(help: ArgumentHelp("The new value (with set).", valueName: "value")) var value: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if action == .set && (key == nil || value == nil) { throw ValidationError("usage: recall config set KEY VALUE") }
        if action == .get && value != nil { throw ValidationError("usage: recall config get [KEY]") }
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: action == .set ? .write("config set") : .read, reportDecks: false)
        var settings = library.settings
        if key == Settings.languageKey {
            if action == .set, let value {
                do {
                    settings.language = try Settings.parseLanguage(value)
                } catch {
                    throw CLIError(error.description)
                }
                try library.database.set(language: settings.language)
            }
            context.console.line(action == .get ? settings.language.rawValue : "\(Settings.languageKey) = \(settings.language.rawValue)")
            return
        }
        if key == "scheduler" {
            if action == .set, let value {
                guard let kind = SchedulerKind(rawValue: value.lowercased()) else {
                    throw CLIError("'\(value)' is not a valid value for scheduler: sm2 (the default) or fsrs")
                }
                let cards = try library.database.setScheduler(kind)
                context.console.line("scheduler = \(kind.rawValue) (the review log replayed: \(cards) cards rescheduled)")
            } else {
                context.console.line(try library.database.schedulerKind().rawValue)
            }
            return
        }
        if key == "interview-date" {
            if action == .set, let value {
                if value.lowercased() == "off" || value.lowercased() == "none" {
                    try library.database.setInterviewDate(nil)
                    context.console.line("interview-date = off (deadline mode off)")
                    return
                }
                guard let day = StudyDay(value) else {
                    throw CLIError("'\(value)' is not a valid value for interview-date: a date (YYYY-MM-DD) or off")
                }
                guard day > library.today else { throw CLIError("interview-date \(day) is not after today (\(library.today))") }
                try library.database.setInterviewDate(day)
                context.console.line("interview-date = \(day) (deadline mode: 'recall review' brings forward cards FSRS predicts forgotten by then)")
            } else {
                context.console.line(try library.database.interviewDate()?.description ?? "off")
            }
            return
        }
        if key == "interview-scope" {
            if action == .set, let value {
                if ["all", "off", "none"].contains(value.lowercased()) {
                    try library.database.setInterviewScope(nil)
                } else {
                    guard let scope = CardFilter(scope: value) else {
                        throw CLIError(
                            "'\(value)' is not a valid value for interview-scope: 'deck=ID', 'section=NAME' or 'tag=TAG', separated by commas, or all")
                    }
                    try library.requireDecks(scope.deckIDs)
                    try library.requireSections(scope.sections)
                    try library.database.setInterviewScope(scope)
                }
                context.console.line("interview-scope = \(try library.database.interviewScope()?.scopeText ?? "all")")
            } else {
                context.console.line(try library.database.interviewScope()?.scopeText ?? "all")
            }
            return
        }
        if key == "desired-retention" {
            if action == .set, let value {
                guard let retention = SchedulerKind.parseRetention(value) else {
                    throw CLIError("'\(value)' is not a valid value for desired-retention: the recall FSRS aims for, 0.7 to 0.99 (default 0.9)")
                }
                try library.database.setDesiredRetention(retention)
                context.console.line("desired-retention = \(retention)")
            } else {
                context.console.line(String(try library.database.desiredRetention()))
            }
            return
        }
        let keys: [Settings.Key]
        if let key {
            guard let parsed = Settings.Key(rawValue: key) else { throw CLIError(Settings.ValueError.unknownKey(key).description) }
            keys = [parsed]
        } else {
            keys = Settings.Key.allCases
        }
        if action == .set, let setting = keys.first, let value {
            do {
                settings[setting] = try Settings.parse(value, for: setting)
            } catch {
                throw CLIError(error.description)
            }
            try library.database.set(setting, to: settings[setting])
        }
        for key in keys {
            context.console.line(keys.count == 1 && action == .get ? "\(settings[key])" : "\(key.rawValue) = \(settings[key])")
        }
        if self.key == nil {
            context.console.line("\(Settings.languageKey) = \(settings.language.rawValue)")
            context.console.line("scheduler = \(try library.database.schedulerKind().rawValue)")
            context.console.line("desired-retention = \(try library.database.desiredRetention())")
            context.console.line("interview-date = \(try library.database.interviewDate()?.description ?? "off")")
            context.console.line("interview-scope = \(try library.database.interviewScope()?.scopeText ?? "all")")
        }
    }
}

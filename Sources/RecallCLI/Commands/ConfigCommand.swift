import ArgumentParser
import RecallKit

struct ConfigCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Get or set a setting: \((Settings.Key.allCases.map(\.rawValue) + [Settings.languageKey]).joined(separator: ", ")).",
        discussion: (Settings.Key.allCases.map { "\($0.rawValue): \($0.summary)" } + ["\(Settings.languageKey): \(Settings.languageSummary)"])
            .joined(separator: "\n")
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
        let library = try Library.open(global, context, reportDecks: false)
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
        if self.key == nil { context.console.line("\(Settings.languageKey) = \(settings.language.rawValue)") }
    }
}

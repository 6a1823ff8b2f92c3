/// The user's settings, kept in the database and changed with `recall config`.
public struct Settings: Hashable, Sendable, Codable {
    public var newCardsPerDay: Int = 20
    public var reviewsPerDay: Int = 200
    /// The hour (0–23, local time) at which a study day starts.
    public var dayStartHour: Int = StudyDay.defaultStartHour
    /// A re-drilled card waits until this many other cards have been shown…
    public var redrillGapCards: Int = 4
    /// …or this many minutes have passed, whichever comes first.
    public var redrillGapMinutes: Int = 10
    /// 1: siblings (cloze deletions of one note, cards a deck marks `Related:`) are not shown on the same day.
    public var siblingsApart: Int = 1
    /// The language cards are shown in (`recall config set language en|zh|both`).
    public var language: Language = .default

    public init() {}

    /// The name of the language setting for `recall config`: it takes a word, not a number, so it is not a ``Key``.
    public static let languageKey = "language"
    public static let languageSummary = "the language cards are shown in: en, zh or both (Chinese, then English; default en)"

    /// A setting as `recall config` names it.
    public enum Key: String, CaseIterable, Sendable {
        case newCardsPerDay = "new-per-day"
        case reviewsPerDay = "reviews-per-day"
        case dayStartHour = "day-starts-at"
        case redrillGapCards = "redrill-gap"
        case redrillGapMinutes = "redrill-gap-minutes"
        case siblingsApart = "siblings-apart"

        public var summary: String {
            switch self {
            case .newCardsPerDay: "new cards introduced a day (0–9999, default 20)"
            case .reviewsPerDay: "reviews a day at most (0–99999, default 200)"
            case .dayStartHour: "the local hour a study day starts (0–23, default 4)"
            case .redrillGapCards: "other cards shown before a re-drilled card comes back (0–100, default 4)"
            case .redrillGapMinutes: "or minutes passed, whichever comes first (0–1440, default 10)"
            case .siblingsApart: "1 keeps siblings and related cards on different days, 0 allows them together (default 1)"
            }
        }

        var range: ClosedRange<Int> {
            switch self {
            case .newCardsPerDay: 0...9999
            case .reviewsPerDay: 0...99_999
            case .dayStartHour: 0...23
            case .redrillGapCards: 0...100
            case .redrillGapMinutes: 0...1440
            case .siblingsApart: 0...1
            }
        }
    }

    public enum ValueError: Error, CustomStringConvertible {
        case unknownKey(String)
        case invalidValue(key: Key, value: String)

        public var description: String {
            switch self {
            case .unknownKey(let key):
                "unknown setting '\(key)'; the settings are \((Key.allCases.map(\.rawValue) + [Settings.languageKey]).joined(separator: ", "))"
            case .invalidValue(let key, let value):
                "'\(value)' is not a valid value for \(key.rawValue): \(key.summary)"
            }
        }
    }

    public subscript(key: Key) -> Int {
        get {
            switch key {
            case .newCardsPerDay: newCardsPerDay
            case .reviewsPerDay: reviewsPerDay
            case .dayStartHour: dayStartHour
            case .redrillGapCards: redrillGapCards
            case .redrillGapMinutes: redrillGapMinutes
            case .siblingsApart: siblingsApart
            }
        }
        set {
            switch key {
            case .newCardsPerDay: newCardsPerDay = newValue
            case .reviewsPerDay: reviewsPerDay = newValue
            case .dayStartHour: dayStartHour = newValue
            case .redrillGapCards: redrillGapCards = newValue
            case .redrillGapMinutes: redrillGapMinutes = newValue
            case .siblingsApart: siblingsApart = newValue
            }
        }
    }

    /// Validates a value typed by the user for `key`.
    public static func parse(_ value: String, for key: Key) throws(ValueError) -> Int {
        guard let number = Int(value.trimmingSpaces), isValid(number, for: key) else {
            throw .invalidValue(key: key, value: value)
        }
        return number
    }

    /// The one rule for a setting's value, wherever it comes from: `recall
    /// config set`, a backup being restored, or the database read back.
    public static func isValid(_ value: Int, for key: Key) -> Bool { key.range.contains(value) }

    /// Settings from `key` → value text pairs as the database stores them;
    /// an unknown key, or a value that breaks the rule, is left at its default.
    public init(stored pairs: [(key: String, value: String)]) {
        self.init()
        for (name, text) in pairs {
            if let key = Key(rawValue: name), let value = Int(text), Self.isValid(value, for: key) {
                self[key] = value
            } else if name == Self.languageKey, let language = Language(rawValue: text) {
                self.language = language
            }
        }
    }

    /// Validates a language typed by the user.
    public static func parseLanguage(_ value: String) throws(LanguageError) -> Language {
        guard let language = Language(rawValue: value.trimmingSpaces.lowercased()) else { throw LanguageError(value: value) }
        return language
    }

    public struct LanguageError: Error, CustomStringConvertible {
        public var value: String
        public var description: String { "'\(value)' is not a valid value for \(Settings.languageKey): \(Settings.languageSummary)" }
    }
}

import ArgumentParser
import BundledDecks
import RecallKit

/// `--lang en|zh|both`, shared by the commands that show cards; without it the `language` setting decides.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Show cards in en, zh or both (Chinese, then English). Default: 'recall config get language'.",
            valueName: "en|zh|both"),
        transform: LanguageOption.parse)
    var lang: Language?

    static func parse(_ value: String) throws -> Language {
        guard let language = Language(rawValue: value.lowercased()) else {
            throw ValidationError("--lang takes en, zh or both, not '\(value)'")
        }
        return language
    }

    func language(_ settings: Settings) -> Language { lang ?? settings.language }
}

extension Language {
    /// The line shown in `zh` above a card that has no Chinese for some field.
    static let fallbackNote = "（此卡片暂无中文，以英文显示）"
}

extension RecallContext {
    /// The Chinese labels of topic tags, from `Decks/topics-zh.tsv` compiled into the binary.
    var topicLabels: TopicLabels {
        TopicLabels.parse(String(decoding: BundledDecks.topicLabels, as: UTF8.self), file: "Decks/\(BundledDecks.topicLabelsName)").labels
    }
}

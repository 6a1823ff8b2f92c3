/// The limits that keep a card atomic, checked as warnings by `recall check`.
/// One place for each number; docs/deck-format.md repeats them for people.
public enum DeckLimits {
    public static let maxIDLength = 64
    public static let basicAnswerCharacters = 400
    public static let typedAnswerCharacters = 120
    public static let clozeDeletionCharacters = 100
    public static let choiceCharacters = 160
    public static let explanationCharacters = 600
    public static let minimumChoices = 3
}

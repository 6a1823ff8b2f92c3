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

    // Hard limits, checked as errors: they bound what one note can cost.
    // Every card of a cloze note stores the note's text, so a note's storage
    // grows with deletions × text; these keep it within ~100 KB a note.
    /// The most deletions one cloze note may have.
    public static let maxClozeDeletions = 26
    /// The most choices one multiple-choice card may have: the letters a–z that name them.
    public static let maxChoices = 26
    /// The longest value any one field (or choice) may have, in characters.
    public static let maxFieldCharacters = 4_000
}

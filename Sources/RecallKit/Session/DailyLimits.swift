/// The daily limits, in one place: how many new cards and reviews are left
/// for today, given the settings, what was already done today, and the
/// session's own `--new` and `--limit`.
public enum DailyLimits {
    /// New cards are limited by `new-per-day` less those introduced today (or
    /// `--new` for the session); reviews by `reviews-per-day` less those done
    /// today; `--limit` caps the session's queue before the re-drill.
    public static func remaining(
        settings: Settings, newIntroducedToday: Int, reviewsDoneToday: Int,
        sessionNew: Int? = nil, sessionLimit: Int? = nil
    ) -> ReviewQueue.Limits {
        ReviewQueue.Limits(
            newCards: max(0, sessionNew ?? (settings.newCardsPerDay - newIntroducedToday)),
            reviews: max(0, settings.reviewsPerDay - reviewsDoneToday),
            total: sessionLimit.map { max(0, $0) })
    }
}

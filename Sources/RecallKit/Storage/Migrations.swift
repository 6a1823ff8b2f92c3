import GRDB

/// The schema's history. Each migration is frozen once released: never edit
/// one, add the next. Names are literal SQL so that a migration means today
/// what it meant the day it shipped.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE deck (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    title_zh TEXT,
                    section TEXT NOT NULL,
                    section_zh TEXT,
                    description TEXT NOT NULL DEFAULT '',
                    path TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    retired INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE card (
                    id TEXT PRIMARY KEY NOT NULL,
                    deck_id TEXT NOT NULL REFERENCES deck(id),
                    note_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    content TEXT NOT NULL,
                    tags TEXT NOT NULL DEFAULT '',
                    line INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    retired INTEGER NOT NULL DEFAULT 0,
                    repetitions INTEGER NOT NULL DEFAULT 0,
                    easiness REAL NOT NULL DEFAULT 2.5,
                    interval_days INTEGER NOT NULL DEFAULT 0,
                    due_day TEXT,
                    lapses INTEGER NOT NULL DEFAULT 0,
                    leech INTEGER NOT NULL DEFAULT 0,
                    suspended INTEGER NOT NULL DEFAULT 0,
                    buried_until TEXT
                );
                CREATE INDEX card_deck ON card(deck_id, position);
                CREATE INDEX card_due ON card(due_day);
                CREATE TABLE review_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    card_id TEXT NOT NULL REFERENCES card(id),
                    reviewed_at TEXT NOT NULL,
                    study_day TEXT NOT NULL,
                    grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
                    duration_ms INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('review', 'new', 'redrill')),
                    previous_repetitions INTEGER NOT NULL,
                    new_repetitions INTEGER NOT NULL,
                    previous_easiness REAL NOT NULL,
                    new_easiness REAL NOT NULL,
                    previous_interval_days INTEGER NOT NULL,
                    new_interval_days INTEGER NOT NULL,
                    previous_due_day TEXT,
                    new_due_day TEXT,
                    previous_lapses INTEGER NOT NULL,
                    new_lapses INTEGER NOT NULL,
                    previous_leech INTEGER NOT NULL,
                    new_leech INTEGER NOT NULL
                );
                CREATE INDEX review_log_card ON review_log(card_id, id);
                CREATE INDEX review_log_day ON review_log(study_day);
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2-interview") { db in
            try db.execute(sql: """
                CREATE TABLE interview (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    study_day TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    question_count INTEGER NOT NULL,
                    time_limit_seconds INTEGER,
                    rescheduled INTEGER NOT NULL,
                    filter TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE interview_attempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    card_id TEXT NOT NULL REFERENCES card(id),
                    answer TEXT NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('right', 'partly', 'wrong')),
                    credit REAL NOT NULL,
                    late INTEGER NOT NULL,
                    duration_ms INTEGER NOT NULL,
                    answered_at TEXT NOT NULL,
                    review_log_id INTEGER REFERENCES review_log(id) ON DELETE SET NULL
                );
                CREATE INDEX interview_attempt_interview ON interview_attempt(interview_id, position);
                CREATE INDEX interview_attempt_card ON interview_attempt(card_id);
                """)
        }
        // Covering indexes for `recall stats`: every review_log aggregate it
        // runs is a range search on one of these, never a scan of the table.
        // review_log_day_stats serves the per-day aggregate (study day, then
        // the grouped columns, so GROUP BY study_day, kind, grade streams);
        // review_log_card_stats serves the per-deck aggregate, joined from
        // card in deck order, and every query narrowed to some decks.
        migrator.registerMigration("v3-stats") { db in
            try db.execute(sql: """
                CREATE INDEX review_log_day_stats
                    ON review_log(study_day, kind, grade, previous_interval_days, duration_ms, card_id);
                CREATE INDEX review_log_card_stats
                    ON review_log(card_id, kind, study_day, previous_interval_days, grade, duration_ms);
                """)
        }
        return migrator
    }
}

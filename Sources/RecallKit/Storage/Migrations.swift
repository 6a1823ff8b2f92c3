import GRDB

/// The schema's history. Each migration is frozen once released: never edit
/// one, add the next. Names are literal SQL so that a migration means today
/// what it meant the day it shipped.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
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
            try db.execute(
                sql: """
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
            try db.execute(
                sql: """
                    CREATE INDEX review_log_day_stats
                        ON review_log(study_day, kind, grade, previous_interval_days, duration_ms, card_id);
                    CREATE INDEX review_log_card_stats
                        ON review_log(card_id, kind, study_day, previous_interval_days, grade, duration_ms);
                    """)
        }
        // The compact layout (issue 11). Every day is an integer day number
        // (days since 1970-01-01, as `StudyDay` counts them), every instant an
        // integer millisecond count; a card has an integer key that the review
        // log refers to instead of repeating the card-id text; each answer has
        // a UUIDv7. Every row is kept: cards keep their old row order as their
        // key, answers keep their ids (interview attempts point at them).
        //
        // review_log keeps only the indexes its queries need, each proven by a
        // query-plan test (Tests/RecallKitTests/Storage/QueryPlanTests.swift):
        // - review_log_card (card_key, kind, day, …): a card's history and
        //   latest answer, "answered today?", and the per-deck stats, covering;
        // - review_log_day (day, kind, grade, …): today's counts, today's
        //   re-drill and the per-day stats, covering;
        // - review_log_uuid: an answer found by its id when logs are merged.
        // The card table's partial indexes serve the queue: due cards by due
        // day, new cards by deck and position, each read with a LIMIT.
        migrator.registerMigration("v4-compact-review-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE card_v4 (
                        key INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
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
                        due_day INTEGER,
                        lapses INTEGER NOT NULL DEFAULT 0,
                        leech INTEGER NOT NULL DEFAULT 0,
                        suspended INTEGER NOT NULL DEFAULT 0,
                        buried_until INTEGER,
                        fingerprint INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO card_v4 (key, id, deck_id, note_id, kind, content, tags, line, position, retired,
                                         repetitions, easiness, interval_days, due_day, lapses, leech, suspended, buried_until)
                    SELECT rowid, id, deck_id, note_id, kind, content, tags, line, position, retired,
                           repetitions, easiness, interval_days,
                           CAST(julianday(due_day) - 2440587.5 AS INTEGER), lapses, leech, suspended,
                           CAST(julianday(buried_until) - 2440587.5 AS INTEGER)
                    FROM card ORDER BY rowid;

                    CREATE TABLE review_log_v4 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        uuid_hi INTEGER NOT NULL,
                        uuid_lo INTEGER NOT NULL,
                        card_key INTEGER NOT NULL REFERENCES card(key),
                        answered_ms INTEGER NOT NULL,
                        utc_offset_minutes INTEGER NOT NULL,
                        day INTEGER NOT NULL,
                        grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
                        duration_ms INTEGER NOT NULL,
                        kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
                        previous_repetitions INTEGER NOT NULL,
                        new_repetitions INTEGER NOT NULL,
                        previous_easiness REAL NOT NULL,
                        new_easiness REAL NOT NULL,
                        previous_interval_days INTEGER NOT NULL,
                        new_interval_days INTEGER NOT NULL,
                        previous_due_day INTEGER,
                        new_due_day INTEGER,
                        previous_lapses INTEGER NOT NULL,
                        new_lapses INTEGER NOT NULL,
                        previous_leech INTEGER NOT NULL,
                        new_leech INTEGER NOT NULL
                    );
                    INSERT INTO review_log_v4
                    SELECT id, ms << 16 | 28672 | (random() & 4095), (random() & 4611686018427387903) | -9223372036854775808,
                           card_key, ms, utc_offset, day, grade, duration_ms, kind_code,
                           previous_repetitions, new_repetitions, previous_easiness, new_easiness,
                           previous_interval_days, new_interval_days, previous_due, new_due,
                           previous_lapses, new_lapses, previous_leech, new_leech
                    FROM (
                        SELECT l.*, c.key AS card_key,
                            CAST(julianday(l.study_day) - 2440587.5 AS INTEGER) AS day,
                            COALESCE(CAST(round((julianday(l.reviewed_at) - 2440587.5) * 86400000.0) AS INTEGER),
                                     CAST((julianday(l.study_day) - 2440587.5) * 86400000.0 AS INTEGER) + 43200000) AS ms,
                            CASE WHEN substr(l.reviewed_at, -6, 1) IN ('+', '-') AND substr(l.reviewed_at, -3, 1) = ':'
                                 THEN (CASE substr(l.reviewed_at, -6, 1) WHEN '-' THEN -1 ELSE 1 END)
                                      * (CAST(substr(l.reviewed_at, -5, 2) AS INTEGER) * 60 + CAST(substr(l.reviewed_at, -2, 2) AS INTEGER))
                                 ELSE 0
                            END AS utc_offset,
                            CASE l.kind WHEN 'new' THEN 0 WHEN 'review' THEN 1 ELSE 2 END AS kind_code,
                            CAST(julianday(l.previous_due_day) - 2440587.5 AS INTEGER) AS previous_due,
                            CAST(julianday(l.new_due_day) - 2440587.5 AS INTEGER) AS new_due
                        FROM review_log AS l JOIN card_v4 AS c ON c.id = l.card_id
                        ORDER BY l.id
                    );

                    CREATE TABLE interview_v4 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        started_at TEXT NOT NULL,
                        study_day INTEGER NOT NULL,
                        seed INTEGER NOT NULL,
                        question_count INTEGER NOT NULL,
                        time_limit_seconds INTEGER,
                        rescheduled INTEGER NOT NULL,
                        filter TEXT NOT NULL DEFAULT ''
                    );
                    INSERT INTO interview_v4
                    SELECT id, started_at, CAST(julianday(study_day) - 2440587.5 AS INTEGER), seed, question_count,
                           time_limit_seconds, rescheduled, filter
                    FROM interview ORDER BY id;

                    DROP TABLE review_log;
                    DROP TABLE card;
                    DROP TABLE interview;
                    ALTER TABLE card_v4 RENAME TO card;
                    ALTER TABLE review_log_v4 RENAME TO review_log;
                    ALTER TABLE interview_v4 RENAME TO interview;

                    CREATE INDEX card_deck ON card(deck_id, position);
                    CREATE INDEX card_due ON card(due_day, deck_id, position)
                        WHERE retired = 0 AND suspended = 0 AND due_day IS NOT NULL;
                    CREATE INDEX card_new ON card(deck_id, position)
                        WHERE retired = 0 AND suspended = 0 AND due_day IS NULL;
                    CREATE INDEX review_log_card
                        ON review_log(card_key, kind, day, previous_interval_days, grade, duration_ms);
                    CREATE INDEX review_log_day
                        ON review_log(day, kind, grade, previous_interval_days, duration_ms, card_key);
                    CREATE UNIQUE INDEX review_log_uuid ON review_log(uuid_hi, uuid_lo);

                    ALTER TABLE deck ADD COLUMN file_size INTEGER;
                    ALTER TABLE deck ADD COLUMN file_modified_ns INTEGER;
                    """)
        }
        migrator.registerMigration("v6-interview-overruled") { db in
            // Whether the user overruled the attempt's automatic verdict (`:o`), for --history and backups.
            try db.execute(sql: "ALTER TABLE interview_attempt ADD COLUMN overruled INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v7-stats-by-day") { db in
            // What `recall stats` reads: the answers of each (day, kind, grade, deck), kept by triggers on
            // review_log so every writer (answers, undo, imports, restores) keeps it true. A year of stats
            // reads a few thousand of these rows instead of every answer of the year. 21 days = mature.
            try db.execute(
                sql: """
                    CREATE TABLE stats_day (
                        day INTEGER NOT NULL, kind INTEGER NOT NULL, grade INTEGER NOT NULL, deck_id TEXT NOT NULL,
                        answers INTEGER NOT NULL, mature INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
                        PRIMARY KEY (day, kind, grade, deck_id)
                    ) WITHOUT ROWID;
                    INSERT INTO stats_day (day, kind, grade, deck_id, answers, mature, duration_ms)
                        SELECT l.day, l.kind, l.grade, card.deck_id, COUNT(*), SUM(l.previous_interval_days >= 21), SUM(l.duration_ms)
                        FROM review_log AS l JOIN card ON card.key = l.card_key
                        GROUP BY l.day, l.kind, l.grade, card.deck_id;
                    CREATE TRIGGER review_log_stats_insert AFTER INSERT ON review_log BEGIN
                        INSERT INTO stats_day (day, kind, grade, deck_id, answers, mature, duration_ms)
                            SELECT NEW.day, NEW.kind, NEW.grade, deck_id, 1, NEW.previous_interval_days >= 21, NEW.duration_ms
                            FROM card WHERE key = NEW.card_key
                            ON CONFLICT (day, kind, grade, deck_id) DO UPDATE SET
                                answers = answers + 1, mature = mature + excluded.mature, duration_ms = duration_ms + excluded.duration_ms;
                    END;
                    CREATE TRIGGER review_log_stats_delete AFTER DELETE ON review_log BEGIN
                        UPDATE stats_day SET answers = answers - 1, mature = mature - (OLD.previous_interval_days >= 21),
                                             duration_ms = duration_ms - OLD.duration_ms
                            WHERE day = OLD.day AND kind = OLD.kind AND grade = OLD.grade
                              AND deck_id = (SELECT deck_id FROM card WHERE key = OLD.card_key);
                        DELETE FROM stats_day WHERE day = OLD.day AND kind = OLD.kind AND grade = OLD.grade AND answers <= 0;
                    END;
                    CREATE TRIGGER review_log_stats_update AFTER UPDATE OF day, kind, grade, previous_interval_days, duration_ms, card_key
                    ON review_log BEGIN
                        UPDATE stats_day SET answers = answers - 1, mature = mature - (OLD.previous_interval_days >= 21),
                                             duration_ms = duration_ms - OLD.duration_ms
                            WHERE day = OLD.day AND kind = OLD.kind AND grade = OLD.grade
                              AND deck_id = (SELECT deck_id FROM card WHERE key = OLD.card_key);
                        DELETE FROM stats_day WHERE day = OLD.day AND kind = OLD.kind AND grade = OLD.grade AND answers <= 0;
                        INSERT INTO stats_day (day, kind, grade, deck_id, answers, mature, duration_ms)
                            SELECT NEW.day, NEW.kind, NEW.grade, deck_id, 1, NEW.previous_interval_days >= 21, NEW.duration_ms
                            FROM card WHERE key = NEW.card_key
                            ON CONFLICT (day, kind, grade, deck_id) DO UPDATE SET
                                answers = answers + 1, mature = mature + excluded.mature, duration_ms = duration_ms + excluded.duration_ms;
                    END;
                    """)
        }
        // The deck file's note-block index (DeckBlockIndex), so that an edited file is parsed
        // only where it changed; and the last check of each broken deck file, so that an
        // unchanged broken file costs a stat and still reports its errors.
        migrator.registerMigration("v8-incremental-decks") { db in
            try db.execute(
                sql: """
                    ALTER TABLE deck ADD COLUMN note_blocks BLOB;
                    CREATE TABLE deck_file_check (
                        path TEXT PRIMARY KEY NOT NULL,
                        file_size INTEGER,
                        file_modified_ns INTEGER,
                        content_hash TEXT NOT NULL,
                        declared_deck_id TEXT,
                        diagnostics BLOB NOT NULL
                    );
                    """)
        }
        return migrator
    }
}

import Foundation
import GRDB
import ZIPFoundation

/// Writes an Anki package (`.apkg`): a zip holding `collection.anki2` in
/// Anki's schema 11 and an empty `media` map, which current Anki imports.
///
/// Decks become `Recall::<Section>::<Deck title>`; question, typed and
/// multiple-choice cards become notes of the "Recall Basic" and "Recall
/// Typed" note types (fields Front, Back, Explanation, Source, then the
/// Chinese in Front.zh, Back.zh, Explanation.zh), cloze notes become "Recall
/// Cloze" notes (Text, Explanation, Source, Text.zh, Explanation.zh) with one
/// card per deletion. The templates show the Chinese under the English only
/// when a note has it, so English-only notes work as before. Note GUIDs come
/// from the card ids and note-type ids are constants, so importing a later
/// export updates the notes instead of adding copies. Each card carries its
/// interval, ease (EF × 1000), due day, repetitions, lapses and suspension,
/// and every answer becomes a `revlog` row.
public enum AnkiPackageWriter {
    /// Note-type ids: fixed, so that every export names the same note types.
    static let basicModelID: Int64 = 1_735_000_000_001
    static let typedModelID: Int64 = 1_735_000_000_002
    static let clozeModelID: Int64 = 1_735_000_000_003

    /// Writes the package for `selection` to `url` (replacing it atomically).
    ///
    /// - Parameters:
    ///   - moment: now; the collection's day 0 is today's study day, and notes are stamped with this time.
    public static func write(
        _ selection: [(deck: DeckRecord, cards: [StoredCard])], reviews: [String: [ReviewLogRecord]],
        settings: Settings, moment: Moment, to url: URL
    ) throws {
        let work = FileManager.default.temporaryDirectory.appending(path: "recall-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let collection = work.appending(path: "collection.anki2")
        try writeCollection(selection, reviews: reviews, settings: settings, moment: moment, to: collection)
        let zipURL = work.appending(path: "package.apkg")
        let archive = try Archive(url: zipURL, accessMode: .create)
        try archive.addEntry(with: "collection.anki2", fileURL: collection, compressionMethod: .deflate)
        let media = Data("{}".utf8)
        try archive.addEntry(with: "media", type: .file, uncompressedSize: Int64(media.count), compressionMethod: .deflate) { position, size in
            media.subdata(in: Int(position)..<Int(position) + size)
        }
        try Data(contentsOf: zipURL).write(to: url, options: .atomic)
    }

    static func writeCollection(
        _ selection: [(deck: DeckRecord, cards: [StoredCard])], reviews: [String: [ReviewLogRecord]],
        settings: Settings, moment: Moment, to url: URL
    ) throws {
        let today = moment.studyDay(startHour: settings.dayStartHour)
        let dayStartSeconds = Int64(today.daysSinceEpoch) * 86_400 + Int64(settings.dayStartHour) * 3600
        let offset = Int64(moment.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(dayStartSeconds))))
        let crt = dayStartSeconds - offset
        let nowSeconds = Int64(moment.instant.timeIntervalSince1970.rounded(.down))
        let nowMs = nowSeconds * 1000

        var deckIDs: [String: Int64] = [:]
        var deckNames: [Int64: String] = [1: "Default"]
        for (deck, _) in selection {
            let name = AnkiNote.deckName(deck)
            let parts = name.components(separatedBy: "::")
            for depth in 1...parts.count {
                let prefix = parts.prefix(depth).joined(separator: "::")
                deckNames[AnkiSchema.stableID("deck:" + prefix)] = prefix
            }
            deckIDs[deck.id] = AnkiSchema.stableID("deck:" + name)
        }

        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: AnkiSchema.createSQL)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    crt, nowMs, nowMs, AnkiSchema.version,
                    try json(collectionConfig(settings: settings, minutesWest: -offset / 60)),
                    try json(models()), try json(decks(deckNames, modified: nowSeconds)), try json(deckConfig(settings)),
                ])
            var newPosition = 0
            var revlogIDs: Set<Int64> = []
            for (deck, cards) in selection {
                guard let did = deckIDs[deck.id] else { continue }
                for note in AnkiNote.notes(for: cards) {
                    let noteID = AnkiSchema.stableID("note:" + note.guid)
                    let modelID: Int64
                    let fields: [String]
                    switch note.kind {
                    case .basic:
                        modelID = basicModelID
                        fields = [note.front, note.back, note.explanation, note.source, note.frontZh, note.backZh, note.explanationZh]
                    case .typed:
                        modelID = typedModelID
                        fields = [note.front, note.back, note.explanation, note.source, note.frontZh, note.backZh, note.explanationZh]
                    case .cloze:
                        modelID = clozeModelID
                        fields = [note.front, note.explanation, note.source, note.frontZh, note.explanationZh]
                    }
                    let sortField = HTMLText.toPlain(fields[0])
                    let tags = note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " "
                    try db.execute(
                        sql: "INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')",
                        arguments: [
                            noteID, note.guid, modelID, nowSeconds, tags, fields.joined(separator: AnkiSchema.fieldSeparator),
                            sortField, AnkiSchema.checksum(sortField),
                        ])
                    for (ordinal, stored) in note.cards {
                        let cardID = AnkiSchema.stableID("card:" + stored.card.qualifiedID)
                        let schedule = stored.schedule
                        let log = reviews[stored.card.qualifiedID] ?? []
                        let type: Int
                        let due: Int
                        let interval: Int
                        let factor: Int
                        if let dueDay = schedule.dueDay {
                            type = AnkiSchema.typeReview
                            due = today.distance(to: dueDay)
                            interval = max(1, schedule.sm2.intervalDays)
                            factor = Int((schedule.sm2.easiness * 1000).rounded())
                        } else {
                            newPosition += 1
                            type = AnkiSchema.typeNew
                            due = newPosition
                            interval = 0
                            factor = 0
                        }
                        let queueValue = stored.isSuspended ? AnkiSchema.queueSuspended : type
                        try db.execute(
                            sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')",
                            arguments: [
                                cardID, noteID, did, ordinal, nowSeconds, type, queueValue, due, interval, factor,
                                log.count, schedule.lapses,
                            ])
                        for entry in log {
                            var id = entry.answeredAt.unixMilliseconds
                            while !revlogIDs.insert(id).inserted { id += 1 }
                            let type: Int
                            switch entry.kind {
                            case .new: type = AnkiSchema.revlogLearn
                            case .review: type = entry.grade.isPassing ? AnkiSchema.revlogReview : AnkiSchema.revlogRelearn
                            case .redrill: type = AnkiSchema.revlogFiltered
                            }
                            try db.execute(
                                sql: "INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)",
                                arguments: [
                                    id, cardID, AnkiSchema.ease(for: entry.grade), entry.newIntervalDays, entry.previousIntervalDays,
                                    Int((entry.newEasiness * 1000).rounded()), entry.durationMs, type,
                                ])
                        }
                    }
                }
            }
        }
        try queue.close()
    }

    static func isoDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    private static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    private static func collectionConfig(settings: Settings, minutesWest: Int64) -> [String: Any] {
        [
            "nextPos": 1, "schedVer": 2, "sched2021": true, "activeDecks": [1], "curDeck": 1, "newSpread": 0,
            "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": basicModelID,
            "sortType": "noteFld", "sortBackwards": false, "addToCur": true, "dayLearnFirst": false,
            "creationOffset": minutesWest, "rollover": settings.dayStartHour,
        ]
    }

    private static let css = """
        .card { font-family: sans-serif; font-size: 20px; line-height: 1.5; text-align: left; color: black; background-color: white; }
        .why { margin-top: 1em; font-style: italic; }
        .source { margin-top: 0.5em; font-size: 14px; color: #555; }
        .cloze { font-weight: bold; color: blue; }
        .nightMode .cloze { color: lightblue; }
        .zh { margin-top: 0.5em; }
        """

    private static let extras =
        "{{#Explanation}}<div class=why>{{Explanation}}</div>{{/Explanation}}"
        + "{{#Explanation.zh}}<div class=why>{{Explanation.zh}}</div>{{/Explanation.zh}}{{#Source}}<div class=source>{{Source}}</div>{{/Source}}"

    /// The Chinese of `field` under its English, shown only when the note has it.
    private static func chinese(_ field: String, filter: String = "") -> String {
        "{{#\(field).zh}}<div class=zh>{{\(filter)\(field).zh}}</div>{{/\(field).zh}}"
    }

    /// The names of the Chinese fields, after the English ones.
    static let chineseFields = ["Front.zh", "Back.zh", "Explanation.zh"]
    static let chineseClozeFields = ["Text.zh", "Explanation.zh"]

    private static func models() -> [String: Any] {
        func field(_ name: String, _ ord: Int) -> [String: Any] {
            [
                "name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "description": "",
                "plainText": false, "collapsed": false, "excludeFromSearch": false,
            ]
        }
        func template(_ name: String, _ qfmt: String, _ afmt: String) -> [String: Any] {
            ["name": name, "ord": 0, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "", "bsize": 0]
        }
        func model(_ id: Int64, _ name: String, type: Int, fields: [String], template tmpl: [String: Any]) -> [String: Any] {
            [
                "id": id, "name": name, "type": type, "mod": 1_735_000_000, "usn": 0, "sortf": 0, "did": NSNull(),
                "tmpls": [tmpl], "flds": fields.enumerated().map { field($0.element, $0.offset) }, "css": css,
                "latexPre":
                    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
                "latexPost": "\\end{document}", "latexsvg": false, "req": [[0, "any", [0]]], "tags": [], "vers": [],
            ]
        }
        let basicFields = ["Front", "Back", "Explanation", "Source"] + chineseFields
        let front = "{{Front}}" + chinese("Front")
        return [
            String(basicModelID): model(
                basicModelID, "Recall Basic", type: 0, fields: basicFields,
                template: template("Card 1", front, "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" + chinese("Back") + extras)),
            String(typedModelID): model(
                typedModelID, "Recall Typed", type: 0, fields: basicFields,
                template: template(
                    "Card 1", front + "\n\n{{type:Back}}",
                    front + "\n\n<hr id=answer>\n\n{{type:Back}}" + chinese("Back") + extras)),
            String(clozeModelID): model(
                clozeModelID, "Recall Cloze", type: 1, fields: ["Text", "Explanation", "Source"] + chineseClozeFields,
                template: template(
                    "Cloze", "{{cloze:Text}}" + chinese("Text", filter: "cloze:"),
                    "{{cloze:Text}}" + chinese("Text", filter: "cloze:") + extras)),
        ]
    }

    private static func decks(_ names: [Int64: String], modified: Int64) -> [String: Any] {
        var out: [String: Any] = [:]
        for (id, name) in names {
            out[String(id)] = [
                "id": id, "mod": modified, "name": name, "usn": 0, "lrnToday": [0, 0], "revToday": [0, 0],
                "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false,
                "desc": "", "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
            ]
        }
        return out
    }

    private static func deckConfig(_ settings: Settings) -> [String: Any] {
        [
            "1": [
                "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true,
                "dyn": false,
                "new": [
                    "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1,
                    "perDay": settings.newCardsPerDay,
                ],
                "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": settings.reviewsPerDay, "hardFactor": 1.2],
                "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": Scheduler.leechLapses, "minInt": 1, "mult": 0.0],
            ]
        ]
    }
}

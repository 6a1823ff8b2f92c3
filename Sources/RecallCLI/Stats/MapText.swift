import RecallKit

/// `recall map` as text: the knowledge map as a tree, each node with cards
/// seen out of total and a mastery bar, then the weakest topics.
enum MapText {
    static let labelWidth = 36
    static let barWidth = 20

    /// - Parameter labels: the names of sections, decks and topics in the chosen language (default: as they are).
    /// - Parameter recallOn: when set, each node also shows its predicted recall on that day.
    static func render(
        _ map: KnowledgeMap, today: StudyDay, depth: Int, glyphs: ChartGlyphs, style: Style,
        labels: MapLabels = MapLabels(language: .en, topics: TopicLabels(), decks: []),
        recallOn: StudyDay? = nil
    ) -> String {
        let showRecall = recallOn != nil
        func row(
            _ node: KnowledgeMap.Node, prefix: String, glyphs: ChartGlyphs, style: Style,
            bold: Bool = false, weak: Bool = false, name: String? = nil
        ) -> String {
            MapText.row(node, prefix: prefix, glyphs: glyphs, style: style, bold: bold, weak: weak, name: name, showRecall: showRecall)
        }
        func name(_ node: KnowledgeMap.Node) -> String {
            switch node.level {
            case .section: labels.section(node.name)
            case .deck: labels.deck(node.name)
            case .topic: labels.topic(node.name)
            }
        }
        var lines: [String] = []
        lines.append(
            style.bold("Knowledge map") + glyphs.separator + today.description + glyphs.separator
                + "mastery: cards at an interval of 21 days or more")
        if let day = recallOn {
            lines.append("predicted recall (FSRS-6) on \(day): the mean over each node's cards, unseen cards 0")
            lines.append("".padded(labelWidth) + "   seen/total  mastery" + String(repeating: " ", count: 12) + "recall")
        } else {
            lines.append("".padded(labelWidth) + "   seen/total  mastery")
        }
        let weak = Set(map.weakest.map { "\($0.deckID)/\($0.topic.name)" })
        for section in map.sections {
            lines.append(row(section, prefix: "", glyphs: glyphs, style: style, bold: true, name: name(section)))
            guard depth >= 2 else { continue }
            for (deckIndex, deck) in section.children.enumerated() {
                let lastDeck = deckIndex == section.children.count - 1
                lines.append(row(deck, prefix: lastDeck ? glyphs.lastBranch : glyphs.branch, glyphs: glyphs, style: style, name: name(deck)))
                guard depth >= 3 else { continue }
                let trunk = lastDeck ? "   " : glyphs.trunk
                for (topicIndex, topic) in deck.children.enumerated() {
                    let branch = topicIndex == deck.children.count - 1 ? glyphs.lastBranch : glyphs.branch
                    let isWeak = weak.contains("\(deck.name)/\(topic.name)")
                    lines.append(row(topic, prefix: trunk + branch, glyphs: glyphs, style: style, weak: isWeak, name: name(topic)))
                }
            }
        }
        let all = ["All decks": "全部卡组"]
        lines.append(
            row(
                map.root, prefix: "", glyphs: glyphs, style: style, bold: true,
                name: MapLabels.pick(english: "All decks", chinese: all["All decks"], labels.language)))
        lines.append("")
        if map.weakest.isEmpty {
            lines.append(style.bold("Weakest topics") + ": none started yet (a topic has at least \(KnowledgeMap.minimumTopicCards) cards).")
        } else {
            lines.append(style.bold("Weakest topics") + " you have started (lowest mastery, then most lapses):")
            for topic in map.weakest {
                let node = topic.topic
                let label = Charts.fit("\(labels.deck(topic.deckID)) / \(labels.topic(node.name))", 32, glyphs: glyphs)
                lines.append(
                    "  " + style.bad(glyphs.marker) + " " + label.padded(32) + " "
                        + Charts.percent(node.mastery).leftPadded(4) + " mastered, \(node.seen)/\(node.total) seen, "
                        + "\(node.lapses) lapse\(node.lapses == 1 ? "" : "s")")
            }
        }
        if !map.notStarted.isEmpty {
            let names = map.notStarted.prefix(4).map { "\(labels.topic($0.topic.name)) (\($0.topic.total))" }.joined(separator: ", ")
            let more = map.notStarted.count > 4 ? ", …" : ""
            lines.append(
                Charts.fit(
                    "Not started: \(map.notStarted.count) topic\(map.notStarted.count == 1 ? "" : "s"): \(names)\(more)",
                    Charts.width, glyphs: glyphs))
        }
        return lines.map(\.trimmedRight).joined(separator: "\n") + "\n"
    }

    static func row(
        _ node: KnowledgeMap.Node, prefix: String, glyphs: ChartGlyphs, style: Style,
        bold: Bool = false, weak: Bool = false, name: String? = nil, showRecall: Bool = false
    ) -> String {
        let label = Charts.fit(prefix + (name ?? node.name), labelWidth, glyphs: glyphs).padded(labelWidth)
        let counts = "\(String(node.seen).leftPadded(5))/\(String(node.total).padded(5))"
        let bar = Charts.bar(node.mastery, width: showRecall ? barWidth - 8 : barWidth, glyphs: glyphs, empty: glyphs.empty)
        var text =
            (bold ? style.bold(label) : label) + "  " + counts + "  " + style.good(bar) + " "
            + Charts.percent(node.mastery).leftPadded(4)
        if showRecall { text += "  " + Charts.percent(node.predictedRecall).leftPadded(6) }
        return weak ? text + " " + style.bad(glyphs.marker) : text
    }
}

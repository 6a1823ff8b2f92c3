import Foundation
import RecallCLI
import RecallKit
import Testing

/// A second deck, with topics (tags), for the map.
let taggedDeckText = """
    ---
    id: infra
    title: Infrastructure
    section: Infrastructure
    tags: infra
    ---

    ## nvlink
    Q: What does NVLink connect?
    A: GPUs to GPUs
    Source: NVIDIA docs
    Tags: gpu, interconnect

    ## nvswitch
    Q: What does NVSwitch do?
    A: Connects many NVLinks
    Source: NVIDIA docs
    Tags: gpu, interconnect

    ## hbm
    Q: What memory do data-centre GPUs use?
    A: HBM
    Source: NVIDIA docs
    Tags: gpu, memory

    ## ib
    Q: What links nodes in a GPU cluster?
    A: InfiniBand
    Source: NVIDIA docs
    Tags: interconnect, network

    ## roce
    Q: What is RoCE?
    A: RDMA over Converged Ethernet
    Source: NVIDIA docs
    Tags: network

    ## smi
    T: Show the GPUs and their memory use.
    A: nvidia-smi
    Source: NVIDIA docs
    Tags: gpu, commands
    """

/// A fixed history over the sample and infra decks, answered with `recall grade`
/// at fixed moments, ending on 2026-11-29 at 09:00 UTC.
func statsSandbox() throws -> Sandbox {
    let sandbox = try Sandbox(decks: ["sample.md": sampleDeckText, "infra.md": taggedDeckText])
    let answers: [(day: String, card: String, grade: Int)] = [
        ("2026-08-03", "sample/zero", 5), ("2026-08-04", "sample/zero", 5), ("2026-08-10", "sample/zero", 5),
        ("2026-08-27", "sample/zero", 4),  // young review, interval 17 → 48
        ("2026-10-14", "sample/zero", 4),  // mature review (interval 48), passed → 134
        ("2026-08-03", "sample/bubble", 4), ("2026-08-04", "sample/bubble", 3), ("2026-08-10", "sample/bubble", 2),  // a lapse
        ("2026-08-10", "sample/bubble", 4),  // its re-drill
        ("2026-08-11", "sample/bubble", 5), ("2026-08-17", "sample/bubble", 5), ("2026-09-01", "sample/bubble", 5),
        ("2026-10-14", "sample/bubble", 1),  // mature review (interval 39 → due 10-10, answered late), failed
        ("2026-10-14", "sample/bubble", 4), ("2026-10-15", "sample/bubble", 4),
        ("2026-11-20", "infra/nvlink", 5), ("2026-11-21", "infra/nvlink", 5),
        ("2026-11-27", "infra/nvlink", 4), ("2026-11-27", "infra/hbm", 2), ("2026-11-27", "infra/hbm", 4),
        ("2026-11-28", "infra/hbm", 3), ("2026-11-28", "infra/ib", 5), ("2026-11-28", "sample/awq", 0),
        ("2026-11-28", "sample/awq", 2), ("2026-11-28", "sample/awq", 5),
        ("2026-11-29", "infra/hbm", 4), ("2026-11-29", "infra/roce", 4),
    ]
    for (day, card, grade) in answers {
        sandbox.now = "\(day)T09:00:00Z"
        let run = sandbox.run(["grade", card, String(grade)])
        guard run.status == 0 else { throw CLIError("grade \(card) \(grade) on \(day): \(run.errors)") }
    }
    sandbox.now = "2026-11-29T20:00:00Z"
    sandbox.run(["suspend", "infra/smi"])
    return sandbox
}

@Suite struct StatsCommandTests {
    /// Every chart of `recall stats`, drawn in ASCII (no UTF-8 locale) over the fixed history.
    @Test func statsInASCIIMatchesTheGolden() throws {
        let sandbox = try statsSandbox()
        let run = sandbox.run(["stats", "--ascii"])
        #expect(run.status == 0)
        #expect(run.output == statsASCIIGolden)
        // The locale decides when --ascii is not given: no LANG is not UTF-8.
        #expect(sandbox.run(["stats"]).output == statsASCIIGolden)
        sandbox.extraEnvironment = ["LANG": "en_US.UTF-8"]
        #expect(sandbox.run(["stats", "--ascii"]).output == statsASCIIGolden)
    }

    @Test func statsInUnicodeMatchesTheGolden() throws {
        let sandbox = try statsSandbox()
        sandbox.extraEnvironment = ["LANG": "en_US.UTF-8"]
        #expect(sandbox.run(["stats"]).output == statsUnicodeGolden)
        // LC_ALL wins over LANG.
        sandbox.extraEnvironment = ["LANG": "en_US.UTF-8", "LC_ALL": "C"]
        #expect(sandbox.run(["stats"]).output == statsASCIIGolden)
    }

    @Test func statsForOneDeckOverThirtyDays() throws {
        let sandbox = try statsSandbox()
        sandbox.extraEnvironment = ["LANG": "en_US.UTF-8"]
        #expect(sandbox.run(["stats", "--deck", "infra", "--days", "30"]).output == statsDeckGolden)
        // The section holds only that deck here, so it is the same selection.
        let bySection = sandbox.run(["stats", "--section", "Infrastructure", "--days", "30"]).output
        #expect(bySection == statsDeckGolden.replacingOccurrences(of: "deck infra", with: "section Infrastructure"))
    }

    @Test func sectionsAreNamedInEitherLanguage() throws {
        let sandbox = try statsSandbox()
        let map = sandbox.run(["map", "--section", "大模型的预训练技术", "--depth", "2"])
        #expect(map.status == 0)
        #expect(map.output.contains("`- sample"))
        #expect(!map.output.contains("infra"))
        let both = sandbox.run(["stats", "--section", "pre-training", "--deck", "infra", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(both.output.utf8)) as? [String: Any])
        #expect(json["decks"] as? [String] == ["infra", "sample"])  // the union: --deck first, then the section's decks
    }

    @Test func statsOnAnEmptyHistory() throws {
        let sandbox = try Sandbox()
        sandbox.extraEnvironment = ["LANG": "en_US.UTF-8"]
        #expect(sandbox.run(["stats"]).output == statsEmptyGolden)
    }

    @Test func mapMatchesTheGoldens() throws {
        let sandbox = try statsSandbox()
        #expect(sandbox.run(["map", "--depth", "2"]).output == mapASCIIDepth2Golden)
        sandbox.extraEnvironment = ["LC_ALL": "C.UTF-8"]
        #expect(sandbox.run(["map"]).output == mapUnicodeGolden)
    }

    @Test func everyLineFitsEightyColumns() throws {
        let sandbox = try statsSandbox()
        for locale in ["C", "en_US.UTF-8"] {
            sandbox.extraEnvironment = ["LANG": locale]
            for arguments in [["stats"], ["map"], ["stats", "--deck", "sample"], ["stats", "--days", "2000"]] {
                let run = sandbox.run(arguments, terminal: true)
                #expect(run.status == 0)
                for line in run.output.split(separator: "\n") {
                    #expect(String(line).visibleColumns <= 80, "\(arguments) \(locale): \(line)")
                }
            }
        }
    }

    @Test func theBundledDecksFitEightyColumnsToo() throws {
        let sandbox = try Sandbox(decks: [:])
        sandbox.run(["grade", "parallelism-strategies/ddp-bucketing-overlap", "4"], bundled: true)
        for locale in ["C", "C.UTF-8"] {
            sandbox.extraEnvironment = ["LANG": locale]
            for arguments in [["stats"], ["map"], ["map", "--lang", "zh"], ["map", "--lang", "both"]] {
                let run = sandbox.run(arguments, bundled: true, terminal: true)
                #expect(run.status == 0)
                #expect(run.output.contains(arguments.count == 1 ? "parallelism-strategies" : "分布式预训练并行技术"))
                for line in run.output.split(separator: "\n") {
                    #expect(String(line).visibleColumns <= 80, "\(arguments) \(locale): \(line)")
                }
            }
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let sandbox = try statsSandbox()
        for command in ["stats", "map"] {
            #expect(!sandbox.run([command]).output.contains("\u{1B}["))
            let coloured = sandbox.run([command], terminal: true).output
            #expect(coloured.contains("\u{1B}["))
            sandbox.extraEnvironment = ["NO_COLOR": "1"]
            #expect(!sandbox.run([command], terminal: true).output.contains("\u{1B}["))
            sandbox.extraEnvironment = [:]
            // Colour adds codes, never columns: without them the text is the plain text.
            #expect(coloured.withoutColour == sandbox.run([command]).output)
        }
    }

    @Test func statsJSONHasEverythingShown() throws {
        let sandbox = try statsSandbox()
        let run = sandbox.run(["stats", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2026-11-29")
        let today = try #require(json["todaySummary"] as? [String: Any])
        #expect(today["answers"] as? Int == 2 && today["dueReviews"] as? Int == 3 && today["newWaiting"] as? Int == 2)
        #expect(json["streak"] as? [String: Int] == ["current": 3, "longest": 3])
        let heatmap = try #require(json["heatmap"] as? [String: Any])
        #expect(heatmap["start"] as? String == "2025-11-24")
        #expect((heatmap["counts"] as? [Int])?.reduce(0, +) == 27)
        let forecast = try #require(json["forecast"] as? [[String: Any]])
        #expect(forecast.count == 30 && forecast[0]["count"] as? Int == 3)
        #expect((json["intervals"] as? [[String: Any]])?.count == 11)
        #expect((json["easiness"] as? [[String: Any]])?.count == 8)
        let period = try #require(json["period"] as? [String: Any])
        let retention = try #require(period["retention"] as? [String: Any])
        #expect(retention["maturePassed"] as? Int == 1 && retention["matureReviews"] as? Int == 1)
        #expect(retention["youngPassed"] as? Int == 12 && retention["youngReviews"] as? Int == 14)
        #expect((retention["youngRetention"] as? Double).map { abs($0 - 12.0 / 14.0) < 1e-9 } == true)
        #expect((json["retentionByDeck"] as? [[String: Any]])?.map { $0["deckID"] as? String } == ["infra", "sample"])
        #expect((json["retentionByMonth"] as? [[String: Any]])?.count == 13)
        let decks = try #require(json["deckCounts"] as? [[String: Any]])
        #expect(decks.first?["suspended"] as? Int == 1)
    }

    @Test func mapJSONHasTheTreeAndTheWeakest() throws {
        let sandbox = try statsSandbox()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sandbox.run(["map", "--json"]).output.utf8)) as? [String: Any])
        let root = try #require(json["root"] as? [String: Any])
        #expect(root["total"] as? Int == 10 && root["seen"] as? Int == 7 && root["mastered"] as? Int == 1)
        let weakest = try #require(json["weakest"] as? [[String: Any]])
        #expect(weakest.compactMap { ($0["topic"] as? [String: Any])?["name"] as? String } == ["gpu", "interconnect"])
    }

    @Test func badScopesAreClearErrors() throws {
        let sandbox = try statsSandbox()
        let deck = sandbox.run(["stats", "--deck", "nope"])
        #expect(deck.status == 1)
        #expect(deck.errors == "error: no deck 'nope'; 'recall decks' lists them\n")
        let section = sandbox.run(["map", "--section", "Cooking"])
        #expect(section.errors == "error: no section 'Cooking'; the sections are: Infrastructure, Pre-training\n")
        #expect(sandbox.run(["stats", "--days", "0"]).status != 0)
        #expect(sandbox.run(["stats", "--days", "99999"]).errors.contains("--days must be between 1 and 36500"))
        #expect(sandbox.run(["map", "--depth", "4"]).status != 0)
    }
}

extension String {
    /// Columns on a terminal: characters, less ANSI colour codes.
    /// Terminal columns, a CJK character counting two (counted here, not with TextWidth, so the check is independent).
    var visibleColumns: Int {
        withoutColour.unicodeScalars.reduce(0) { width, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
            let zeroWidth = scalar.properties.generalCategory == .nonspacingMark
            return width + (zeroWidth ? 0 : (wide ? 2 : 1))
        }
    }

    var withoutColour: String { replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
}

let statsASCIIGolden = """
    Recall stats - 2026-11-29 - all decks

    Today
      Answered 2: 1 review, 1 new, 0 re-drills; 100% graded 3+; 0s
      Waiting: 3 reviews due, 2 new
      Streak: 3 days (longest 3 days)

    Answers, last 52 weeks: 27 on 14 of 371 days
         Dec Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov
    Mon ....................................**-..............
    Tue ....................................*-..-............
    Wed ..............................................*......
    Thu .......................................-......-......
    Fri ...................................................-*
    Sat ...................................................-#
    Sun ....................................................*
        . 0  - 1  * 2-3  # 4-5 answers a day

    Due, next 30 days: 6 (today 3 counting overdue, tomorrow 1)
    3 |#
      |#
      |#
      |#
      |# #         #                 #
      |# #         #                 #
      +------------------------------------------------------------
       11-29         12-06         12-13         12-20         12-27

    Intervals of the cards answered so far (suspended cards left out)
      1d        ############################################ 4   57%
      2-3d                                                   0    0%
      4-7d      ###########                                  1   14%
      8-14d                                                  0    0%
      15-20d    ###########                                  1   14%
      21-30d                                                 0    0%
      31-60d                                                 0    0%
      61-90d                                                 0    0%
      91-180d   ###########                                  1   14%
      181-365d                                               0    0%
      366d+                                                  0    0%

    Easiness factors (SM-2's EF: 2.5 to start, 1.3 at the floor)
      1.3-1.5                                                0    0%
      1.5-1.7                                                0    0%
      1.7-1.9   ############################################ 2   29%
      1.9-2.1   ######################                       1   14%
      2.1-2.3                                                0    0%
      2.3-2.5                                                0    0%
      2.5-2.7   ############################################ 2   29%
      2.7+      ############################################ 2   29%

    Retention, last 365 days (2025-11-30 to 2026-11-29)
      27 answers on 14 days, 0s. Scheduled reviews graded 3+:
                              true: ivl >= 21d           young: ivl < 21d
      all                     100.0%  1/1                 85.7%  12/14
      by deck
        infra                      -                     100.0%  4/4
        sample                100.0%  1/1                 80.0%  8/10
      by month
        2025-11                    -                          -
        2025-12                    -                          -
        2026-01                    -                          -
        2026-02                    -                          -
        2026-03                    -                          -
        2026-04                    -                          -
        2026-05                    -                          -
        2026-06                    -                          -
        2026-07                    -                          -
        2026-08                    -                      85.7%  6/7
        2026-09                    -                     100.0%  1/1
        2026-10               100.0%  1/1                 50.0%  1/2
        2026-11                    -                     100.0%  4/4

    Cards by deck                 new  learn  young mature   susp  leech  total
      infra                         1      2      2      0      1      0      6
      sample                        1      2      0      1      0      0      4
      all                           2      4      2      1      1      0     10
      learn: answered, not yet passed twice in a row; young: interval < 21 days;
      mature: 21 days or more. Leeches are also counted in their stage.

    """

let statsUnicodeGolden = """
    Recall stats · 2026-11-29 · all decks

    Today
      Answered 2: 1 review, 1 new, 0 re-drills; 100% graded 3+; 0s
      Waiting: 3 reviews due, 2 new
      Streak: 3 days (longest 3 days)

    Answers, last 52 weeks: 27 on 14 of 371 days
         Dec Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov
    Mon ····································▓▓░··············
    Tue ····································▓░··░············
    Wed ··············································▓······
    Thu ·······································░······░······
    Fri ···················································░▓
    Sat ···················································░█
    Sun ····················································▓
        · 0  ░ 1  ▓ 2-3  █ 4-5 answers a day

    Due, next 30 days: 6 (today 3 counting overdue, tomorrow 1)
    3 │█
      │█
      │█
      │█
      │█ █         █                 █
      │█ █         █                 █
      └────────────────────────────────────────────────────────────
       11-29         12-06         12-13         12-20         12-27

    Intervals of the cards answered so far (suspended cards left out)
      1d        ████████████████████████████████████████████ 4   57%
      2-3d                                                   0    0%
      4-7d      ███████████                                  1   14%
      8-14d                                                  0    0%
      15-20d    ███████████                                  1   14%
      21-30d                                                 0    0%
      31-60d                                                 0    0%
      61-90d                                                 0    0%
      91-180d   ███████████                                  1   14%
      181-365d                                               0    0%
      366d+                                                  0    0%

    Easiness factors (SM-2's EF: 2.5 to start, 1.3 at the floor)
      1.3-1.5                                                0    0%
      1.5-1.7                                                0    0%
      1.7-1.9   ████████████████████████████████████████████ 2   29%
      1.9-2.1   ██████████████████████                       1   14%
      2.1-2.3                                                0    0%
      2.3-2.5                                                0    0%
      2.5-2.7   ████████████████████████████████████████████ 2   29%
      2.7+      ████████████████████████████████████████████ 2   29%

    Retention, last 365 days (2025-11-30 to 2026-11-29)
      27 answers on 14 days, 0s. Scheduled reviews graded 3+:
                              true: ivl >= 21d           young: ivl < 21d
      all                     100.0%  1/1                 85.7%  12/14
      by deck
        infra                      -                     100.0%  4/4
        sample                100.0%  1/1                 80.0%  8/10
      by month
        2025-11                    -                          -
        2025-12                    -                          -
        2026-01                    -                          -
        2026-02                    -                          -
        2026-03                    -                          -
        2026-04                    -                          -
        2026-05                    -                          -
        2026-06                    -                          -
        2026-07                    -                          -
        2026-08                    -                      85.7%  6/7
        2026-09                    -                     100.0%  1/1
        2026-10               100.0%  1/1                 50.0%  1/2
        2026-11                    -                     100.0%  4/4

    Cards by deck                 new  learn  young mature   susp  leech  total
      infra                         1      2      2      0      1      0      6
      sample                        1      2      0      1      0      0      4
      all                           2      4      2      1      1      0     10
      learn: answered, not yet passed twice in a row; young: interval < 21 days;
      mature: 21 days or more. Leeches are also counted in their stage.

    """

let statsDeckGolden = """
    Recall stats · 2026-11-29 · deck infra

    Today
      Answered 2: 1 review, 1 new, 0 re-drills; 100% graded 3+; 0s
      Waiting: 1 review due, 1 new
      Streak: 3 days (longest 3 days)

    Answers, last 52 weeks: 9 on 5 of 371 days
         Dec Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov
    Mon ·····················································
    Tue ·····················································
    Wed ·····················································
    Thu ·····················································
    Fri ···················································░█
    Sat ···················································░▒
    Sun ····················································▒
        · 0  ░ 1  ▒ 2  █ 3 answers a day

    Due, next 30 days: 4 (today 1 counting overdue, tomorrow 1)
    1 │█ █         █                 █
      │█ █         █                 █
      │█ █         █                 █
      │█ █         █                 █
      │█ █         █                 █
      │█ █         █                 █
      └────────────────────────────────────────────────────────────
       11-29         12-06         12-13         12-20         12-27

    Intervals of the cards answered so far (suspended cards left out)
      1d        ████████████████████████████████████████████ 2   50%
      2-3d                                                   0    0%
      4-7d      ██████████████████████                       1   25%
      8-14d                                                  0    0%
      15-20d    ██████████████████████                       1   25%
      21-30d                                                 0    0%
      31-60d                                                 0    0%
      61-90d                                                 0    0%
      91-180d                                                0    0%
      181-365d                                               0    0%
      366d+                                                  0    0%

    Easiness factors (SM-2's EF: 2.5 to start, 1.3 at the floor)
      1.3-1.5                                                0    0%
      1.5-1.7                                                0    0%
      1.7-1.9                                                0    0%
      1.9-2.1   ██████████████████████                       1   25%
      2.1-2.3                                                0    0%
      2.3-2.5                                                0    0%
      2.5-2.7   ████████████████████████████████████████████ 2   50%
      2.7+      ██████████████████████                       1   25%

    Retention, last 30 days (2026-10-31 to 2026-11-29)
      9 answers on 5 days, 0s. Scheduled reviews graded 3+:
                              true: ivl >= 21d           young: ivl < 21d
      all                          -                     100.0%  4/4
      by month
        2026-10                    -                          -
        2026-11                    -                     100.0%  4/4

    Cards by deck                 new  learn  young mature   susp  leech  total
      infra                         1      2      2      0      1      0      6
      learn: answered, not yet passed twice in a row; young: interval < 21 days;
      mature: 21 days or more. Leeches are also counted in their stage.

    """

let statsEmptyGolden = """
    Recall stats · 2026-11-29 · all decks

    Today
      Nothing answered yet.
      Waiting: 0 reviews due, 4 new
      Streak: 0 days (longest 0 days)

    Answers, last 52 weeks: 0 on 0 of 371 days
         Dec Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov
    Mon ·····················································
    Tue ·····················································
    Wed ·····················································
    Thu ·····················································
    Fri ·····················································
    Sat ·····················································
    Sun ·····················································
        · 0 answers a day

    Due, next 30 days: 0 (today 0 counting overdue, tomorrow 0)
      Nothing is due in the next 30 days.

    Intervals of the cards answered so far (suspended cards left out)
      No card answered yet.

    Easiness factors (SM-2's EF: 2.5 to start, 1.3 at the floor)
      No card answered yet.

    Retention, last 365 days (2025-11-30 to 2026-11-29)
      0 answers on 0 days, 0s. Scheduled reviews graded 3+:
                              true: ivl >= 21d           young: ivl < 21d
      all                          -                          -
      by month
        2025-11                    -                          -
        2025-12                    -                          -
        2026-01                    -                          -
        2026-02                    -                          -
        2026-03                    -                          -
        2026-04                    -                          -
        2026-05                    -                          -
        2026-06                    -                          -
        2026-07                    -                          -
        2026-08                    -                          -
        2026-09                    -                          -
        2026-10                    -                          -
        2026-11                    -                          -

    Cards by deck                 new  learn  young mature   susp  leech  total
      sample                        4      0      0      0      0      0      4
      learn: answered, not yet passed twice in a row; young: interval < 21 days;
      mature: 21 days or more. Leeches are also counted in their stage.

    """

let mapUnicodeGolden = """
    Knowledge map · 2026-11-29 · mastery: cards at an interval of 21 days or more
                                           seen/total  mastery
    Infrastructure                            4/6      ░░░░░░░░░░░░░░░░░░░░   0%
    └─ infra                                  4/6      ░░░░░░░░░░░░░░░░░░░░   0%
       ├─ gpu                                 2/4      ░░░░░░░░░░░░░░░░░░░░   0% ◀
       ├─ interconnect                        2/3      ░░░░░░░░░░░░░░░░░░░░   0% ◀
       ├─ network                             2/2      ░░░░░░░░░░░░░░░░░░░░   0%
       ├─ commands                            0/1      ░░░░░░░░░░░░░░░░░░░░   0%
       └─ memory                              1/1      ░░░░░░░░░░░░░░░░░░░░   0%
    Pre-training                              3/4      █████░░░░░░░░░░░░░░░  25%
    └─ sample                                 3/4      █████░░░░░░░░░░░░░░░  25%
    All decks                                 7/10     ██░░░░░░░░░░░░░░░░░░  10%

    Weakest topics you have started (lowest mastery, then most lapses):
      ◀ infra / gpu                        0% mastered, 2/4 seen, 1 lapse
      ◀ infra / interconnect               0% mastered, 2/3 seen, 0 lapses

    """

let mapASCIIDepth2Golden = """
    Knowledge map - 2026-11-29 - mastery: cards at an interval of 21 days or more
                                           seen/total  mastery
    Infrastructure                            4/6      ....................   0%
    `- infra                                  4/6      ....................   0%
    Pre-training                              3/4      #####...............  25%
    `- sample                                 3/4      #####...............  25%
    All decks                                 7/10     ##..................  10%

    Weakest topics you have started (lowest mastery, then most lapses):
      < infra / gpu                        0% mastered, 2/4 seen, 1 lapse
      < infra / interconnect               0% mastered, 2/3 seen, 0 lapses

    """

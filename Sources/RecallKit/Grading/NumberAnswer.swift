import Foundation

/// A number with its unit, read from an answer such as `About 31.4 GB.`,
/// `4 + 32/128 = 4.25`, `2,000`, `2k`, `~40%` or `5.3 seconds`.
struct NumberAnswer: Hashable, Sendable {
    var value: Double
    /// Digits after the decimal point as written, the precision of a reference: negative for
    /// `2k` (-3) or `3.61 × 10^9` (-7).
    var decimals: Int
    /// The canonical unit (`GB`, `s`, `%`), or nil when none is written.
    var unit: String?
    /// Other words after the number, lower-cased (`bits per weight`, `tokens per expert`).
    var words: [String]
    /// A bound written before the number: `<` for `< 20`, `under 20`, `fewer than 20`, `少于 20`; nil for the number itself.
    var relation: String?

    /// Multipliers written after a number: `2k`, `7B`, `1.8T`, `3 million`.
    static let scales: [String: Double] = [
        "k": 1e3, "K": 1e3, "thousand": 1e3, "M": 1e6, "million": 1e6, "B": 1e9, "billion": 1e9, "bn": 1e9,
        "T": 1e12, "trillion": 1e12, "千": 1e3, "万": 1e4, "亿": 1e8,
    ]

    /// Unit spellings → (canonical unit, factor to the canonical unit's base).
    static let units: [String: (unit: String, factor: Double)] = {
        var table: [String: (String, Double)] = [:]
        func add(_ names: [String], _ unit: String, _ factor: Double) { names.forEach { table[$0] = (unit, factor) } }
        add(["%", "percent", "per cent", "pct"], "%", 1)
        add(["ns", "nanosecond", "nanoseconds"], "s", 1e-9)
        add(["µs", "us", "microsecond", "microseconds"], "s", 1e-6)
        add(["ms", "millisecond", "milliseconds", "msec"], "s", 1e-3)
        add(["s", "sec", "secs", "second", "seconds"], "s", 1)
        add(["min", "mins", "minute", "minutes"], "s", 60)
        add(["h", "hr", "hrs", "hour", "hours"], "s", 3600)
        add(["d", "day", "days"], "s", 86400)
        add(["byte", "bytes"], "B", 1)
        add(["KB", "kB", "kilobyte", "kilobytes"], "B", 1e3)
        add(["MB", "megabyte", "megabytes"], "B", 1e6)
        add(["GB", "gigabyte", "gigabytes"], "B", 1e9)
        add(["TB", "terabyte", "terabytes"], "B", 1e12)
        add(["PB", "petabyte", "petabytes"], "B", 1e15)
        add(["KiB", "kibibyte", "kibibytes"], "iB", 1024)
        add(["MiB", "mebibyte", "mebibytes"], "iB", 1024 * 1024)
        add(["GiB", "gibibyte", "gibibytes"], "iB", 1024 * 1024 * 1024)
        add(["TiB", "tebibyte", "tebibytes"], "iB", 1024 * 1024 * 1024 * 1024)
        add(["GB/s", "GBps", "gigabytes/s"], "B/s", 1e9)
        add(["TB/s", "TBps", "terabytes/s"], "B/s", 1e12)
        add(["MB/s"], "B/s", 1e6)
        add(["Gb/s", "Gbps", "Gbit/s"], "b/s", 1e9)
        add(["Mb/s", "Mbps"], "b/s", 1e6)
        add(["bit", "bits", "b"], "bit", 1)
        add(["W", "watt", "watts"], "W", 1)
        add(["MHz"], "Hz", 1e6)
        add(["GHz"], "Hz", 1e9)
        add(["x", "×", "X", "times", "fold"], "×", 1)
        add(["TFLOPS", "TFLOPs", "TFLOP/s", "TFLOPs/s", "teraflops"], "FLOP/s", 1e12)
        add(["PFLOPS", "PFLOPs", "PFLOP/s"], "FLOP/s", 1e15)
        add(["TOPS"], "OP/s", 1e12)
        add(["C", "°C", "degrees"], "°C", 1)
        // Chinese units, glued (`30秒`) or spaced (`5.3 秒`).
        add(["秒", "秒钟"], "s", 1)
        add(["毫秒"], "s", 1e-3)
        add(["微秒"], "s", 1e-6)
        add(["纳秒"], "s", 1e-9)
        add(["分钟"], "s", 60)
        add(["小时", "个小时"], "s", 3600)
        add(["天"], "s", 86400)
        add(["倍"], "×", 1)
        add(["比特", "位"], "bit", 1)
        add(["字节"], "B", 1)
        return table
    }()

    static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    ]

    /// `twenty-five`, `Sixty`, `three`: a number written in English words, up to ninety-nine (and a hundred).
    static func wordNumber(_ word: String) -> Int? {
        let lower = word.lowercased()
        if let number = numberWords[lower] { return number }
        let parts = lower.split(separator: "-").map(String.init)
        guard parts.count == 2, let tens = numberWords[parts[0]], let unit = numberWords[parts[1]],
            tens >= 20, tens % 10 == 0, tens < 100, (1...9).contains(unit)
        else { return nil }
        return tens + unit
    }

    /// Words before a Chinese number that hedge it: `约 240`, `大约 45 毫秒`.
    static let chineseHedges = ["大约", "大概", "约为", "约"]

    static let hedges: Set<String> = [
        "about", "approximately", "approx", "approx.", "roughly", "around", "nearly", "almost", "circa", "ca.", "~", "≈", "≃", "=", "about:", "exactly",
    ]

    /// Words and signs before a number that make it a bound; the longest spelling is tried first.
    static let relations: [(spelling: String, relation: String)] = {
        let table: [(String, [String])] = [
            ("<=", ["<=", "≤", "at most", "no more than", "not more than", "up to", "至多", "最多", "不超过", "不多于"]),
            (">=", [">=", "≥", "at least", "no fewer than", "no less than", "not less than", "至少", "不少于", "不低于"]),
            ("<", ["<", "under", "below", "less than", "fewer than", "lower than", "smaller than", "少于", "小于", "低于", "不到"]),
            (">", [">", "over", "above", "more than", "greater than", "higher than", "larger than", "多于", "大于", "高于", "超过"]),
        ]
        return table.flatMap { relation, spellings in spellings.map { ($0, relation) } }.sorted { $0.0.count > $1.0.count }
    }()

    /// Chinese numerals: digits and the multipliers inside a group of four digits.
    static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    static let chineseMultipliers: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// `十二` → 12, `两千` → 2000, `三万五千` → 35000: a Chinese numeral at the start of `text`, and what follows it.
    static func chineseNumeral(_ text: String) -> (value: Int, rest: Substring)? {
        var total = 0
        var section = 0
        var digit: Int?
        // The unit written last, and whether a zero came after it: `一百五` is 150, `一百零五` 105.
        var lastUnit = 1
        var zeroGap = false
        var index = text.startIndex
        loop: while index < text.endIndex {
            let c = text[index]
            if c == "零" || c == "〇", section > 0 || total > 0 {
                zeroGap = true
            } else if let d = chineseDigits[c] {
                guard digit == nil else { return nil }  // `一二` is no numeral
                digit = d
            } else if let m = chineseMultipliers[c] {
                guard let d = digit ?? (m == 10 && section == 0 ? 1 : nil) else { return nil }
                section += d * m
                digit = nil
                lastUnit = m
                zeroGap = false
            } else if c == "万" || c == "亿" {
                let part = section + (digit ?? 0)
                guard part > 0 else { break loop }
                if c == "万" { total += part * 10_000 } else { total = (total + part) * 100_000_000 }
                section = 0
                digit = nil
                lastUnit = c == "万" ? 10_000 : 100_000_000
                zeroGap = false
            } else {
                break loop
            }
            index = text.index(after: index)
        }
        guard index > text.startIndex else { return nil }
        var last = digit ?? 0
        if digit != nil, lastUnit >= 100, !zeroGap { last *= lastUnit / 10 }
        return (total + section + last, text[index...])
    }

    /// Reads the number an answer ends in (after the last `=` or `≈`, if any).
    static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
    ]

    /// `10⁹` → `10^9` (NFKC would make it `109`).
    static func powersWritten(_ text: String) -> String {
        var out = ""
        var inPower = false
        for c in text {
            if let digit = superscripts[c] {
                if !inPower {
                    out.append("^")
                    inPower = true
                }
                out.append(digit)
            } else {
                inPower = false
                out.append(c)
            }
        }
        return out
    }

    static func parse(_ raw: String) -> NumberAnswer? {
        var text = powersWritten(raw).precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: "−", with: "-")
            .replacingOccurrences(of: "–", with: "-")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "`\"'*"))
        // A remark in parentheses is not the answer: `About 3.07 GB (2.86 GiB).` Glued to what comes before
        // (`8bsh(t − 1)/t`), a bracket is part of a formula and stays.
        text = text.replacingOccurrences(of: #"(^|\s+)\([^()]*\)"#, with: "", options: .regularExpression)
        while let last = text.last, ".;,!".contains(last) { text.removeLast() }
        // `About 3.6 GB: 7 × 10^9 × 4.125 bits / 8 …`: the answer, then its working.
        if let colon = text.range(of: ": "), let lead = parse(String(text[..<colon.lowerBound])), lead.words.isEmpty {
            return lead
        }
        // `About 45 ms, 1.5x longer`: a whole quantity, then a short comment.
        if let comma = text.range(of: ", "), text[comma.upperBound...].split(separator: " ").count <= 3,
            !text[..<comma.lowerBound].contains(", "), let lead = parse(String(text[..<comma.lowerBound])), lead.words.isEmpty
        {
            return lead
        }
        for hedge in chineseHedges where text.hasPrefix(hedge) {
            text = String(text.dropFirst(hedge.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        var relation: String?
        for (spelling, bound) in relations where text.lowercased().hasPrefix(spelling) {
            let after = text.dropFirst(spelling.count)
            // `under 20`, `<20`, `少于20`: an English word is followed by a space; a sign or a Chinese word need not be.
            let englishWord = spelling.unicodeScalars.allSatisfy { $0.isASCII } && spelling.last?.isLetter == true
            guard !englishWord || after.first == " " else { continue }
            relation = bound
            text = after.trimmingCharacters(in: .whitespaces)
            break
        }
        if let word = wordNumber(text) { text = String(word) }
        if ["twice", "double"].contains(text.lowercased()) { text = "2×" }
        if ["a single", "single", "just one", "only one"].contains(text.lowercased()) { text = "1" }
        // `两倍`, `一天`, `十秒`, `三个小时`: a Chinese numeral alone or with a unit.
        if let (value, rest) = chineseNumeral(text) {
            var unit = rest.trimmingCharacters(in: .whitespaces)
            if unit.hasPrefix("个"), units[String(unit.dropFirst())] != nil { unit.removeFirst() }
            if unit.isEmpty || units[unit] != nil || scales[unit] != nil { text = unit.isEmpty ? String(value) : "\(value) \(unit)" }
        }
        // `s = 0.02; q = −25`: two results, so not one number.
        if text.split(separator: ";").filter({ $0.contains("=") }).count > 1 { return nil }
        // `4 + 32/128 = 4.25`, `5,300 ms ≈ 5.3 s`: the answer is what the working ends in.
        if let separator = text.lastIndex(where: { $0 == "≈" || $0 == "=" }),
            text[separator] == "≈"
                || (separator > text.startIndex && text[text.index(before: separator)] == " "
                    && isWorking(text[..<separator]))
        {
            let tail = text[text.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty { text = tail }
        }
        var tokens = text.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: " ").map(String.init)
        while let first = tokens.first, hedges.contains(first.lowercased()) { tokens.removeFirst() }
        // `three hours`: a number word, then a unit.
        if let first = tokens.first, let number = wordNumber(first) { tokens[0] = String(number) }
        if let first = tokens.first, first.count > 1, "~≈".contains(first.first!) { tokens[0] = String(first.dropFirst()) }
        // `2 000` and `81 920`: a space between groups of three digits.
        while tokens.count > 1, tokens[0].allSatisfy(\.isNumber), tokens[0].count <= 3, tokens[1].count == 3, tokens[1].allSatisfy(\.isNumber) {
            tokens[0] += tokens[1]
            tokens.remove(at: 1)
        }
        guard let first = tokens.first else { return nil }
        // The number: sign, digits with optional thousands commas, a decimal part; then glued unit letters.
        let chars = Array(first)
        var i = 0
        var number = ""
        if i < chars.count, chars[i] == "-" || chars[i] == "+" {
            number.append(chars[i])
            i += 1
        }
        var sawDigit = false
        var decimals = 0
        var afterPoint = false
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                number.append(c)
                sawDigit = true
                if afterPoint { decimals += 1 }
            } else if c == ",", !afterPoint, sawDigit, i + 3 < chars.count,
                chars[(i + 1)...(i + 3)].allSatisfy({ $0.isASCII && $0.isNumber }), i + 4 >= chars.count || !chars[i + 4].isNumber
            {
                // a thousands separator: skip it
            } else if c == ".", !afterPoint, i + 1 < chars.count, chars[i + 1].isNumber {
                number.append(c)
                afterPoint = true
            } else {
                break
            }
            i += 1
        }
        // An exponent: `7e9`, `1.5E-3`.
        if sawDigit, i + 1 < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            var exponent = ""
            if j < chars.count, chars[j] == "-" || chars[j] == "+" {
                exponent.append(chars[j])
                j += 1
            }
            while j < chars.count, chars[j].isASCII, chars[j].isNumber {
                exponent.append(chars[j])
                j += 1
            }
            if exponent.contains(where: \.isNumber) {
                number += "e" + exponent
                decimals -= Int(exponent) ?? 0
                i = j
            }
        }
        guard sawDigit, var value = Double(number), value.isFinite else { return nil }
        var rest = String(chars[i...])
        // `4-bit`, `8-GPU`: a unit joined with a hyphen.
        if rest.hasPrefix("-"), rest.count > 1, rest.dropFirst().first?.isLetter == true { rest.removeFirst() }
        // A power: `2^16`, `2**16`.
        for power in ["^", "**"] where rest.hasPrefix(power) {
            let digits = rest.dropFirst(power.count).prefix { $0.isASCII && $0.isNumber }
            if let exponent = Double(digits), !digits.isEmpty, exponent < 300 {
                value = pow(value, exponent)
                decimals = 0
                rest = String(rest.dropFirst(power.count + digits.count))
            }
        }
        // `7 × 10^9`, `7x10^9`: times a power of ten.
        var tail = tokens.dropFirst().joined(separator: " ")
        if !rest.isEmpty { tail = rest + (tail.isEmpty ? "" : " " + tail) }
        if let match = tail.range(of: #"^\s*[×x*·]\s*10(\^|\*\*)(-?\d{1,3})"#, options: .regularExpression) {
            let written = String(tail[match])
            if let exponentText = written.split(whereSeparator: { $0 == "^" || $0 == "*" }).last, let exponent = Double(exponentText) {
                value *= pow(10, exponent)
                decimals -= Int(exponent)
                let remaining = tail[match.upperBound...].trimmingCharacters(in: .whitespaces)
                rest = ""
                tokens = [first] + remaining.split(separator: " ").map(String.init)
            }
        }
        // `4N`, `2p`: a number times a variable is algebra, not a quantity.
        if rest.count == 1, let letter = rest.first, letter.isLetter, scales[rest] == nil, units[rest] == nil { return nil }
        var unitWords = Array(tokens.dropFirst())
        if !rest.isEmpty { unitWords.insert(rest, at: 0) }
        // `1/N`, `1/ln(M)`: a symbol after the number that is no unit makes it an expression, not a quantity.
        if unitWords.first?.first.map({ "/^*+".contains($0) }) == true { return nil }
        // `tokens/s` is `tokens per s` unless the table knows it as a unit (`GB/s`).
        unitWords = unitWords.flatMap { word -> [String] in
            guard word.contains("/"), units[word] == nil, word.count > 2 else { return [word] }
            return word.split(separator: "/").map(String.init).joined(separator: " per ").split(separator: " ").map(String.init)
        }
        rest = ""
        // A scale right after the number: `2k`, `7B`, `3 million` (a bare `B` is a scale only when glued).
        if let scaleWord = unitWords.first, let scale = scales[scaleWord], scaleWord != "B" || chars.count > i {
            if !(scaleWord == "B" && unitWords.count > 1) {
                value *= scale
                decimals -= Int(log10(scale))
                unitWords.removeFirst()
            }
        }
        // `600 GB per second` = `600 GB/s`: a unit per second is the unit the table knows as a rate.
        if unitWords.count >= 3, unitWords[1].lowercased() == "per", ["second", "sec", "s"].contains(unitWords[2].lowercased()),
            units[unitWords[0] + "/s"] != nil
        {
            unitWords.replaceSubrange(0..<3, with: [unitWords[0] + "/s"])
        }
        var unit: String?
        var factor = 1.0
        if let word = unitWords.first {
            let two = unitWords.count > 1 ? word + " " + unitWords[1] : ""
            if let known = units[two] {
                (unit, factor) = known
                unitWords.removeFirst(2)
            } else if let known = units[word] ?? units[word.lowercased()].flatMap({ word.count > 2 ? $0 : nil }) {
                (unit, factor) = known
                unitWords.removeFirst()
            }
        }
        // What is left must be words (a unit the table does not know, `tokens per expert`), not more working.
        let words = unitWords.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()")) }.filter { !$0.isEmpty }
        guard words.allSatisfy({ word in word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "/" } }), words.count <= 4 else { return nil }
        var result = NumberAnswer(
            value: value * factor, decimals: factor == 1 ? decimals : decimals + Int(max(0, -log10(factor)).rounded()),
            unit: unit, words: words, factor: factor)
        result.relation = relation
        return result
    }

    /// The unit's factor to its base, kept so that a tolerance follows the unit the reference is written in.
    var factor: Double = 1

    init(value: Double, decimals: Int, unit: String?, words: [String], factor: Double = 1) {
        self.value = value
        self.decimals = decimals
        self.unit = unit
        self.words = words
        self.factor = factor
    }

    /// Whether `text` has a spelling of `relation` as a word or sign (`under` in `wastes under [...] of memory`).
    static func mentions(_ relation: String, in text: String) -> Bool {
        let padded = " " + text.lowercased().replacingOccurrences(of: #"[^\p{L}\p{N}<>=≤≥]+"#, with: " ", options: .regularExpression) + " "
        return relations.contains { spelling, bound in
            guard bound == relation else { return false }
            let isWord = spelling.unicodeScalars.allSatisfy { $0.isASCII } && spelling.last?.isLetter == true
            return isWord ? padded.contains(" \(spelling) ") : text.contains(spelling)
        }
    }

    /// Every form a reference states: `5,300 ms ≈ 5.3 s` is both `5,300 ms` and `5.3 s`.
    static func forms(_ raw: String) -> [NumberAnswer] {
        let parts = raw.split(separator: "≈", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return parse(raw).map { [$0] } ?? [] }
        return (1...parts.count).compactMap { parse(parts[0..<$0].joined(separator: "≈")) }
    }

    /// `4 + 32/128` is working that ends in a number; `index.nprobe` or `SET x` is a name being assigned.
    static func isWorking(_ left: Substring) -> Bool {
        let segment = left.split(whereSeparator: { $0 == "=" || $0 == "≈" }).last ?? left
        return segment.contains(where: \.isNumber) && segment.contains(where: { "+-×*/^·".contains($0) })
    }

    /// Whether `given` is this reference within its precision (half a unit of its last digit) or `tolerance`.
    /// `precision`: the most decimals any accepted answer of the card is written with (`6` and `6.0` → 1).
    func accepts(_ given: NumberAnswer, tolerance: GradeSpec.Tolerance?, fractionForPercent: Bool, precision: Int = 0) -> Bool {
        // `< 20` = `fewer than 20`, but `over 20` is not `under 20`, and a bound is not the number itself
        // (the caller lets `under 4%` stand for `4%` where the question says `under`). A bare number for a
        // bound (`20` for `< 20`) is the number the card asks for.
        if let bound = given.relation, bound != relation { return false }
        var candidate = given.value
        var givenUnit = given.unit
        if fractionForPercent, unit == "%", givenUnit == nil, abs(candidate) <= 1, abs(value) > 1 {
            candidate *= 100
            givenUnit = "%"
        }
        if let givenUnit, let unit, givenUnit != unit { return false }
        // `0.01%` is not the fraction 0.01: a percent sign scales the number.
        if givenUnit == "%", unit == nil { return false }
        if givenUnit != nil, unit == nil, !words.isEmpty { return false }
        if givenUnit == nil, !given.words.isEmpty, given.words != words, !words.isEmpty || unit != nil {
            if !Self.sameWords(given.words, words) { return false }
        }
        if givenUnit != nil, unit != nil, !given.words.isEmpty, !words.isEmpty, !Self.sameWords(given.words, words) { return false }
        let allowed: Double
        switch tolerance {
        case .absolute(let amount): allowed = amount * factor
        case .relative(let fraction): allowed = abs(value) * fraction
        case nil: allowed = 0.5 * pow(10, -Double(max(decimals, precision))) * factor
        }
        if tolerance != nil { return abs(candidate - value) <= allowed * (1 + 1e-9) + 1e-12 }
        return abs(candidate - value) < allowed * (1 - 1e-9)
    }

    private static func sameWords(_ a: [String], _ b: [String]) -> Bool {
        let stem = { (words: [String]) in words.map { ProseAnswer.singular($0) } }
        let x = stem(a)
        let y = stem(b)
        // `4.25 bits` for `4.25 bits per weight`: the words of one start the other's; `one extra backward pass`
        // is not `one extra forward pass`.
        // A one-letter word is a variable (`8bsh` against `8bsh/t` read as `bsh per t`): algebra, where
        // leaving a factor out is a different formula.
        let algebra = (x + y).contains { $0.count == 1 && $0.first?.isLetter == true }
        return x == y || (!algebra && !x.isEmpty && !y.isEmpty && (x.starts(with: y) || y.starts(with: x)))
    }
}

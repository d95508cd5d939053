// SourceFinder: names the outlet or agency of an article from its credit, dateline or metadata lines.
// Order of trust: a print-edition credit, a dateline "CITY, date (Agency) --", an outlet beside a
// date in a metadata line, a photo credit "(Photo by Name / Outlet)".

import Glibc

/// Finds the outlet or agency that published an article.
enum SourceFinder {
    /// The source named in `lines`, or an empty string.
    static func find(_ lines: [TextLine], furniture: [Bool]) -> String {
        // Lines (as `TextLines.split` gives them: a line's number is its index) are read in place
        // by index (a copied line costs a retain and release of its text).
        // A print-edition credit is always furniture (FurnitureDetector looks for the phrase).
        for index in lines.indices where furniture[index] {
            if let name = printEdition(lines[index].trimmed) { return name }
        }
        // Lines without a dateline's parentheses and dash are passed on their bytes (not cut).
        for index in lines.indices.prefix(40) where !furniture[index] && lines[index].withTrimmedBytes(mayBeDateline) {
            if let name = dateline(lines[index].trimmed) { return name }
        }
        for index in lines.indices where furniture[index] && DateFinder.firstDate(in: lines[index].text) != nil {
            if let name = metadataOutlet(lines[index].trimmed) { return name }
        }
        for index in lines.indices where furniture[index] {
            if let name = photoCredit(lines[index].trimmed) { return name }
        }
        return ""
    }

    /// "This article appeared in the South China Morning Post print edition as: …"
    static func printEdition(_ line: Substring) -> String? {
        guard var head = ASCIISearch.before(" print edition", in: line) else { return nil }
        if let appeared = ASCIISearch.after("appeared in ", in: head) { head = appeared }
        if head.hasPrefix("the ") { head = head.dropFirst(4) }
        return properName(head)
    }

    /// "BRUSSELS, March 19 (Xinhua) -- …" → Xinhua.
    static func dateline(_ line: Substring) -> String? {
        guard line.withUTF8Buffer(mayBeDateline) else { return nil }
        let head = line.prefix(80)
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
        let before = head[head.startIndex..<open]
        // The part before the parenthesis is a place (capitals) and perhaps a date: no verb-like lower case run.
        let lowerWords = TextLines.words(before).filter { $0.first?.isLowercase == true }
        guard lowerWords.isEmpty, !before.isEmpty else { return nil }
        let after = TextLines.trim(line[line.index(after: close)...])
        guard after.hasPrefix("-") || after.hasPrefix("—") || after.hasPrefix("–") else { return nil }
        return properName(head[head.index(after: open)..<close])
    }

    /// Most lines have no parenthesis near their start: ruled out on bytes, without graphemes.
    /// The first "(" is found with memchr; it counts when fewer than 80 scalars stand before it;
    /// a ")" must be followed by a dash (`hasDashAfterClosing`).
    static func mayBeDateline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let found = memchr(base, Int32(UInt8(ascii: "(")), min(bytes.count, 320)) else { return false }
        let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        var scalarsBefore = 0
        for index in 0..<offset where bytes[index] & 0xC0 != 0x80 { scalarsBefore += 1 }
        return scalarsBefore < 80 && hasDashAfterClosing(bytes)
    }

    /// True when some ")" in `bytes` is followed, after white space, by "-", "—" or "–": what a
    /// dateline needs after its parenthesis, checked on bytes before graphemes are read (a line
    /// without it is no dateline, whichever parenthesis the grapheme reading would pick).
    static func hasDashAfterClosing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var from = 0
        while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: ")")), bytes.count - from) {
            let index = TextLines.spaceEnd(bytes, from: UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1)
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: "-") { return true }
                // — U+2014 and – U+2013: E2 80 94 and E2 80 93.
                if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                   bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93 { return true }
            }
            from = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        }
        return false
    }

    /// "Updated: Dec 27,2016 9:12 PM     Xinhua" → Xinhua; segments split by runs of spaces or bars.
    static func metadataOutlet(_ line: Substring) -> String? {
        for segment in segments(line).reversed() {
            if ASCIISearch.hasPrefix(segment, "by ") || segment.contains(":") { continue }
            if segment.unicodeScalars.contains(where: { $0.value >= 48 && $0.value <= 57 }) { continue }
            if let name = properName(segment) { return name }
        }
        return nil
    }

    /// "(Photo by Gao Shuang / China Daily)" → China Daily; "Photo: Xinhua" → Xinhua.
    static func photoCredit(_ line: Substring) -> String? {
        if let rest = ASCIISearch.after("(photo by ", in: line) {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            let inside = rest[rest.startIndex..<close]
            guard let slash = inside.lastIndex(of: "/") else { return nil }
            return properName(inside[inside.index(after: slash)...])
        }
        if let rest = ASCIISearch.after("photo: ", in: line) {
            return properName(rest)
        }
        return nil
    }

    /// Splits on bars, middle dots, tabs and runs of two or more spaces.
    private static func segments(_ line: Substring) -> [Substring] {
        var normalized = ""
        var spaces = 0
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\u{A0}" || scalar == "\u{2007}" || scalar == "\u{202F}" {
                spaces += 1
                continue
            }
            if spaces == 1 { normalized += " " } else if spaces >= 2 { normalized += "|" }
            spaces = 0
            normalized.unicodeScalars.append(scalar == "\t" || scalar == "·" ? "|" : scalar)
        }
        return normalized.split(separator: "|").map { TextLines.trim($0) }.filter { !$0.isEmpty }
    }

    /// A proper name of one to six words, each capitalised (small joining words allowed).
    static func properName(_ text: Substring) -> String? {
        let trimmed = TextLines.trim(text)
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...6).contains(words.count) else { return nil }
        let joiners: Set<Substring> = ["of", "the", "and", "de", "du", "for", "&"]
        for (index, word) in words.enumerated() {
            guard let first = word.first else { return nil }
            if first.isUppercase || first.isNumber { continue }
            if index > 0 && joiners.contains(word) { continue }
            return nil
        }
        let name = String(trimmed)
        return name.isEmpty ? nil : name
    }
}

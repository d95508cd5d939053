// FurnitureDetector: decides which lines of a web page's text are site furniture, by shape.
// Shapes: menu and breadcrumb separators, very short lines that are no sentence, captions and
// credits, metadata lines (date and outlet), calls to action; and blocks that are mostly furniture.

/// Classifies lines as site furniture or article text.
enum FurnitureDetector {
    /// Phrases that begin promotional, sharing or navigation lines on news sites (lower-cased).
    static let callsToAction: [String] = [
        "get more with", "learn more", "read more", "read also", "see also", "sign up", "subscribe",
        "share this", "share on", "share:", "suggest to a friend", "related:", "related articles",
        "related stories", "advertisement", "follow us", "click here", "download the app",
        "most popular", "most read", "recommended", "print this", "email this", "tags:", "topics:",
        "you may also like", "copyright", "all rights reserved", "this article appeared in",
        "updated:", "published:", "posted:", "last updated", "source:", "editor:", "home >",
    ]

    /// The calls to action by their first byte: a line is compared only with those sharing its own.
    private static let callsToActionByInitial: [[String]] = {
        var table = [[String]](repeating: [], count: 256)
        for phrase in callsToAction { if let first = phrase.utf8.first { table[Int(first)].append(phrase) } }
        return table
    }()

    /// Markers of photo captions and credits.
    static let captionMarkers: [String] = [
        "photo:", "(photo", "photo by", "photograph:", "image:", "picture:", "credit:", "file photo",
        "/ getty", "/afp", "/ afp", "/reuters", "/ reuters", "(xinhua/", "[photo", "photo/",
    ]

    /// One flag per line of `text` (`TextLines.split(text)`): true when the line is furniture.
    static func classify(_ lines: [TextLine], of text: String) -> [Bool] {
        var flags = lineFlags(lines, of: text)
        // A block of several lines (between blank lines) that is mostly furniture is furniture.
        var blockStart = 0
        for index in 0...lines.count {
            let atEnd = index == lines.count || lines[index].isBlank
            guard atEnd else { continue }
            let block = blockStart..<index
            if block.count >= 2 {
                let furnitureCount = block.filter { flags[$0] }.count
                if furnitureCount * 2 > block.count {
                    for line in block where !isBodyParagraph(lines[line]) {
                        flags[line] = true
                    }
                }
            }
            blockStart = index + 1
        }
        return flags
    }

    /// `isFurnitureLine` of each line of `text` (`TextLines.split(text)`), judged alone: on its
    /// bytes in the text, its fields read in place (a line holds the text: a copied line cost a
    /// retain and a release); its substring is cut only for a short line that ends no sentence.
    static func lineFlags(_ lines: [TextLine], of text: String) -> [Bool] {
        var flags = [Bool](repeating: false, count: lines.count)
        var text = text
        text.withUTF8 { all in
            for index in lines.indices {
                let bytes = UnsafeBufferPointer(rebasing: all[lines[index].trimmedRange])
                flags[index] = isFurnitureLine(bytes, words: lines[index].words, signs: lines[index].signs,
                                               line: { Substring(String(decoding: bytes, as: UTF8.self)) })
            }
        }
        return flags
    }

    /// `isBodyParagraph` of a split line (cut only when it is long enough).
    static func isBodyParagraph(_ line: TextLine) -> Bool { line.words >= 25 && isBodyParagraph(line.trimmed, words: line.words) }

    /// A long line ending as a sentence: the article has begun.
    static func isBodyParagraph(_ text: Substring, words: Int) -> Bool {
        guard words >= 25, let last = text.unicodeScalars.last else { return false }
        return bodyEnds.contains(last)
    }

    /// Last scalars of a sentence (its closing quotation mark or bracket included).
    private static let bodyEnds = ScalarList(".!?\"”'’)")

    /// Furniture judged from the line alone.
    static func isFurnitureLine(_ line: Substring) -> Bool {
        let (words, signs) = line.withUTF8Buffer(TextLines.scan)
        return isFurnitureLine(line, words: words, signs: signs)
    }

    /// `isFurnitureLine` with the line's words and signs already read (`TextLines.split`).
    static func isFurnitureLine(_ line: Substring, words: Int, signs: LineSigns) -> Bool {
        line.withUTF8Buffer { isFurnitureLine($0, words: words, signs: signs, line: { line }) }
    }

    /// The rules over the trimmed line's `bytes`; `line()` gives it as a substring.
    private static func isFurnitureLine(_ bytes: UnsafeBufferPointer<UInt8>, words: Int, signs: LineSigns,
                                        line: () -> Substring) -> Bool {
        if bytes.isEmpty { return false }
        if furnitureShape(bytes, words: words, signs: signs) { return true }
        guard words <= 12 else { return false }
        let endsSentence = endsSentence(bytes)
        guard !endsSentence else { return false }
        // Very short lines that are no sentence: tags, bylines, "Learn more", "Zhao Junjie, academic".
        if words <= 3 && !endsWithColon(bytes, line) { return true }
        // A short metadata line carrying a date ("Updated: Dec 27,2016 9:12 PM  Xinhua").
        return DateFinder.firstDate(in: line()) != nil
    }

    /// True when the last scalar of `bytes` is . ! ? " or ” (U+201D: E2 80 9D).
    static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""): return true
        case 0x9D: return bytes.count >= 3 && bytes[bytes.count - 3] == 0xE2 && bytes[bytes.count - 2] == 0x80
        default: return false
        }
    }

    /// `hasSuffix(":")` of the line: on bytes when the colon follows an ASCII byte (the two are
    /// then separate characters), else on the substring's characters.
    /// (A last character ends in the last scalar: it is no ":" unless that scalar is.)
    static func endsWithColon(_ bytes: UnsafeBufferPointer<UInt8>, _ line: () -> Substring) -> Bool {
        guard bytes.last == UInt8(ascii: ":") else { return false }
        if bytes.count == 1 || bytes[bytes.count - 2] < 0x80 { return true }
        return line().hasSuffix(":")
    }

    /// Menus, calls to action, print-edition credits, captions: furniture by the line's bytes.
    private static func furnitureShape(_ bytes: UnsafeBufferPointer<UInt8>, words: Int, signs: LineSigns) -> Bool {
        // `App | 中文 |`, `Home > News > China`, `World · Asia · China`.
        if signs.bars >= 2 || (signs.bars >= 1 && words <= 8) { return true }
        if signs.arrows >= 1 && words <= 10 && !signs.asciiArrow { return true }
        if signs.dots >= 2 && words <= 12 { return true }
        if let first = bytes.first,
           callsToActionByInitial[Int(ASCIISearch.fold(first))].contains(where: { ASCIISearch.hasPrefix(bytes, at: 0, $0) }) { return true }
        if signs.printEdition { return true }
        // A photo caption or credit marker, searched only when the line shows the marker's signs.
        guard words <= 60, signs.photo || signs.slash || signs.colon || signs.bracket else { return false }
        return markerNeeds.contains { marker in
            guard (signs.photo || !marker.photo) && (signs.slash || !marker.slash) && (signs.colon || !marker.colon)
                && (signs.bracket || !marker.bracket) else { return false }
            if let anchor = marker.anchor { return ASCIISearch.contains(marker.bytes, anchor: anchor, in: bytes) }
            return ASCIISearch.find(marker.text, in: bytes) != nil
        }
    }

    /// Each caption marker with the signs a line must show before it is searched for, and the
    /// place of its first punctuation mark (the search skips from one such mark to the next).
    private static let markerNeeds: [(text: String, bytes: [UInt8], anchor: Int?, photo: Bool, slash: Bool, colon: Bool, bracket: Bool)] =
        captionMarkers.map { marker in
            let bytes = Array(marker.utf8)
            return (marker, bytes, bytes.firstIndex { ":/([".utf8.contains($0) }, ASCIISearch.contains(marker, "photo"),
                    bytes.contains(UInt8(ascii: "/")), bytes.contains(UInt8(ascii: ":")),
                    bytes.contains { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") })
        }
}

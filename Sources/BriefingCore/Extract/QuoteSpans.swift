// QuoteSpans: finds the quoted stretches of a paragraph. Straight and curly double quotes, « »,
// 「 」 and 『 』. A quote still open at the paragraph's end ends there (news style: a quotation
// running over paragraphs reopens on the next one). Empty quotes are dropped.

/// A quoted stretch: offsets of its text (inside the marks) and of the marks.
struct QuoteSpan: Sendable, Equatable {
    /// Offset of the opening mark.
    var open: Int
    /// Offset just after the closing mark (or the paragraph's end when left open).
    var close: Int
    /// Start of the quoted text (after the opening mark and spaces).
    var textStart: Int
    /// End of the quoted text (before the closing mark, spaces trimmed).
    var textEnd: Int
    /// False when the paragraph ended before a closing mark.
    var closed: Bool
}

/// Finds quotation spans.
enum QuoteSpans {
    /// Every mark handled is " or at or above « (U+00AB): only these positions are looked at.
    @inline(__always)
    static func isMarkCandidate(_ value: UInt32) -> Bool { value == 0x22 || value >= 0xAB }

    /// Appends to `spans` the spans in `scalars[paragraph]`, given the positions in it that may be
    /// marks (ascending: `Layout.marks` of the paragraph). The caller keeps the buffer from
    /// paragraph to paragraph (an array per paragraph with quotations was made and grown).
    static func find(_ scalars: [Unicode.Scalar], paragraph: Range<Int>, marks: ArraySlice<Int>, into spans: inout [QuoteSpan]) {
        var openAt: Int? = nil
        var closer: Unicode.Scalar = "\""
        func emit(open: Int, closeMark: Int?, limit: Int) {
            var start = open + 1
            var end = closeMark ?? limit
            while start < end, ScalarFolding.isSpace(scalars[start]) { start += 1 }
            while end > start, ScalarFolding.isSpace(scalars[end - 1]) { end -= 1 }
            guard end > start, scalars[start..<end].contains(where: ScalarFolding.isWordScalar) else { return }
            spans.append(QuoteSpan(open: open, close: closeMark.map { $0 + 1 } ?? limit,
                                   textStart: start, textEnd: end, closed: closeMark != nil))
        }
        for index in marks {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                let shape = markShape(scalars, index, paragraph)
                if let open = openAt {
                    if (closer == "\"" || closer == "\u{201D}") && shape != .opening {
                        emit(open: open, closeMark: index, limit: paragraph.upperBound)
                        openAt = nil
                    } else if shape == .opening {
                        emit(open: open, closeMark: nil, limit: trimmedEnd(scalars, before: index, from: open))
                        openAt = index
                        closer = "\""
                    }
                } else if shape != .closing {
                    openAt = index
                    closer = "\""
                }
            case "\u{201C}", "\u{201E}":
                let shape = markShape(scalars, index, paragraph)
                if let open = openAt, closer == "\u{201C}" && scalar == "\u{201C}" {
                    // „…“ (German style): “ closes.
                    emit(open: open, closeMark: index, limit: paragraph.upperBound)
                    openAt = nil
                } else if let open = openAt, scalar == "\u{201C}", shape == .closing {
                    // “ typed where ” was meant.
                    emit(open: open, closeMark: index, limit: paragraph.upperBound)
                    openAt = nil
                } else if let open = openAt {
                    // A new opening while one is open: the earlier one lost its closing mark.
                    emit(open: open, closeMark: nil, limit: trimmedEnd(scalars, before: index, from: open))
                    openAt = index
                    closer = scalar == "\u{201E}" ? "\u{201C}" : "\u{201D}"
                } else if shape != .closing {
                    openAt = index
                    closer = scalar == "\u{201E}" ? "\u{201C}" : "\u{201D}"
                }
            case "\u{201D}":
                if let open = openAt, closer == "\u{201D}" || closer == "\"" {
                    emit(open: open, closeMark: index, limit: paragraph.upperBound)
                    openAt = nil
                }
            case "\u{00AB}", "\u{300C}", "\u{300E}":
                if openAt == nil {
                    openAt = index
                    closer = scalar == "\u{00AB}" ? "\u{00BB}" : (scalar == "\u{300C}" ? "\u{300D}" : "\u{300F}")
                }
            case "\u{00BB}", "\u{300D}", "\u{300F}":
                if let open = openAt, closer == scalar {
                    emit(open: open, closeMark: index, limit: paragraph.upperBound)
                    openAt = nil
                }
            default:
                break
            }
        }
        if let open = openAt {
            emit(open: open, closeMark: nil, limit: paragraph.upperBound)
        }
    }

    /// How a quotation mark sits between its neighbours.
    enum MarkShape {
        /// Space (or start) before, text after: opens.
        case opening
        /// Text before, space, punctuation or end after: closes.
        case closing
        /// Either.
        case ambiguous
    }

    /// What may stand before an opening mark and after a closing one, besides a space.
    private static let openingNeighbours = ScalarList("([{—–-/")
    private static let closingNeighbours = ScalarList(".,;:!?)]}—–")

    /// The shape of the mark at `index`: a digit before it (6'3") counts as closing.
    static func markShape(_ scalars: [Unicode.Scalar], _ index: Int, _ paragraph: Range<Int>) -> MarkShape {
        let before: Unicode.Scalar = index > paragraph.lowerBound ? scalars[index - 1] : " "
        let after: Unicode.Scalar = index + 1 < paragraph.upperBound ? scalars[index + 1] : " "
        let spaceBefore = ScalarFolding.isSpace(before) || openingNeighbours.contains(before)
        let spaceAfter = ScalarFolding.isSpace(after) || closingNeighbours.contains(after)
        if spaceBefore && !spaceAfter { return .opening }
        if !spaceBefore && spaceAfter { return .closing }
        return .ambiguous
    }

    private static func trimmedEnd(_ scalars: [Unicode.Scalar], before index: Int, from open: Int) -> Int {
        var end = index
        while end > open + 1, ScalarFolding.isSpace(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// A document's paragraphs and where in them a quotation mark may stand.
    struct Layout {
        /// Maximal runs between line breaks, whitespace-only ones dropped.
        var paragraphs: [Range<Int>]
        /// Positions inside the paragraphs of every scalar that `isMarkCandidate` accepts, ascending.
        var marks: [Int]
    }

    /// Paragraph ranges: maximal runs between line breaks, whitespace-only ones dropped.
    static func paragraphs(_ scalars: [Unicode.Scalar]) -> [Range<Int>] { layout(scalars).paragraphs }

    /// Paragraphs and mark candidates, in one pass over the scalars.
    static func layout(_ scalars: [Unicode.Scalar]) -> Layout {
        scalars.withUnsafeBufferPointer { scalars in
            var layout = Layout(paragraphs: [], marks: [])
            // Room for a typical article's paragraphs and marks from the start (grown from empty,
            // the two lists were copied about ten times a document).
            layout.paragraphs.reserveCapacity(64)
            layout.marks.reserveCapacity(64)
            var start = 0
            // Whether the current paragraph has a scalar other than a space so far.
            var filled = false
            var index = 0
            while index < scalars.count {
                let value = scalars[index].value
                if value == 0x0A || value == 0x0D || value == 0x2029 {
                    if filled { layout.paragraphs.append(start..<index) }
                    start = index + 1
                    filled = false
                } else if !filled, !ScalarFolding.isSpace(scalars[index]) {
                    filled = true
                    // The rest of a filled paragraph matters for where it ends and for its marks
                    // (what stood before in it were spaces, never marks).
                    if isMarkCandidate(value) { layout.marks.append(index) }
                    while index + 1 < scalars.count {
                        let next = scalars[index + 1].value
                        // Most scalars (from # to ª, and spaces) are neither a line end nor a mark.
                        if next &- 0x23 < 0xAB - 0x23 || next == 0x20 {
                            index += 1
                            continue
                        }
                        if next == 0x0A || next == 0x0D || next == 0x2029 { break }
                        index += 1
                        if isMarkCandidate(next) { layout.marks.append(index) }
                    }
                }
                index += 1
            }
            if filled { layout.paragraphs.append(start..<scalars.count) }
            return layout
        }
    }
}

// SortedRanges: membership in a sorted list of disjoint ranges by binary search (quoted stretches),
// so that checks stay logarithmic in documents with thousands of quotation marks.

/// Disjoint ranges sorted by their start.
struct SortedRanges: Sendable {
    private let ranges: [Range<Int>]

    init(_ ranges: [Range<Int>]) { self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound } }

    /// True when `offset` lies in one of the ranges.
    func contains(_ offset: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 && ranges[low - 1].contains(offset)
    }
}

/// The index of the last element of `items` (sorted by `key`) whose key is ≤ `offset`, or nil.
func lastIndex<T>(in items: [T], atOrBefore offset: Int, key: (T) -> Int) -> Int? {
    var low = 0, high = items.count
    while low < high {
        let mid = (low + high) / 2
        if key(items[mid]) <= offset { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? low - 1 : nil
}

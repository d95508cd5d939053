/// What changed since the previous run of the same template into the same output folder.
public struct ChangeSet: Sendable, Equatable, Codable {
    /// The previous run's as-of instant (ISO 8601).
    public var previousAsOf: String
    /// Documents in the previous briefing.
    public var previousDocuments: Int
    /// Documents in this briefing.
    public var currentDocuments: Int
    /// Documents this output folder had never seen before.
    public var newDocuments: Int
    /// Changed counts, by kind (actor, theme, speaker), then largest change first, then name.
    public var rows: [ChangeRow]

    /// Creates a change set.
    public init(previousAsOf: String, previousDocuments: Int, currentDocuments: Int, newDocuments: Int, rows: [ChangeRow]) {
        self.previousAsOf = previousAsOf
        self.previousDocuments = previousDocuments
        self.currentDocuments = currentDocuments
        self.newDocuments = newDocuments
        self.rows = rows
    }
}

/// One changed count.
public struct ChangeRow: Sendable, Equatable, Codable {
    /// `actor`, `theme` or `speaker`.
    public var kind: String
    /// The actor, theme or speaker.
    public var name: String
    /// Count in the previous run.
    public var previous: Int
    /// Count in this run.
    public var current: Int
    /// current − previous.
    public var delta: Int { current - previous }

    /// Creates a row.
    public init(kind: String, name: String, previous: Int, current: Int) {
        self.kind = kind
        self.name = name
        self.previous = previous
        self.current = current
    }
}

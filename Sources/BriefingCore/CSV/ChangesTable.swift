import BriefingModel

/// changes.csv: kind, name, previous, current, delta — a `documents` row first, then every changed
/// actor, theme and speaker count (by kind, then largest change, then name). Empty on a first run.
enum ChangesTable {
    static func make(_ data: BriefingData) -> CSVTable {
        var table = CSVTable(header: ["kind", "name", "previous", "current", "delta"])
        guard let changes = data.changes else { return table }
        table.rows.append([.text("documents"), .text("documents"), .int(changes.previousDocuments), .int(changes.currentDocuments),
                           .int(changes.currentDocuments - changes.previousDocuments)])
        table.rows.append([.text("documents"), .text("new documents"), .int(0), .int(changes.newDocuments), .int(changes.newDocuments)])
        for row in changes.rows {
            table.rows.append([.text(row.kind), .text(row.name), .int(row.previous), .int(row.current), .int(row.delta)])
        }
        return table
    }
}

// ChangeDetector: compares this run's statistics with the previous run's snapshot.
import BriefingModel

/// Builds run snapshots and compares them.
enum ChangeDetector {
    /// The snapshot of `data` to keep for the next run.
    static func snapshot(_ data: BriefingData, asOf: String) -> RunSnapshot {
        var actors: [String: Int] = [:], themes: [String: Int] = [:], speakers: [String: Int] = [:]
        for actor in data.actors { actors[actor.name] = actor.mentions }
        for theme in data.themes { themes[theme.name] = theme.mentions }
        for speaker in data.speakers where !speaker.speaker.isEmpty { speakers[speaker.speaker] = speaker.quotes }
        return RunSnapshot(asOf: asOf, documents: data.totals.documents, actors: actors, themes: themes, speakers: speakers)
    }

    /// Rows for every count that changed, by kind, then largest absolute change, then name.
    static func compare(previous: RunSnapshot, current: RunSnapshot, newDocuments: Int) -> ChangeSet {
        var rows: [ChangeRow] = []
        for (kind, before, now) in [("actor", previous.actors, current.actors), ("theme", previous.themes, current.themes),
                                    ("speaker", previous.speakers, current.speakers)] {
            let names = Set(before.keys).union(now.keys)
            var kindRows = names.compactMap { name -> ChangeRow? in
                let row = ChangeRow(kind: kind, name: name, previous: before[name] ?? 0, current: now[name] ?? 0)
                return row.delta == 0 ? nil : row
            }
            kindRows.sort { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : ($0.delta != $1.delta ? $0.delta > $1.delta : $0.name < $1.name) }
            rows += kindRows
        }
        return ChangeSet(previousAsOf: previous.asOf, previousDocuments: previous.documents, currentDocuments: current.documents,
                         newDocuments: newDocuments, rows: rows)
    }
}

import BriefingModel

/// The statistics files: actor_mentions.csv, themes_by_year.csv, quote_counts.csv, cooccurrence.csv.
/// Rows in BriefingData's order (count descending, then name).
enum StatisticsTables {
    /// actor_mentions.csv.
    static func actors(_ data: BriefingData) -> CSVTable {
        CSVTable(header: ["actor", "kind", "mentions", "documents", "first_published", "last_published"], rows: data.actors.map {
            [.text($0.name), .text($0.kind.rawValue), .int($0.mentions), .int($0.documents),
             .text($0.firstPublished?.description ?? ""), .text($0.lastPublished?.description ?? "")]
        })
    }

    /// themes_by_year.csv.
    static func themesByYear(_ data: BriefingData) -> CSVTable {
        CSVTable(header: ["theme", "year", "documents", "mentions"], rows: data.themesByYear.map {
            [.text($0.theme), .text($0.year), .int($0.documents), .int($0.mentions)]
        })
    }

    /// quote_counts.csv.
    static func quoteCounts(_ data: BriefingData) -> CSVTable {
        CSVTable(header: ["speaker", "actor", "quotes", "documents"], rows: data.speakers.map {
            [.text($0.speaker), .text($0.actor), .int($0.quotes), .int($0.documents)]
        })
    }

    /// cooccurrence.csv.
    static func cooccurrence(_ data: BriefingData) -> CSVTable {
        CSVTable(header: ["actor_a", "actor_b", "documents"], rows: data.cooccurrence.map {
            [.text($0.first), .text($0.second), .int($0.documents)]
        })
    }
}

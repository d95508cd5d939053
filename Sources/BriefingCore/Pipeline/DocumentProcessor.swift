// DocumentProcessor: one corpus file → its documents and their analyses, from the store when the
// file's bytes and the template's rules are unchanged, else read and extracted anew.
// Invariants: a cache hit gives exactly what extraction would (same key = same bytes and rules);
// per-document work is independent, so files are processed on all cores.
import BriefingModel
import Foundation

/// The result of processing one unit of work: everything the run needs, already counted and
/// encoded by the worker, so that the fold only concatenates and adds.
struct ProcessedFile: Sendable {
    var documents: [Document] = []
    var analyses: [DocumentAnalysis] = []
    var diagnostics: [Diagnostic] = []
    /// Documents read (before the period).
    var read = 0
    /// Documents kept by the period.
    var kept = 0
    var outsidePeriod = 0
    var undatedExcluded = 0
    /// What each kept document adds to the statistics.
    var counts: [DocumentCounts] = []
    /// Encoded rows of documents.csv, quotes.csv and mentions.csv, and their counts.
    var documentRows: [UInt8] = []
    var quoteRows: [UInt8] = []
    var mentionRows: [UInt8] = []
    var rowCounts = (documents: 0, quotes: 0, mentions: 0)
    /// Appendix candidates.
    var featured: [DocumentRecord] = []
    /// Quotations with a speaker, for the featured quotations.
    var quoteCandidates: [QuoteCandidate] = []
    /// Keys of the kept documents' ids.
    var documentKeys: [UInt64] = []
    /// Analyses computed in this run, encoded, to be saved in the store.
    var fresh: [(String, [UInt8])] = []
    /// Documents taken from the store.
    var cached = 0
    /// (absolute path, file signature, content hash) of article files read in this run.
    var files: [(String, String, String)] = []
    /// `KeyHash` of the store key of every analysis the unit's documents used (taken from the
    /// store or made), read or not in the period: the store keeps these for the scope.
    var usedKeys: [UInt64] = []
}

/// Processes corpus files into analyses.
struct DocumentProcessor: Sendable {
    let corpus: CorpusReader
    let extractor: DocumentExtractor
    let store: AnalysisStore?
    let useCache: Bool
    let rules: String

    /// The largest document accepted (bytes).
    var maxDocumentBytes = 10_000_000
    /// The period kept.
    var period = Period.all
    var includeUndated = false

    /// The signature of an article file (size, modification time, inode), or nil when it is gone.
    static func signature(_ file: CorpusFile) -> (signature: String, size: Int)? { FileSignature.of(file.path) }

    /// Processes a unit and folds its documents into statistics and encoded rows; `prefetched` is
    /// the stored form of an unchanged article file's analysis and its key (one that does not
    /// decode is made anew).
    func process(_ unit: WorkUnit, prefetched stored: AnalysisStore.Prefetched? = nil) -> ProcessedFile {
        var result: ProcessedFile
        if let stored, let prefetched = BinaryReader.read(stored.payload), case .article(let file) = unit {
            result = ProcessedFile()
            add(prefetched, id: CorpusReader.documentID(for: file.relativePath), path: file.relativePath, given: Manifest.Entry(), to: &result)
            result.usedKeys.append(KeyHash.of(stored.key))
        } else {
            result = analyseUnit(unit)
        }
        let template = extractor.template
        for (document, analysis) in zip(result.documents, result.analyses) {
            result.read += 1
            if let published = document.published {
                guard period.contains(published) else { result.outsidePeriod += 1; continue }
            } else if !includeUndated && period.isBounded {
                result.undatedExcluded += 1
                continue
            }
            result.kept += 1
            let counts = DocumentCounts(document: document, analysis: analysis, template: template)
            result.counts.append(counts)
            CSVTable.appendRow(DocumentsTable.row(document, analysis), to: &result.documentRows)
            result.rowCounts.documents += 1
            result.rowCounts.quotes += EvidenceTables.appendQuoteRows(analysis, template: template, to: &result.quoteRows)
            result.rowCounts.mentions += EvidenceTables.appendMentionRows(analysis, template: template, to: &result.mentionRows)
            result.featured.append(FeaturedDocuments.record(document, analysis, actorCounts: counts.actors, template: template))
            for quote in analysis.quotations where !quote.speaker.isEmpty {
                let record = QuoteRecord(speaker: quote.speaker, text: quote.text, documentID: analysis.documentID, source: document.source,
                                         published: document.published, start: quote.start)
                result.quoteCandidates.append(QuoteCandidate(words: TextLines.wordCount(quote.text), record: record))
            }
            result.documentKeys.append(KeyHash.of(document.id))
        }
        result.documents = []
        result.analyses = []
        return result
    }

    private func analyseUnit(_ unit: WorkUnit) -> ProcessedFile {
        var result = ProcessedFile()
        switch unit {
        case .problem(let diagnostic):
            result.diagnostics.append(diagnostic)
        case .lines(let file, let lines):
            let fileID = CorpusReader.documentID(for: file.relativePath)
            for line in lines {
                let bytes = line.bytes[...]
                // Without look-ups every text is analysed: decoded in the same pass as the line.
                switch JSONLinesReader.head(bytes, lineNumber: line.number, fileID: fileID, path: file.relativePath, decodingText: !useCache) {
                case .failure(let diagnostic)?: result.diagnostics.append(diagnostic)
                case nil: break
                case .success(let head)?:
                    // Looked up by the text's bytes as written; decoded only to be analysed.
                    let key = AnalysisStore.key(content: JSONLinesReader.contentKey(of: head, in: bytes), rules: rules)
                    if useCache, let cached = store?.lookup(key) {
                        result.diagnostics += head.notes
                        add(cached, id: head.id, path: file.relativePath, given: head.given, to: &result)
                        result.usedKeys.append(KeyHash.of(key))
                        continue
                    }
                    switch JSONLinesReader.text(of: head, in: bytes, path: file.relativePath) {
                    case .failure(let diagnostic): result.diagnostics.append(diagnostic)
                    case .success(let text):
                        result.diagnostics += head.notes
                        analyse(text, id: head.id, path: file.relativePath, given: head.given, key: key, to: &result)
                    }
                }
            }
        case .article(let file):
            let id = CorpusReader.documentID(for: file.relativePath)
            let bytes: [UInt8], signature: String
            switch corpus.readArticle(file, maxBytes: maxDocumentBytes) {
            case .vanished:
                result.diagnostics.append(Diagnostic(.warning, path: file.relativePath, message: "file vanished or cannot be read; skipped"))
                return result
            case .tooLarge(let size):
                result.diagnostics.append(Diagnostic(.warning, path: file.relativePath,
                                                     message: "larger than the document size limit (\(size) bytes > \(maxDocumentBytes)); skipped"))
                return result
            case .failed(let diagnostic):
                result.diagnostics.append(diagnostic)
                return result
            case .read(let read, let readSignature):
                bytes = read
                signature = readSignature
            }
            let content = ContentHash.hex(bytes)
            result.files.append((file.path, signature, content))
            let key = AnalysisStore.key(content: content, rules: rules)
            if useCache, let cached = store?.lookup(key) {
                add(cached, id: id, path: file.relativePath, given: Manifest.Entry(), to: &result)
                result.usedKeys.append(KeyHash.of(key))
                return result
            }
            switch corpus.decodeArticle(bytes, file: file) {
            case .failure(let diagnostic): result.diagnostics.append(diagnostic)
            case .success(let text): analyse(text, id: id, path: file.relativePath, given: Manifest.Entry(), key: key, to: &result)
            }
        }
        return result
    }

    private func add(_ cached: CachedAnalysis, id: String, path: String, given: Manifest.Entry, to result: inout ProcessedFile) {
        // The text is not needed after extraction: a cached document carries none.
        result.documents.append(corpus.makeDocument(id: id, path: path, text: "", facts: cached.facts, given: given))
        var analysis = cached.analysis
        analysis.documentID = id
        result.analyses.append(analysis)
        result.cached += 1
    }

    private func analyse(_ text: String, id: String, path: String, given: Manifest.Entry, key: String, to result: inout ProcessedFile) {
        let facts = ArticleReader.read(text)
        let document = corpus.makeDocument(id: id, path: path, text: text, facts: facts, given: given)
        let analysis = extractor.extract(document)
        var stored = analysis
        stored.documentID = ""
        result.documents.append(Document(id: document.id, path: document.path, text: "", title: document.title, source: document.source,
                                         published: document.published, words: document.words, url: document.url))
        result.analyses.append(analysis)
        if let encoded = AnalysisStore.encode(CachedAnalysis(facts: facts, analysis: stored)) {
            result.fresh.append((key, encoded))
            result.usedKeys.append(KeyHash.of(key))
        }
    }
}

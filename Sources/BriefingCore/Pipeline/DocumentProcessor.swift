// DocumentProcessor: one corpus file → its documents and their analyses, from the store when the
// file's bytes and the template's rules are unchanged, else read and extracted anew.
// Invariants: a cache hit gives exactly what extraction would (same key = same bytes and rules);
// per-document work is independent, so files are processed on all cores.
import BriefingModel
import Foundation

/// The result of processing one file.
struct ProcessedFile: Sendable {
    var documents: [Document] = []
    var analyses: [DocumentAnalysis] = []
    var diagnostics: [Diagnostic] = []
    /// Analyses computed in this run, to be saved in the store.
    var fresh: [(String, CachedAnalysis)] = []
    /// Documents taken from the store.
    var cached = 0
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

    func process(_ unit: WorkUnit) -> ProcessedFile {
        var result = ProcessedFile()
        switch unit {
        case .problem(let diagnostic):
            result.diagnostics.append(diagnostic)
        case .lines(let file, let lines):
            let fileID = CorpusReader.documentID(for: file.relativePath)
            for line in lines {
                switch JSONLinesReader.parse(line.bytes[...], lineNumber: line.number, fileID: fileID, path: file.relativePath) {
                case .failure(let diagnostic)?: result.diagnostics.append(diagnostic)
                case nil: break
                case .success(let record)?:
                    result.diagnostics += record.notes
                    let key = ContentHash.hex(Array(record.text.utf8)) + "-" + rules
                    if useCache, let cached = store?.lookup(key) {
                        add(cached, id: record.id, path: file.relativePath, given: record.given, to: &result)
                    } else {
                        analyse(record.text, id: record.id, path: file.relativePath, given: record.given, key: key, to: &result)
                    }
                }
            }
        case .article(let file):
            if let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path))?[.size] as? Int, size > maxDocumentBytes {
                result.diagnostics.append(Diagnostic(.warning, path: file.relativePath,
                                                     message: "larger than the document size limit (\(size) bytes > \(maxDocumentBytes)); skipped"))
                return result
            }
            let bytes: [UInt8]
            switch corpus.readBytes(file) {
            case .failure(let diagnostic):
                result.diagnostics.append(diagnostic)
                return result
            case .success(let read): bytes = read
            }
            let id = CorpusReader.documentID(for: file.relativePath)
            let key = ContentHash.hex(bytes) + "-" + rules
            if useCache, let cached = store?.lookup(key) {
                add(cached, id: id, path: file.relativePath, given: Manifest.Entry(), to: &result)
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
        result.fresh.append((key, CachedAnalysis(facts: facts, analysis: stored)))
    }
}

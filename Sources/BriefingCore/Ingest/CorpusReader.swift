// CorpusReader: a corpus folder → documents, in sorted path order, with a warning per skipped input.
// Input: the corpus root (and its optional manifest.csv). Output: [Document] and [Diagnostic].
// Invariants: hidden files and folders are skipped; a bad file or JSONL line is a warning, never
// a failed run; document order is the sorted order of relative paths, then line numbers.
import BriefingModel
import Foundation

/// One file of the corpus to read. A listing holds one per file for the whole run, so the absolute
/// path is not stored: it is a prefix shared by every file of the listing (the corpus root) joined
/// to the relative path, which is short enough to be stored inline in most corpora.
public struct CorpusFile: Sendable, Hashable {
    /// The root with its trailing `/` (one string shared by the listing), or the whole path.
    private let prefix: String
    /// True when `path` is `prefix` + `relativePath`.
    private let joined: Bool
    /// Absolute path on disk.
    public var path: String { joined ? prefix + relativePath : prefix }
    /// The file's URL.
    public var url: URL { URL(fileURLWithPath: path) }
    /// Path relative to the corpus root, with `/` separators.
    public let relativePath: String
    /// What kind of file it is.
    public let kind: Kind

    /// Kinds of corpus file.
    public enum Kind: Sendable, Hashable {
        /// One article (`.txt`, `.md`).
        case article
        /// One article per line (`.jsonl`).
        case jsonLines
    }

    /// A corpus file at `url`.
    public init(url: URL, relativePath: String, kind: Kind) {
        self.init(path: url.path, relativePath: relativePath, kind: kind)
    }

    /// A corpus file at the absolute `path`.
    public init(path: String, relativePath: String, kind: Kind) {
        let split = path.utf8.count - relativePath.utf8.count
        if split > 0, path.utf8.reversed().starts(with: relativePath.utf8.reversed()) {
            self.init(prefix: String(Substring(path.utf8.prefix(split))), joined: true, relativePath: relativePath, kind: kind)
        } else {
            self.init(prefix: path, joined: false, relativePath: relativePath, kind: kind)
        }
    }

    /// A corpus file at `prefix` + `relativePath` (the prefix ends with `/`; pass the same string
    /// for every file of a listing so that it is stored once).
    init(prefix: String, joined: Bool = true, relativePath: String, kind: Kind) {
        self.prefix = prefix
        self.joined = joined
        self.relativePath = relativePath
        self.kind = kind
    }

    public static func == (a: CorpusFile, b: CorpusFile) -> Bool {
        a.relativePath == b.relativePath && a.kind == b.kind && a.path == b.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(relativePath)
        hasher.combine(kind)
    }
}

/// Reads a corpus folder into documents.
public struct CorpusReader: Sendable {
    /// The corpus root folder.
    public let root: URL
    /// What the manifest says, by document_id.
    public let manifest: Manifest

    /// The manifest's file name at the corpus root.
    public static let manifestName = "manifest.csv"

    /// Opens a corpus: checks the folder and parses its manifest.
    public init(root: URL) throws(BriefingError) {
        self = try CorpusReader(listing: root).withManifest()
    }

    /// The folder checked, its manifest not read yet: enough to list and fingerprint its files
    /// before a run knows whether it reads any document (a run that reuses the last one does not,
    /// and parsing a manifest of 10,000 rows was a sixth of it). `withManifest()` reads it.
    init(listing root: URL) throws(BriefingError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw .corpusMissing(path: root.path, reason: "does not exist")
        }
        guard isDirectory.boolValue else { throw .corpusMissing(path: root.path, reason: "is not a folder") }
        self.root = root.standardizedFileURL
        manifest = Manifest()
    }

    private init(root: URL, manifest: Manifest) {
        self.root = root
        self.manifest = manifest
    }

    /// The same corpus with its manifest parsed (an empty one when there is none).
    func withManifest() throws(BriefingError) -> CorpusReader {
        let manifestURL = root.appendingPathComponent(Self.manifestName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return CorpusReader(root: root, manifest: Manifest()) }
        guard let data = FileManager.default.contents(atPath: manifestURL.path),
              case .success(let text) = TextDecoder.decode([UInt8](data)) else {
            throw .invalidInput([Diagnostic(.error, path: manifestURL.path, line: 1, column: 1,
                                            message: "manifest is not readable UTF-8 text")])
        }
        return CorpusReader(root: root, manifest: try Manifest.parse(text, path: manifestURL.path))
    }

    /// Every corpus file below the root, sorted by relative path, and notes on what was skipped.
    public func listFiles() -> (files: [CorpusFile], diagnostics: [Diagnostic]) {
        var files: [CorpusFile] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []
        walk(root, relative: "", files: &files, diagnostics: &diagnostics, visited: &visited)
        if files.allSatisfy({ Self.isASCII($0.relativePath) }) {
            // For ASCII, String's own order is the bytes' order, and compares short strings in place.
            files.sort { $0.relativePath < $1.relativePath }
        } else {
            files.sort { Self.bytesPrecede($0.relativePath, $1.relativePath) }
        }
        return (files, diagnostics)
    }

    /// True when `a`'s UTF-8 bytes sort before `b`'s (the order of `utf8.lexicographicallyPrecedes`,
    /// compared with `memcmp` over the contiguous bytes instead of element by element).
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        a.withUTF8Buffer { left in
            b.withUTF8Buffer { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// True when `text` is ASCII (where String's order and the bytes' order agree).
    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// Folders nested deeper than this are skipped with a warning.
    static let maxDepth = 128

    /// Walks the tree with an explicit stack (no recursion: any nesting depth is safe); a folder
    /// reached twice through symbolic links is read once. Entries are read with `readdir`, whose
    /// entry type spares a `stat` per file (only links and unknown types are looked up).
    private func walk(_ root: URL, relative: String, files: inout [CorpusFile],
                      diagnostics: inout [Diagnostic], visited: inout Set<String>) {
        // Every file's path is this prefix + its relative path (one string for the whole listing).
        let prefix = relative.isEmpty ? (root.path.hasSuffix("/") ? root.path : root.path + "/") : nil
        var stack: [(String, String, Int)] = [(root.path, relative, 0)]
        while let (folder, relative, depth) = stack.popLast() {
            let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else {
                diagnostics.append(Diagnostic(.warning, path: relative, message: "folder already read (symbolic link loop); skipped"))
                continue
            }
            guard depth <= Self.maxDepth else {
                diagnostics.append(Diagnostic(.warning, path: relative, message: "folder nested deeper than \(Self.maxDepth) levels; skipped"))
                continue
            }
            guard let entries = Self.entries(of: folder) else {
                diagnostics.append(Diagnostic(.warning, path: relative.isEmpty ? folder : relative,
                                              message: "folder cannot be read; skipped"))
                continue
            }
            // Files are sorted once the whole tree is listed; only the folders are put in order here,
            // so that the walk (and which of two linked paths is read) does not depend on `readdir`.
            var folders: [(full: String, path: String)] = []
            for (name, type) in entries where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = type == .folder
                if type == .other {
                    var info = stat()
                    guard stat(Self.join(folder, name), &info) == 0 else {
                        diagnostics.append(Diagnostic(.warning, path: path, message: "file vanished or is a broken link; skipped"))
                        continue
                    }
                    isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    folders.append((Self.join(folder, name), path))
                    continue
                }
                if relative.isEmpty && name == Self.manifestName { continue }
                if let kind = Self.kind(ofFileNamed: name) {
                    // From the root, a file's path is the prefix + its relative path (no string joined).
                    if let prefix {
                        files.append(CorpusFile(prefix: prefix, relativePath: path, kind: kind))
                    } else {
                        files.append(CorpusFile(path: Self.join(folder, name), relativePath: path, kind: kind))
                    }
                } else {
                    diagnostics.append(Diagnostic(.warning, path: path,
                                                  message: "not a corpus file (expected .txt, .md or .jsonl); skipped"))
                }
            }
            let ascii = folders.allSatisfy { Self.isASCII($0.path) }
            folders.sort { ascii ? $0.path < $1.path : Self.bytesPrecede($0.path, $1.path) }
            for (full, path) in folders { stack.append((full, path, depth + 1)) }
        }
    }

    /// `folder/name`.
    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// What a file is by its extension (any case): `.txt` and `.md` articles, `.jsonl` lines; nil
    /// for anything else.
    static func kind(ofFileNamed name: String) -> CorpusFile.Kind? {
        var name = name
        return name.withUTF8 { bytes in
            // The extension's bytes, ASCII letters lower-cased (no other scalar lower-cases to
            // these letters), packed into one integer: "txt" is 0x74_78_74.
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0, bytes.count - dot - 1 <= 5 else { return nil }
            var packed: UInt64 = 0
            for byte in bytes[(dot + 1)...] { packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            switch packed {
            case 0x74_78_74, 0x6D_64: return .article  // txt, md
            case 0x6A_73_6F_6E_6C: return .jsonLines  // jsonl
            default: return nil
            }
        }
    }

    private enum EntryType { case folder, file, other }

    /// The names in a folder with their types as `readdir` gives them (nil when it cannot be read).
    private static func entries(of folder: String) -> [(name: String, type: EntryType)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var result: [(name: String, type: EntryType)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): type = .folder
            case Int32(DT_REG): type = .file
            default: type = .other  // links and file systems that do not say: looked up with stat
            }
            result.append((name, type))
        }
        return result
    }

    /// Reads one corpus file into its documents (one, or one per JSONL line), facts read from the text.
    public func read(_ file: CorpusFile) -> (documents: [Document], diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        switch readBytes(file) {
        case .failure(let diagnostic): return ([], [diagnostic])
        case .success(let read): bytes = read
        }
        switch file.kind {
        case .article:
            switch decodeArticle(bytes, file: file) {
            case .failure(let diagnostic): return ([], [diagnostic])
            case .success(let text):
                let id = Self.documentID(for: file.relativePath)
                return ([makeDocument(id: id, path: file.relativePath, text: text, facts: ArticleReader.read(text), given: Manifest.Entry())], [])
            }
        case .jsonLines:
            let (records, diagnostics) = JSONLinesReader.read(bytes, file: file)
            return (records.map { makeDocument(id: $0.id, path: file.relativePath, text: $0.text, facts: ArticleReader.read($0.text), given: $0.given) },
                    diagnostics)
        }
    }

    /// The bytes of a file, or the warning that says why they cannot be read.
    func readBytes(_ file: CorpusFile) -> Result<[UInt8], Diagnostic> {
        do {
            return .success([UInt8](try Data(contentsOf: file.url)))
        } catch {
            return .failure(Diagnostic(.warning, path: file.relativePath, message: "cannot be read (\(Self.reason(error))); skipped"))
        }
    }

    /// What opening an article file once gave: its bytes and signature (size, modification time,
    /// inode — as `DocumentProcessor.signature` reads them, here from the open file), or why not.
    enum ArticleRead {
        case read(bytes: [UInt8], signature: String)
        /// Gone since the listing (or its status cannot be read).
        case vanished
        /// Larger than the limit: not read.
        case tooLarge(Int)
        case failed(Diagnostic)
    }

    /// Opens an article file once: its status from the open file (one `fstat` instead of a `stat`
    /// per question), then its bytes up to the end (a file growing meanwhile is read whole).
    func readArticle(_ file: CorpusFile, maxBytes: Int) -> ArticleRead {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .vanished }
            return .failed(Diagnostic(.warning, path: file.relativePath, message: "cannot be read (\(String(cString: strerror(code)))); skipped"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .vanished }
        let size = Int(info.st_size)
        if size > maxBytes { return .tooLarge(size) }
        let signature = FileSignature.text(info)
        // Read into room left uninitialised (no page of zeros written first), one byte more than
        // the status gave: a file that grew since is read on to its end below.
        var failure: Int32 = 0
        var complete = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(size, 0) + 1) { buffer, initialized in
            var count = 0
            while count < buffer.count {
                let got = Self.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                if got == 0 { complete = true; break }
                if got < 0 { failure = Int32(-got); break }
                count += got
                // The size the status gave is read; reading on would cost a call to learn of the end.
                if count == size { complete = true; break }
            }
            initialized = count
        }
        var chunk = [UInt8](repeating: 0, count: complete || failure != 0 ? 0 : 4096)
        while !complete && failure == 0 {
            let got = chunk.withUnsafeMutableBufferPointer { Self.read(descriptor, $0.baseAddress, $0.count) }
            if got == 0 { break }
            if got < 0 { failure = Int32(-got); break }
            bytes.append(contentsOf: chunk[..<got])
        }
        if failure != 0 {
            return .failed(Diagnostic(.warning, path: file.relativePath, message: "cannot be read (\(String(cString: strerror(failure)))); skipped"))
        }
        return .read(bytes: bytes, signature: signature)
    }

    /// `read(2)` retried when interrupted: the bytes read (0 at the end), or minus `errno`.
    private static func read(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
        while true {
            let got = Glibc.read(descriptor, buffer, count)
            if got >= 0 { return got }
            if errno != EINTR { return -Int(errno) }
        }
    }

    /// The text of an article file, or the warning that says why it is not text.
    func decodeArticle(_ bytes: [UInt8], file: CorpusFile) -> Result<String, Diagnostic> {
        switch TextDecoder.decode(bytes) {
        case .failure(let failure): return .failure(Diagnostic(.warning, path: file.relativePath, message: "\(failure); skipped"))
        case .success(let text): return .success(text)
        }
    }

    /// Builds a document: manifest first, then what the record gave, then what the text says; a date
    /// written in the file's path (`2016-02-02_story.txt`, `2016/12/27/…`) comes last.
    func makeDocument(id: String, path: String, text: String, facts: ArticleFacts, given: Manifest.Entry) -> Document {
        let listed = manifest.entries[id] ?? Manifest.Entry()
        func pick(_ values: String...) -> String { values.first { !$0.isEmpty } ?? "" }
        return Document(
            id: id, path: path, text: text,
            title: pick(listed.title, given.title, facts.title),
            source: pick(listed.source, given.source, facts.source),
            published: listed.published ?? given.published ?? facts.published ?? DateFinder.firstDate(in: path),
            words: facts.words,
            url: pick(listed.url, given.url))
    }

    /// `2024/week1/foo.txt` → `2024/week1/foo`.
    public static func documentID(for relativePath: String) -> String {
        guard let dot = relativePath.lastIndex(of: "."),
              !relativePath[dot...].contains("/") else { return relativePath }
        return String(relativePath[..<dot])
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}

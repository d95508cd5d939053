import ArgumentParser
import BriefingCore
import BriefingModel
import Foundation

/// `briefing check-template FILE...`: validates templates, printing every problem.
struct CheckTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-template",
        abstract: "Validate report templates; print every problem as FILE:LINE:COL: message (exit 65 if any)."
    )

    @Argument(help: "Template files (YAML).")
    var files: [String]

    func run() throws {
        var problems: [Diagnostic] = []
        for file in files {
            do throws(BriefingError) {
                _ = try TemplateLoader.load(path: file)
            } catch {
                if case .invalidInput(let found) = error { problems += found } else {
                    FileHandle.standardError.write(Data((error.description + "\n").utf8))
                    throw ExitCode(error.exitCode)
                }
            }
        }
        for problem in problems.sorted() {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
        }
        if !problems.isEmpty { throw ExitCode(65) }
        print("\(files.count) template\(files.count == 1 ? "" : "s") OK")
    }
}

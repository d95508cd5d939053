// The `briefing` command: parses arguments, builds a configuration, runs the pipeline, maps
// errors to the exit codes of INTERFACE.md. No logic of its own beyond that.
import ArgumentParser
import BriefingModel

@main
struct Briefing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turn a folder of news articles into an analyst's briefing (PDF and CSV).",
        version: BriefingVersion.current,
        subcommands: [RunCommand.self, CheckTemplateCommand.self]
    )
}

import ArgumentParser
import Training

/// Prints README's configuration key table from the schema (hidden; for whoever edits the README).
struct ConfigKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-keys", abstract: "Print the configuration key table (markdown) from the schema.",
        shouldDisplay: false)

    func run() throws { print(ConfigSchema.markdownTable()) }
}

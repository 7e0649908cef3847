import ArgumentParser

@main
struct BreastAIRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breastai-run",
        abstract: "Train, evaluate and benchmark compiled BreastAI programs (the training runtime is the next issue).")
    func run() throws { print(Self.helpMessage()) }
}

import ArgumentParser
@main
struct BreastAICompile: ParsableCommand {
    func run() throws {}
}

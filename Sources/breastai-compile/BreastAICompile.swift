import ArgumentParser
import Foundation
import Graph

/// `breastai-compile`: builds a model's training graphs and reports on them. (Emitting and
/// building the C program is the Codegen stage.)
@main
struct BreastAICompile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breastai-compile",
        abstract: "Build the training graphs of an EfficientNetV2 BreastAI model and report on them.",
        discussion: """
            Examples:
              breastai-compile --model S --summary
              breastai-compile --model M --plain-torchvision --classes 1000 --summary --json
              breastai-compile --model tiny --phase 2 --dump-ir --graph step
            """)

    @Option(name: .long, help: "Model: S, M or tiny.")
    var model: String = "S"
    @Option(name: .long, help: "Input height and width in pixels (default 512; tiny: 32).")
    var imageSize: Int?
    @Option(name: .long, help: "Physical batch size of one step.")
    var batch: Int = 4
    @Option(name: .long, help: "Number of classes.")
    var classes: Int = 3
    @Flag(name: .long, help: "Stock torchvision classifier (Dropout + Linear) instead of the BreastAI head.")
    var plainTorchvision = false
    @Flag(name: .long, inversion: .prefixedNo, help: "CBAM attention before pooling (BreastAI head only).")
    var cbam = true
    @Option(name: .long, help: "Dropout rate p of the BreastAI head (layers use p, p/2, 0.3p).")
    var dropout: Float = ModelConfig.breastAIDropout
    @Option(name: .long, help: "Phase: all, 1, 2, 3 or 4.")
    var phase: String = "all"
    @Flag(name: .long, help: "Print parameters, ops and FLOPs per phase.")
    var summary = false
    @Flag(name: .long, help: "With --summary: print JSON.")
    var json = false
    @Flag(name: .long, help: "Print the IR, one line per node (phase 4 unless --phase is given).")
    var dumpIr = false
    @Option(name: .long, help: "With --dump-ir: which graph, step, update or eval.")
    var graph: String = "step"

    func config() throws -> ModelConfig {
        guard let variant = ModelVariant(rawValue: model) ?? ModelVariant(rawValue: model.uppercased()) else {
            throw ValidationError("unknown model '\(model)': expected S, M or tiny")
        }
        let head: HeadKind = plainTorchvision ? .torchvision : .breastAI(cbam: cbam, dropout: dropout)
        let c = ModelConfig(variant: variant, classes: classes, imageSize: imageSize, batch: batch, head: head)
        try c.validate()
        return c
    }

    func phases() throws -> [Phase] {
        if phase == "all" { return Phase.recipe }
        guard let n = Int(phase) else { throw ValidationError("unknown phase '\(phase)': expected all, 1, 2, 3 or 4") }
        return [try Phase.recipe(n)]
    }

    func run() throws {
        let config = try config()
        if dumpIr {
            let p = phase == "all" ? Phase.recipe[3] : try phases()[0]
            let program = try TrainingProgram(config: config, phase: p, loss: defaultLoss(config))
            let g: Graph
            switch graph {
            case "step": g = program.step
            case "update": g = program.update
            case "eval": g = program.eval
            default: throw ValidationError("unknown graph '\(graph)': expected step, update or eval")
            }
            try g.verify()
            print(g.dump(), terminator: "")
            return
        }
        let s = try ModelSummary(config: config, phases: phases(), loss: defaultLoss(config))
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(s), as: UTF8.self))
        } else {
            print(s.text)
        }
    }

    /// The recipe's focal loss; with other than 3 classes, alpha 1 for every class.
    func defaultLoss(_ c: ModelConfig) -> LossAttrs {
        c.classes == 3 ? .recipe : LossAttrs(alpha: Array(repeating: 1, count: c.classes), gamma: 2.5, smoothing: 0.12)
    }
}

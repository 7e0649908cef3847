/// A phase of progressive unfreezing, as the original BreastAI defines it: a fraction of
/// `features` modules, counted by index from the end, becomes trainable
/// (`features[i]` for `i >= int(len(features) · (1 - fraction))`); CBAM and the head always train.
public struct Phase: Hashable, Codable, Sendable, CustomStringConvertible {
    /// 1-4 for the recipe's phases.
    public var number: Int
    /// Fraction of backbone feature modules trainable (0, 0.25, 0.5, 1 in the recipe).
    public var unfreezeFraction: Double

    public init(number: Int, unfreezeFraction: Double) {
        self.number = number; self.unfreezeFraction = unfreezeFraction
    }

    /// The recipe's phases: 1 backbone frozen, 2 last 25%, 3 last 50%, 4 everything.
    public static let recipe: [Phase] = [
        Phase(number: 1, unfreezeFraction: 0), Phase(number: 2, unfreezeFraction: 0.25),
        Phase(number: 3, unfreezeFraction: 0.5), Phase(number: 4, unfreezeFraction: 1),
    ]

    /// The recipe phase with this number.
    public static func recipe(_ number: Int) throws(GraphError) -> Phase {
        guard (1...4).contains(number) else { throw .invalidConfiguration("phase must be 1, 2, 3 or 4, got \(number)") }
        return recipe[number - 1]
    }

    /// Index of the first trainable `features` module; `count` when the backbone is frozen.
    public func firstTrainableFeature(of count: Int) -> Int {
        Int(Double(count) * (1 - unfreezeFraction))
    }

    public var description: String { "phase \(number)" }
}

extension ModelConfig {
    /// Which `features` index a parameter name belongs to (nil for CBAM and the head).
    public static func featureIndex(ofParameter name: String) -> Int? {
        let parts = name.split(separator: ".")
        guard parts.count > 1, parts[0] == "features" else { return nil }
        return Int(parts[1])
    }

    /// Whether a parameter trains in `phase`.
    public func isTrainable(_ name: String, in phase: Phase) -> Bool {
        guard let i = Self.featureIndex(ofParameter: name) else { return true }
        return i >= phase.firstTrainableFeature(of: backbone.featureModules)
    }

    /// The AdamW step-count group of a parameter: the index (0-3) of the phase of `unfreezing`
    /// (the recipe's four, possibly with other fractions) that first trains it. Parameters of one
    /// group have taken the same number of optimizer steps.
    public func adamGroup(_ name: String, unfreezing: [Phase] = Phase.recipe) -> Int {
        for (g, phase) in unfreezing.enumerated() where isTrainable(name, in: phase) { return g }
        return unfreezing.count - 1
    }
}

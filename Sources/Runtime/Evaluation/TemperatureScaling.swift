import Foundation

/// The temperature fitted on validation logits, with the calibration before (T = 1) and after.
public struct TemperatureFit: Codable, Sendable, Equatable {
    /// T > 0; calibrated probabilities are softmax(logits / T).
    public var temperature: Double
    /// Mean negative log-likelihood of the true class at T = 1 and at `temperature`.
    public var nllBefore: Double
    public var nllAfter: Double
    /// Expected calibration error (15 adaptive bins) at T = 1 and at `temperature`.
    public var eceBefore: Double
    public var eceAfter: Double
    /// Newton iterations taken.
    public var iterations: Int

    public init(temperature: Double, nllBefore: Double, nllAfter: Double, eceBefore: Double, eceAfter: Double, iterations: Int) {
        self.temperature = temperature; self.nllBefore = nllBefore; self.nllAfter = nllAfter
        self.eceBefore = eceBefore; self.eceAfter = eceAfter; self.iterations = iterations
    }

    enum CodingKeys: String, CodingKey {
        case temperature, iterations
        case nllBefore = "nll_before", nllAfter = "nll_after", eceBefore = "ece_before", eceAfter = "ece_after"
    }
}

/// Temperature scaling (Guo et al., 2017): one scalar T > 0 that minimises the mean NLL of
/// softmax(z / T) on held-out logits z.
///
/// Method: Newton's method on u = log T with Armijo backtracking, u kept in
/// [log 0.05, log 20]. With β = 1/T = e^(−u) and p = softmax(β z),
///
///     f(β)   = mean_i [ logsumexp(β z_i) − β z_i,y ]
///     f'(β)  = mean_i [ E_p[z_i] − z_i,y ]
///     f''(β) = mean_i [ Var_p[z_i] ] ≥ 0                 (f is convex in β)
///     g(u) = f(e^(−u)),  g'(u) = −β f'(β),  g''(u) = β² f''(β) + β f'(β).
///
/// Because f is convex in β and β is monotone in u, every stationary point of g is the global
/// minimum, so a descent method cannot stop anywhere else. The step is −g'/g'' when g'' > 0,
/// otherwise a unit step downhill; steps are capped at |Δu| ≤ 1 and halved until g decreases
/// enough. Stops when |g'| < 1e-10, the step vanishes, or after 100 iterations. Logits that
/// carry no information about T (g' ≡ 0, e.g. all equal) leave T at its initial value.
public enum TemperatureScaling {
    /// Bounds of T.
    public static let range: ClosedRange<Double> = 0.05...20

    /// Fits T starting from `initial` (`inference.initial_temperature`); `labels` non-empty.
    public static func fit(logits: [[Float]], labels: [Int], initial: Double) -> TemperatureFit {
        fit(logits: logits.map { $0.map(Double.init) }, labels: labels, initial: initial)
    }

    /// Fits T starting from `initial` (`inference.initial_temperature`); `labels` non-empty.
    public static func fit(logits: [[Double]], labels: [Int], initial: Double) -> TemperatureFit {
        precondition(!labels.isEmpty && logits.count == labels.count, "temperature scaling needs one logit row per label")
        precondition(initial > 0, "initial temperature must be positive")
        let lo = log(range.lowerBound), hi = log(range.upperBound)
        var u = min(max(log(initial), lo), hi)
        var current = objective(logits, labels, u)
        var iterations = 0
        while iterations < 100 {
            iterations += 1
            if abs(current.d1) < 1e-10 { break }
            var step = current.d2 > 0 ? -current.d1 / current.d2 : (current.d1 > 0 ? -1 : 1)
            step = min(max(step, -1), 1)
            var t = 1.0, accepted = false
            while t * abs(step) > 1e-12 {
                let candidate = min(max(u + t * step, lo), hi)
                if candidate == u { break }
                let next = objective(logits, labels, candidate)
                if next.value <= current.value + 1e-4 * current.d1 * (candidate - u) {
                    u = candidate; current = next; accepted = true
                    break
                }
                t /= 2
            }
            if !accepted { break }
        }
        let temperature = exp(u)
        let before = labels.indices.map { softmax(logits[$0], temperature: 1) }
        let after = labels.indices.map { softmax(logits[$0], temperature: temperature) }
        return TemperatureFit(
            temperature: temperature,
            nllBefore: nll(logits: logits, labels: labels, temperature: 1),
            nllAfter: current.value,
            eceBefore: Metrics.expectedCalibrationError(probabilities: before, truth: labels, binning: .adaptive) ?? 0,
            eceAfter: Metrics.expectedCalibrationError(probabilities: after, truth: labels, binning: .adaptive) ?? 0,
            iterations: iterations)
    }

    /// softmax(logits / temperature), computed with the maximum subtracted.
    public static func softmax(_ logits: [Double], temperature: Double) -> [Double] {
        let z = logits.map { $0 / temperature }
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Mean negative log-likelihood of the true class under softmax(logits / temperature).
    public static func nll(logits: [[Double]], labels: [Int], temperature: Double) -> Double {
        objective(logits, labels, log(temperature)).value
    }

    /// g(u), g'(u), g''(u) for u = log T (see the type's comment).
    static func objective(_ logits: [[Double]], _ labels: [Int], _ u: Double) -> (value: Double, d1: Double, d2: Double) {
        let beta = exp(-u)
        var f = 0.0, f1 = 0.0, f2 = 0.0
        for (row, y) in zip(logits, labels) {
            let m = row.max() ?? 0
            var s = 0.0, ez = 0.0, ez2 = 0.0
            for z in row {
                let w = exp(beta * (z - m))
                s += w; ez += w * z; ez2 += w * z * z
            }
            let mean = ez / s
            f += beta * m + log(s) - beta * row[y]
            f1 += mean - row[y]
            f2 += max(ez2 / s - mean * mean, 0)
        }
        let n = Double(labels.count)
        f /= n; f1 /= n; f2 /= n
        return (f, -beta * f1, beta * beta * f2 + beta * f1)
    }
}

import Foundation

/// The temperature fitted on validation logits, with the calibration before (T = 1) and after,
/// all of the prediction that is deployed: the mean over the TTA views of softmax(z_v / T).
public struct TemperatureFit: Codable, Sendable, Equatable {
    /// T > 0; calibrated probabilities are mean_v softmax(z_v / T) (`TemperatureScaling.probabilities`).
    public var temperature: Double
    /// Mean negative log-likelihood of the true class at T = 1 and at `temperature`.
    public var nllBefore: Double
    public var nllAfter: Double
    /// Expected calibration error (15 adaptive bins) at T = 1 and at `temperature`.
    public var eceBefore: Double
    public var eceAfter: Double
    /// Newton iterations taken after the grid search.
    public var iterations: Int
    /// The TTA views whose averaged prediction T was fitted on; nil when not recorded (a fit
    /// written before the views were recorded was on the first view alone).
    public var views: [String]?

    public init(temperature: Double, nllBefore: Double, nllAfter: Double, eceBefore: Double, eceAfter: Double, iterations: Int,
                views: [String]? = nil) {
        self.temperature = temperature; self.nllBefore = nllBefore; self.nllAfter = nllAfter
        self.eceBefore = eceBefore; self.eceAfter = eceAfter; self.iterations = iterations; self.views = views
    }

    enum CodingKeys: String, CodingKey {
        case temperature, iterations, views
        case nllBefore = "nll_before", nllAfter = "nll_after", eceBefore = "ece_before", eceAfter = "ece_after"
    }

    /// One line saying why this fit does not describe a prediction averaged over `views`, or nil
    /// when it does.
    public func mismatch(views used: [String]) -> String? {
        guard let views else {
            return "the temperature was fitted by an earlier version on the first view only; eval --refit fits it on the views in use"
        }
        guard views != used else { return nil }
        return "the temperature was fitted on the average of the views [\(views.joined(separator: ", "))] but the prediction "
            + "averages [\(used.joined(separator: ", "))]; eval --refit (with the same TTA setting) fits it on these views"
    }
}

/// Temperature scaling (Guo et al., 2017) of the deployed prediction: one scalar T > 0 that
/// minimises the mean NLL of the TTA average q = (1/V) Σ_v softmax(z_v / T) on held-out logits
/// z_v of the V views (one view: plain temperature scaling).
///
/// Method: on u = log T in [log 0.05, log 20], a grid of 41 points plus the initial value picks
/// the start, then Newton's method with Armijo backtracking. With β = 1/T = e^(−u),
/// a_v = softmax(β z_v)_y, E_v and Var_v the mean and variance of z_v under softmax(β z_v), and
/// the view weights w_v = a_v / Σ_v a_v, per sample
///
///     f(β)   = −log q = −log mean_v a_v
///     f'(β)  = −Σ_v w_v (z_v,y − E_v)
///     f''(β) = −Σ_v w_v [(z_v,y − E_v)² − Var_v] + f'(β)²
///     g(u) = f(e^(−u)),  g'(u) = −β f'(β),  g''(u) = β² f''(β) + β f'(β)
///
/// (all in log space, so confident wrong samples do not underflow). With one view f is convex in
/// β (f'' = Var ≥ 0) and every stationary point is the global minimum; the average of several
/// views need not be convex, which is why a grid chooses the basin first. The step is −g'/g''
/// when g'' > 0, otherwise a unit step downhill; steps are capped at |Δu| ≤ 1 and halved until
/// g decreases enough. Stops when |g'| < 1e-10, the step vanishes, or after 100 iterations.
/// Logits that carry no information about T (g constant, e.g. all equal) leave T at its initial
/// value. The reported NLL and ECE are computed from `probabilities(viewLogits:temperature:)`,
/// the function every report and `predict` use (through `Evaluator.Output.probabilities`).
public enum TemperatureScaling {
    /// Bounds of T.
    public static let range: ClosedRange<Double> = 0.05...20
    /// Grid points on log T that choose Newton's start.
    static let gridPoints = 41

    /// Fits T on one view's logits, starting from `initial` (`inference.initial_temperature`).
    public static func fit(logits: [[Float]], labels: [Int], initial: Double) -> TemperatureFit {
        fit(viewLogits: [logits], labels: labels, initial: initial)
    }

    /// Fits T on one view's logits, starting from `initial` (`inference.initial_temperature`).
    public static func fit(logits: [[Double]], labels: [Int], initial: Double) -> TemperatureFit {
        fit(viewLogits: [logits], labels: labels, initial: initial)
    }

    /// Fits T on the TTA average of `viewLogits[v][i]` (view v, sample i); `labels` non-empty.
    public static func fit(viewLogits: [[[Float]]], labels: [Int], initial: Double) -> TemperatureFit {
        fit(viewLogits: viewLogits.map { $0.map { $0.map(Double.init) } }, labels: labels, initial: initial)
    }

    /// Fits T on the TTA average of `viewLogits[v][i]` (view v, sample i); `labels` non-empty.
    public static func fit(viewLogits: [[[Double]]], labels: [Int], initial: Double) -> TemperatureFit {
        precondition(!labels.isEmpty && !viewLogits.isEmpty && viewLogits.allSatisfy { $0.count == labels.count },
                     "temperature scaling needs one logit row per label in every view")
        precondition(initial > 0, "initial temperature must be positive")
        let lo = log(range.lowerBound), hi = log(range.upperBound)
        var u = min(max(log(initial), lo), hi)
        var current = objective(viewLogits, labels, u)
        for k in 0..<gridPoints {
            let candidate = lo + (hi - lo) * Double(k) / Double(gridPoints - 1)
            let c = objective(viewLogits, labels, candidate)
            if c.value < current.value - 1e-15 * abs(current.value) { u = candidate; current = c }
        }
        var iterations = 0
        while iterations < 100 {
            if abs(current.d1) < 1e-10 { break }
            iterations += 1
            var step = current.d2 > 0 ? -current.d1 / current.d2 : (current.d1 > 0 ? -1 : 1)
            step = min(max(step, -1), 1)
            var t = 1.0, accepted = false
            while t * abs(step) > 1e-12 {
                let candidate = min(max(u + t * step, lo), hi)
                if candidate == u { break }
                let next = objective(viewLogits, labels, candidate)
                if next.value <= current.value + 1e-4 * current.d1 * (candidate - u) {
                    u = candidate; current = next; accepted = true
                    break
                }
                t /= 2
            }
            if !accepted { break }
        }
        let temperature = exp(u)
        let before = probabilities(viewLogits: viewLogits, temperature: 1)
        let after = probabilities(viewLogits: viewLogits, temperature: temperature)
        return TemperatureFit(
            temperature: temperature,
            nllBefore: nll(probabilities: before, labels: labels)!, nllAfter: nll(probabilities: after, labels: labels)!,
            eceBefore: Metrics.expectedCalibrationError(probabilities: before, truth: labels, binning: .adaptive) ?? 0,
            eceAfter: Metrics.expectedCalibrationError(probabilities: after, truth: labels, binning: .adaptive) ?? 0,
            iterations: iterations)
    }

    /// The deployed prediction: `[i][c] = (1/V) Σ_v softmax(viewLogits[v][i] / temperature)[c]`
    /// (softmax per view at T, then the TTA mean of probabilities, not of logits).
    public static func probabilities(viewLogits: [[[Double]]], temperature: Double) -> [[Double]] {
        guard !viewLogits.isEmpty else { return [] }
        return TTAView.average(viewLogits.map { view in view.map { softmax($0, temperature: temperature) } })
    }

    /// `probabilities(viewLogits:temperature:)` of float logits (each converted to Double first).
    public static func probabilities(viewLogits: [[[Float]]], temperature: Double) -> [[Double]] {
        guard !viewLogits.isEmpty else { return [] }
        return TTAView.average(viewLogits.map { view in view.map { softmax($0.map(Double.init), temperature: temperature) } })
    }

    /// softmax(logits / temperature), computed with the maximum subtracted.
    public static func softmax(_ logits: [Double], temperature: Double) -> [Double] {
        let z = logits.map { $0 / temperature }
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Mean negative log-likelihood of the true class, −(1/N) Σ_i log max(p_i,y, 1e-300); nil without samples.
    public static func nll(probabilities: [[Double]], labels: [Int]) -> Double? {
        precondition(probabilities.count == labels.count, "one probability row per label")
        guard !labels.isEmpty else { return nil }
        return zip(probabilities, labels).map { -log(max($0[$1], 1e-300)) }.reduce(0, +) / Double(labels.count)
    }

    /// Mean negative log-likelihood of the true class under softmax(logits / temperature) (one view).
    public static func nll(logits: [[Double]], labels: [Int], temperature: Double) -> Double {
        nll(probabilities: probabilities(viewLogits: [logits], temperature: temperature), labels: labels) ?? 0
    }

    /// g(u), g'(u), g''(u) for u = log T (see the type's comment).
    static func objective(_ viewLogits: [[[Double]]], _ labels: [Int], _ u: Double) -> (value: Double, d1: Double, d2: Double) {
        let beta = exp(-u), views = viewLogits.count
        var logA = [Double](repeating: 0, count: views), dev = logA, variance = logA
        var f = 0.0, f1 = 0.0, f2 = 0.0
        for (i, y) in labels.enumerated() {
            for v in 0..<views {
                let row = viewLogits[v][i]
                let m = row.max() ?? 0
                var s = 0.0, ez = 0.0, ez2 = 0.0
                for z in row {
                    let w = exp(beta * (z - m))
                    s += w; ez += w * z; ez2 += w * z * z
                }
                let mean = ez / s
                logA[v] = beta * (row[y] - m) - log(s)           // log softmax(β z_v)_y
                dev[v] = row[y] - mean
                variance[v] = max(ez2 / s - mean * mean, 0)
            }
            let top = logA.max()!
            var total = 0.0, d = 0.0, dd = 0.0
            for v in 0..<views {
                let w = exp(logA[v] - top)
                total += w; d += w * dev[v]; dd += w * (dev[v] * dev[v] - variance[v])
            }
            let fPrime = -d / total
            f += -(top + log(total / Double(views)))
            f1 += fPrime
            f2 += -dd / total + fPrime * fPrime
        }
        let n = Double(labels.count)
        f /= n; f1 /= n; f2 /= n
        return (f, -beta * f1, beta * beta * f2 + beta * f1)
    }
}

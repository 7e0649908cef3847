import Foundation
import Graph

/// Where torchvision keeps its ImageNet weights, and how to get them when they are not there.
///
/// torchvision downloads `efficientnet_v2_s(weights="DEFAULT")` into torch hub's cache:
///
///     $TORCH_HOME/hub/checkpoints/efficientnet_v2_s-dd5fe13b.pth
///     TORCH_HOME defaults to $XDG_CACHE_HOME/torch, and XDG_CACHE_HOME to ~/.cache
///
/// (`torch.hub._get_torch_home`: `expanduser(getenv("TORCH_HOME", join(getenv("XDG_CACHE_HOME",
/// "~/.cache"), "torch")))`; an empty variable counts as unset here). The file names carry the
/// first 8 hex digits of the file's SHA-256, as torchvision's `check_hash` expects.
public enum PretrainedWeights {
    /// The torchvision file (builder name, first 8 hex digits of its SHA-256) of each variant
    /// that has ImageNet weights: the one runtime-side line a new model adds.
    public static let torchvisionFiles: [ModelVariant: String] = [
        .s: "efficientnet_v2_s-dd5fe13b.pth",
        .m: "efficientnet_v2_m-dc08266a.pth",
    ]

    /// The torchvision file of each `model.architecture` (`efficientnetv2_s`) that has ImageNet weights.
    public static let fileNames: [String: String] = Dictionary(uniqueKeysWithValues: torchvisionFiles.map { ($0.key.architectureName, $0.value) })

    /// The torchvision builder of each architecture (for the download command): the backbone's name.
    static let builders: [String: String] = Dictionary(uniqueKeysWithValues: torchvisionFiles.keys.map { ($0.architectureName, $0.backbone.name) })

    /// torch hub's checkpoint folder for `environment`, or nil when neither TORCH_HOME,
    /// XDG_CACHE_HOME nor HOME is set.
    public static func checkpointDirectory(environment: [String: String]) -> URL? {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        func expand(_ path: String) -> String? {
            guard path == "~" || path.hasPrefix("~/") else { return path }
            return value("HOME").map { $0 + path.dropFirst() }
        }
        let torchHome: String?
        if let explicit = value("TORCH_HOME") {
            torchHome = expand(explicit)
        } else if let cache = value("XDG_CACHE_HOME") {
            torchHome = expand(cache).map { $0 + "/torch" }
        } else {
            torchHome = value("HOME").map { $0 + "/.cache/torch" }
        }
        return torchHome.map { URL(fileURLWithPath: $0).appendingPathComponent("hub/checkpoints") }
    }

    /// The cached torchvision weights of `architecture` (`efficientnetv2_s`, `efficientnetv2_m`)
    /// if the file exists; nil for architectures without pretrained weights (`tiny`) or when it is
    /// not downloaded.
    public static func locate(architecture: String, environment: [String: String]) -> URL? {
        guard let url = expectedLocation(architecture: architecture, environment: environment) else { return nil }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue ? url : nil
    }

    /// Where `locate` looks for `architecture`'s weights (whether or not the file exists).
    public static func expectedLocation(architecture: String, environment: [String: String]) -> URL? {
        guard let file = fileNames[architecture], let directory = checkpointDirectory(environment: environment) else { return nil }
        return directory.appendingPathComponent(file)
    }

    /// One line saying that `model.pretrained` needs weights and the three ways forward.
    public static func missingMessage(architecture: String, environment: [String: String]) -> String {
        guard let builder = builders[architecture] else {
            return "model.pretrained is true but \(architecture) has no pretrained weights: give --init-weights FILE (.safetensors or .pth) or run with --random-init"
        }
        let place = expectedLocation(architecture: architecture, environment: environment)?.path
            ?? "$TORCH_HOME/hub/checkpoints/\(fileNames[architecture]!)"
        return "model.pretrained is true but no pretrained weights were found (looked for \(place)): "
            + "download them with `python -c \"import torchvision; torchvision.models.\(builder)(weights='DEFAULT')\"` "
            + "(torchvision puts them there), or give --init-weights FILE (.safetensors or .pth), "
            + "or run with --random-init to train from random weights on purpose"
    }
}

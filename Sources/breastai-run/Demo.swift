import ArgumentParser
import Foundation
import Evaluation
import Training

/// The embedded default: synthetic phantoms, then the whole recipe at a small size.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate synthetic breast-ultrasound phantoms and train EfficientNetV2-S on them through all four phases, then print the test metrics.",
        discussion: """
            Writes <dir>/data/{train,val,test}/{benign,malignant,normal}/*.png (speckled tissue; benign:
            smooth oval masses; malignant: irregular spiculated masses with posterior shadowing; normal:
            none), then trains with the full recipe (focal loss, oversampling, augmentation, AdamW,
            warmup and cosine restarts, EMA, progressive unfreezing) at a small image size.
            Checkpoints go to <dir>/checkpoints, logs to <dir>/logs. Every training option works here too,
            e.g. --epochs 8 or --image-size 96. About 10 minutes on 2 cores.
            """)
    @Option(name: .long, help: "Folder for the demo's data, checkpoints and logs.")
    var dir: String = "demo"
    @Option(name: .long, help: "Phantoms per class: train,val,test.")
    var perClass: String = "120,40,40"
    @Option(name: .long, help: "Phantom size in pixels (before preprocessing).")
    var phantomSize: Int = 160
    @Option(name: .long, help: "Seed of the phantoms.")
    var dataSeed: UInt64 = 2024
    @OptionGroup var options: TrainOptions

    /// The demo's configuration on top of the ULTRA-S defaults: small images, 16 epochs in four
    /// phases, a higher base LR and lighter regularisation (the network starts from random
    /// weights), an EMA decay that fits a run of a few hundred optimizer steps, no early stopping
    /// (so all phases run), no pretrained weights (none ship).
    func preset() -> [String: String] {
        [
            "paths.data_dir": "\(dir)/data", "paths.checkpoint_dir": "\(dir)/checkpoints",
            "paths.logs_dir": "\(dir)/logs", "paths.export_dir": "\(dir)/exports",
            "model.pretrained": "false",
            "data.image_size": "128", "data.batch_size": "8", "data.gradient_accumulation_steps": "2",
            "data.val_split": "0", "data.test_split": "0",
            "training.epochs": "16", "training.warmup_epochs": "1", "training.restart_epochs": "[8]",
            "training.learning_rate": "0.003", "training.ema_decay": "0.95",
            // Lighter regularisation than ULTRA's (made for fine-tuning ImageNet weights): a
            // network learning from scratch on a few hundred images needs the signal.
            "model.dropout_rate": "0.1", "training.label_smoothing": "0.05", "training.focal_loss.enabled": "false",
            "data.augmentation.rotation": "5", "data.augmentation.random_erasing.p": "0",
            "data.augmentation.brightness": "0.1", "data.augmentation.contrast": "0.1",
            "training.early_stopping.enabled": "false",
            "model.progressive_unfreezing.phase1_epochs": "3", "model.progressive_unfreezing.phase2_epochs": "7",
            "model.progressive_unfreezing.phase3_epochs": "11", "model.progressive_unfreezing.phase4_epochs": "16",
            "checkpoints.save_every_n_epochs": "0",
        ]
    }

    func run() throws {
        let counts = perClass.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard counts.count == 3, counts.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--per-class needs three positive counts train,val,test, got '\(perClass)'")
        }
        let config = try options.configuration(file: nil, base: preset())
        try DemoFolder.preparePhantoms(URL(fileURLWithPath: config.paths.dataDir), counts: counts, size: phantomSize, seed: dataSeed, say: consoleLine)
        let record = DemoFolder(root: URL(fileURLWithPath: dir))
        try record.removePreviousDemoRun(URL(fileURLWithPath: config.paths.checkpointDir), say: consoleLine)
        let started = Date()
        let summary = try runTraining(config: config, options: options, start: .fresh(initWeights: nil),
                                      started: { try record.remember(runID: $0.runID) })
        let minutes = Date().timeIntervalSince(started) / 60
        if let test = summary.test {
            let auc = test.metrics["auc_roc"].map { String(format: "%.3f", $0) } ?? "n/a"
            print(String(format: "demo finished in %.1f min: test malignant AUC %@ (chance 0.5), balanced accuracy %@ (chance 0.333)",
                         minutes, auc, test.metrics["balanced_accuracy"].map { String(format: "%.3f", $0) } ?? "n/a"))
        }
    }
}

/// The built-in defaults: `config_ultra_S.json` as shipped (the tests check that the two are equal).
/// A configuration file is merged over these, so a user file holds only what it changes.
let defaultConfigText = #"""
{
  "project_info": {
    "name": "BreastAI Ultra-Performance CPU",
    "version": "3.3.1-ULTRA-S",
    "description": "Configuration optimale EfficientNetV2-S pour résultats rapides",
    "profile": "Clinical Grade - Small Model (30 days)",
    "author": "BreastAI Team",
    "created": "2024-09-30"
  },

  "paths": {
    "data_dir": "./data",
    "checkpoint_dir": "./checkpoints",
    "export_dir": "./exports",
    "logs_dir": "./logs"
  },

  "model": {
    "architecture": "efficientnetv2_s",
    "pretrained": true,
    "num_classes": 3,
    "dropout_rate": 0.45,
    "use_cbam": true,
    "cbam_reduction": 16,
    "progressive_unfreezing": {
      "enabled": true,
      "phase1_epochs": 8,
      "phase2_epochs": 20,
      "phase3_epochs": 40,
      "phase4_epochs": 80,
      "phase2_unfreeze_percent": 0.25,
      "phase3_unfreeze_percent": 0.50,
      "lr_reduction_phase2": 0.5,
      "lr_reduction_phase3": 0.3,
      "lr_reduction_phase4": 0.1
    }
  },

  "data": {
    "image_size": 512,
    "batch_size": 4,
    "gradient_accumulation_steps": 4,
    "num_workers": 2,
    "pin_memory": false,
    "class_names": ["benign", "malignant", "normal"],
    "malignant_class": "malignant",
    "val_split": 0.15,
    "test_split": 0.10,
    "breast_cropping": true,
    "oversampling": {
      "enabled": true,
      "ratio": 0.85,
      "max_weight": 2.0
    },
    "augmentation": {
      "horizontal_flip": 0.5,
      "vertical_flip": 0.3,
      "rotation": 15,
      "brightness": 0.2,
      "contrast": 0.2,
      "use_clahe": true,
      "translate": 0.05,
      "scale": [0.95, 1.05],
      "random_erasing": {
        "p": 0.15,
        "scale": [0.02, 0.08],
        "ratio": [0.3, 3.3]
      }
    }
  },

  "training": {
    "epochs": 80,
    "learning_rate": 0.0003,
    "weight_decay": 0.0001,
    "optimizer": "adamw",
    "scheduler": "cosine_warmup_restarts",
    "warmup_epochs": 8,
    "restart_epochs": [25, 50, 70],
    "label_smoothing": 0.12,
    "gradient_clip": 1.0,
    "use_ema": true,
    "ema_decay": 0.9998,
    "focal_loss": {
      "enabled": true,
      "alpha": [0.25, 0.50, 0.25],
      "gamma": 2.5
    },
    "early_stopping": {
      "enabled": true,
      "patience": 10,
      "min_delta": 0.001
    }
  },

  "metrics": {
    "primary_metric": "f1_weighted",
    "track_metrics": [
      "accuracy",
      "auc_roc",
      "auc_pr",
      "sensitivity",
      "specificity",
      "ppv",
      "npv",
      "f1_macro",
      "f1_weighted"
    ],
    "clinical_thresholds": {
      "sensitivity_min": 0.96,
      "specificity_min": 0.91,
      "auc_roc_min": 0.955
    }
  },

  "clinical": {
    "min_sensitivity_malignant": 0.96
  },

  "inference": {
    "tta_enabled": true,
    "tta_transforms": [
      "original",
      "horizontal_flip",
      "vertical_flip",
      "rotate_5",
      "brightness_5",
      "contrast_5"
    ],
    "temperature_scaling": true,
    "initial_temperature": 1.3
  },

  "system": {
    "device": "auto",
    "seed": 42,
    "deterministic": true,
    "num_threads": 8
  },

  "checkpoints": {
    "keep_latest": 3,
    "save_every_n_epochs": 10,
    "backup_dir": ""
  },

  "estimated_time": {
    "phase1_days": 2,
    "phase2_days": 6,
    "phase3_days": 8,
    "phase4_days": 14,
    "total_days": 30,
    "total_weeks": 4
  },

  "expected_performance": {
    "auc_roc": "0.970-0.973",
    "sensitivity": "0.960-0.965",
    "specificity": "0.925-0.935",
    "f1_weighted": "0.95-0.96"
  }
}
"""#

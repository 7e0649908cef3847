/// Runtime: files, data and the training loop. safetensors lives here (`SafeTensors.swift`).
public enum RuntimeModule {}

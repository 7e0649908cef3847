import Graph

/// Codegen: graph passes, the memory plan and C emission. Filled by the codegen issue.
public enum Codegen {}

public enum GraphPlaceholder {}

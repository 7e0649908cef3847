/// One record of a TensorBoard event file: an `Event` of tensorflow's `event.proto`, with the
/// fields BreastAI writes (a file header, a summary of scalars and texts at a step, or a restart).
///
/// Encoded as `protoc`'s serializer does (fields in number order, proto3 zero defaults of
/// `wall_time` and `step` left out, the set member of a oneof always written), so a record is
/// byte-equal to the one tensorboard's own Python writer makes from the same values:
///
/// ```
/// Event          1 wall_time double · 2 step int64 · 3 file_version string · 5 summary Summary
///                · 7 session_log { 1 status enum (1 = START) } · 10 source_metadata { 1 writer string }
/// Summary        1 value repeated Value
/// Summary.Value  1 tag string · 2 simple_value float · 8 tensor TensorProto · 9 metadata SummaryMetadata
/// TensorProto    1 dtype enum (7 = DT_STRING) · 2 tensor_shape { } (a scalar) · 8 string_val bytes
/// SummaryMetadata 1 plugin_data { 1 plugin_name string ("text") }
/// ```
///
/// A scalar is a `simple_value` (TensorBoard's scalars plugin reads it, as it does
/// `torch.utils.tensorboard`'s); a text is a string tensor with the `text` plugin's metadata, as
/// `tensorboard.plugins.text.summary_v2.text_pb` writes it.
public struct TensorBoardEvent: Equatable, Sendable {
    /// What the event carries.
    public enum Content: Equatable, Sendable {
        /// The first record of a file: `file_version` ("brain.Event:2") and the writer's name.
        case fileVersion(String, writer: String?)
        /// Values at `step`.
        case summary([Value])
        /// `SessionLog.START` at `step`: the program restarted there, so TensorBoard discards the
        /// points of earlier files at `step` and after (they are about to be written again).
        case sessionStart
    }

    /// One tagged value of a summary.
    public struct Value: Equatable, Sendable {
        public enum Data: Equatable, Sendable {
            case scalar(Float)
            case text(String)
        }
        public var tag: String
        public var data: Data
        public init(tag: String, _ data: Data) { self.tag = tag; self.data = data }
        public static func scalar(_ tag: String, _ value: Float) -> Value { Value(tag: tag, .scalar(value)) }
        public static func text(_ tag: String, _ value: String) -> Value { Value(tag: tag, .text(value)) }
    }

    /// The file version TensorBoard expects in the first record.
    public static let fileVersion = "brain.Event:2"
    /// TensorFlow's `DT_STRING`.
    static let stringDataType: Int64 = 7

    /// Seconds since 1970 (UTC).
    public var wallTime: Double
    public var step: Int64
    public var content: Content

    public init(wallTime: Double, step: Int64 = 0, content: Content) {
        self.wallTime = wallTime; self.step = step; self.content = content
    }

    /// The first record of an events file.
    public static func header(wallTime: Double, writer: String?) -> TensorBoardEvent {
        TensorBoardEvent(wallTime: wallTime, content: .fileVersion(fileVersion, writer: writer))
    }

    /// The encoded `Event` message (a TFRecord's data).
    public func encoded() -> [UInt8] {
        var w = ProtobufWriter()
        encode(to: &w)
        return w.bytes
    }

    /// Writes the `Event`'s fields.
    public func encode(to w: inout ProtobufWriter) {
        if wallTime != 0 || wallTime.sign == .minus { w.double(1, wallTime) }
        if step != 0 { w.int(2, step) }
        switch content {
        case .fileVersion(let version, let writer):
            w.string(3, version)
            if let writer { w.message(10) { $0.string(1, writer) } }
        case .summary(let values):
            w.message(5) { summary in
                for value in values { summary.message(1) { Self.encode(value, to: &$0) } }
            }
        case .sessionStart:
            w.message(7) { $0.int(1, 1) }
        }
    }

    private static func encode(_ value: Value, to w: inout ProtobufWriter) {
        if !value.tag.isEmpty { w.string(1, value.tag) }
        switch value.data {
        case .scalar(let x):
            w.float(2, x)
        case .text(let text):
            w.message(8) { tensor in
                tensor.int(1, stringDataType)
                tensor.message(2) { _ in }
                tensor.string(8, text)
            }
            w.message(9) { metadata in
                metadata.message(1) { $0.string(1, "text") }
            }
        }
    }
}

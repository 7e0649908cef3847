extension TensorBoardEvent: ProtobufMessage {
    /// Decodes an `Event` with the fields `encoded()` writes; other fields are skipped, but a summary
    /// value that is neither a `simple_value` nor a scalar string tensor, or a session log other
    /// than START, is refused.
    public init(protobuf bytes: [UInt8]) throws {
        var wallTime = 0.0, step: Int64 = 0
        var version: String?, writer: String?, values: [Value]?, start = false
        for field in try ProtobufReader.fields(bytes) {
            switch field.number {
            case 1: wallTime = try field.double()
            case 2: step = try field.int()
            case 3: version = try field.string()
            case 5: values = (values ?? []) + (try Self.decodeSummary(field.payload()))
            case 7:
                let status = try ProtobufReader.fields(field.payload()).first { $0.number == 1 }?.int() ?? 0
                guard status == 1 else { throw Protobuf.malformed(field.offset, "session_log status \(status); only START (1) is read") }
                start = true
            case 10:
                for f in try ProtobufReader.fields(field.payload()) where f.number == 1 { writer = try f.string() }
            default: continue
            }
        }
        switch (version, values, start) {
        case (let v?, nil, false): self.init(wallTime: wallTime, step: step, content: .fileVersion(v, writer: writer))
        case (nil, let v?, false): self.init(wallTime: wallTime, step: step, content: .summary(v))
        case (nil, nil, true): self.init(wallTime: wallTime, step: step, content: .sessionStart)
        default: throw Protobuf.malformed(0, "an Event needs exactly one of file_version, summary and session_log")
        }
    }

    /// Every `Summary.Value` of a `Summary`.
    private static func decodeSummary(_ bytes: [UInt8]) throws -> [Value] {
        try ProtobufReader.fields(bytes).filter { $0.number == 1 }.map { try decodeValue($0.payload()) }
    }

    private static func decodeValue(_ bytes: [UInt8]) throws -> Value {
        var tag = "", scalar: Float?, text: String?, plugin: String?
        for field in try ProtobufReader.fields(bytes) {
            switch field.number {
            case 1: tag = try field.string()
            case 2: scalar = try field.float()
            case 8: text = try decodeStringTensor(field)
            case 9:
                for data in try ProtobufReader.fields(field.payload()) where data.number == 1 {
                    for name in try ProtobufReader.fields(data.payload()) where name.number == 1 { plugin = try name.string() }
                }
            default: continue
            }
        }
        if let scalar { return .scalar(tag, scalar) }
        if let text, plugin == "text" { return .text(tag, text) }
        throw Protobuf.malformed(0, "summary value '\(tag)' is neither a simple_value nor a text tensor")
    }

    /// The one string of a scalar DT_STRING `TensorProto`.
    private static func decodeStringTensor(_ field: ProtobufField) throws -> String {
        var dtype: Int64 = 0, strings: [String] = [], dimensions = 0
        for f in try ProtobufReader.fields(field.payload()) {
            switch f.number {
            case 1: dtype = try f.int()
            case 2: dimensions = try ProtobufReader.fields(f.payload()).filter { $0.number == 2 }.count
            case 8: strings.append(try f.string())
            default: continue
            }
        }
        guard dtype == stringDataType, dimensions == 0, strings.count == 1 else {
            throw Protobuf.malformed(field.offset, "tensor of dtype \(dtype), \(dimensions) dimensions, \(strings.count) strings; expected one DT_STRING scalar")
        }
        return strings[0]
    }
}

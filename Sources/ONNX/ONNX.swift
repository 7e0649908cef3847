import Foundation
import Formats

/// The ONNX messages an exported classifier uses (onnx/onnx.proto, IR version 8), with their
/// protobuf encoding and decoding.
///
/// Field numbers are onnx.proto's (checked against onnx 1.23's copy); each message lists them in
/// its `Field` enum. Fields BreastAI never writes (doc strings, sparse tensors, functions,
/// training info) are skipped when decoding. Repeated scalars are written packed, which every
/// protobuf parser accepts for proto2's repeated int64/float fields too.
public enum ONNX {
    /// IR version 8 (2021-07-30), the one that goes with opset 17.
    public static let irVersion: Int64 = 8
    /// The default-domain operator set the exported graphs use.
    public static let opsetVersion: Int64 = 17

    /// `TensorProto.DataType`: the element types BreastAI writes.
    public enum DataType: Int32, Sendable {
        case float = 1
        case int64 = 7
    }

    // MARK: - ModelProto

    /// A model file: versions, operator sets, the graph and string metadata.
    public struct ModelProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let irVersion = 1, producerName = 2, producerVersion = 3, graph = 7, opsetImport = 8, metadataProps = 14 }
        public var irVersion: Int64
        public var producerName: String
        public var producerVersion: String
        public var opsetImport: [OperatorSetIdProto]
        public var graph: GraphProto
        public var metadataProps: [StringStringEntryProto]

        public init(graph: GraphProto, metadata: [StringStringEntryProto] = [], irVersion: Int64 = ONNX.irVersion,
                    producerName: String = "BreastAI", producerVersion: String = "",
                    opsetImport: [OperatorSetIdProto] = [.init(domain: "", version: ONNX.opsetVersion)]) {
            self.irVersion = irVersion; self.producerName = producerName; self.producerVersion = producerVersion
            self.opsetImport = opsetImport; self.graph = graph; self.metadataProps = metadata
        }

        /// The model as the bytes of a `.onnx` file.
        public func serialized() -> Data {
            var w = ProtobufWriter()
            encode(to: &w)
            return w.data
        }

        /// Reads a `.onnx` file's bytes.
        public init(serialized data: Data) throws { try self.init(protobuf: [UInt8](data)) }

        public func encode(to w: inout ProtobufWriter) {
            w.int(Field.irVersion, irVersion)
            w.string(Field.producerName, producerName)
            if !producerVersion.isEmpty { w.string(Field.producerVersion, producerVersion) }
            w.message(Field.graph, graph)
            for o in opsetImport { w.message(Field.opsetImport, o) }
            for m in metadataProps { w.message(Field.metadataProps, m) }
        }

        public init(protobuf bytes: [UInt8]) throws {
            self.init(graph: GraphProto(name: ""), opsetImport: [])
            irVersion = 0; producerName = ""
            var sawGraph = false
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.irVersion: irVersion = try f.int()
                case Field.producerName: producerName = try f.string()
                case Field.producerVersion: producerVersion = try f.string()
                case Field.graph: graph = try f.message(); sawGraph = true
                case Field.opsetImport: opsetImport.append(try f.message())
                case Field.metadataProps: metadataProps.append(try f.message())
                default: continue
                }
            }
            guard sawGraph else { throw Protobuf.malformed(0, "ModelProto has no graph (field \(Field.graph))") }
        }

        /// The metadata as a dictionary (the last value wins for a repeated key).
        public var metadata: [String: String] {
            Dictionary(metadataProps.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// An operator set a model imports: `domain` "" is the default ONNX domain.
    public struct OperatorSetIdProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let domain = 1, version = 2 }
        public var domain: String
        public var version: Int64
        public init(domain: String, version: Int64) { self.domain = domain; self.version = version }

        public func encode(to w: inout ProtobufWriter) {
            w.string(Field.domain, domain)
            w.int(Field.version, version)
        }

        public init(protobuf bytes: [UInt8]) throws {
            self.init(domain: "", version: 0)
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.domain: domain = try f.string()
                case Field.version: version = try f.int()
                default: continue
                }
            }
        }
    }

    /// One metadata entry.
    public struct StringStringEntryProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let key = 1, value = 2 }
        public var key: String
        public var value: String
        public init(key: String, value: String) { self.key = key; self.value = value }

        public func encode(to w: inout ProtobufWriter) {
            w.string(Field.key, key)
            w.string(Field.value, value)
        }

        public init(protobuf bytes: [UInt8]) throws {
            self.init(key: "", value: "")
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.key: key = try f.string()
                case Field.value: value = try f.string()
                default: continue
                }
            }
        }
    }

    // MARK: - GraphProto

    /// Nodes in topological order, the weights as initializers, and the typed inputs and outputs.
    public struct GraphProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let node = 1, name = 2, initializer = 5, input = 11, output = 12, valueInfo = 13 }
        public var node: [NodeProto] = []
        public var name: String
        public var initializer: [TensorProto] = []
        public var input: [ValueInfoProto] = []
        public var output: [ValueInfoProto] = []
        public var valueInfo: [ValueInfoProto] = []

        public init(name: String) { self.name = name }

        public func encode(to w: inout ProtobufWriter) {
            for n in node { w.message(Field.node, n) }
            w.string(Field.name, name)
            for t in initializer { w.message(Field.initializer, t) }
            for v in input { w.message(Field.input, v) }
            for v in output { w.message(Field.output, v) }
            for v in valueInfo { w.message(Field.valueInfo, v) }
        }

        public init(protobuf bytes: [UInt8]) throws {
            self.init(name: "")
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.node: node.append(try f.message())
                case Field.name: name = try f.string()
                case Field.initializer: initializer.append(try f.message())
                case Field.input: input.append(try f.message())
                case Field.output: output.append(try f.message())
                case Field.valueInfo: valueInfo.append(try f.message())
                default: continue
                }
            }
        }
    }

    /// One operator application: `opType` from the default domain, values by name.
    public struct NodeProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let input = 1, output = 2, name = 3, opType = 4, attribute = 5 }
        public var input: [String]
        public var output: [String]
        public var name: String
        public var opType: String
        public var attribute: [AttributeProto]

        public init(_ opType: String, _ input: [String], _ output: [String], name: String, attributes: [AttributeProto] = []) {
            self.opType = opType; self.input = input; self.output = output; self.name = name; self.attribute = attributes
        }

        public func encode(to w: inout ProtobufWriter) {
            for i in input { w.string(Field.input, i) }
            for o in output { w.string(Field.output, o) }
            w.string(Field.name, name)
            w.string(Field.opType, opType)
            for a in attribute { w.message(Field.attribute, a) }
        }

        public init(protobuf bytes: [UInt8]) throws {
            self.init("", [], [], name: "")
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.input: input.append(try f.string())
                case Field.output: output.append(try f.string())
                case Field.name: name = try f.string()
                case Field.opType: opType = try f.string()
                case Field.attribute: attribute.append(try f.message())
                default: continue
                }
            }
        }

        /// The attribute named `name`, if present.
        public subscript(attribute name: String) -> AttributeProto.Value? {
            attribute.first { $0.name == name }?.value
        }
    }

    /// A named operator attribute holding exactly one value.
    public struct AttributeProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let name = 1, f = 2, i = 3, s = 4, floats = 7, ints = 8, type = 20 }
        /// The value, whose case is `AttributeProto.AttributeType` (FLOAT 1, INT 2, STRING 3, FLOATS 6, INTS 7).
        public enum Value: Hashable, Sendable {
            case float(Float)
            case int(Int64)
            case string(String)
            case floats([Float])
            case ints([Int64])

            public var type: Int64 {
                switch self {
                case .float: return 1
                case .int: return 2
                case .string: return 3
                case .floats: return 6
                case .ints: return 7
                }
            }
        }
        public var name: String
        public var value: Value

        public init(_ name: String, _ value: Value) { self.name = name; self.value = value }
        public static func int(_ name: String, _ v: Int) -> AttributeProto { .init(name, .int(Int64(v))) }
        public static func ints(_ name: String, _ v: [Int]) -> AttributeProto { .init(name, .ints(v.map(Int64.init))) }
        public static func float(_ name: String, _ v: Float) -> AttributeProto { .init(name, .float(v)) }

        public func encode(to w: inout ProtobufWriter) {
            w.string(Field.name, name)
            switch value {
            case .float(let v): w.float(Field.f, v)
            case .int(let v): w.int(Field.i, v)
            case .string(let v): w.string(Field.s, v)
            case .floats(let v): w.packedFloats(Field.floats, v)
            case .ints(let v): w.packedInts(Field.ints, v)
            }
            w.int(Field.type, value.type)
        }

        public init(protobuf bytes: [UInt8]) throws {
            var name = "", type: Int64 = 0
            var f1: Float?, i1: Int64?, s1: String?, fs: [Float] = [], ns: [Int64] = []
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.name: name = try f.string()
                case Field.f: f1 = try f.float()
                case Field.i: i1 = try f.int()
                case Field.s: s1 = try f.string()
                case Field.floats: fs += try f.floats()
                case Field.ints: ns += try f.ints()
                case Field.type: type = try f.int()
                default: continue
                }
            }
            let value: Value?
            switch type {
            case 1: value = f1.map(Value.float)
            case 2: value = i1.map(Value.int)
            case 3: value = s1.map(Value.string)
            case 6: value = .floats(fs)
            case 7: value = .ints(ns)
            default: value = nil
            }
            guard let value else {
                throw Protobuf.malformed(0, "attribute '\(name)' of type \(type) has no value BreastAI can read")
            }
            self.init(name, value)
        }
    }

    // MARK: - Tensors and types

    /// A constant tensor (an initializer): dims, element type and little-endian `raw_data`.
    public struct TensorProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let dims = 1, dataType = 2, name = 8, rawData = 9 }
        public var dims: [Int64]
        public var dataType: Int32
        public var name: String
        public var rawData: [UInt8]

        public init(name: String, dims: [Int], floats: [Float]) {
            precondition(dims.reduce(1, *) == floats.count, "\(name): \(floats.count) values for dims \(dims)")
            self.name = name; self.dims = dims.map(Int64.init); dataType = DataType.float.rawValue
            rawData = ProtobufWriter.littleEndianBytes(floats)
        }

        public init(name: String, dims: [Int], int64s: [Int64]) {
            precondition(dims.reduce(1, *) == int64s.count, "\(name): \(int64s.count) values for dims \(dims)")
            self.name = name; self.dims = dims.map(Int64.init); dataType = DataType.int64.rawValue
            rawData = ProtobufWriter.littleEndianBytes(int64s)
        }

        public func encode(to w: inout ProtobufWriter) {
            if !dims.isEmpty { w.packedInts(Field.dims, dims) }
            w.int(Field.dataType, Int64(dataType))
            w.string(Field.name, name)
            w.bytes(Field.rawData, rawData)
        }

        public init(protobuf bytes: [UInt8]) throws {
            dims = []; dataType = 0; name = ""; rawData = []
            for f in try ProtobufReader.fields(bytes) {
                switch f.number {
                case Field.dims: dims += try f.ints()
                case Field.dataType: dataType = Int32(truncatingIfNeeded: try f.int())
                case Field.name: name = try f.string()
                case Field.rawData: rawData = try f.payload()
                default: continue
                }
            }
        }

        /// The values of a FLOAT tensor.
        public var floats: [Float] {
            stride(from: 0, to: rawData.count - 3, by: 4).map { i in
                Float(bitPattern: UInt32(rawData[i]) | UInt32(rawData[i + 1]) << 8 | UInt32(rawData[i + 2]) << 16 | UInt32(rawData[i + 3]) << 24)
            }
        }
    }

    /// A typed value: a tensor with an element type and a shape whose dimensions are numbers or
    /// names (a named dimension such as `batch` is dynamic).
    ///
    /// Encoded as `ValueInfoProto{name, type: TypeProto{tensor_type: Tensor{elem_type,
    /// shape: TensorShapeProto{dim: [Dimension{dim_value | dim_param}]}}}}`.
    public struct ValueInfoProto: Hashable, Sendable, ProtobufMessage {
        enum Field { static let name = 1, type = 2 }
        enum TypeField { static let tensorType = 1 }
        enum TensorField { static let elemType = 1, shape = 2 }
        enum ShapeField { static let dim = 1 }
        enum DimensionField { static let dimValue = 1, dimParam = 2 }

        public enum Dimension: Hashable, Sendable {
            case value(Int64)
            case param(String)
        }
        public var name: String
        public var elemType: Int32
        public var shape: [Dimension]

        public init(name: String, elemType: DataType = .float, shape: [Dimension]) {
            self.name = name; self.elemType = elemType.rawValue; self.shape = shape
        }

        public func encode(to w: inout ProtobufWriter) {
            w.string(Field.name, name)
            w.message(Field.type) { type in
                type.message(TypeField.tensorType) { tensor in
                    tensor.int(TensorField.elemType, Int64(elemType))
                    tensor.message(TensorField.shape) { s in
                        for d in shape {
                            s.message(ShapeField.dim) { dim in
                                switch d {
                                case .value(let v): dim.int(DimensionField.dimValue, v)
                                case .param(let p): dim.string(DimensionField.dimParam, p)
                                }
                            }
                        }
                    }
                }
            }
        }

        public init(protobuf bytes: [UInt8]) throws {
            name = ""; elemType = 0; shape = []
            for f in try ProtobufReader.fields(bytes) where f.number == Field.name { name = try f.string() }
            for type in try ProtobufReader.fields(bytes) where type.number == Field.type {
                for tensor in try ProtobufReader.fields(try type.payload()) where tensor.number == TypeField.tensorType {
                    for t in try ProtobufReader.fields(try tensor.payload()) {
                        if t.number == TensorField.elemType { elemType = Int32(truncatingIfNeeded: try t.int()) }
                        guard t.number == TensorField.shape else { continue }
                        for dim in try ProtobufReader.fields(try t.payload()) where dim.number == ShapeField.dim {
                            for d in try ProtobufReader.fields(try dim.payload()) {
                                if d.number == DimensionField.dimValue { shape.append(.value(try d.int())) }
                                if d.number == DimensionField.dimParam { shape.append(.param(try d.string())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

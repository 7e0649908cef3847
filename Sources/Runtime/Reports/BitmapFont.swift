/// A 5×8 bitmap font for printable ASCII (32–126), drawn at integer scales, for chart text.
///
/// Each glyph is 5 columns of one byte, bit 0 the top row and bit 7 the descender row (g, j,
/// p, q, y and the comma use it); capitals and digits span rows 0–6, the x-height is rows 2–6.
/// A character advances 6 pixels (one blank column) at scale 1. Characters outside 32–126 are
/// drawn as "?". Text is measured and drawn either horizontally or rotated 90° counter-clockwise
/// (reading bottom to top, for a y-axis title).
public enum BitmapFont {
    /// Pixel columns of a glyph at scale 1.
    public static let glyphWidth = 5
    /// Pixel rows of a glyph at scale 1, descender included.
    public static let glyphHeight = 8
    /// Horizontal advance of one character at scale 1 (glyph plus one blank column).
    public static let advance = 6

    /// Ten hex digits (five column bytes) per character, from " " (32) to "~" (126), eight a line.
    private static let hex: String = [
        "0000000000" + "00005F0000" + "0007000700" + "147F147F14" + "242A7F2A12" + "2313086462" + "3649552250" + "0005030000", //  !"#$%&'
        "001C224100" + "0041221C00" + "14083E0814" + "08083E0808" + "0080600000" + "0808080808" + "0060600000" + "2010080402", // ()*+,-./
        "3E5149453E" + "00427F4000" + "4261514946" + "2141454B31" + "1814127F10" + "2745454539" + "3C4A494930" + "0171090503", // 01234567
        "3649494936" + "064949291E" + "0036360000" + "0056360000" + "0814224100" + "1414141414" + "0041221408" + "0201510906", // 89:;<=>?
        "324979413E" + "7E1111117E" + "7F49494936" + "3E41414122" + "7F4141221C" + "7F49494941" + "7F09090901" + "3E4149497A", // @ABCDEFG
        "7F0808087F" + "00417F4100" + "2040413F01" + "7F08142241" + "7F40404040" + "7F020C027F" + "7F0408107F" + "3E4141413E", // HIJKLMNO
        "7F09090906" + "3E4151215E" + "7F09192946" + "4649494931" + "01017F0101" + "3F4040403F" + "1F2040201F" + "3F4038403F", // PQRSTUVW
        "6314081463" + "0708700807" + "6151494543" + "007F414100" + "0204081020" + "0041417F00" + "0402010204" + "4040404040", // XYZ[\]^_
        "0001020400" + "2054545478" + "7F48444438" + "3844444420" + "384444487F" + "3854545418" + "087E090102" + "18A4A4A47C", // `abcdefg
        "7F08040478" + "00447D4000" + "4080847D00" + "7F10284400" + "00417F4000" + "7C04180478" + "7C08040478" + "3844444438", // hijklmno
        "FC24242418" + "18242424FC" + "7C08040408" + "4854545420" + "043F444020" + "3C4040207C" + "1C2040201C" + "3C4030403C", // pqrstuvw
        "4428102844" + "1CA0A0A07C" + "4464544C44" + "0008364100" + "00007F0000" + "0041360800" + "0804081008",                // xyz{|}~
    ].joined()

    /// The column bytes of every glyph, `5 * (code - 32)` onwards; decoded once.
    private static let columns: [UInt8] = {
        let digits = Array(hex.utf8).map { UInt8(Character(UnicodeScalar($0)).hexDigitValue!) }
        precondition(digits.count == 95 * 10, "the bitmap font needs 95 glyphs")
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }()

    /// The glyph index (0 for " ") of a character; "?" for anything outside printable ASCII.
    private static func index(_ c: Character) -> Int {
        guard let a = c.asciiValue, a >= 32, a <= 126 else { return Int(UInt8(ascii: "?")) - 32 }
        return Int(a) - 32
    }

    /// Whether the pixel at `column` (0..<5), `row` (0..<8) of `c`'s glyph is ink.
    public static func isInk(_ c: Character, column: Int, row: Int) -> Bool {
        precondition(column >= 0 && column < glyphWidth && row >= 0 && row < glyphHeight)
        return columns[5 * index(c) + column] >> row & 1 == 1
    }

    /// Width in pixels of `text` laid out on one line at `scale` (no trailing blank column).
    public static func width(of text: String, scale: Int = 1) -> Int {
        text.isEmpty ? 0 : (text.count * advance - 1) * scale
    }

    /// Height in pixels of one line at `scale`, descender included.
    public static func height(scale: Int = 1) -> Int { glyphHeight * scale }

    /// Calls `body(x, y)` for every ink pixel of `text` at `scale`, relative to the top-left of
    /// its bounding box. Horizontal text's box is `width(of:) × height()`; rotated text (90°
    /// counter-clockwise, reading upwards) has the box `height() × width(of:)`.
    public static func forEachInkPixel(of text: String, scale: Int = 1, rotated: Bool = false,
                                       _ body: (_ x: Int, _ y: Int) -> Void) {
        precondition(scale >= 1, "font scale must be at least 1")
        let total = width(of: text, scale: scale)
        for (k, c) in text.enumerated() {
            let base = 5 * index(c)
            for column in 0..<glyphWidth {
                let bits = columns[base + column]
                guard bits != 0 else { continue }
                for row in 0..<glyphHeight where bits >> row & 1 == 1 {
                    for dy in 0..<scale {
                        for dx in 0..<scale {
                            let u = (k * advance + column) * scale + dx, v = row * scale + dy
                            if rotated { body(v, total - 1 - u) } else { body(u, v) }
                        }
                    }
                }
            }
        }
    }
}

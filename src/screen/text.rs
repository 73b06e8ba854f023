//! The text of an input file, whatever wrote it: UTF-8 with or without a byte-order mark, UTF-16
//! with its byte-order mark (Excel's "Unicode text"), or GB18030/GBK (what Excel writes as "CSV"
//! on Chinese Windows). Bytes go in chunk by chunk; UTF-8 comes out.
//!
//! Without a byte-order mark the file is UTF-8 unless it is not: ASCII reads the same in both, so
//! the choice waits for the first non-ASCII bytes and looks at up to 4 KB from there. If they are
//! not UTF-8 but are GB18030, the file is GB18030 from that point on. A UTF-8 file is passed on as
//! it is (its invalid bytes, if any, are found and reported by row); a decoded file gets U+FFFD
//! where a byte sequence could not be read, which the readers report in the same way.
//!
//! The decoding itself follows the WHATWG Encoding Standard: natively with `encoding_rs`, in the
//! browser with the browser's own `TextDecoder` (the same standard; Firefox's is `encoding_rs`),
//! which keeps about 120 KB of gzip decoding tables out of the screening page's wasm.

use backend::Decoder;

/// What the input turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Charset {
    pub fn name(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Utf8Bom => "UTF-8 (BOM)",
            Charset::Utf16Le => "UTF-16LE",
            Charset::Utf16Be => "UTF-16BE",
            Charset::Gb18030 => "GB18030/GBK",
        }
    }
}

enum State {
    /// Waiting for the first bytes (a byte-order mark has up to 3).
    Start,
    /// Only ASCII so far: UTF-8 and GB18030 agree.
    Ascii,
    Utf8,
    Decoding(Decoder),
}

/// Turns the bytes of a file into UTF-8, chunk by chunk.
pub struct TextDecoder {
    state: State,
    /// Bytes held back until the encoding is known.
    pending: Vec<u8>,
    /// May a file without a byte-order mark be GB18030 (CSV), or is it always UTF-8 (JSON)?
    allow_gb18030: bool,
    charset: Option<Charset>,
}

/// How far past the first non-ASCII byte the choice between UTF-8 and GB18030 looks.
const SNIFF: usize = 4096;

impl TextDecoder {
    pub fn new(allow_gb18030: bool) -> Self {
        TextDecoder { state: State::Start, pending: Vec::new(), allow_gb18030, charset: None }
    }

    /// The encoding found so far (`None` while only ASCII has been seen: UTF-8 then).
    pub fn charset(&self) -> Option<Charset> {
        self.charset
    }

    /// Decode `input`, appending UTF-8 to `out`.
    pub fn push(&mut self, input: &[u8], out: &mut Vec<u8>) {
        self.feed(input, out, false);
    }

    /// The end of the input: whatever was held back.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        self.feed(&[], out, true);
    }

    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>, last: bool) {
        match &mut self.state {
            State::Utf8 => out.extend_from_slice(input),
            State::Decoding(d) => d.decode(input, out, last),
            State::Start => {
                self.pending.extend_from_slice(input);
                if self.pending.len() < 3 && !last {
                    return;
                }
                let held = std::mem::take(&mut self.pending);
                match held.as_slice() {
                    [0xEF, 0xBB, 0xBF, rest @ ..] => {
                        self.charset = Some(Charset::Utf8Bom);
                        self.state = State::Utf8;
                        out.extend_from_slice(rest);
                    }
                    [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => {
                        let charset = if held[0] == 0xFF { Charset::Utf16Le } else { Charset::Utf16Be };
                        self.charset = Some(charset);
                        self.state = State::Decoding(Decoder::new(charset));
                        self.feed(rest, out, last);
                    }
                    _ => {
                        self.state = State::Ascii;
                        self.feed(&held, out, last);
                    }
                }
            }
            State::Ascii => {
                let held = std::mem::take(&mut self.pending);
                let data: std::borrow::Cow<[u8]> = if held.is_empty() {
                    input.into()
                } else {
                    let mut v = held;
                    v.extend_from_slice(input);
                    v.into()
                };
                let ascii = data.iter().position(|b| !b.is_ascii()).unwrap_or(data.len());
                out.extend_from_slice(&data[..ascii]);
                let rest = &data[ascii..];
                if rest.is_empty() {
                    return;
                }
                if rest.len() < SNIFF && !last {
                    self.pending.extend_from_slice(rest);
                    return;
                }
                if !self.allow_gb18030 || looks_like_utf8(rest) || !backend::reads_as_gb18030(&rest[..rest.len().min(SNIFF)]) {
                    self.charset = Some(Charset::Utf8);
                    self.state = State::Utf8;
                    out.extend_from_slice(rest);
                } else {
                    self.charset = Some(Charset::Gb18030);
                    let mut d = Decoder::new(Charset::Gb18030);
                    d.decode(rest, out, last);
                    self.state = State::Decoding(d);
                }
            }
        }
    }
}

/// Valid UTF-8, allowing a character cut off at the end of the sample.
fn looks_like_utf8(sample: &[u8]) -> bool {
    match std::str::from_utf8(&sample[..sample.len().min(SNIFF)]) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Native decoding: `encoding_rs`.
#[cfg(not(target_arch = "wasm32"))]
mod backend {
    use super::Charset;
    use encoding_rs::{CoderResult, GB18030, UTF_16BE, UTF_16LE};

    pub struct Decoder(encoding_rs::Decoder);

    impl Decoder {
        pub fn new(charset: Charset) -> Self {
            let enc = match charset {
                Charset::Utf16Le => UTF_16LE,
                Charset::Utf16Be => UTF_16BE,
                _ => GB18030,
            };
            Decoder(enc.new_decoder_without_bom_handling())
        }

        pub fn decode(&mut self, mut input: &[u8], out: &mut Vec<u8>, last: bool) {
            loop {
                let room = self.0.max_utf8_buffer_length(input.len()).unwrap_or(input.len() * 3 + 16).max(16);
                let start = out.len();
                out.resize(start + room, 0);
                let (result, read, written, _) = self.0.decode_to_utf8(input, &mut out[start..], last);
                out.truncate(start + written);
                input = &input[read..];
                if result == CoderResult::InputEmpty {
                    return;
                }
            }
        }
    }

    /// Reads as GB18030 without a single malformed sequence (a character cut off at the end of
    /// the sample is not malformed).
    pub fn reads_as_gb18030(sample: &[u8]) -> bool {
        let mut d = GB18030.new_decoder_without_bom_handling();
        let mut out = vec![0u8; d.max_utf8_buffer_length(sample.len()).unwrap_or(sample.len() * 3 + 16)];
        let (_, _, _, replaced) = d.decode_to_utf8(sample, &mut out, false);
        !replaced
    }
}

/// In the browser: its `TextDecoder`, which implements the same standard. (Bound here rather than
/// through web-sys features, which would rename the residents' app's imports.)
#[cfg(target_arch = "wasm32")]
mod backend {
    use super::Charset;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        type TextDecoder;
        #[wasm_bindgen(constructor, catch)]
        fn new(label: &str, options: &JsValue) -> Result<TextDecoder, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn decode(this: &TextDecoder, input: &[u8], options: &JsValue) -> Result<String, JsValue>;
    }

    /// `{ key: true }` or `{ key: false }`.
    fn options(key: &str, on: bool) -> JsValue {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &key.into(), &on.into());
        o.into()
    }

    pub struct Decoder(Option<TextDecoder>);

    fn label(charset: Charset) -> &'static str {
        match charset {
            Charset::Utf16Le => "utf-16le",
            Charset::Utf16Be => "utf-16be",
            _ => "gb18030",
        }
    }

    impl Decoder {
        pub fn new(charset: Charset) -> Self {
            Decoder(TextDecoder::new(label(charset), &options("fatal", false)).ok())
        }

        pub fn decode(&mut self, input: &[u8], out: &mut Vec<u8>, last: bool) {
            match self.0.as_ref().map(|d| d.decode(input, &options("stream", !last))) {
                Some(Ok(text)) => out.extend_from_slice(text.as_bytes()),
                // No decoder: every character unreadable, and each row says so.
                _ if !input.is_empty() => out.extend_from_slice("\u{FFFD}".as_bytes()),
                _ => {}
            }
        }
    }

    pub fn reads_as_gb18030(sample: &[u8]) -> bool {
        TextDecoder::new(label(Charset::Gb18030), &options("fatal", true)).is_ok_and(|d| d.decode(sample, &options("stream", true)).is_ok())
    }
}

/// Decode a whole input at once (a single household, a test).
pub fn decode_all(bytes: &[u8], allow_gb18030: bool) -> (Vec<u8>, Option<Charset>) {
    let mut d = TextDecoder::new(allow_gb18030);
    let mut out = Vec::with_capacity(bytes.len());
    d.push(bytes, &mut out);
    d.finish(&mut out);
    (out, d.charset())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunked(bytes: &[u8], size: usize, gb: bool) -> (Vec<u8>, Option<Charset>) {
        let mut d = TextDecoder::new(gb);
        let mut out = Vec::new();
        for c in bytes.chunks(size.max(1)) {
            d.push(c, &mut out);
        }
        d.finish(&mut out);
        (out, d.charset())
    }

    #[test]
    fn every_encoding_in_any_chunk_size() {
        let text = "id,年龄,地区\r\n1,45,达拉特旗\r\n";
        let gbk = encoding_rs::GBK.encode(text).0.into_owned();
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        for size in [1, 2, 3, 5, 64, 10_000] {
            assert_eq!(chunked(text.as_bytes(), size, true), (text.as_bytes().to_vec(), Some(Charset::Utf8)));
            assert_eq!(chunked(&bom, size, true), (text.as_bytes().to_vec(), Some(Charset::Utf8Bom)));
            assert_eq!(chunked(&gbk, size, true), (text.as_bytes().to_vec(), Some(Charset::Gb18030)));
            assert_eq!(chunked(&le, size, true), (text.as_bytes().to_vec(), Some(Charset::Utf16Le)));
            assert_eq!(chunked(&be, size, false), (text.as_bytes().to_vec(), Some(Charset::Utf16Be)));
        }
    }

    #[test]
    fn gbk_after_many_ascii_lines_and_json_stays_utf8() {
        let mut text = "a,b\n".repeat(5000);
        text.push_str("1,低保家庭\n");
        let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
        assert_eq!(chunked(&gbk, 1000, true).0, text.as_bytes());
        // JSON is UTF-8 (RFC 8259): bytes that are not are passed on for the line to be refused.
        assert_eq!(chunked(&gbk, 1000, false), (gbk.clone(), Some(Charset::Utf8)));
    }

    #[test]
    fn short_inputs() {
        assert_eq!(decode_all(b"", true), (vec![], None));
        assert_eq!(decode_all(b"a", true), (b"a".to_vec(), None));
        assert_eq!(decode_all(b"\xEF\xBB\xBF", true), (vec![], Some(Charset::Utf8Bom)));
        // A lone invalid byte in UTF-8 text stays for the reader to report.
        assert_eq!(decode_all(b"\xC3\xA9\xFF", true).1, Some(Charset::Utf8));
    }
}

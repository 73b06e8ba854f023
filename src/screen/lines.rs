//! Lines of a JSON Lines file, with a limit on their length: memory stays bounded whatever comes
//! in (a file without a single newline, `/dev/zero`). A line over the limit is reported by its
//! number and skipped to its end, and the lines after it are read as usual.

use super::LINE_LIMIT;

/// One line: its number (1-based) and its bytes without the line break (`\n` or `\r\n`).
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    Text(usize, &'a [u8]),
    /// Longer than [`LINE_LIMIT`] bytes: not kept.
    TooLong(usize),
}

/// Splits bytes into lines, chunk by chunk.
pub struct Lines {
    /// The start of a line whose end has not come yet.
    held: Vec<u8>,
    /// Lines seen (the number of the line being read is `number + 1`).
    number: usize,
    /// The current line is over the limit: skip to its end.
    skipping: bool,
    limit: usize,
}

impl Default for Lines {
    fn default() -> Self {
        Lines::with_limit(LINE_LIMIT)
    }
}

impl Lines {
    pub fn with_limit(limit: usize) -> Self {
        Lines { held: Vec::new(), number: 0, skipping: false, limit }
    }

    /// The lines begun so far.
    pub fn count(&self) -> usize {
        self.number
    }

    /// Pass each complete line of `chunk` to `each`; stop at its first error.
    pub fn push<E>(&mut self, mut chunk: &[u8], each: &mut impl FnMut(Line) -> Result<(), E>) -> Result<(), E> {
        while let Some(end) = memchr::memchr(b'\n', chunk) {
            let (line, rest) = (&chunk[..end], &chunk[end + 1..]);
            chunk = rest;
            self.number += 1;
            if self.skipping {
                self.skipping = false;
                self.held.clear();
                each(Line::TooLong(self.number))?;
            } else if self.held.is_empty() {
                if line.len() > self.limit + 1 {
                    each(Line::TooLong(self.number))?;
                } else {
                    self.line(line, each)?;
                }
            } else {
                let mut held = std::mem::take(&mut self.held);
                held.extend_from_slice(line);
                if held.len() > self.limit + 1 {
                    each(Line::TooLong(self.number))?;
                } else {
                    self.line(&held, each)?;
                }
                held.clear();
                self.held = held; // keep the allocation
            }
        }
        if !self.skipping {
            if self.held.len() + chunk.len() > self.limit + 1 {
                self.skipping = true;
                self.held = Vec::new(); // give the memory back
            } else {
                self.held.extend_from_slice(chunk);
            }
        }
        Ok(())
    }

    /// The end of the input: a last line without a line break.
    pub fn finish<E>(&mut self, each: &mut impl FnMut(Line) -> Result<(), E>) -> Result<(), E> {
        if self.skipping {
            self.skipping = false;
            self.number += 1;
            return each(Line::TooLong(self.number));
        }
        if !self.held.is_empty() {
            self.number += 1;
            let held = std::mem::take(&mut self.held);
            if held.len() > self.limit {
                return each(Line::TooLong(self.number));
            }
            return self.line(&held, each);
        }
        Ok(())
    }

    fn line<E>(&self, line: &[u8], each: &mut impl FnMut(Line) -> Result<(), E>) -> Result<(), E> {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.len() > self.limit {
            return each(Line::TooLong(self.number));
        }
        each(Line::Text(self.number, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &[u8], chunk: usize, limit: usize) -> Vec<String> {
        let mut lines = Lines::with_limit(limit);
        let mut out = Vec::new();
        let mut each = |l: Line| -> Result<(), ()> {
            out.push(match l {
                Line::Text(n, t) => format!("{n}:{}", String::from_utf8_lossy(t)),
                Line::TooLong(n) => format!("{n}:too long"),
            });
            Ok(())
        };
        for c in input.chunks(chunk) {
            lines.push(c, &mut each).unwrap();
        }
        lines.finish(&mut each).unwrap();
        out
    }

    #[test]
    fn lines_in_any_chunk_size_with_a_limit() {
        let input = b"ab\r\n\ncdefgh\nxy\r\nlast";
        for chunk in [1, 2, 3, 7, 100] {
            assert_eq!(split(input, chunk, 4), ["1:ab", "2:", "3:too long", "4:xy", "5:last"], "chunk {chunk}");
            assert_eq!(split(input, chunk, 6), ["1:ab", "2:", "3:cdefgh", "4:xy", "5:last"], "chunk {chunk}");
        }
        // Exactly at the limit with \r\n: the \r does not count.
        assert_eq!(split(b"abcd\r\n", 1, 4), ["1:abcd"]);
        assert_eq!(split(b"abcde", 2, 4), ["1:too long"]);
        assert_eq!(split(b"", 2, 4), Vec::<String>::new());
    }

    #[test]
    fn a_line_without_end_keeps_memory_bounded() {
        let mut lines = Lines::with_limit(1000);
        let chunk = vec![0u8; 4096];
        for _ in 0..1000 {
            lines.push(&chunk, &mut |_| -> Result<(), ()> { panic!("no line ends") }).unwrap();
            assert!(lines.held.capacity() <= 8192);
        }
        let mut seen = Vec::new();
        lines
            .push(b"\n{}\n", &mut |l| -> Result<(), ()> {
                seen.push(format!("{l:?}"));
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, ["TooLong(1)", "Text(2, [123, 125])"]);
    }
}

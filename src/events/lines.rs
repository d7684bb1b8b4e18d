//! Line numbers for messages: the line of a byte, and the line where each record
//! starts (quoted cells may hold line breaks). Both read the file again, only as far
//! as needed, and only when there is something to report.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// The 1-based line of the byte at `offset`: line breaks before it, plus one.
pub(crate) fn line_at(path: &Path, offset: u64) -> usize {
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    let mut before = Vec::new();
    if file.take(offset).read_to_end(&mut before).is_err() {
        return 0;
    }
    1 + memchr::memchr_iter(b'\n', &before).count()
}

/// The 1-based line where each data record starts, for the records asked for. Quoted
/// cells may hold line breaks (ACLED notes), so lines are counted outside quotes only.
/// The file is read in blocks and only as far as the last record asked for.
pub(crate) fn lines_of(path: &Path, records: &[usize]) -> Vec<Option<usize>> {
    let Some(wanted_max) = records.iter().copied().max() else {
        return Vec::new();
    };
    let Ok(file) = std::fs::File::open(path) else {
        return vec![None; records.len()];
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut starts = vec![1usize];
    let mut line = 1;
    let mut quoted = false;
    'read: loop {
        let block = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(block) => block,
        };
        let length = block.len();
        for &b in block {
            match b {
                b'"' => quoted = !quoted,
                b'\n' => {
                    line += 1;
                    if !quoted {
                        starts.push(line);
                        if starts.len() > wanted_max + 1 {
                            break 'read;
                        }
                    }
                }
                _ => {}
            }
        }
        reader.consume(length);
    }
    records.iter().map(|&r| starts.get(r).copied()).collect()
}

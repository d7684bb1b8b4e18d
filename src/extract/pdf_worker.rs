//! The PDF parser, contained: pdf-extract and lopdf recurse without a depth limit and
//! allocate what a stream claims, so a damaged or hostile PDF could overflow the stack or
//! exhaust memory and abort the tool. They run in a child process of the same binary,
//! with its memory and time bounded and its page count checked first; whatever befalls
//! the child, the parent reports one clear error naming the limit.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use std::cell::RefCell;
use std::rc::Rc;

use pdf_extract::{MediaBox, OutputDev, OutputError, PlainTextOutput, Transform};
use serde::{Deserialize, Serialize};

use crate::numbers::grouped;

/// The variable that makes the binary a PDF worker (read by `main`).
pub const WORKER_ENV: &str = "INSURGENCY_METRICS_PDF_WORKER";

/// Pages a PDF may have; a longer document is refused before its text is read.
pub(crate) const MAX_PAGES: usize = 2_000;
/// Address space the parser may use, in bytes (a stream that inflates past it fails).
pub(crate) const MAX_MEMORY: u64 = 2 << 30;
/// Time the parser may take.
pub(crate) const MAX_SECONDS: u64 = 120;

/// What the worker reads of a PDF.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Parsed {
    pub(crate) pages: Vec<String>,
    pub(crate) title: Option<String>,
    pub(crate) created: Option<String>,
}

/// Parses a PDF in a child process; `Err` is the reason, in words, when it could not.
pub(crate) fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    let Some(exe) = worker_binary() else {
        // A test harness, not the tool: parse in place.
        return in_process(bytes);
    };
    let mut child = Command::new(exe)
        .env(WORKER_ENV, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("the PDF reader could not start: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("the PDF reader has no input")?;
    let mut stdout = child.stdout.take().ok_or("the PDF reader has no output")?;
    let mut stderr = child.stderr.take().ok_or("the PDF reader has no output")?;
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || {
        // A child that dies early closes the pipe: its exit says why.
        let _ = stdin.write_all(&input);
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let errors = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stderr.by_ref().take(64 * 1024).read_to_string(&mut out);
        out
    });
    let deadline = Instant::now() + Duration::from_secs(MAX_SECONDS);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "reading it took longer than the limit of {MAX_SECONDS} seconds"
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("the PDF reader failed: {e}")),
        }
    };
    let _ = feeder.join();
    let out = reader.join().unwrap_or_default();
    let said = errors.join().unwrap_or_default();
    if status.success() {
        return serde_json::from_slice(&out)
            .map_err(|e| format!("the PDF reader's answer was unreadable: {e}"));
    }
    if status.code() == Some(REFUSED) {
        return Err(said.trim().to_string());
    }
    Err(format!(
        "its structure could not be parsed within the limits (nesting deep enough to exhaust the parser's stack, or streams that inflate past {} GiB of memory)",
        MAX_MEMORY >> 30
    ))
}

/// The worker's exit code for a PDF it refuses with a reason on stderr.
const REFUSED: i32 = 3;

/// The tool's own binary, when this process is it (tests of the library run in a
/// harness that is not).
fn worker_binary() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let stem = exe.file_stem()?.to_str()?;
    (stem == env!("CARGO_PKG_NAME")).then_some(exe)
}

/// The child's side: reads a PDF on stdin, bounded, and writes what it read as JSON.
/// Returns the process's exit code.
pub fn work() -> i32 {
    limit_memory(MAX_MEMORY);
    let mut bytes = Vec::new();
    if std::io::stdin().lock().read_to_end(&mut bytes).is_err() {
        return REFUSED;
    }
    match in_process(&bytes) {
        Ok(parsed) => match serde_json::to_writer(std::io::stdout().lock(), &parsed) {
            Ok(()) => 0,
            Err(_) => 1,
        },
        Err(why) => {
            let _ = writeln!(std::io::stderr(), "{why}");
            REFUSED
        }
    }
}

/// Parses in this process, with panics caught: the page count first, then the text.
fn in_process(bytes: &[u8]) -> Result<Parsed, String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| parse_here(bytes));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| Err("its structure is damaged".to_string()))
}

fn parse_here(bytes: &[u8]) -> Result<Parsed, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("PDF error: {e}"))?;
    let count = doc.get_pages().len();
    if count > MAX_PAGES {
        return Err(format!(
            "it has {} pages, more than the limit of {}: give the pages that hold the statements (e.g. `qpdf in.pdf --pages . 1-200 -- part.pdf`)",
            grouped(count as f64, 0),
            grouped(MAX_PAGES as f64, 0)
        ));
    }
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|v| v.as_reference().ok())
        .and_then(|r| doc.get_dictionary(r).ok());
    let text = |key: &[u8]| {
        info.and_then(|dict| dict.get(key).ok())
            .and_then(|v| lopdf::decode_text_string(v).ok())
    };
    let (title, created) = (text(b"Title"), text(b"CreationDate"));
    let pages = page_texts(&doc, count)?;
    Ok(Parsed {
        pages,
        title,
        created,
    })
}

/// Each page's text, the document walked once (pdf-extract's own page-by-page reading
/// lists the pages again for every page, quadratic in their number). A page it cannot
/// draw ends the walk; the pages are then read one by one, as far as they go.
fn page_texts(doc: &lopdf::Document, count: usize) -> Result<Vec<String>, String> {
    let buffer = Rc::new(RefCell::new(Vec::new()));
    let mut sink = Sink(Rc::clone(&buffer));
    let mut pages = Pages {
        inner: PlainTextOutput::new(&mut sink as &mut dyn Write),
        buffer,
        pages: Vec::with_capacity(count),
    };
    if pdf_extract::output_doc(doc, &mut pages).is_ok() {
        return Ok(pages.pages);
    }
    let mut out = Vec::new();
    for number in doc.get_pages().keys() {
        let mut text = String::new();
        let mut page = PlainTextOutput::new(&mut text);
        if pdf_extract::output_doc_page(doc, &mut page, *number).is_err() {
            break;
        }
        out.push(text);
    }
    if out.is_empty() && count > 0 {
        return Err("no page of it could be read".to_string());
    }
    Ok(out)
}

/// Where the plain-text output writes: a buffer taken at the end of each page.
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// pdf-extract's plain-text output, cut into pages.
struct Pages<'a> {
    inner: PlainTextOutput<&'a mut dyn Write>,
    buffer: Rc<RefCell<Vec<u8>>>,
    pages: Vec<String>,
}

impl OutputDev for Pages<'_> {
    fn begin_page(
        &mut self,
        page: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.inner.begin_page(page, media_box, art_box)
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.inner.end_page()?;
        let bytes = std::mem::take(&mut *self.buffer.borrow_mut());
        self.pages
            .push(String::from_utf8_lossy(&bytes).into_owned());
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.inner
            .output_character(trm, width, spacing, font_size, char)
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.inner.begin_word()
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        self.inner.end_word()
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        self.inner.end_line()
    }
}

/// Caps this process's address space, so an allocation past it fails instead of taking
/// the machine's memory.
#[cfg(unix)]
fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads a valid rlimit struct and changes only this process.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}

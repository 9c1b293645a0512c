//! One process-wide TRACE subscriber writing into a buffer.
//!
//! tracing caches per-callsite interest globally, so a thread-local subscriber in
//! one test races with other tests running in parallel. Instead every test
//! installs (once) this global subscriber before it touches the client, and the
//! secrecy test inspects everything every test logged.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Default)]
pub(crate) struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Buffer {
    type Writer = Buffer;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

static BUFFER: OnceLock<Buffer> = OnceLock::new();

/// Installs the capturing subscriber (idempotent).
pub(crate) fn install() {
    BUFFER.get_or_init(|| {
        let buffer = Buffer::default();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(buffer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("no other global subscriber");
        buffer
    });
}

/// Everything captured so far.
pub(crate) fn captured() -> String {
    install();
    let bytes = BUFFER.get().unwrap().0.lock().unwrap().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

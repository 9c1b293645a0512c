//! Throughput of both conversion directions over ~1 MB of Markdown built from the test
//! corpus. Run with `cargo bench -p notion-markdown`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use notion_markdown::{Options, blocks_to_markdown, markdown_to_blocks};

// The same allocator as the `orchestra` binary, so the numbers match what users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TARGET_BYTES: usize = 1 << 20;
/// Timed runs per measurement; the best is reported (these machines are shared and noisy:
/// the minimum is the run least disturbed by other work).
const RUNS: usize = 11;

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    let mut one_pass = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        // Front matter is only valid at the very top; keep the body of each file.
        let body = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n").map(|(_, body)| body))
            .unwrap_or(&text);
        one_pass.push_str(body);
        one_pass.push_str("\n\n");
    }
    let mut out = String::with_capacity(TARGET_BYTES + one_pass.len());
    while out.len() < TARGET_BYTES {
        out.push_str(&one_pass);
    }
    out
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1_000_000.0 / time.as_secs_f64()
}

fn main() {
    let md = corpus();
    let options = Options::new();
    // For profiling (`BENCH_PARSE_ONLY=N`, default 20): only N Markdown -> blocks
    // conversions, nothing else.
    if let Some(value) = std::env::var_os("BENCH_PARSE_ONLY") {
        let runs = value.to_str().and_then(|n| n.parse().ok()).unwrap_or(20);
        for _ in 0..runs {
            black_box(markdown_to_blocks(black_box(&md), &options));
        }
        return;
    }
    let blocks = markdown_to_blocks(&md, &options).blocks;
    let rendered_len = blocks_to_markdown(&blocks).len();

    let tokenize_only = best_of(RUNS, || {
        let options = pulldown_cmark::Options::all();
        pulldown_cmark::Parser::new_ext(black_box(&md), options).count()
    });
    let parse = best_of(RUNS, || markdown_to_blocks(black_box(&md), &options));
    let render = best_of(RUNS, || blocks_to_markdown(black_box(&blocks)));
    // The planner consumes its input: clone outside the timed region.
    let mut inputs: Vec<_> = (0..RUNS).map(|_| blocks.clone()).collect();
    let plan = best_of(RUNS, || {
        notion_markdown::plan_appends(black_box(inputs.pop().unwrap_or_default()))
    });

    println!(
        "input: {} bytes of Markdown, {} top-level blocks",
        md.len(),
        blocks.len()
    );
    println!(
        "pulldown-cmark events only (baseline): {:>8.1} MB/s",
        mb_per_s(md.len(), tokenize_only)
    );
    println!(
        "markdown -> blocks: {:>8.1} MB/s ({:?} best of {RUNS})",
        mb_per_s(md.len(), parse),
        parse
    );
    println!(
        "blocks -> markdown: {:>8.1} MB/s of output ({:?} best of {RUNS})",
        mb_per_s(rendered_len, render),
        render
    );
    println!(
        "plan_appends:       {plan:?} ({} calls)",
        notion_markdown::plan_appends(blocks).len()
    );
}

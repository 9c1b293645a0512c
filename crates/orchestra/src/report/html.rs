//! Markdown -> a standalone HTML page (pulldown-cmark's renderer, a small clean style).
//!
//! Images keep their relative paths (`charts/…png`, next to the file). A tiny inline
//! script records each image's `naturalWidth` in `data-natural-width` once the page has
//! loaded, so a headless browser's DOM dump shows whether the charts really rendered.

use pulldown_cmark::{Options, Parser, html};

const STYLE: &str = "\
body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;\
max-width:960px;margin:2rem auto;padding:0 1.5rem;color:#1f2328;line-height:1.5;background:#fff}\
h1{border-bottom:1px solid #d0d7de;padding-bottom:.3em}\
h2{margin-top:2rem;border-bottom:1px solid #eaeef2;padding-bottom:.2em}\
table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}\
th,td{border:1px solid #d0d7de;padding:.35rem .7rem;text-align:left}\
th{background:#f6f8fa}tr:nth-child(even) td{background:#fbfcfd}\
img{max-width:100%;border:1px solid #eaeef2;border-radius:6px;display:block;margin:.5rem 0}\
figcaption,em{color:#57606a}code{background:#f6f8fa;padding:.1em .3em;border-radius:4px}";

const PROBE: &str = "window.addEventListener('load',function(){\
for(var i=0;i<document.images.length;i++){var m=document.images[i];\
m.setAttribute('data-natural-width',String(m.naturalWidth));}\
document.body.setAttribute('data-loaded','true');});";

/// A complete HTML page titled `title` with `markdown` as its body.
pub fn markdown_to_html(title: &str, markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(markdown, options));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n<script>{PROBE}</script>\n</head>\n\
         <body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_images_become_html() {
        let page = markdown_to_html(
            "R <1>",
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n![Chart](charts/x.png)\n",
        );
        assert!(page.contains("<title>R &lt;1&gt;</title>"));
        assert!(page.contains("<table>"));
        assert!(page.contains("<td>2</td>"));
        assert!(page.contains("<img src=\"charts/x.png\" alt=\"Chart\""));
    }
}

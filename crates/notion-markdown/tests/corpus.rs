//! Snapshot tests over `tests/corpus/*.md`: the blocks each document becomes, the Markdown
//! they render back to, and that this rendering is a fixed point.

use notion_markdown::{Options, blocks_to_markdown, markdown_to_blocks};
use pretty_assertions::assert_eq;
use serde_json::json;

#[test]
fn corpus_snapshots() {
    let options = Options::new().with_heading_4(true);
    insta::glob!("corpus/*.md", |path| {
        let md = std::fs::read_to_string(path).expect("corpus file");
        let converted = markdown_to_blocks(&md, &options);
        insta::assert_json_snapshot!(
            "blocks",
            json!({
                "front_matter": converted.front_matter,
                "warnings": converted.warnings,
                "blocks": converted.blocks,
            })
        );
        let rendered = blocks_to_markdown(&converted.blocks);
        insta::assert_snapshot!("markdown", rendered);

        let reparsed = markdown_to_blocks(&rendered, &options);
        assert_eq!(
            blocks_to_markdown(&reparsed.blocks),
            rendered,
            "not a fixed point"
        );
        let again = markdown_to_blocks(&blocks_to_markdown(&reparsed.blocks), &options);
        assert_eq!(
            again.blocks, reparsed.blocks,
            "blocks drift after normalisation"
        );
    });
}

#[test]
fn heading_4_falls_back_to_heading_3() {
    let converted = markdown_to_blocks("#### four\n", &Options::new());
    assert_eq!(converted.blocks[0].kind(), Some("heading_3"));
    let converted = markdown_to_blocks("#### four\n", &Options::new().with_heading_4(true));
    assert_eq!(converted.blocks[0].kind(), Some("heading_4"));
}

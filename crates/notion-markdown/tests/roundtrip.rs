//! Property tests: Markdown -> blocks -> Markdown is a fixed point after one normalisation,
//! and blocks -> Markdown -> blocks gives the same blocks for every supported type.

use notion_markdown::limits::merge_adjacent;
use notion_markdown::{Options, blocks_to_markdown, markdown_to_blocks};
use notion_model::block::{BlockContent, HeadingBlock};
use notion_model::{Annotations, Block, Color, Icon, Mention, NewBlock, RichText};
use proptest::prelude::*;

fn options() -> Options {
    Options::new().with_heading_4(true)
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}",
        1 => "[0-9]{1,3}",
        1 => Just("日本".to_owned()),
        1 => Just("🎉".to_owned()),
        1 => Just("naïve".to_owned()),
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..4).prop_map(|w| w.join(" "))
}

fn item() -> impl Strategy<Value = RichText> {
    let flags = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.15),
    );
    let color =
        prop_oneof![3 => Just(None), 1 => Just(Some("red")), 1 => Just(Some("blue_background"))];
    let link = prop_oneof![4 => Just(None), 1 => Just(Some("https://example.com/a"))];
    let text = (words(), any::<bool>(), flags, color, link).prop_map(
        |(words, space, (bold, italic, strike, underline, code), color, link)| {
            let content = if space && !code {
                format!("{words} ")
            } else {
                words
            };
            let mut item = match link {
                Some(url) => RichText::link(content, url),
                None => RichText::text(content),
            };
            let mut a = Annotations::default();
            let on = |f: bool| f.then_some(true);
            a.bold = on(bold);
            a.italic = on(italic);
            a.strikethrough = on(strike);
            a.underline = on(underline);
            a.code = on(code);
            a.color = color.map(Color::from_wire);
            if a != Annotations::default() {
                item.annotations = Some(a);
            }
            item
        },
    );
    prop_oneof![
        8 => text,
        1 => Just(RichText::equation("x^2 + y")),
        1 => Just(RichText::mention(Mention::page(
            notion_model::PageId::parse("0123456789abcdef0123456789abcdef").unwrap()
        ))),
    ]
}

fn rich_text() -> impl Strategy<Value = Vec<RichText>> {
    prop::collection::vec(item(), 1..5).prop_map(merge_adjacent)
}

fn set_text(mut block: NewBlock, text: Vec<RichText>) -> NewBlock {
    match &mut block.content {
        BlockContent::Paragraph(b)
        | BlockContent::BulletedListItem(b)
        | BlockContent::Quote(b)
        | BlockContent::Toggle(b) => b.rich_text = Some(text),
        BlockContent::Heading1(b)
        | BlockContent::Heading2(b)
        | BlockContent::Heading3(b)
        | BlockContent::Heading4(b) => b.rich_text = Some(text),
        BlockContent::NumberedListItem(b) => b.rich_text = Some(text),
        BlockContent::ToDo(b) => b.rich_text = Some(text),
        BlockContent::Callout(b) => b.rich_text = Some(text),
        _ => {}
    }
    block
}

fn leaf() -> impl Strategy<Value = NewBlock> {
    let table = (1usize..4, 1usize..4).prop_flat_map(|(width, rows)| {
        prop::collection::vec(prop::collection::vec(rich_text(), width), rows).prop_map(
            move |cells| {
                let mut table = Block::table(
                    width as u32,
                    true,
                    vec![vec![String::new(); width]; cells.len()],
                );
                if let BlockContent::Table(t) = &mut table.content {
                    for (row, cells) in t.children.iter_mut().flatten().zip(cells) {
                        if let BlockContent::TableRow(r) = &mut row.content {
                            r.cells = Some(cells);
                        }
                    }
                }
                table
            },
        )
    });
    prop_oneof![
        4 => rich_text().prop_map(Block::paragraph_rich),
        1 => rich_text().prop_map(|t| set_text(Block::heading_1(""), t)),
        1 => rich_text().prop_map(|t| set_text(Block::heading_2(""), t)),
        1 => rich_text().prop_map(|t| set_text(Block::heading_3(""), t)),
        1 => rich_text().prop_map(|t| set_text(Block::heading_4(""), t)),
        1 => (prop_oneof![Just("rust"), Just("python"), Just("plain text"), Just("c++")],
              prop::collection::vec(words(), 1..4))
            .prop_map(|(lang, lines)| Block::code(lang, lines.join("\n"))),
        1 => Just(Block::equation("\\frac{a}{b}")),
        1 => Just(Block::divider()),
        1 => prop::option::of(words()).prop_map(|caption| {
            let mut image = Block::image("https://img.example.com/a.png");
            if let BlockContent::Image(m) = &mut image.content {
                m.caption = caption.map(|c| vec![RichText::text(c)]);
            }
            image
        }),
        1 => Just(Block::bookmark("https://example.com/bookmark")),
        1 => rich_text().prop_map(|caption| {
            let mut embed = Block::embed("https://example.com/embed");
            if let BlockContent::Embed(u) = &mut embed.content {
                u.caption = Some(caption);
            }
            embed
        }),
        1 => words().prop_map(|title| NewBlock::new(BlockContent::ChildPage(
            serde_json::from_value(serde_json::json!({"title": title})).unwrap()))),
        1 => Just(NewBlock::new(BlockContent::TableOfContents(Default::default()))),
        1 => Just(NewBlock::new(BlockContent::Breadcrumb(Default::default()))),
        1 => table,
    ]
}

fn block() -> impl Strategy<Value = NewBlock> {
    leaf().prop_recursive(3, 24, 3, |inner| {
        let kids = prop::collection::vec(inner.clone(), 0..3);
        let some_kids = prop::collection::vec(inner, 1..3);
        let with = |block: NewBlock, kids: Vec<NewBlock>| {
            if kids.is_empty() {
                block
            } else {
                block.with_children(kids)
            }
        };
        prop_oneof![
            (rich_text(), kids.clone())
                .prop_map(move |(t, k)| with(set_text(Block::bulleted(""), t), k)),
            (rich_text(), kids.clone())
                .prop_map(move |(t, k)| with(set_text(Block::numbered(""), t), k)),
            (rich_text(), any::<bool>(), kids.clone())
                .prop_map(move |(t, c, k)| with(set_text(Block::to_do("", c), t), k)),
            (rich_text(), kids.clone())
                .prop_map(move |(t, k)| with(set_text(Block::quote(""), t), k)),
            (rich_text(), kids.clone())
                .prop_map(move |(t, k)| with(set_text(Block::toggle(""), t), k)),
            (rich_text(), kids.clone()).prop_map(move |(t, k)| {
                let mut callout = set_text(Block::callout("💡", ""), t);
                if let BlockContent::Callout(c) = &mut callout.content {
                    c.color = Some(Color::GrayBackground);
                    c.icon = Some(Some(Box::new(Icon::emoji("💡"))));
                }
                with(callout, k)
            }),
            (rich_text(), kids.clone()).prop_map(move |(t, k)| {
                let mut heading = HeadingBlock::default();
                heading.rich_text = Some(t);
                heading.is_toggleable = Some(true);
                with(NewBlock::new(BlockContent::Heading2(heading)), k)
            }),
            (some_kids.clone(), some_kids.clone()).prop_map(|(a, b)| Block::columns(vec![a, b])),
            some_kids.prop_map(|k| {
                let synced =
                    serde_json::from_value(serde_json::json!({"synced_from": null})).unwrap();
                NewBlock::new(BlockContent::SyncedBlock(synced)).with_children(k)
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn blocks_survive_markdown(blocks in prop::collection::vec(block(), 1..6)) {
        let md = blocks_to_markdown(&blocks);
        let converted = markdown_to_blocks(&md, &options());
        prop_assert_eq!(&converted.blocks, &blocks, "markdown was:\n{}", md);
    }

    #[test]
    fn markdown_is_a_fixed_point_after_one_pass(parts in prop::collection::vec(markdown_part(), 1..8)) {
        let md = parts.join("\n\n");
        let md1 = blocks_to_markdown(&markdown_to_blocks(&md, &options()).blocks);
        let md2 = blocks_to_markdown(&markdown_to_blocks(&md1, &options()).blocks);
        prop_assert_eq!(md2, md1, "source was:\n{}", md);
    }
}

fn inline_md() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            words(),
            prop_oneof![
                Just("{}"),
                Just("**{}**"),
                Just("*{}*"),
                Just("~~{}~~"),
                Just("`{}`"),
                Just("[{}](https://x.test/p)"),
                Just("<u>{}</u>"),
                Just("<span color=\"red\">{}</span>"),
                Just("$x$ {}")
            ],
        ),
        1..5,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, f)| f.replace("{}", &w))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn markdown_part() -> impl Strategy<Value = String> {
    prop_oneof![
        inline_md(),
        inline_md().prop_map(|t| format!("# {t}")),
        inline_md().prop_map(|t| format!("### {t}")),
        prop::collection::vec(inline_md(), 1..4).prop_map(|items| items
            .iter()
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n")),
        prop::collection::vec(inline_md(), 1..4).prop_map(|items| items
            .iter()
            .enumerate()
            .map(|(n, i)| format!("{}. {i}", n + 1))
            .collect::<Vec<_>>()
            .join("\n")),
        inline_md().prop_map(|t| format!("- [ ] {t}\n  - [x] {t}\n    - {t}")),
        inline_md().prop_map(|t| format!("> {t}\n>\n> - {t}")),
        words().prop_map(|t| format!("```py\n{t}\n```")),
        (inline_md(), inline_md())
            .prop_map(|(a, b)| format!("| {a} | {b} |\n| --- | --- |\n| {b} | {a} |")),
        inline_md().prop_map(|t| format!("<callout icon=\"🔥\">\n{t}\n</callout>")),
        inline_md().prop_map(|t| format!("<details>\n<summary>{t}</summary>\n\n{t}\n\n</details>")),
        inline_md().prop_map(|t| format!("> [!TIP]\n> {t}")),
        Just("---".to_owned()),
        Just("$$\na^2\n$$".to_owned()),
        Just("![pic](https://x.test/p.png)".to_owned()),
        Just("https://x.test/bookmark".to_owned()),
        Just("<table_of_contents/>".to_owned()),
        inline_md().prop_map(|t| format!(
            "<columns>\n<column>\n\n{t}\n\n</column>\n<column>\n\n{t}\n\n</column>\n</columns>"
        )),
    ]
}

/// Found by `blocks_survive_markdown`: a document that starts with a divider and has another
/// `---` further down was read as YAML front matter.
#[test]
fn a_leading_divider_is_not_front_matter() {
    let blocks = vec![
        Block::divider(),
        Block::paragraph("between"),
        Block::divider(),
        Block::paragraph("after"),
    ];
    let md = blocks_to_markdown(&blocks);
    assert!(md.starts_with("***\n"), "{md}");
    let converted = markdown_to_blocks(&md, &options());
    assert_eq!(converted.front_matter, None);
    assert_eq!(converted.blocks, blocks);
    // A lone divider too.
    let md = blocks_to_markdown(&[Block::divider()]);
    assert_eq!(md, "***\n");
    assert_eq!(
        markdown_to_blocks(&md, &options()).blocks,
        vec![Block::divider()]
    );
}

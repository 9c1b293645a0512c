//! Whole trees: `append_tree` writes any size and depth with exactly the calls its plan
//! names, and `read_tree` / `read_children_tree` read everything back.

use notion_api::model::rich_text::plain_text;
use notion_api::model::{Block, BlockContent, NewBlock};
use notion_markdown::{
    BlockTree, Options, blocks_to_markdown, markdown_to_blocks, plan_appends, tree_to_markdown,
};

use crate::support::{Env, block, child_page};

/// How many times the emulator answered `PATCH /v1/blocks/{id}/children` with 200.
fn append_calls_served(env: &Env) -> u64 {
    let stats = env.emu.admin().stats();
    stats["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r["method"] == "PATCH" && r["path"] == "/v1/blocks/{id}/children" && r["status"] == 200
        })
        .filter_map(|r| r["count"].as_u64())
        .sum()
}

/// Up to `budget` bulleted items, `depth` levels deep, `fanout` children per item.
fn tree(depth: usize, fanout: usize, budget: &mut usize) -> Vec<NewBlock> {
    let mut out = Vec::new();
    for i in 0..fanout {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        let mut item = Block::bulleted(format!("level {depth} item {i}"));
        if depth > 1 {
            let children = tree(depth - 1, fanout, budget);
            if !children.is_empty() {
                item = item.with_children(children);
            }
        }
        out.push(item);
    }
    out
}

fn count(trees: &[BlockTree]) -> usize {
    trees.iter().map(|t| 1 + count(&t.children)).sum()
}

fn depth(trees: &[BlockTree]) -> usize {
    trees
        .iter()
        .map(|t| 1 + depth(&t.children))
        .max()
        .unwrap_or(0)
}

#[tokio::test]
async fn a_5000_block_10_level_document_round_trips_in_the_planned_calls() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Deep").await;
    let mut budget = 5000;
    let mut blocks = Vec::new();
    while budget > 0 {
        blocks.extend(tree(10, 3, &mut budget));
    }
    let expected_markdown = blocks_to_markdown(&blocks);
    let plan = plan_appends(blocks.clone());
    let before = append_calls_served(&env);

    let outcome = env
        .client
        .blocks()
        .append_tree(block(page.id), blocks.clone())
        .await
        .expect("append tree");

    assert_eq!(outcome.append_calls, plan.len());
    assert_eq!(outcome.read_requests, plan.read_calls_needed());
    assert_eq!(
        append_calls_served(&env) - before,
        plan.len() as u64,
        "the emulator served exactly the planned appends"
    );
    assert_eq!(outcome.top_level.len(), blocks.len());

    let read = env
        .client
        .blocks()
        .read_children_tree(block(page.id))
        .await
        .expect("read tree");
    assert_eq!(count(&read), 5000);
    assert_eq!(depth(&read), 10);
    assert_eq!(
        read.iter().map(|t| t.block.id).collect::<Vec<_>>(),
        outcome.top_level
    );
    assert_eq!(tree_to_markdown(&read), expected_markdown);
}

#[tokio::test]
async fn read_tree_includes_the_block_itself() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Toggle").await;
    let toggle = Block::toggle("Outer").with_children(vec![
        Block::paragraph("inner one"),
        Block::toggle("Inner").with_children(vec![Block::paragraph("innermost")]),
    ]);
    let outcome = env
        .client
        .blocks()
        .append_tree(block(page.id), vec![toggle])
        .await
        .expect("append");
    let tree = env
        .client
        .blocks()
        .read_tree(outcome.top_level[0])
        .await
        .expect("read");
    assert_eq!(plain_text(tree.block.content.rich_text()), "Outer");
    assert_eq!(tree.children.len(), 2);
    assert_eq!(
        plain_text(tree.children[1].children[0].block.content.rich_text()),
        "innermost"
    );
}

#[tokio::test]
async fn two_hundred_fifty_flat_blocks_take_three_calls() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Flat").await;
    let blocks: Vec<NewBlock> = (0..250)
        .map(|i| Block::paragraph(format!("p{i}")))
        .collect();
    let before = append_calls_served(&env);

    let outcome = env
        .client
        .blocks()
        .append_tree(block(page.id), blocks)
        .await
        .expect("append");

    assert_eq!(outcome.requests(), 3);
    assert_eq!(append_calls_served(&env) - before, 3);
    let read = env
        .client
        .blocks()
        .read_children_tree(block(page.id))
        .await
        .expect("read");
    let texts: Vec<String> = read
        .iter()
        .map(|t| plain_text(t.block.content.rich_text()))
        .collect();
    let expected: Vec<String> = (0..250).map(|i| format!("p{i}")).collect();
    assert_eq!(texts, expected);
}

#[tokio::test]
async fn a_2500_character_paragraph_is_split_and_reads_back_whole() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Long").await;
    let text: String = (0..2500)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let converted = markdown_to_blocks(&text, &Options::new());
    let BlockContent::Paragraph(paragraph) = &converted.blocks[0].content else {
        panic!("a paragraph: {:?}", converted.blocks);
    };
    assert_eq!(
        paragraph.rich_text.as_ref().map(Vec::len),
        Some(2),
        "split at 2,000 characters"
    );

    env.client
        .blocks()
        .append_tree(block(page.id), converted.blocks)
        .await
        .expect("append");

    let read = env
        .client
        .blocks()
        .read_children_tree(block(page.id))
        .await
        .expect("read");
    assert_eq!(read.len(), 1);
    assert_eq!(plain_text(read[0].block.content.rich_text()), text);
}

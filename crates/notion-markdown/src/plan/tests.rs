use std::collections::HashMap;

use notion_model::{Block, NewBlock};
use pretty_assertions::assert_eq;

use super::*;
use crate::blocks::take_children;

/// Checks every per-request limit of every call.
fn assert_within_limits(plan: &AppendPlan) {
    for (index, call) in plan.calls().iter().enumerate() {
        assert!(!call.children.is_empty(), "call {index} is empty");
        assert!(
            call.children.len() <= 100,
            "call {index}: {} children",
            call.children.len()
        );
        let mut total = 0;
        for block in &call.children {
            check_block(block, 1, &mut total, index);
        }
        assert!(total <= 1000, "call {index}: {total} blocks");
        let body = serde_json::to_vec(&serde_json::json!({"children": call.children})).unwrap();
        assert!(body.len() <= 500_000, "call {index}: {} bytes", body.len());
        if let Target::Created { call: earlier, .. } = &call.parent {
            assert!(
                *earlier < index,
                "call {index} targets later call {earlier}"
            );
        }
    }
}

fn check_block(block: &NewBlock, level: usize, total: &mut usize, call: usize) {
    *total += 1;
    let children = block.content.children();
    assert!(
        children.len() <= 100,
        "call {call}: nested array of {}",
        children.len()
    );
    if level > 3 {
        panic!("call {call}: block nested {level} levels deep");
    }
    if level == 3 {
        assert!(
            children.is_empty(),
            "call {call}: level-3 block has children"
        );
    }
    for child in children {
        check_block(child, level + 1, total, call);
    }
}

/// A fake Notion: runs the plan, listing children where the plan says, and returns the tree
/// it built.
fn execute(plan: &AppendPlan) -> Vec<NewBlock> {
    #[derive(Default)]
    struct Store {
        blocks: Vec<NewBlock>,
        children: HashMap<usize, Vec<usize>>,
    }
    fn insert(store: &mut Store, parent: usize, mut block: NewBlock) -> usize {
        let kids = take_children(&mut block);
        store.blocks.push(block);
        let id = store.blocks.len();
        store.children.entry(parent).or_default().push(id);
        for kid in kids {
            insert(store, id, kid);
        }
        id
    }
    fn rebuild(store: &Store, id: usize) -> Vec<NewBlock> {
        store
            .children
            .get(&id)
            .map(|kids| {
                kids.iter()
                    .map(|kid| {
                        let mut block = store.blocks[kid - 1].clone();
                        crate::blocks::set_children(&mut block, rebuild(store, *kid));
                        block
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    let mut store = Store::default();
    let root = 0usize;
    let mut results: Vec<Vec<Created<usize>>> = Vec::new();
    for (index, call) in plan.calls().iter().enumerate() {
        let parent = *plan.resolve_parent(index, &root, &results).unwrap();
        let created = call
            .children
            .iter()
            .map(|block| Created::new(insert(&mut store, parent, block.clone())))
            .collect();
        results.push(created);
        for path in &call.reads_after {
            let node = Created::find_mut(&mut results[index], path).unwrap();
            node.children = store.children[&node.id]
                .iter()
                .map(|id| Created::new(*id))
                .collect();
        }
    }
    rebuild(&store, root)
}

fn count_blocks(block: &NewBlock) -> usize {
    1 + block
        .content
        .children()
        .iter()
        .map(count_blocks)
        .sum::<usize>()
}

fn flat(n: usize) -> Vec<NewBlock> {
    (0..n).map(|i| Block::paragraph(format!("p{i}"))).collect()
}

fn chain(depth: usize) -> NewBlock {
    let mut block = Block::toggle(format!("level {depth}"));
    if depth > 1 {
        block = block.with_children(vec![chain(depth - 1)]);
    }
    block
}

fn check(blocks: Vec<NewBlock>) -> AppendPlan {
    let plan = plan_appends(blocks.clone());
    assert_within_limits(&plan);
    assert_eq!(execute(&plan), blocks);
    plan
}

#[test]
fn flat_lists_take_ceil_n_over_100_calls() {
    assert_eq!(check(flat(1)).len(), 1);
    assert_eq!(check(flat(100)).len(), 1);
    assert_eq!(check(flat(101)).len(), 2);
    assert_eq!(check(flat(250)).len(), 3);
    assert!(plan_appends(Vec::new()).is_empty());
}

#[test]
fn two_nesting_levels_go_in_one_call() {
    let tree = vec![Block::toggle("a").with_children(vec![
        Block::bulleted("b").with_children(vec![Block::paragraph("c")]),
    ])];
    let plan = check(tree);
    assert_eq!(plan.len(), 1);
    assert_eq!(plan.read_calls_needed(), 0);
}

#[test]
fn deeper_levels_target_first_level_results() {
    let plan = check(vec![chain(10)]);
    assert_eq!(
        plan.len(),
        8,
        "one call per level, the last call carrying three levels"
    );
    assert_eq!(plan.read_calls_needed(), 0);
    for call in &plan.calls()[1..] {
        let Target::Created { path, .. } = &call.parent else {
            panic!("expected a created target");
        };
        assert_eq!(path.len(), 1);
    }
}

#[test]
fn wide_children_overflow_into_calls_under_the_parent() {
    let tree = vec![Block::toggle("big").with_children(flat(250))];
    let plan = check(tree);
    assert_eq!(plan.len(), 3);
}

#[test]
fn a_300_row_table_is_created_then_extended() {
    let rows: Vec<Vec<String>> = (0..300).map(|i| vec![format!("{i}"), "x".into()]).collect();
    let plan = check(vec![Block::table(2, true, rows)]);
    assert_eq!(plan.len(), 3);
}

#[test]
fn block_count_limit_splits_calls() {
    let tree: Vec<NewBlock> = (0..100)
        .map(|i| Block::toggle(format!("t{i}")).with_children(flat(20)))
        .collect();
    let plan = check(tree);
    assert_eq!(
        plan.len(),
        3,
        "2,100 blocks need three calls of at most 1,000"
    );
}

#[test]
fn byte_limit_splits_calls() {
    let big = "x".repeat(1900);
    let blocks: Vec<NewBlock> = (0..100)
        .map(|_| Block::paragraph_rich(vec![notion_model::RichText::text(big.clone()); 5]))
        .collect();
    let plan = check(blocks);
    assert!(plan.len() >= 2, "~950 KB must not fit one request");
}

#[test]
fn columns_with_deep_content_use_counted_reads() {
    let deep_column = vec![chain(5), Block::paragraph("after")];
    let columns = Block::columns(vec![deep_column, vec![Block::paragraph("right")]]);
    let plan = check(vec![columns]);
    assert!(plan.read_calls_needed() > 0);
}

#[test]
fn a_5000_block_10_level_tree_respects_every_limit() {
    fn tree(depth: usize, fanout: usize, budget: &mut usize) -> Vec<NewBlock> {
        let mut out = Vec::new();
        for i in 0..fanout {
            if *budget == 0 {
                break;
            }
            *budget -= 1;
            let mut block = Block::bulleted(format!("d{depth} i{i}"));
            if depth > 1 {
                let kids = tree(depth - 1, fanout, budget);
                if !kids.is_empty() {
                    block = block.with_children(kids);
                }
            }
            out.push(block);
        }
        out
    }
    let mut budget = 5000;
    let mut blocks = Vec::new();
    while budget > 0 {
        blocks.extend(tree(10, 3, &mut budget));
    }
    assert_eq!(blocks.iter().map(count_blocks).sum::<usize>(), 5000);
    let plan = check(blocks);
    assert_eq!(plan.read_calls_needed(), 0);
}

#[test]
fn resolving_a_call_that_has_not_run_fails() {
    let plan = plan_appends(vec![chain(5)]);
    let root = 0;
    assert_eq!(
        plan.resolve_parent(1, &root, &[]),
        Err(crate::Error::MissingCallResult {
            call: 0,
            available: 0
        })
    );
}

//! A GFM table while it is being read.

use notion_model::NewBlock;
use notion_model::RichText;
use notion_model::block::{BlockContent, TableBlock, TableRowBlock};

/// The rows read so far. Each row becomes its `table_row` block as soon as it ends, so every
/// cell is moved once (tables are the most object-heavy Markdown there is: one block per
/// row, one rich-text array per cell).
#[derive(Debug)]
pub(crate) struct TableState {
    rows: Vec<NewBlock>,
    /// The cells of the row being read.
    cells: Vec<Vec<RichText>>,
    /// Most cells in any row so far (shorter rows are padded to it at the end).
    width: usize,
}

impl TableState {
    /// A table whose header declares `columns` columns, with room for `rows` rows.
    pub(crate) fn new(columns: usize, rows: usize) -> Self {
        Self {
            rows: Vec::with_capacity(rows),
            cells: Vec::with_capacity(columns),
            width: 0,
        }
    }

    /// A cell of the current row has been read.
    pub(crate) fn push_cell(&mut self, cell: Vec<RichText>) {
        self.cells.push(cell);
    }

    /// The header row or a body row has ended.
    pub(crate) fn end_row(&mut self) {
        let capacity = self.cells.len().max(self.width);
        let cells = std::mem::replace(&mut self.cells, Vec::with_capacity(capacity));
        self.width = self.width.max(cells.len());
        let mut row = TableRowBlock::default();
        row.cells = Some(cells);
        self.rows.push(NewBlock::new(BlockContent::TableRow(row)));
    }

    /// The `table` block with its rows (`None` for a table without cells), the first row
    /// being the column header.
    pub(crate) fn finish(self) -> Option<NewBlock> {
        let Self {
            mut rows, width, ..
        } = self;
        if width == 0 {
            return None;
        }
        for row in &mut rows {
            if let BlockContent::TableRow(TableRowBlock {
                cells: Some(cells), ..
            }) = &mut row.content
                && cells.len() < width
            {
                cells.resize_with(width, Vec::new);
            }
        }
        let mut table = TableBlock::default();
        table.table_width = u32::try_from(width).ok();
        table.has_column_header = Some(true);
        table.has_row_header = Some(false);
        table.children = Some(rows);
        Some(NewBlock::new(BlockContent::Table(table)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> Vec<RichText> {
        vec![RichText::text(text)]
    }

    fn widths(table: &NewBlock) -> Vec<usize> {
        let BlockContent::Table(table) = &table.content else {
            panic!("not a table: {table:?}");
        };
        table
            .children
            .iter()
            .flatten()
            .map(|row| match &row.content {
                BlockContent::TableRow(row) => row.cells.as_ref().map_or(0, Vec::len),
                other => panic!("not a row: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn short_rows_are_padded_to_the_widest() {
        let mut state = TableState::new(2, 2);
        state.push_cell(cell("a"));
        state.push_cell(cell("b"));
        state.end_row();
        state.push_cell(cell("c"));
        state.end_row();
        let table = state.finish().expect("a table");
        assert_eq!(widths(&table), vec![2, 2]);
        let BlockContent::Table(payload) = &table.content else {
            unreachable!()
        };
        assert_eq!(payload.table_width, Some(2));
        assert_eq!(payload.has_column_header, Some(true));
    }

    #[test]
    fn a_table_without_cells_is_dropped() {
        let mut state = TableState::new(0, 1);
        state.end_row();
        assert!(state.finish().is_none());
    }
}

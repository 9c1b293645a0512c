//! Database properties: schema entries (data sources), values (pages) and property items.

mod item;
mod options;
mod schema;
mod value;

pub use item::{
    PropertyItem, PropertyItemContent, PropertyItemList, PropertyItemListInfo, PropertyItemResponse,
};
pub use options::{NumberFormat, RollupFunction, SelectOption, StatusGroup};
pub use schema::{
    DualPropertyConfig, FormulaConfig, NumberConfig, PropertyConfig, PropertySchema,
    RelationConfig, RelationKind, RollupConfig, SelectConfig, StatusConfig, UniqueIdConfig,
};
pub use value::{
    FormulaContent, FormulaValue, PlaceValue, PropertyValue, PropertyValueContent, RollupContent,
    RollupValue, UniqueIdValue, VerificationValue,
};

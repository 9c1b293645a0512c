//! notion-api

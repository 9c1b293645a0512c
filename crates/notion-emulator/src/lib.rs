//! notion-emulator

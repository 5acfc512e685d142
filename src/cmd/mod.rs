//! One thin function per subcommand. These are the only places that print.

pub mod tag;

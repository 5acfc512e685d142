//! The default theme, embedded in the binary so a site without templates/ or
//! static/ still builds, and so `dateline init` can copy it out for editing.
//! build.rs lists every file of the repository's templates/ and static/
//! here, so a new template or asset needs no line of code.

include!(concat!(env!("OUT_DIR"), "/theme.rs"));

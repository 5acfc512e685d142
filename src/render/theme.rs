//! The default theme, embedded in the binary so a site without templates/ or
//! static/ still builds, and so `dateline init` can copy it out for editing.

pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("event.html", include_str!("../../templates/event.html")),
    ("group.html", include_str!("../../templates/group.html")),
    ("groups.html", include_str!("../../templates/groups.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("key.html", include_str!("../../templates/key.html")),
];

pub const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("timeline.js", include_bytes!("../../static/timeline.js")),
];

//! Scale work: the output does not depend on the thread count, and the build
//! cache gives the same site as a fresh build, ignores corrupt or foreign
//! cache files, and notices changed articles.

use crate::common::*;
use dateline::{LoadHooks, Site, SiteOptions};
use dateline::{cache, hash};
use std::path::Path;
use std::process::Command;

/// A site of `n` articles with curated events, shared actors and tags, links
/// between articles, quotes, lists and a caption now and then.
fn generated_site(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let actors = ["Jane Doe", "John Roe", "The Council", "Ana Lima", "Li Wei"];
    let tags = ["courts", "transport", "health", "schools"];
    for i in 0..n {
        let day = 1 + i % 28;
        let month = 1 + i % 12;
        let mut text = format!(
            "---\ntitle: \"Report {i}: the council's \\\"plan\\\"\"\ndate: 2024-{month:02}-{day:02}\nauthor: {}\ntags: [{}, {}]\n",
            actors[i % actors.len()],
            tags[i % tags.len()],
            tags[(i / 3) % tags.len()],
        );
        if i % 4 == 0 {
            text.push_str("caption: A photo taken on Jan. 5.\n");
        }
        text.push_str("events:\n");
        for k in 0..(1 + i % 3) {
            text.push_str(&format!(
                "  - date: 2024-{:02}-{:02}\n    title: Event {k} of report {i}\n    actors: [{}, {}]\n    place: Dunmore\n",
                1 + (i + k) % 12,
                1 + (i * 7 + k) % 28,
                actors[(i + k) % actors.len()],
                actors[(i + 2 * k + 1) % actors.len()],
            ));
        }
        if i % 5 == 0 {
            text.push_str(
                "  - date: 2024-W10\n    mod: START\n    title: The week the talks began\n",
            );
        }
        text.push_str(&format!(
            "---\n\nDUNMORE — The council said on Friday it would \"review\" the plan, {i} days after the vote.\n\n> We will not wait until next month, said {}.\n\n- first point\n- second point\n\nSee [the previous report](r{:04}.md) & <b>more</b>.\n",
            actors[(i + 1) % actors.len()],
            if i == 0 { n - 1 } else { i - 1 },
        ));
        write(dir.path(), &format!("content/r{i:04}.md"), text.as_bytes());
    }
    dir
}

fn build_with_threads(root: &Path, out: &Path, threads: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(root)
        .args(["build", "--no-cache", "-o"])
        .arg(out)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_output_is_the_same_with_one_thread_or_two() {
    let generated = generated_site(60);
    let outs = tempfile::tempdir().unwrap();
    for (name, root) in [
        ("generated", generated.path().to_path_buf()),
        ("example", repo_root()),
    ] {
        let one = outs.path().join(format!("{name}-1"));
        let two = outs.path().join(format!("{name}-2"));
        build_with_threads(&root, &one, "1");
        build_with_threads(&root, &two, "2");
        let (a, b) = (tree(&one), tree(&two));
        assert!(a.len() > 5, "{name}: only {} files", a.len());
        let differing: Vec<_> = a
            .iter()
            .zip(&b)
            .filter(|(x, y)| x != y)
            .map(|(x, _)| x.0.display().to_string())
            .take(5)
            .collect();
        assert!(
            a == b,
            "{name}: the output differs between 1 and 2 threads ({} vs {} files; first differing: {differing:?})",
            a.len(),
            b.len()
        );
    }
}

#[test]
fn a_second_build_comes_from_the_cache_and_writes_the_same_site() {
    let s = generated_site(12);
    let first = dateline(s.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        !stdout(&first).contains("from the cache"),
        "{}",
        stdout(&first)
    );
    assert!(cache::cache_file(s.path()).is_file());
    let fresh = tree(&s.path().join("public"));

    let second = dateline(s.path(), &["build"]);
    assert!(
        stdout(&second).starts_with("Built 12 articles (12 from the cache),"),
        "{}",
        stdout(&second)
    );
    assert!(tree(&s.path().join("public")) == fresh);

    // One changed article is parsed again; the others still come from the
    // cache; the site is what a build without the cache makes.
    let changed = std::fs::read_to_string(s.path().join("content/r0003.md"))
        .unwrap()
        .replace("first point", "first point, amended");
    write(s.path(), "content/r0003.md", changed.as_bytes());
    let third = dateline(s.path(), &["build"]);
    assert!(
        stdout(&third).starts_with("Built 12 articles (11 from the cache),"),
        "{}",
        stdout(&third)
    );
    let cached = tree(&s.path().join("public"));
    let out = s.path().join("nocache");
    let o = dateline(
        s.path(),
        &["build", "--no-cache", "-o", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(cached == tree(&out));
    assert!(read(s.path(), "public/articles/r0003/index.html").contains("amended"));
}

#[test]
fn a_build_with_nothing_changed_keeps_the_output_and_any_change_rebuilds_it() {
    let s = generated_site(6);
    let public = s.path().join("public");
    assert!(dateline(s.path(), &["build"]).status.success());
    let fresh = tree(&public);

    let kept = dateline(s.path(), &["build"]);
    assert!(
        stdout(&kept).contains("(nothing changed: the output was kept)"),
        "{}",
        stdout(&kept)
    );
    assert!(tree(&public) == fresh);

    // A page edited by hand, a removed page, a changed template, a changed
    // static file and a changed config each make a full build again.
    let rebuilds = |what: &str, expect_same: bool| {
        let o = dateline(s.path(), &["build"]);
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        assert!(
            !stdout(&o).contains("nothing changed"),
            "{what}: {}",
            stdout(&o)
        );
        if expect_same {
            assert!(
                tree(&public) == fresh,
                "{what}: the output was not restored"
            );
        }
    };
    write(s.path(), "public/index.html", b"edited by hand");
    rebuilds("an edited page", true);
    std::fs::remove_file(public.join("feed.xml")).unwrap();
    rebuilds("a removed page", true);
    write(s.path(), "static/extra.css", b"body { color: red }");
    rebuilds("a new static file", false);
    assert!(public.join("extra.css").is_file());
    write(
        s.path(),
        "templates/404.html",
        b"{% extends \"base.html\" %}{% block content %}Gone.{% endblock content %}",
    );
    rebuilds("a changed template", false);
    assert!(read(s.path(), "public/404.html").contains("Gone."));
    write(s.path(), "dateline.yaml", b"description: Now described.\n");
    rebuilds("a changed config", false);
    assert!(read(s.path(), "public/index.html").contains("Now described."));
    let again = dateline(s.path(), &["build"]);
    assert!(
        stdout(&again).contains("nothing changed"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn a_corrupt_or_foreign_cache_file_is_ignored() {
    let s = generated_site(5);
    assert!(dateline(s.path(), &["build"]).status.success());
    let fresh = tree(&s.path().join("public"));
    let file = cache::cache_file(s.path());
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0xff;
    let damaged: [(&str, Vec<u8>); 5] = [
        ("flipped byte", flipped),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("empty", Vec::new()),
        ("foreign", b"{\"not\": \"a dateline cache\"}".to_vec()),
        ("header only", good[..40].to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).unwrap();
        let o = dateline(s.path(), &["build"]);
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        assert!(
            !stdout(&o).contains("from the cache"),
            "{what}: {}",
            stdout(&o)
        );
        assert!(tree(&s.path().join("public")) == fresh, "{what}");
        // The build replaced the bad file with a good one.
        let again = dateline(s.path(), &["build"]);
        assert!(
            stdout(&again).contains("(5 from the cache)"),
            "{what}: {}",
            stdout(&again)
        );
    }
}

fn load(root: &Path) -> Site {
    Site::load_with(
        root,
        &SiteOptions::default(),
        LoadHooks {
            cache: true,
            progress: None,
            ..Default::default()
        },
    )
    .unwrap()
}

fn site_context(root: &Path) -> hash::Hash {
    load(root).cache_context()
}

/// Rewrites the cache with every article's title changed, under `context`.
fn poison(root: &Path, context: hash::Hash) {
    poison_with(root, context, |a| a.title = "STALE".into());
}

/// Rewrites the cache, checksum and all, with `change` made to every
/// article, under `context`.
fn poison_with(root: &Path, context: hash::Hash, change: impl Fn(&mut dateline::content::Article)) {
    let site = Site::load(root, &SiteOptions::default()).unwrap();
    let mut articles = site.articles().to_vec();
    for a in &mut articles {
        change(a);
    }
    let bytes: Vec<Vec<u8>> = articles
        .iter()
        .map(|a| std::fs::read(root.join(&a.path)).unwrap())
        .collect();
    let entries: Vec<cache::Entry> = articles
        .iter()
        .zip(&bytes)
        .zip(site.article_times())
        .zip(site.article_events())
        .map(|(((a, b), times), ev)| cache::Entry {
            hash: hash::content_hash(b),
            article: a,
            times,
            events: ev,
        })
        .collect();
    cache::write(root, context, &entries).unwrap();
}

#[test]
fn a_cache_written_under_another_version_or_options_is_not_used() {
    let s = generated_site(4);
    let context = site_context(s.path());

    // Under the right context the (poisoned) entries are used: the cache
    // is really consulted...
    poison(s.path(), context);
    let site = load(s.path());
    assert_eq!(site.cache_stats().hits, 4);
    assert!(site.articles().iter().all(|a| a.title == "STALE"));

    // ...and under any other (another dateline, tagger version or option)
    // they are not.
    poison(s.path(), context ^ 1);
    let site = load(s.path());
    assert_eq!(site.cache_stats().hits, 0);
    assert!(site.articles().iter().all(|a| a.title != "STALE"));

    // Changing a tagger option changes the context.
    write(
        s.path(),
        "dateline.yaml",
        b"tagger:\n  date_order: day_month\n",
    );
    assert_ne!(site_context(s.path()), context);
}

#[test]
fn an_article_page_gets_only_its_own_reports_of_a_widely_reported_event() {
    // The same wire story in 40 outlets: one event with 40 sources, and each
    // article page sees its own report of it plus the total, not 40
    // citations on each of 40 pages.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            dir.path(),
            &format!("content/copy{i:02}.md"),
            b"---\ntitle: Council votes\ndate: 2025-02-09\n---\nThe council voted on Friday to close the bridge, Mayor Ana Lima said.\n",
        );
    }
    write(
        dir.path(),
        "templates/article.html",
        b"{% for e in events %}{{ e.sources | length }} of {{ e.source_count }}: {% for s in e.sources %}[{{ s.number }}] {% endfor %}{% endfor %}",
    );
    let o = dateline(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(dir.path(), "public/articles/copy07/index.html");
    assert!(page.starts_with("1 of 40: [8] "), "{page}");
}

#[test]
fn html_planted_in_a_rewritten_cache_never_reaches_a_page() {
    let s = generated_site(3);
    let clean = Site::load(s.path(), &SiteOptions::default())
        .unwrap()
        .render()
        .unwrap();
    let context = site_context(s.path());
    poison_with(s.path(), context, |a| {
        a.html = "<script>alert('cache')</script>".into();
    });
    let cached = load(s.path());
    // The entries were used (the articles were not parsed or extracted
    // again) ...
    assert_eq!(cached.cache_stats().hits, 3);
    // ... but every page is as the files make it.
    let pages = cached.render().unwrap();
    assert!(
        pages
            .iter()
            .all(|f| !String::from_utf8_lossy(&f.bytes).contains("alert('cache')"))
    );
    assert!(pages == clean);
}

//! Template layers (site › theme › built-in) and template errors naming file:line:col.

use std::path::PathBuf;

use super::*;
use crate::ingest::SourceFile;

fn files(list: &[(&str, &str)]) -> Vec<SourceFile> {
    list.iter()
        .map(|(p, t)| SourceFile {
            path: PathBuf::from(p),
            text: t.to_string(),
        })
        .collect()
}

fn theme(site: &[(&str, &str)], theme: &[(&str, &str)]) -> ThemeFiles {
    ThemeFiles {
        site_templates: files(site),
        theme_templates: files(theme),
        site_templates_dir: PathBuf::from("templates"),
        theme_templates_dir: PathBuf::from("themes/plain/templates"),
        theme_on_disk: true,
        ..ThemeFiles::default()
    }
}

fn render_theme(files: &ThemeFiles) -> Result<Site, SiteError> {
    let config = fixtures::config("https://example.org/", 10);
    render_with(&config, files, &fixtures::site(), &fixtures::options()).map(|(site, _)| site)
}

#[test]
fn the_nearest_layer_wins() {
    let files = theme(
        &[("tag.html", "SITE TAG {{ tag.name }}")],
        &[
            ("tag.html", "THEME TAG"),
            ("404.html", "THEME 404 {{ page.title }}"),
        ],
    );
    let site = render_theme(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        site["tags/labour/index.html"], "SITE TAG Labour",
        "site over theme"
    );
    assert_eq!(
        site["404.html"], "THEME 404 Page not found",
        "theme over built-in"
    );
    assert!(
        site["tags/index.html"].contains("<h1>Tags</h1>"),
        "built-in where nothing overrides"
    );
}

#[test]
fn a_theme_template_extends_a_built_in_one_and_overrides_a_block() {
    let briefing = "{% extends \"@builtin/briefing.html\" %}{% block summary %}<div class=\"theme-summary\">{{ super() }}</div>{% endblock summary %}";
    let site =
        render_theme(&theme(&[], &[("briefing.html", briefing)])).unwrap_or_else(|e| panic!("{e}"));
    let page = &site["briefings/harbour-talks-stall/index.html"];
    let wrapped = page
        .find("<div class=\"theme-summary\">")
        .expect("theme block");
    let summary = page
        .find("<section class=\"summary-box\"")
        .expect("built-in block kept by super()");
    assert!(wrapped < summary, "{page}");
    assert!(page.contains("<h1 id=\"briefing-title\">Harbour talks stall over pilotage fees</h1>"));
}

#[test]
fn a_site_base_template_restyles_every_page() {
    let base = "{% extends \"@builtin/base.html\" %}{% block footer %}<footer>SITE FOOTER</footer>{% endblock footer %}";
    let site = render_theme(&theme(&[("base.html", base)], &[])).unwrap_or_else(|e| panic!("{e}"));
    for (path, html) in html_pages(&site) {
        assert!(html.contains("<footer>SITE FOOTER</footer>"), "{path}");
    }
}

#[test]
fn the_embedded_default_theme_is_used_when_not_on_disk() {
    let site = render_theme(&ThemeFiles::default()).unwrap();
    assert!(site["style.css"].contains("prefers-color-scheme: dark"));
    let mut files = theme(&[], &[]);
    files.static_files = vec![crate::ingest::StaticFile {
        output_path: "style.css".into(),
        bytes: b"body{}".to_vec(),
    }];
    let site = render_theme(&files).unwrap();
    assert_eq!(
        site["style.css"], "body{}",
        "a theme or site file replaces the default one"
    );
    assert!(site.contains_key("search.js"), "other default files stay");
}

#[test]
fn template_errors_name_the_file_line_and_column() {
    let cases: Vec<(ThemeFiles, &str, &str)> = vec![
        (
            theme(
                &[(
                    "briefing.html",
                    "{% extends \"@builtin/base.html\" %}\n{% block content %}\n{{ briefing.title \n{% endblock content %}",
                )],
                &[],
            ),
            "templates/briefing.html:4:1",
            "syntax",
        ),
        (
            theme(&[("index.html", "line one\n  {{ nope.field }}")], &[]),
            "templates/index.html:2:6",
            "is not defined",
        ),
        (
            theme(&[], &[("tags.html", "{{ page.title | shout }}")]),
            "themes/plain/templates/tags.html:1:17",
            "Unknown filter",
        ),
        (
            theme(&[("tags.html", "{{ asset(path=\"missing.css\") }}")], &[]),
            "templates/tags.html:1:4",
            "missing.css",
        ),
        (
            theme(&[("tag.html", "{{ tag.name | date }}")], &[]),
            "templates/tag.html:1:15",
            "as a date",
        ),
    ];
    for (files, location, message) in cases {
        let err = render_theme(&files).expect_err(location);
        let text = err.to_string();
        assert!(err.location().is_some(), "{text}");
        assert!(text.contains(location), "want {location} in:\n{text}");
        assert!(text.contains(message), "want {message:?} in:\n{text}");
        assert!(text.contains("help: "), "{text}");
    }
}

#[test]
fn a_render_error_names_the_page_being_rendered() {
    let err = render_theme(&theme(&[("actor.html", "{{ actor.nope }}")], &[]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("templates/actor.html:1:") && err.contains("(while rendering actors/"),
        "{err}"
    );
}

#[test]
fn circular_includes_are_errors_not_crashes() {
    let cases = [
        theme(
            &[
                ("a.html", "{% include \"b.html\" %}"),
                ("b.html", "{% include \"a.html\" %}"),
            ],
            &[],
        ),
        theme(&[("briefing.html", "{% extends \"briefing.html\" %}")], &[]),
        theme(
            &[],
            &[(
                "briefing.html",
                "{% extends \"briefing.html\" %}{% block content %}{% endblock content %}",
            )],
        ),
    ];
    for files in cases {
        let text = render_theme(&files).unwrap_err().to_string();
        assert!(text.contains("Circular"), "{text}");
        assert!(text.contains("templates/"), "{text}");
        assert!(
            text.contains("@builtin/"),
            "the hint says how to extend the built-in template: {text}"
        );
    }
}

#[test]
fn the_compact_example_theme_renders_from_disk() {
    let mut config = fixtures::config("https://example.org/", 10);
    config.root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    config.theme = "compact".into();
    let files = crate::ingest::load_theme(&config).unwrap_or_else(|e| panic!("{e}"));
    let (site, _) = render_with(&config, &files, &fixtures::site(), &fixtures::options())
        .unwrap_or_else(|e| panic!("{e}"));
    let page = &site["briefings/harbour-talks-stall/index.html"];
    assert!(
        page.contains("href=\"/compact.css?v="),
        "theme stylesheet added in the head block: {}",
        &page[..1200]
    );
    assert!(
        page.contains("href=\"/style.css?v="),
        "default theme stylesheet kept"
    );
    assert!(
        page.contains("<dl class=\"glance\"") && page.contains("summary-box"),
        "block extended with super()"
    );
    assert!(page.contains("related-compact"), "block replaced");
    assert!(site.contains_key("compact.css") && site.contains_key("search.js"));
}

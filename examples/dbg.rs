use broadsheet::analyze::names;
use broadsheet::article::{Article, Encoding};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let a = Article::new("x".into(), text, Encoding::Utf8);
    for m in names::find(&a) {
        println!(
            "{:?} {:?} {:?} {:?}",
            m.span.slice(&a.text),
            m.kind,
            m.canonical,
            m.gender
        );
    }
}

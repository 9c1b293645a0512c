//! Code-fence info strings <-> Notion's code language list.

/// Every language Notion's API accepts for `code.language` (SDK enum, 2025-09-03).
pub const NOTION_LANGUAGES: &[&str] = &[
    "abap",
    "abc",
    "agda",
    "arduino",
    "ascii art",
    "assembly",
    "bash",
    "basic",
    "bnf",
    "c",
    "c#",
    "c++",
    "clojure",
    "coffeescript",
    "coq",
    "css",
    "dart",
    "dhall",
    "diff",
    "docker",
    "ebnf",
    "elixir",
    "elm",
    "erlang",
    "f#",
    "flow",
    "fortran",
    "gherkin",
    "glsl",
    "go",
    "graphql",
    "groovy",
    "haskell",
    "hcl",
    "html",
    "idris",
    "java",
    "javascript",
    "json",
    "julia",
    "kotlin",
    "latex",
    "less",
    "lisp",
    "livescript",
    "llvm ir",
    "lua",
    "makefile",
    "markdown",
    "markup",
    "matlab",
    "mathematica",
    "mermaid",
    "nix",
    "notion formula",
    "objective-c",
    "ocaml",
    "pascal",
    "perl",
    "php",
    "plain text",
    "powershell",
    "prolog",
    "protobuf",
    "purescript",
    "python",
    "r",
    "racket",
    "reason",
    "ruby",
    "rust",
    "sass",
    "scala",
    "scheme",
    "scss",
    "shell",
    "smalltalk",
    "solidity",
    "sql",
    "swift",
    "toml",
    "typescript",
    "vb.net",
    "verilog",
    "vhdl",
    "visual basic",
    "webassembly",
    "xml",
    "yaml",
    "java/c/c++/c#",
];

/// Notion's name for "no language".
pub const PLAIN_TEXT: &str = "plain text";

/// Common info-string aliases and the Notion language they mean.
const ALIASES: &[(&str, &str)] = &[
    ("rs", "rust"),
    ("js", "javascript"),
    ("jsx", "javascript"),
    ("mjs", "javascript"),
    ("cjs", "javascript"),
    ("node", "javascript"),
    ("ts", "typescript"),
    ("tsx", "typescript"),
    ("sh", "shell"),
    ("zsh", "shell"),
    ("fish", "shell"),
    ("console", "shell"),
    ("shell-session", "shell"),
    ("py", "python"),
    ("python3", "python"),
    ("rb", "ruby"),
    ("yml", "yaml"),
    ("md", "markdown"),
    ("kt", "kotlin"),
    ("kts", "kotlin"),
    ("cs", "c#"),
    ("csharp", "c#"),
    ("cpp", "c++"),
    ("cxx", "c++"),
    ("cc", "c++"),
    ("hpp", "c++"),
    ("h", "c"),
    ("objc", "objective-c"),
    ("objectivec", "objective-c"),
    ("dockerfile", "docker"),
    ("golang", "go"),
    ("tex", "latex"),
    ("text", PLAIN_TEXT),
    ("txt", PLAIN_TEXT),
    ("plain", PLAIN_TEXT),
    ("plaintext", PLAIN_TEXT),
    ("ps1", "powershell"),
    ("pwsh", "powershell"),
    ("hs", "haskell"),
    ("ex", "elixir"),
    ("exs", "elixir"),
    ("erl", "erlang"),
    ("ml", "ocaml"),
    ("clj", "clojure"),
    ("make", "makefile"),
    ("mk", "makefile"),
    ("gql", "graphql"),
    ("jsonc", "json"),
    ("json5", "json"),
    ("patch", "diff"),
    ("pl", "perl"),
    ("proto", "protobuf"),
    ("tf", "hcl"),
    ("terraform", "hcl"),
    ("wasm", "webassembly"),
    ("asm", "assembly"),
    ("fs", "f#"),
    ("fsharp", "f#"),
    ("vb", "visual basic"),
    ("jl", "julia"),
    ("coffee", "coffeescript"),
    ("htm", "html"),
    ("svg", "xml"),
    ("sol", "solidity"),
    ("scm", "scheme"),
    ("rkt", "racket"),
    ("re", "reason"),
    ("purs", "purescript"),
    ("v", "verilog"),
    ("vhd", "vhdl"),
    ("ll", "llvm ir"),
    ("m", "objective-c"),
];

/// Maps a fence info string (`rs`, `rust ignore`, `Visual Basic`) to a Notion language name.
/// Returns `None` for unknown languages (callers use [`PLAIN_TEXT`] and warn).
pub fn notion_language(info: &str) -> Option<&'static str> {
    let info = info.trim();
    if info.is_empty() {
        return Some(PLAIN_TEXT);
    }
    let lower = info.to_ascii_lowercase();
    lookup(&lower).or_else(|| {
        let first = lower.split([' ', ',', '{']).next().unwrap_or_default();
        lookup(first)
    })
}

fn lookup(name: &str) -> Option<&'static str> {
    if let Some(known) = NOTION_LANGUAGES.iter().find(|l| **l == name) {
        return Some(known);
    }
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map(|(_, lang)| *lang)
}

/// The fence info string written for a Notion language (empty for plain text).
pub fn fence_info(language: &str) -> &str {
    if language == PLAIN_TEXT { "" } else { language }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_names_map() {
        assert_eq!(notion_language("rs"), Some("rust"));
        assert_eq!(notion_language("js"), Some("javascript"));
        assert_eq!(notion_language("sh"), Some("shell"));
        assert_eq!(notion_language("py"), Some("python"));
        assert_eq!(notion_language("Rust ignore"), Some("rust"));
        assert_eq!(notion_language("visual basic"), Some("visual basic"));
        assert_eq!(notion_language(""), Some(PLAIN_TEXT));
        assert_eq!(notion_language("brainfuck"), None);
    }

    #[test]
    fn every_language_renders_to_an_info_string_that_maps_back() {
        for lang in NOTION_LANGUAGES {
            assert_eq!(notion_language(fence_info(lang)), Some(*lang), "{lang}");
        }
    }
}

//! README's CLI reference is the `--help` of each command, word for word.

use crate::common::{emend, root};

#[test]
fn readme_cli_reference_matches_help() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for command in [
        "convert",
        "diff",
        "review",
        "report",
        "names discover",
        "names merge",
        "names learn",
        "packs learn",
        "furniture count",
        "furniture merge",
        "restore",
    ] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.push("--help");
        let help = emend(&args, b"");
        let help = String::from_utf8_lossy(&help.stdout);
        let block = format!("### `emend {command}`\n\n```text\n{}\n```", help.trim_end());
        assert!(
            readme.contains(&block),
            "README's reference for `emend {command}` differs from --help; paste:\n{block}"
        );
    }
}

#!/usr/bin/env bash
# Runs exactly what CI runs: formatting, lints, the whole test suite, and the domain's tests
# without the window (`--no-default-features`). This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo clippy --no-default-features --all-targets -- -D warnings"
cargo clippy --no-default-features --all-targets --locked -- -D warnings
echo "== cargo doc: every link in the code's comments resolves (private items too, both ways)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --locked
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --no-default-features --locked
echo "== cargo test (window and domain)"
cargo test --locked
echo "== cargo test --no-default-features (the domain alone)"
cargo test --no-default-features --locked
echo "== benchmarks: build and run each once (criterion's test mode)"
cargo test --benches --locked
echo "== fuzz target: builds (running it is in fuzz/README.md)"
cargo check --manifest-path fuzz/Cargo.toml --locked
echo "== scenarios"
cargo run --quiet --locked -- check scenarios/*.ron > /dev/null
echo "check: all passed"

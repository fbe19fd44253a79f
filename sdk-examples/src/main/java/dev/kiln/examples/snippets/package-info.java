/**
 * Every Java snippet of the README, compiled by the build so the README cannot drift from the API. One snippet per
 * file: README.md shows the file's imports, a blank line, then the text between {@code // snippet:NAME} and
 * {@code // end-snippet} (dedented), verbatim; so what a reader pastes compiles once the variables the snippet
 * takes ({@code db}, {@code warehouseId}, ...) exist. Types used only around the snippet are written in full, so
 * each file imports exactly what its snippet needs. {@code ReadmeSnippetsTest} checks all this and runs each snippet
 * against a local workspace, except {@link dev.kiln.examples.snippets.CoreSnippet}, which needs a real one. The
 * JUnit snippet {@code emulator-junit} is the test class {@code WithholdingReportTest}.
 */
package dev.kiln.examples.snippets;

package io.twilioprovisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository stands on its own: every file its documentation and code comments point
 * a reader to is in the repository. Markdown links are resolved from the file that holds
 * them; a file name ending in {@code .md} in prose, code spans or comments must name a
 * file of the repository (from that file's folder, the root or {@code docs/}). Flyway
 * migrations are left out: they never change once applied (their comments' "DESIGN.md" is
 * docs/design.md).
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern MARKDOWN_NAME = Pattern.compile("[A-Za-z0-9_./-]*[A-Za-z0-9_-]\\.md\\b");

	@Test
	void linksOfTheDocumentationStayInTheRepositoryAndResolve() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path file : markdownFiles()) {
			Matcher link = LINK.matcher(Files.readString(file));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
					continue;
				}
				Path resolved = file.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
				if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
					broken.add(ROOT.relativize(file) + " → " + target);
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void everyMarkdownFileNamedInDocsOrCodeIsInTheRepository() throws IOException {
		List<Path> files = new ArrayList<>(markdownFiles());
		files.addAll(sources());
		List<String> missing = new ArrayList<>();
		for (Path file : files) {
			String text = Files.readString(file);
			assertThat(text).as(ROOT.relativize(file).toString()).doesNotContain("shared/").doesNotContain("../shared");
			Matcher name = MARKDOWN_NAME.matcher(text);
			while (name.find()) {
				String named = name.group();
				if (Stream.of(file.getParent(), ROOT, ROOT.resolve("docs"))
					.map((base) -> base.resolve(named).normalize())
					.noneMatch((candidate) -> candidate.startsWith(ROOT) && Files.exists(candidate))) {
					missing.add(ROOT.relativize(file) + " names " + named);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static List<Path> markdownFiles() throws IOException {
		List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		return files;
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> src = Files.walk(ROOT.resolve("src"))) {
			return src.filter(Files::isRegularFile)
				.filter((path) -> path.toString().matches(".*\\.(java|properties|html)$"))
				.filter((path) -> !path.endsWith("DocumentationTests.java"))
				.sorted()
				.toList();
		}
	}

}

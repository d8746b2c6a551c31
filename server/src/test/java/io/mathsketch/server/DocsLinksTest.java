package io.mathsketch.server;

import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link in the checkout's Markdown (the README, docs/, the modules' READMEs and the model cards) names a
 * file that exists and, with a {@code #fragment} into Markdown, a heading of that file, as GitHub renders anchors: a
 * section moved from one page to another without its links fails here.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkNamesAnExistingFileAndHeading() throws IOException {
        Path root = Checkout.root();
        List<Path> pages = Checkout.markdown();
        assertTrue(pages.size() > 5, "found the checkout's Markdown: " + pages);
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages) {
            for (String target : links(page)) {
                String problem = check(page, target, anchors);
                if (problem != null) {
                    broken.add(root.relativize(page) + ": (" + target + ") " + problem);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertEquals("arithmetic-modeexpression", anchor("Arithmetic: `mode=expression`"));
        assertEquals("digital-ink-issue-13", anchor("Digital ink (issue 13)"));
        assertEquals("run-command-aot-cache-and-cold-start", anchor("Run command, AOT cache and cold start"));
    }

    private static String check(Path page, String target, Map<Path, Set<String>> anchors) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
            return "no such file";
        }
        if (fragment == null || !linked.toString().endsWith(".md")) {
            return null;
        }
        Set<String> known = anchors.get(linked);
        if (known == null) {
            known = headings(linked);
            anchors.put(linked, known);
        }
        return known.contains(fragment) ? null : "no heading #" + fragment;
    }

    /** The link targets outside fenced code, neither absolute URLs nor mail addresses. */
    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    /** The anchors of a page's headings, numbered from the second of a kind as GitHub numbers them. */
    private static Set<String> headings(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String base = anchor(m.group(1));
            int n = seen.merge(base, 1, Integer::sum);
            anchors.add(n == 1 ? base : base + "-" + (n - 1));
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }
}

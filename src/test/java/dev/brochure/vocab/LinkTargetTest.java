package dev.brochure.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which link targets a brochure may carry: web, e-mail and telephone addresses and its own sections. */
class LinkTargetTest {

    @Test
    void webMailTelephoneAndSectionTargetsPass() {
        for (String ok : List.of("https://example.org", "http://example.org/a?b=c#d",
                "https://en.wikipedia.org/wiki/Mercury_(planet)", "HTTPS://EXAMPLE.ORG", "mailto:someone@example.org",
                "mailto:a@example.org,b@example.org?subject=Hi", "tel:+1-517-555-0100", "tel:+44-20-7946-0958",
                "#09-join")) {
            assertEquals(Optional.empty(), LinkTarget.problem(ok), ok);
        }
    }

    @Test
    void everyOtherSchemeIsRefusedByName() {
        for (String scheme : List.of("javascript", "file", "launch", "data", "ftp", "vbscript", "JavaScript")) {
            String target = scheme + ":whatever(1)";
            String problem = LinkTarget.problem(target).orElseThrow();
            assertTrue(problem.startsWith("links to '" + scheme.toLowerCase(java.util.Locale.ROOT) + ":' are not allowed"),
                    problem);
        }
    }

    @Test
    void targetsThatGoNowhereAreRefused() {
        assertTrue(LinkTarget.problem("").orElseThrow().contains("empty"));
        assertTrue(LinkTarget.problem("page.html").orElseThrow().contains("no scheme"));
        assertTrue(LinkTarget.problem("www.example.org").orElseThrow().contains("no scheme"));
        assertTrue(LinkTarget.problem("https:///path").orElseThrow().contains("without a host"));
        assertTrue(LinkTarget.problem("mailto:nobody").orElseThrow().contains("no valid e-mail address"));
        assertTrue(LinkTarget.problem("tel:call-me").orElseThrow().contains("not a telephone number"));
        assertTrue(LinkTarget.problem("#two words").orElseThrow().contains("not a section id"));
        assertTrue(LinkTarget.problem("https://exa mple.org").orElseThrow().contains("not a well-formed address"));
    }
}

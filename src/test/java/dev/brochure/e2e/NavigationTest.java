package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookmarks, internal links, the running footer and the document language of the built PDF. */
class NavigationTest {

    private static final List<String> SECTIONS = List.of("Welcome to OPTML Group!", "Dr. Sijia Liu", "Our Vision",
            "Mentorship", "Computing Resources", "Voices from Our Alumni", "The Journey Begins",
            "From Summer Interns to PhD Candidates", "Shape the Future of AI at OPTML");

    @TempDir
    static Path temp;

    static Path pdf;

    @BeforeAll
    static void build() {
        TestProject project = TestProject.copy("typography", temp);
        pdf = temp.resolve("out.pdf");
        new Pipeline(Map.of()).build(project.request(pdf));
    }

    private static List<PDOutlineItem> children(Iterable<PDOutlineItem> items) {
        List<PDOutlineItem> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    private static String title(PDOutlineItem item) {
        return PdfFiles.spaces(item.getTitle());
    }

    @Test
    void theOutlineListsEverySectionInOrderWithItsMarkedHeadings() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<PDOutlineItem> top = children(doc.getDocumentCatalog().getDocumentOutline().children());
            assertEquals(SECTIONS, top.stream().map(NavigationTest::title).toList());
            PDOutlineItem vision = top.get(2);
            assertEquals(List.of("Pioneering Trustworthy AI", "Engineering Scalable AI"),
                    children(vision.children()).stream().map(NavigationTest::title).toList());
            int previous = -1;
            for (PDOutlineItem item : top) {
                PDPageDestination dest = (PDPageDestination) ((PDActionGoTo) item.getAction()).getDestination();
                int page = dest.retrievePageNumber();
                assertTrue(page >= previous, "bookmarks go forward through the pages");
                assertTrue(PdfFiles.pageText(doc, page + 1).contains(title(item)), title(item) + " on page " + (page + 1));
                previous = page;
            }
        }
    }

    @Test
    void internalLinksLeadToTheSectionTheyName() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<String> reached = new ArrayList<>();
            for (PDAnnotationLink link : PdfFiles.links(doc)) {
                if (link.getAction() instanceof PDActionGoTo go && go.getDestination() instanceof PDNamedDestination named) {
                    PDPageDestination dest = doc.getDocumentCatalog().findNamedDestinationPage(named);
                    PDPage page = dest.getPage() != null ? dest.getPage() : doc.getPage(dest.getPageNumber());
                    reached.add(named.getNamedDestination() + " -> "
                            + PdfFiles.pageText(doc, doc.getPages().indexOf(page) + 1).contains(
                                    named.getNamedDestination().equals("03-vision") ? "Our Vision" : "Shape the Future"));
                }
            }
            assertEquals(List.of("03-vision -> true", "09-join -> true"), reached);
        }
    }

    @Test
    void everyFlowPageHasItsSectionAndNumberInTheFooterAndTheLanguageIsSet() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            assertEquals("en-US", doc.getDocumentCatalog().getLanguage());
            List<PDOutlineItem> top = children(doc.getDocumentCatalog().getDocumentOutline().children());
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                String section = null;
                for (PDOutlineItem item : top) {
                    PDPageDestination dest = (PDPageDestination) ((PDActionGoTo) item.getAction()).getDestination();
                    if (dest.retrievePageNumber() + 1 <= p) {
                        section = title(item);
                    }
                }
                String text = PdfFiles.pageText(doc, p);
                assertTrue(text.contains("Typography Fixture"), "document title in the footer of page " + p);
                assertTrue(text.contains(section + " " + p), "'" + section + " " + p + "' in the footer of page " + p);
            }
        }
    }

    @Test
    void aLinkToASectionThatDoesNotExistIsAnErrorAtItsPlace() {
        TestProject project = TestProject.copy("typography", temp.resolve("bad"));
        project.replace("sections/01-welcome.yaml", "(#03-vision)", "(#03-visoin)");
        BrochureException e = assertThrows(BrochureException.class,
                () -> new Pipeline(Map.of()).typeset(project.request(temp.resolve("bad.pdf"))));
        Diagnostic d = e.diagnostics().getFirst();
        assertTrue(d.message().contains("#03-visoin") && d.hint().contains("03-vision"), d.format());
        assertTrue(d.where().file().endsWith("sections/01-welcome.yaml") && d.where().line() > 0, d.format());
    }
}

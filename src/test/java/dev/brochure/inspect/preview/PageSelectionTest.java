package dev.brochure.inspect.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageSelectionTest {

    @Test
    void readsNumbersRangesAndOpenRanges() {
        assertEquals(List.of(1, 2, 3, 7), PageSelection.parse("1-3,7").pages(10));
        assertEquals(List.of(2, 5, 6), PageSelection.parse(" 6, 5 ,2,5-6 ").pages(6));
        assertEquals(List.of(8, 9, 10), PageSelection.parse("8-").pages(10));
        assertEquals(List.of(1, 2, 3), PageSelection.parse("all").pages(3));
        assertEquals(List.of(1, 2), PageSelection.ALL.pages(2));
    }

    @Test
    void rejectsWhatIsNotASelection() {
        for (String bad : List.of("", "1-3,,7", "a", "3-1", "0", "1.5", "-2", "1-2-3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageSelection.parse(bad), bad);
            assertTrue(e.getMessage().contains("'"), e.getMessage());
        }
    }

    @Test
    void namesAPageTheDocumentDoesNotHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageSelection.parse("1-3,7").pages(4));
        assertEquals("page 7 does not exist: the PDF has 4 pages", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PageSelection.parse("2").pages(1));
    }
}

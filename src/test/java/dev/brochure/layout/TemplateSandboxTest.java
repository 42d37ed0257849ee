package dev.brochure.layout;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout templates are sandboxed and bounded: no Java beyond the content, no files beyond the
 * layouts, content never runs as template code, and a runaway template is stopped with a
 * message instead of hanging or exhausting memory.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TemplateSandboxTest {

    private static final String SCHEMA = "fields:\n  title: text\n  kicker: plain\n  intro: text\n"
            + "  highlights: {type: list, of: text}\n  photo: image\n  caption: text\n"
            + "  paragraphs: {type: list, of: text}\n";

    @TempDir
    Path temp;

    private TestProject project(String template) {
        return TestProject.copy("minimal", temp).write("layouts/article.schema.yaml", SCHEMA)
                .write("layouts/article.ftlx", template);
    }

    private static LayoutSection story(TestProject project) {
        Workspace files = project.workspace();
        return new LayoutEngine(files).layout(ContentLoader.load(files).orThrow()).orThrow().sections().get(1);
    }

    private static Diagnostic refused(TestProject project) {
        return refused(project, TemplateRunner.Limits.DEFAULT);
    }

    private static Diagnostic refused(TestProject project, TemplateRunner.Limits limits) {
        Workspace files = project.workspace();
        List<Diagnostic> all = assertThrows(BrochureException.class,
                () -> new LayoutEngine(files, limits).layout(ContentLoader.load(files).orThrow()).orThrow()).diagnostics();
        assertEquals(1, all.size(), all.toString());
        Diagnostic d = all.getFirst();
        assertTrue(d.where().file().endsWith("layouts/article.ftlx"), d.format());
        return d;
    }

    private static String text(Block block) {
        return assertInstanceOf(Block.Paragraph.class, block).text().stream().filter(Inline.Run.class::isInstance)
                .map(i -> ((Inline.Run) i).text()).collect(Collectors.joining());
    }

    @Test
    void newBuiltInResolvesNoClass() {
        Diagnostic d = refused(project("<section><p>${\"freemarker.template.utility.Execute\"?new()(\"id\")}</p></section>\n"));
        assertTrue(d.message().contains("not allowed") || d.message().contains("Instantiating"), d.message());
        assertEquals(1, d.where().line());
    }

    @Test
    void apiBuiltInIsOff() {
        Diagnostic d = refused(project("<section><p>${section.kicker?api.getClass().getName()}</p></section>\n"));
        assertTrue(d.message().contains("api_builtin_enabled"), d.message());
    }

    @Test
    void objectWrapperExposesNoJavaMethods() {
        Diagnostic d = refused(project("<section><p>${section.getClass()}</p></section>\n"));
        assertTrue(d.message().endsWith("The following has evaluated to null or missing: ==> section.getClass"
                + "  [in template \"article.ftlx\" at line 1, column 15]"), d.message());
    }

    // A plain field is set typographically; a backslash keeps its quotes straight, as an attacker
    // would write them.

    @Test
    void evalOfAContentValueCannotReachJava() {
        TestProject p = project("<section><p>${section.kicker?eval}</p></section>\n")
                .replace("sections/story.yaml", "kicker: Chapter one",
                        "kicker: '\\\"freemarker.template.utility.ObjectConstructor\\\"?new()(\\\"java.io.File\\\", \\\"/\\\")'");
        Diagnostic d = refused(p);
        assertTrue(d.message().contains("not allowed") || d.message().contains("Instantiating"), d.message());
    }

    @Test
    void interpretOfAContentValueCannotReachJava() {
        TestProject p = project("<section><#assign inner = section.kicker?interpret><p><@inner/></p></section>\n")
                .replace("sections/story.yaml", "kicker: Chapter one",
                        "kicker: '${\\\"freemarker.template.utility.Execute\\\"?new()(\\\"id\\\")}'");
        Diagnostic d = refused(p);
        assertTrue(d.message().contains("not allowed") || d.message().contains("Instantiating"), d.message());
    }

    @Test
    void evalAndInterpretAreRefusedWhenTheTemplateIsLoaded() {
        // Refused before anything runs, at the instruction that uses them: code made at run time
        // could read the clock (".n" + "ow") where no check before the run can see it.
        Diagnostic eval = refused(project("<section>\n<p>${(\".n\" + \"ow\")?eval}</p></section>\n"));
        assertEquals(2, eval.where().line());
        assertTrue(eval.message().startsWith("layout template: ?eval is not allowed"), eval.message());
        Diagnostic interpret = refused(project("<section><#assign t = \"x\"?interpret><@t/></section>\n"));
        assertTrue(interpret.message().startsWith("layout template: ?interpret is not allowed"), interpret.message());
        // ?eval_json reads JSON only and stays allowed.
        assertEquals("1", text(story(project("<section><p>${\"[1]\"?eval_json[0]}</p></section>\n")).blocks().getFirst()));
    }

    @Test
    void theClockCannotBeRead() {
        Diagnostic d = refused(project("<section>\n<p>x</p>\n<p>${.now?string.iso}</p></section>\n"));
        assertEquals(3, d.where().line());
        assertEquals(4, d.where().column());
        assertTrue(d.message().startsWith("layout template: .now is not allowed: a layout cannot read the clock"),
                d.message());
        assertTrue(d.hint().contains("brochure.yaml"), d.hint());
        // Wherever it hides: a condition, an assignment, a macro's default, an included template.
        for (String template : List.of("<section><#if .now?long gt 0><p>x</p></#if></section>",
                "<#assign t = .now><section/>", "<#macro m when=.now>${when}</#macro><section/>",
                "<section><p>${\"at ${.now}\"}</p></section>")) {
            assertTrue(refused(project(template)).message().contains(".now is not allowed"), template);
        }
        Diagnostic included = refused(project("<section><#include \"clock.ftlx\"></section>\n")
                .write("layouts/clock.ftlx", "<p>${.now}</p>"));
        assertTrue(included.message().contains(".now is not allowed"), included.message());
        // Text that merely says ".now" is not code.
        assertEquals("call us .now", text(story(project("<section><p>call us .now</p></section>\n")).blocks().getFirst()));
    }

    @Test
    void theMachinesLocaleAndTimeZoneCannotBeRead() {
        Diagnostic d = refused(project("<section><#setting locale=\"JVM default\"><p>${1234.5?string(\"#,##0.0\")}</p>"
                + "</section>\n"));
        assertTrue(d.message().startsWith("layout template: #setting locale must be a fixed value"), d.message());
        assertTrue(refused(project("<section><#setting time_zone=\"jvm default\"></section>"))
                .message().contains("#setting time_zone must be a fixed value"));
        assertTrue(refused(project("<#assign z = \"JVM \" + \"default\"><section><#setting time_zone=z></section>"))
                .message().contains("#setting time_zone must be a fixed value"));
        // A fixed locale is fine, and gives the same digits on every machine.
        assertEquals("1.234,5", text(story(project("<section><#setting locale=\"de_DE\">"
                + "<p>${1234.5?string(\"#,##0.0\")}</p></section>\n")).blocks().getFirst()));
    }

    @Test
    void aTemplateNestedTooDeeplyToParseIsAnErrorNotACrash() {
        Diagnostic d = refused(project("<section><p>${" + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "}</p></section>\n"));
        assertTrue(d.message().startsWith("the layout template is nested too deeply to be read"), d.message());
    }

    @Test
    void aTemplateTooLargeToBeALayoutIsNotParsed() {
        Diagnostic d = refused(project("<section>" + "<p>x</p>".repeat(40_000) + "</section>\n"));
        assertTrue(d.message().contains("'article.ftlx' is 312 KB, more than the 256 KB a layout template may have"),
                d.message());
    }

    @Test
    void contentMarkupAndFreemarkerSyntaxStayLiteralEvenInAttributes() {
        TestProject p = project("<section><p style=\"body\">${section.kicker}</p>"
                + "<image src=\"${section.photo}\"><caption>${plain(section.title)}</caption></image></section>\n")
                .replace("sections/story.yaml", "kicker: Chapter one", "kicker: '\\\"/><page-break/><p x=\\\"${7*7}'");
        List<Block> blocks = story(p).blocks();
        assertEquals(2, blocks.size(), "no injected block");
        assertEquals("\"/><page-break/><p x=\"${7*7}", text(blocks.getFirst()));
    }

    @Test
    void includesCannotLeaveTheLayoutsFolder() throws IOException {
        Files.writeString(temp.resolve("outside.ftlx"), "<p>outside</p>");
        Diagnostic d = refused(project("<section><#include \"../../outside.ftlx\"></section>\n"));
        assertTrue(d.message().contains("Template not found for name \"../../outside.ftlx\" (normalized: \"outside.ftlx\")"),
                d.message());
    }

    @Test
    void absoluteIncludesStayInsideTheLayoutsFolder() {
        Diagnostic d = refused(project("<section><#include \"/etc/passwd\"></section>\n"));
        assertTrue(d.message().endsWith("Template not found for name \"etc/passwd\"."), d.message());
    }

    @Test
    void includedTemplatesLinkedFromOutsideAreNotRead() throws IOException {
        Path outside = Files.writeString(temp.resolve("secret.ftlx"), "<p>secret</p>");
        TestProject p = project("<section><#include \"part.ftlx\"></section>\n");
        Files.createSymbolicLink(p.file("layouts/part.ftlx"), outside);
        Diagnostic d = refused(p);
        assertTrue(d.message().contains("is a link to a file outside the layouts folder"), d.message());
    }

    @Test
    void includesInsideTheLayoutsFolderWork() {
        TestProject p = project("<section><#include \"part.ftlx\"></section>\n")
                .write("layouts/part.ftlx", "<p>${section.kicker}</p>");
        assertEquals("Chapter one", text(story(p).blocks().getFirst()));
    }

    /** A short time limit, so that the tests of it are quick. */
    private static final TemplateRunner.Limits QUICK = new TemplateRunner.Limits(Duration.ofMillis(300), 1 << 20);

    /**
     * The stopped template has really ended: no thread is still in it, burning a core (the thread
     * itself may live on, idle, for the next run).
     */
    private static void assertNoTemplateStillRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<String> running;
        do {
            running = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith("layout ")
                            && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("freemarker.")))
                    .map(e -> e.getKey().getName())
                    .toList();
            if (!running.isEmpty()) {
                Thread.sleep(20);
            }
        } while (!running.isEmpty() && System.nanoTime() < deadline);
        assertTrue(running.isEmpty(), "template thread still running: " + running);
    }

    @Test
    void anEndlessLoopIsStopped() throws InterruptedException {
        Diagnostic d = refused(project("<section><#list 1.. as i><#assign x = i></#list></section>\n"), QUICK);
        assertTrue(d.message().startsWith("the layout took longer than 0.3 s and was stopped while setting ")
                && d.message().endsWith("sections/story.yaml"), d.message());
        assertTrue(d.hint().contains("#list"), d.hint());
        assertNoTemplateStillRunning();
    }

    @Test
    void anEndlessLoopInAnIncludedTemplateIsStopped() throws InterruptedException {
        Diagnostic d = refused(project("<section><#include \"spin.ftlx\"></section>\n")
                .write("layouts/spin.ftlx", "<#list 1.. as i></#list>"), QUICK);
        assertTrue(d.message().startsWith("the layout took longer than 0.3 s"), d.message());
        assertNoTemplateStillRunning();
    }

    @Test
    void anEndlessLoopInsideAMacroIsStopped() throws InterruptedException {
        Diagnostic d = refused(project("<#macro spin><#list 1.. as i><#if i < 0>x</#if></#list></#macro>"
                + "<section><@spin/></section>\n"), QUICK);
        assertTrue(d.message().startsWith("the layout took longer than 0.3 s"), d.message());
        assertNoTemplateStillRunning();
    }

    @Test
    void endlessRecursionIsStopped() {
        Diagnostic d = refused(project("<#macro again n><@again n + 1/></#macro><section><@again 0/></section>\n"));
        assertTrue(d.message().contains("nested too deeply"), d.message());
    }

    @Test
    void hugeOutputIsStopped() {
        Diagnostic d = refused(project("<section><#list 1..100000000 as i><p>${i} lorem ipsum dolor</p></#list></section>\n"));
        assertTrue(d.message().contains("more than"), d.message());
        assertTrue(d.message().contains("characters"), d.message());
    }

    /** Records the thread each run of a template reads it on. */
    private static final class WhoReads implements freemarker.template.TemplateScalarModel {
        final java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public String getAsString() {
            threads.add(Thread.currentThread());
            return "x";
        }
    }

    /**
     * A batch runs templates thousands of times: the runs take turns on the same few threads (with
     * the fixed stack) instead of starting one each, and a run stopped at the time limit leaves its
     * thread behind without holding up the runs after it.
     */
    @Test
    void runsShareTheirThreadsAndAStoppedRunHoldsUpNoOther() throws Exception {
        freemarker.template.Configuration config = TemplateConfig.forMessages();
        freemarker.template.Template read = TemplateConfig.parse(config, "read.ftl", "${who}",
                freemarker.core.PlainTextOutputFormat.INSTANCE);
        freemarker.template.Template spin = TemplateConfig.parse(config, "spin.ftl", "<#list 1.. as i></#list>",
                freemarker.core.PlainTextOutputFormat.INSTANCE);
        TemplateRunner.Workers workers = new TemplateRunner.Workers();
        WhoReads who = new WhoReads();
        for (int i = 0; i < 200; i++) {
            assertEquals("x", TemplateRunner.run(read, java.util.Map.of("who", who), QUICK, workers));
        }
        // A thread goes back to the pool a moment after its run has answered, so the next run may
        // find none waiting and start one more: a few, never one per run.
        assertTrue(who.threads.size() <= 8, "200 runs one after another took " + who.threads.size() + " threads");
        for (Thread worker : who.threads) {
            assertTrue(worker.isDaemon() && worker.getName().startsWith("layout "), worker.getName());
        }
        assertThrows(TemplateRunner.Stopped.class, () -> TemplateRunner.run(spin, java.util.Map.of(), QUICK, workers));
        assertEquals("x", TemplateRunner.run(read, java.util.Map.of("who", who), QUICK, workers));
        assertNoTemplateStillRunning();
    }
}

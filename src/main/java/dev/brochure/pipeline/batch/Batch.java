package dev.brochure.pipeline.batch;

import dev.brochure.content.Personalisation;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Suggestions;
import dev.brochure.pipeline.AtomicOutput;
import dev.brochure.pipeline.Copies;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.recipients.RecipientsFile;
import dev.brochure.recipients.RecipientsReader;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code brochure batch}: one personalised copy of the brochure per record of a recipients file.
 *
 * <ol>
 * <li>Everything is checked before any copy is built: the recipients file (a problem of the whole
 * file stops the run), the content (an error stops the run; so does a placeholder or
 * {@code when:} naming a field the file does not have, reported where the content names it),
 * the name pattern, and each record: its own problems, each field its copy shows that it leaves
 * empty, a file name that it cannot make or that another record makes too (both fail). A
 * record with a problem is listed with its line and skipped; the others are built.</li>
 * <li>This run's part ({@link Shard}) is taken; the manifest of an earlier run says which copies
 * are up to date (same input fingerprint, the file still there with its size): those are kept,
 * the others built.</li>
 * <li>The first copy is built alone, filling the shared caches; an error in a part every copy
 * shares stops the run there. The others are built on {@code jobs} threads, each written
 * atomically and entered in the manifest as it is done.</li>
 * </ol>
 */
public final class Batch {

    private Batch() {
    }

    /** A record of this run's part, checked: its name and key, what is wrong with it, its fingerprint. */
    private record Planned(RecipientsFile.Row row, String file, String key, List<Diagnostic> problems) {
    }

    public static BatchResult run(Pipeline pipeline, BatchRequest request, BatchListener listener) {
        long start = System.nanoTime();
        RecipientsFile recipients = RecipientsReader.read(request.recipients(), pipeline.displayRoot());
        Copies copies = pipeline.copies(request.build());
        checkFields(recipients, copies);
        CopyNames names = names(request, recipients);
        List<Planned> all = check(recipients, copies, names);
        List<Planned> mine = all.stream().filter(p -> request.shard().holds(p.key())).toList();

        Path out = request.outDir();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(out), "cannot create the output folder: " + e.getMessage(),
                    "choose a folder you can write to, with --out");
        }
        removeAbandonedTemporaryFiles(out);
        Path manifestFile = out.resolve(Manifest.fileName(request.shard()));
        Map<String, Manifest.Entry> previous = Manifest.read(manifestFile);
        Fingerprints prints = Fingerprints.of(request.build().contentDir(), request.build().projectRoot(),
                copies.settings(), out);
        List<String> keyFields = names.keyFields();

        Map<Integer, Manifest.Entry> entries = new ConcurrentHashMap<>();
        List<Planned> toBuild = new ArrayList<>();
        Map<Planned, String> fingerprints = new HashMap<>();
        int upToDate = 0;
        int invalid = 0;
        for (Planned p : mine) {
            if (!p.problems().isEmpty()) {
                entries.put(p.row().number(), failed(p, keyFields, "", p.problems()));
                invalid++;
                continue;
            }
            String fingerprint = prints.of(p.row().recipient(), p.file());
            fingerprints.put(p, fingerprint);
            Manifest.Entry before = previous.get(p.key());
            if (before != null && upToDate(before, fingerprint, p.file(), out)) {
                entries.put(p.row().number(), moved(before, p, keyFields).withStatus(Manifest.UNCHANGED));
                upToDate++;
            } else {
                toBuild.add(p);
            }
        }
        Manifest.write(copies.output(), manifestFile, inOrder(entries));
        BatchResult.Plan plan = new BatchResult.Plan(recipients.rows().size(), mine.size(), toBuild.size(), upToDate,
                invalid, request.shard());
        listener.planned(plan);

        Set<String> warnings = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        Map<String, Diagnostic> warningOf = new ConcurrentHashMap<>();
        copies.contentWarnings().forEach(w -> {
            warnings.add(w.format());
            warningOf.putIfAbsent(w.format(), w);
        });
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean internal = new AtomicBoolean();
        Map<Integer, List<Diagnostic>> buildFailures = new ConcurrentHashMap<>();
        try (Manifest.Appender appender = new Manifest.Appender(manifestFile)) {
            Builder builder = new Builder(copies, out, keyFields, fingerprints, appender, entries, warnings, warningOf,
                    internal, listener, done, buildFailures);
            if (!toBuild.isEmpty()) {
                builder.build(toBuild.getFirst());
                List<Diagnostic> shared = copies.sharedErrors();
                if (!shared.isEmpty()) {
                    // Every copy would fail the same way: one report, and no more work.
                    Manifest.write(copies.output(), manifestFile, inOrder(entries));
                    throw new BrochureException(distinct(shared));
                }
            }
            List<Planned> rest = toBuild.size() > 1 ? toBuild.subList(1, toBuild.size()) : List.of();
            buildAll(rest, builder, request.jobs());
        }
        Manifest.write(copies.output(), manifestFile, inOrder(entries));

        List<BatchResult.Failure> failures = new ArrayList<>();
        Map<Integer, Planned> byNumber = new HashMap<>();
        mine.forEach(p -> byNumber.put(p.row().number(), p));
        for (Manifest.Entry e : inOrder(entries)) {
            if (!e.ok()) {
                Planned p = byNumber.get(e.record());
                failures.add(new BatchResult.Failure(e.line(), p.file().isEmpty() ? null : p.file(),
                        buildFailures.getOrDefault(e.record(), p.problems())));
            }
        }
        int built = (int) entries.values().stream().filter(e -> e.status().equals(Manifest.BUILT)).count();
        List<Diagnostic> warningList = warnings.stream().map(warningOf::get).toList();
        return new BatchResult(plan, built, upToDate, failures, warningList, manifestFile,
                (System.nanoTime() - start) / 1e9, internal.get());
    }

    /**
     * Builds {@code rest} on {@code jobs} threads. Writing a copy mostly waits for the disk
     * (each file is flushed to it before it is moved into place), so copies are written by
     * threads of their own while the builders go on; at most two copies per builder wait to be
     * written, which bounds memory.
     */
    private static void buildAll(List<Planned> rest, Builder builder, int jobs) {
        if (rest.isEmpty()) {
            return;
        }
        int builders = Math.min(jobs, rest.size());
        ExecutorService compute = Executors.newFixedThreadPool(builders, threads("batch-build-"));
        ExecutorService io = Executors.newFixedThreadPool(Math.max(2, builders), threads("batch-write-"));
        Semaphore pending = new Semaphore(2 * builders);
        java.util.Queue<Future<?>> writes = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> builds = new ArrayList<>(rest.size());
            for (Planned p : rest) {
                builds.add(compute.submit(() -> {
                    pending.acquireUninterruptibly();
                    try {
                        Builder.Made made = builder.make(p);
                        writes.add(io.submit(() -> {
                            try {
                                builder.write(p, made);
                            } finally {
                                pending.release();
                            }
                        }));
                    } catch (RuntimeException | Error e) {
                        pending.release();
                        throw e;
                    }
                }));
            }
            await(builds);
            await(writes);
        } finally {
            compute.shutdownNow();
            io.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void await(Iterable<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the batch was interrupted", e);
            }
        }
    }

    /** Builds one copy, writes it and enters it in the manifest. */
    private static final class Builder {
        private final Copies copies;
        private final Path out;
        private final List<String> keyFields;
        private final Map<Planned, String> fingerprints;
        private final Manifest.Appender appender;
        private final Map<Integer, Manifest.Entry> entries;
        private final Set<String> warnings;
        private final Map<String, Diagnostic> warningOf;
        private final AtomicBoolean internal;
        private final BatchListener listener;
        private final AtomicInteger done;
        private final Map<Integer, List<Diagnostic>> failures;

        Builder(Copies copies, Path out, List<String> keyFields, Map<Planned, String> fingerprints,
                Manifest.Appender appender, Map<Integer, Manifest.Entry> entries, Set<String> warnings,
                Map<String, Diagnostic> warningOf, AtomicBoolean internal, BatchListener listener, AtomicInteger done,
                Map<Integer, List<Diagnostic>> failures) {
            this.copies = copies;
            this.out = out;
            this.keyFields = keyFields;
            this.fingerprints = fingerprints;
            this.appender = appender;
            this.entries = entries;
            this.warnings = warnings;
            this.warningOf = warningOf;
            this.internal = internal;
            this.listener = listener;
            this.done = done;
            this.failures = failures;
        }

        /** What building a copy gave: the copy, or the errors of a copy that failed. */
        private record Made(Copies.Copy copy, List<Diagnostic> errors) {
        }

        /** Builds and writes one copy, on this thread. */
        void build(Planned p) {
            write(p, make(p));
        }

        /** Builds one copy (the part that needs the processor). */
        Made make(Planned p) {
            try {
                return new Made(copies.build(p.row().recipient()), null);
            } catch (BrochureException e) {
                return new Made(null, located(p, e.diagnostics().stream().filter(Diagnostic::isError).toList()));
            } catch (RuntimeException e) {
                internal.set(true);
                return new Made(null, List.of(Diagnostic.error(p.row().recipient().where(),
                        "internal error while building this copy: " + e, "this is a bug in brochure; please report it")));
            }
        }

        /**
         * The errors of a copy that could not be built, led by one at the record's line: they are
         * located where their cause is (a content line, the size budget), which does not say whose
         * copy it was.
         */
        private static List<Diagnostic> located(Planned p, List<Diagnostic> errors) {
            List<Diagnostic> all = new ArrayList<>(errors.size() + 1);
            all.add(Diagnostic.error(p.row().recipient().where(), "the copy " + p.file() + " was not built, for "
                    + (errors.size() == 1 ? "the error below" : "the " + errors.size() + " errors below")));
            all.addAll(errors);
            return all;
        }

        /** Writes a built copy atomically and enters it in the manifest (the part that waits for the disk). */
        void write(Planned p, Made made) {
            String fingerprint = fingerprints.get(p);
            Manifest.Entry entry;
            long bytes = 0;
            List<Diagnostic> errors = made.errors();
            if (errors == null) {
                Copies.Copy copy = made.copy();
                try {
                    String sha256 = HexFormat.of().formatHex(Fingerprints.sha256().digest(copy.pdf()));
                    bytes = copies.output().write(out.resolve(p.file()), copy.pdf());
                    entry = new Manifest.Entry(p.row().line(), p.row().number(), p.key(), keyFields(p), p.file(),
                            sha256, bytes, copy.pages(), Manifest.BUILT, fingerprint, List.of());
                    for (Diagnostic w : copy.warnings()) {
                        if (warnings.add(w.format())) {
                            warningOf.putIfAbsent(w.format(), w);
                        }
                    }
                } catch (BrochureException e) {
                    errors = located(p, e.diagnostics().stream().filter(Diagnostic::isError).toList());
                    entry = null;
                }
            } else {
                entry = null;
            }
            if (entry == null) {
                failures.put(p.row().number(), errors);
                entry = failed(p, keyFields, fingerprint, errors);
            }
            entries.put(p.row().number(), entry);
            appender.append(entry);
            listener.finished(new BatchResult.Outcome(p.row().line(), p.file(), entry.ok(), bytes),
                    done.incrementAndGet());
        }

        private Map<String, String> keyFields(Planned p) {
            return Batch.keyFields(p, keyFields);
        }
    }

    private static Map<String, String> keyFields(Planned p, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f, p.row().recipient().get(f)));
        return values;
    }

    private static Manifest.Entry failed(Planned p, List<String> keyFields, String fingerprint, List<Diagnostic> errors) {
        return new Manifest.Entry(p.row().line(), p.row().number(), p.key(), keyFields(p, keyFields),
                p.file().isEmpty() ? null : p.file(), null, -1, 0, Manifest.FAILED, fingerprint,
                errors.stream().map(d -> d.where() + ": " + d.message()).toList());
    }

    /** An entry kept from an earlier run, at the record's place in today's file. */
    private static Manifest.Entry moved(Manifest.Entry before, Planned p, List<String> keyFields) {
        return new Manifest.Entry(p.row().line(), p.row().number(), p.key(), keyFields(p, keyFields), before.file(),
                before.sha256(), before.bytes(), before.pages(), before.status(), before.fingerprint(), List.of());
    }

    /** A temporary file of {@link AtomicOutput} for a copy or a manifest: {@code .name.pdf.123.tmp}. */
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\..+\\.(pdf|jsonl)\\.\\d+\\.tmp");
    /** Older than this, a temporary file is no write in progress (a write takes seconds). */
    private static final java.time.Duration ABANDONED = java.time.Duration.ofMinutes(10);

    /**
     * Removes the temporary files a run killed outright (SIGKILL, a power cut) left in the output
     * folder. They were never copies, only their unfinished bytes; a run ended by Ctrl-C or
     * SIGTERM removes its own. Recent ones are left alone: another shard may be writing them.
     */
    private static void removeAbandonedTemporaryFiles(Path out) {
        java.time.Instant before = java.time.Instant.now().minus(ABANDONED);
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (TEMPORARY.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // Only tidying: a file that cannot be removed does no harm (it is never a copy).
        }
    }

    private static boolean upToDate(Manifest.Entry before, String fingerprint, String file, Path out) {
        if (!before.ok() || !fingerprint.equals(before.fingerprint()) || !file.equals(before.file())) {
            return false;
        }
        try {
            Path pdf = out.resolve(file);
            return Files.isRegularFile(pdf) && Files.size(pdf) == before.bytes();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Manifest.Entry> inOrder(Map<Integer, Manifest.Entry> entries) {
        return entries.values().stream().sorted(Comparator.comparingInt(Manifest.Entry::record)).toList();
    }

    /** A placeholder or {@code when:} that names a field the recipients file does not have is an error where it is written. */
    private static void checkFields(RecipientsFile recipients, Copies copies) {
        List<Diagnostic> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Personalisation.Use use : copies.uses()) {
            if (!recipients.hasField(use.field()) && seen.add(use.field() + "@" + use.where())) {
                String fields = "its fields: " + String.join(", ", recipients.fields());
                errors.add(Diagnostic.error(use.where(), (use.condition() ? "'when' names" : "a placeholder names")
                                + " the field '" + use.field() + "', which the recipients file " + recipients.displayName()
                                + " does not have",
                        Suggestions.closest(use.field(), recipients.fields())
                                .map(f -> "did you mean '" + f + "'? " + fields).orElse(fields)));
            }
        }
        if (!errors.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(copies.contentWarnings());
            all.addAll(errors);
            throw new BrochureException(all);
        }
    }

    private static CopyNames names(BatchRequest request, RecipientsFile recipients) {
        String pattern = request.namePattern() != null ? request.namePattern()
                : CopyNames.defaultPattern(recipients.fields());
        try {
            return CopyNames.of(pattern, recipients.fields());
        } catch (IllegalArgumentException e) {
            throw BrochureException.of(SourceLocation.of(recipients.displayName()), e.getMessage(),
                    "give a pattern with --name, for example --name '{last_name}-{first_name}'");
        }
    }

    /** Every record checked: its own problems, the fields its copy needs, its file name (unique). */
    private static List<Planned> check(RecipientsFile recipients, Copies copies, CopyNames names) {
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> firstWith = new HashMap<>();
        Map<Integer, List<Diagnostic>> clashes = new HashMap<>();
        for (RecipientsFile.Row row : recipients.rows()) {
            List<Diagnostic> problems = new ArrayList<>(row.problems());
            SourceLocation where = row.recipient().where();
            if (row.readable()) {
                for (Personalisation.Use use : copies.missing(row.recipient())) {
                    problems.add(Diagnostic.error(where, "the field '" + use.field() + "' is empty, but the copy shows it ("
                            + use.where() + ")", "give the record a value for '" + use.field() + "'"));
                }
            }
            String file = names.name(row);
            if (file.isEmpty()) {
                problems.add(Diagnostic.error(where, "the record's name fields (" + String.join(", ", names.keyFields())
                        + ") make no file name", "give them values, or choose other fields with --name"));
            } else {
                String folded = CopyNames.folded(file);
                Integer first = firstWith.putIfAbsent(folded, planned.size());
                if (first != null) {
                    RecipientsFile.Row other = planned.get(first).row();
                    clashes.computeIfAbsent(first, k -> new ArrayList<>()).add(Diagnostic.error(other.recipient().where(),
                            "lines " + other.line() + " and " + row.line() + " would both write " + file,
                            "make the name pattern (--name) tell them apart, for example with {record}"));
                    problems.add(Diagnostic.error(where, "lines " + other.line() + " and " + row.line()
                            + " would both write " + file, "make the name pattern (--name) tell them apart, "
                            + "for example with {record}"));
                }
            }
            String key = file.isEmpty() ? "record-" + row.number() : CopyNames.folded(file);
            planned.add(new Planned(row, file, key, problems));
        }
        for (Map.Entry<Integer, List<Diagnostic>> clash : clashes.entrySet()) {
            Planned p = planned.get(clash.getKey());
            List<Diagnostic> problems = new ArrayList<>(p.problems());
            problems.addAll(clash.getValue());
            planned.set(clash.getKey(), new Planned(p.row(), p.file(), p.key(), problems));
        }
        return planned;
    }

    private static List<Diagnostic> distinct(List<Diagnostic> diagnostics) {
        Map<String, Diagnostic> unique = new LinkedHashMap<>();
        diagnostics.forEach(d -> unique.putIfAbsent(d.format(), d));
        return List.copyOf(unique.values());
    }
}

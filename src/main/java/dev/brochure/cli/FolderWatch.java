package dev.brochure.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Watches folders and everything under them (folders created later included) with the JDK's
 * {@link WatchService}, telling {@code changed} the path of every file created, changed or
 * removed that {@code ignored} does not exclude (the PDF being written, editors' backup files).
 */
final class FolderWatch implements AutoCloseable {

    private final WatchService service;
    private final Thread thread;
    private final Consumer<Path> changed;
    private final Predicate<Path> ignored;

    FolderWatch(List<Path> roots, Predicate<Path> ignored, Consumer<Path> changed) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.changed = changed;
        this.ignored = ignored;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
        thread = new Thread(this::loop, "brochure watch files");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
                if (!ignored.test(folder)) {
                    folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        changed.accept(folder);
                        continue;
                    }
                    Path path = folder.resolve((Path) event.context());
                    if (ignored.test(path)) {
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                        try {
                            registerTree(path);
                        } catch (IOException e) {
                            // the folder went away again; its removal is reported as a change
                        }
                    }
                    changed.accept(path);
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}

package dev.apisec.core.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes report files so that readers never see a half-written one. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code file}, creating parent directories: a temporary file in the same directory,
     * then an atomic move (a replacing move where the file system cannot move atomically).
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = createTemporary(dir, target.getFileName().toString(), bytes);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new file next to the target holding {@code bytes}. Not {@link Files#createTempFile}: that makes the file
     * owner-only (0600), and a report should get the usual permissions of a new file.
     */
    private static Path createTemporary(Path dir, String name, byte[] bytes) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + pid + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        }
    }
}

package io.iris.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The server's output folder, where the gateway keeps what it generates at first start (admin token, secret
 * key). Files are created owner-read/write only and never overwritten.
 */
final class DataDirectory {
    private final Path root;

    DataDirectory(Path root) {
        this.root = root;
    }

    Path resolve(String fileName) {
        return root.resolve(fileName);
    }

    Optional<String> read(String fileName) {
        Path file = root.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes {@code content} to a new file. When another process created it first, its content wins and is
     * returned, so two servers sharing a folder agree on one value.
     */
    String createOrRead(String fileName, String content) {
        Path file = root.resolve(fileName);
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, fileName, ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
                Files.createLink(file, temp);
            } finally {
                Files.deleteIfExists(temp);
            }
            return content;
        } catch (FileAlreadyExistsException e) {
            return read(fileName).orElseThrow(() -> new IllegalStateException(file + " exists but is empty"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
        }
    }
}

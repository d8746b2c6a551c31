package io.mathsketch.server.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The folder of an embedded H2 file, made readable by its owner only. H2 creates its files under the process's umask,
 * 0644 by default, and they hold every stored drawing: on a shared host any local user could read them. A folder this
 * creates is 0700 whatever the umask; a folder that already exists is the operator's and is left as it is, with a
 * warning when others may read it.
 */
final class EmbeddedFileFolder {

    private static final System.Logger LOG = System.getLogger(EmbeddedFileFolder.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private EmbeddedFileFolder() {
    }

    /**
     * Creates the folder of {@code url}'s file (owner only) when it is missing; warns when it exists and others may
     * list or read it. Does nothing for a URL whose folder this cannot tell (a file system prefix such as
     * {@code nio:} or {@code split:}) or on a file system without POSIX permissions.
     */
    static void prepare(String url) {
        folder(url).ifPresent(EmbeddedFileFolder::prepare);
    }

    /** The folder of an embedded H2 file URL ({@code jdbc:h2:file:./data/db/mathsketch}: {@code ./data/db}). */
    static Optional<Path> folder(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.contains(":") && !name.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.ofNullable(Path.of(name).toAbsolutePath().normalize().getParent());
    }

    private static void prepare(Path folder) {
        if (Files.getFileAttributeView(folder.getRoot(), PosixFileAttributeView.class) == null) {
            return;
        }
        try {
            if (Files.notExists(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else if (!Collections.disjoint(Files.getPosixFilePermissions(folder), OTHERS)) {
                LOG.log(Level.WARNING, "The database folder " + folder + " may be read by other users of this host ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)) + "): it holds every"
                        + " stored drawing; consider chmod 700.");
            }
        } catch (IOException e) {
            // H2 then fails to open the file, which the server reports as the database being unavailable.
            LOG.log(Level.WARNING, "Cannot prepare the database folder " + folder + ": " + e);
        }
    }
}

package io.mathsketch.engine.model;

import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.ModelManifest.Artifact;
import io.mathsketch.engine.model.ModelManifest.ExternalData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A model folder opened for one engine: its manifest, the artifact that engine runs, and the SHA-256 of every file
 * involved, verified against the manifest at open time so that a truncated copy or a swapped file never serves.
 *
 * @param directory the model folder
 * @param manifest its validated manifest
 * @param artifact the artifact for the requested engine
 * @param sha256 verified SHA-256 by file name (the artifact and its external-data files)
 */
public record ModelFolder(Path directory, ModelManifest manifest, Artifact artifact, Map<String, String> sha256) {

    public static final String MANIFEST = "manifest.json";

    public ModelFolder {
        sha256 = Map.copyOf(sha256);
    }

    /** Reads the manifest in {@code directory}, picks the artifact for {@code engine} and verifies checksums. */
    public static ModelFolder open(Path directory, String engine) throws ModelLoadException {
        if (!Files.isDirectory(directory)) {
            throw new ModelLoadException("model folder " + directory + " does not exist: check engine.models-dir"
                    + " and engine.models, or copy the model folder there");
        }
        Path manifestFile = directory.resolve(MANIFEST);
        ModelManifest manifest = ManifestReader.read(manifestFile);
        Artifact artifact = manifest.artifactFor(engine).orElseThrow(() -> new ModelLoadException(
                manifestFile + " has no artifact for engine '" + engine + "' (it has: "
                        + manifest.artifacts().stream().map(Artifact::engine).collect(Collectors.joining(", "))
                        + "): choose one of those engines or export the model for " + engine));
        if (artifact.engine().equalsIgnoreCase("PyTorch") && manifest.architecture().isEmpty()) {
            throw new ModelLoadException(manifestFile + ": field 'architecture' is required for the PyTorch artifact "
                    + artifact.file() + " (.params files hold weights only)");
        }
        Map<String, String> verified = new LinkedHashMap<>();
        verified.put(artifact.file(), verify(directory, artifact.file(), artifact.sha256()));
        for (ExternalData data : artifact.externalData()) {
            verified.put(data.file(), verify(directory, data.file(), data.sha256()));
        }
        return new ModelFolder(directory, manifest, artifact, verified);
    }

    /**
     * This folder's model as reported to clients and health checks: what the folder says of it (manifest, verified
     * checksums), beside how it is served.
     */
    public ModelInfo info(String engine, String device, boolean isDefault, int workers, int maxBatchSize) {
        return new ModelInfo(manifest.name(), manifest.version(), engine, device, isDefault, manifest.labels(), sha256,
                manifest.testAccuracy(), workers, maxBatchSize);
    }

    /** Path of the artifact file. */
    public Path artifactPath() {
        return directory.resolve(artifact.file());
    }

    private static String verify(Path directory, String fileName, String expected) throws ModelLoadException {
        Path file = directory.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file " + file + " listed in " + MANIFEST + " is missing (expected "
                    + "SHA-256 " + expected + "): restore the complete model folder");
        }
        String actual = sha256(file);
        if (!actual.equals(expected)) {
            throw new ModelLoadException("model file " + file + " does not match " + MANIFEST + ": expected SHA-256 "
                    + expected + ", actual " + actual + ". The file is damaged or was replaced: restore the folder "
                    + "from the release, or, if the new file is intended, update its sha256 in the manifest");
        }
        return actual;
    }

    static String sha256(Path file) throws ModelLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}

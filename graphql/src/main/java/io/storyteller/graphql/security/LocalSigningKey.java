package io.storyteller.graphql.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key that signs the app's own access tokens, kept as a JWK file readable by its owner only.
 * Created on first use; every later start (and the ops CLI) reads the same file, so tokens survive
 * restarts. Publishing the file atomically lets two processes race to create it safely.
 */
public final class LocalSigningKey {

    private final Path file;
    private final RSAKey key;

    private LocalSigningKey(Path file, RSAKey key) {
        this.file = file;
        this.key = key;
    }

    public static LocalSigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new LocalSigningKey(file, RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the token signing key " + file + " is not a valid RSA JWK", e);
        }
    }

    public RSAKey key() {
        return key;
    }

    public Path file() {
        return file;
    }

    private static void create(Path file) throws IOException, JOSEException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            ownerOnly(directory, "rwx------");
        }
        RSAKey generated = new RSAKeyGenerator(2048)
                .keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        Path draft = Files.createTempFile(directory, ".jwt-signing-", ".tmp");
        try {
            ownerOnly(draft, "rw-------");
            Files.writeString(draft, generated.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // keep the key that is already there
        } catch (UnsupportedOperationException noHardLinks) {
            if (!Files.exists(file)) {
                Files.copy(draft, file);
            }
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            var asFile = path.toFile();
            asFile.setReadable(false, false);
            asFile.setWritable(false, false);
            asFile.setReadable(true, true);
            asFile.setWritable(true, true);
        }
    }
}

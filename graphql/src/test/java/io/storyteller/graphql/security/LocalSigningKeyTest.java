package io.storyteller.graphql.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void the_key_is_created_once_readable_by_its_owner_only_and_reused() throws Exception {
        Path file = dataDir.resolve("keys").resolve("jwt-signing.json");

        LocalSigningKey created = LocalSigningKey.loadOrCreate(file);
        LocalSigningKey reloaded = LocalSigningKey.loadOrCreate(file);

        assertThat(reloaded.key()).isEqualTo(created.key());
        assertThat(created.key().isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }
}

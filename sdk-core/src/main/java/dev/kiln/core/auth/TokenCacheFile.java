package dev.kiln.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kiln's own cache of {@code external-browser} tokens, {@code ~/.config/kiln/oauth-tokens.json}
 * ({@code {"version":1,"tokens":{"<host> <client id>":{access_token, refresh_token, expiry}}}}), readable and
 * writable by the owner only. Not the Databricks CLI's cache, which the CLI may keep in the OS keyring.
 */
final class TokenCacheFile {
  private static final Logger LOG = LoggerFactory.getLogger(TokenCacheFile.class);
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private final Path file;

  TokenCacheFile(Path file) {
    this.file = file;
  }

  static TokenCacheFile under(Path home) {
    return new TokenCacheFile(home.resolve(".config").resolve("kiln").resolve("oauth-tokens.json"));
  }

  Path path() {
    return file;
  }

  static String key(String host, String clientId) {
    return host + " " + clientId;
  }

  synchronized Optional<CachingTokenProvider.Token> load(String key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode entry = Json.mapper().readTree(file.toFile()).path("tokens").path(key);
      String access = entry.path("access_token").asText(null);
      if (access == null) {
        return Optional.empty();
      }
      return Optional.of(new CachingTokenProvider.Token(access, Instant.parse(entry.path("expiry").asText()),
          entry.path("token_type").asText("Bearer"), entry.path("refresh_token").asText(null)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring the unreadable token cache {}: {}", file, e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  synchronized void store(String key, CachingTokenProvider.Token token) {
    try {
      ObjectNode root;
      try {
        JsonNode existing = Files.isRegularFile(file) ? Json.mapper().readTree(file.toFile()) : null;
        root = existing instanceof ObjectNode ? (ObjectNode) existing : Json.mapper().createObjectNode();
      } catch (IOException unreadable) {
        root = Json.mapper().createObjectNode();
      }
      root.put("version", 1);
      ObjectNode tokens = root.path("tokens") instanceof ObjectNode ? (ObjectNode) root.get("tokens") : root.putObject("tokens");
      ObjectNode entry = tokens.putObject(key);
      entry.put("access_token", token.value);
      entry.put("token_type", token.type);
      if (token.refreshToken != null) {
        entry.put("refresh_token", token.refreshToken);
      }
      entry.put("expiry", token.expiresAt.toString());
      createOwnerOnlyDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      createOwnerOnlyFile(tmp);
      Files.write(tmp, Json.mapper().writeValueAsBytes(root));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // The login still works for this process; only the next one signs in again.
      LOG.warn("cannot write the token cache {}: {}", file, e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  private static void createOwnerOnlyDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectories(dir);
    }
  }

  private static void createOwnerOnlyFile(Path f) throws IOException {
    try {
      Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_FILE));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(f);
      f.toFile().setReadable(false, false);
      f.toFile().setReadable(true, true);
      f.toFile().setWritable(false, false);
      f.toFile().setWritable(true, true);
    } catch (FileAlreadyExistsException raced) {
      Files.write(f, new byte[0]);
    }
  }
}

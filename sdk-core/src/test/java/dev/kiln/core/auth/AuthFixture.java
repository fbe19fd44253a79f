package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.core.testing.FakeSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One test's outside world: a home directory, a directory of stub executables first on the PATH given to the
 * resolver, environment variables, and a client on a fake clock. Nothing reads or changes the real environment.
 */
final class AuthFixture {
  /** The fake clock's start; stubs print expiries relative to it. */
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final Path home;
  final Path bin;
  final Map<String, String> env = new HashMap<>();
  final FakeSleeper sleeper = new FakeSleeper();

  AuthFixture(Path dir) {
    try {
      this.home = Files.createDirectories(dir.resolve("home"));
      this.bin = Files.createDirectories(dir.resolve("bin"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the stubs need sh and coreutils; the stub directory comes first
    env.put("PATH", bin + ":/usr/bin:/bin");
  }

  AuthFixture set(String... kv) {
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return this;
  }

  /**
   * Writes an executable {@code /bin/sh} script {@code name} into the stub directory. Each run appends its
   * arguments as one line to {@code <name>.calls}, so tests see what was run and how often.
   */
  Path stub(String name, String body) {
    Path script = bin.resolve(name);
    String text = "#!/bin/sh\necho \"$*\" >> '" + bin.resolve(name + ".calls") + "'\n" + body + "\n";
    try {
      Files.write(script, text.getBytes(StandardCharsets.UTF_8));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return script;
  }

  /** The argument lines of every run of stub {@code name}. */
  List<String> calls(String name) {
    Path f = bin.resolve(name + ".calls");
    try {
      return Files.exists(f) ? Files.readAllLines(f) : new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void config(String text) {
    try {
      Files.write(home.resolve(".databrickscfg"), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfigEnvironment.Builder environment() {
    return ConfigEnvironment.builder(env, home).clock(sleeper.clock()).commandTimeout(Duration.ofSeconds(10))
        .browser(url -> {
          throw new AssertionError("no browser expected in this test");
        });
  }

  DatabricksConfig load() {
    return DatabricksConfig.load(environment().build(), null);
  }

  DatabricksClient client(DatabricksConfig config) {
    return DatabricksClient.builder().config(config).clock(sleeper.clock()).sleeper(sleeper)
        .readTimeout(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.builder().jitter(0).build()).build();
  }

  /** One authenticated GET answered {@code {}} by {@code workspace}. */
  static void call(mockwebserver3.MockWebServer workspace, DatabricksClient db) {
    workspace.enqueue(dev.kiln.core.testing.Wire.ok("{}"));
    db.call(dev.kiln.core.ApiRequest.get("/api/2.0/x").build(), com.fasterxml.jackson.databind.JsonNode.class);
  }

  void advance(Duration d) {
    sleeper.clock().advance(d);
  }

  /** Fails if any secret appears in a captured log line or in {@code texts}. */
  static void assertNoSecrets(List<String> secrets, String... texts) {
    String logs = CapturedLogs.all();
    for (String s : secrets) {
      assertFalse(logs.contains(s), "log lines contain the secret " + s + ":\n" + logs);
      for (String t : texts) {
        assertFalse(t != null && t.contains(s), "text contains the secret " + s + ": " + t);
      }
    }
  }

  /** A JSON line az prints, expiring {@code seconds} after {@link #START}. */
  static String azJson(String token, long seconds) {
    return "{\"accessToken\": \"" + token + "\", \"expiresOn\": \"2026-01-01 01:00:00.000000\", \"expires_on\": "
        + (START.getEpochSecond() + seconds) + ", \"subscription\": \"sub\", \"tenant\": \"t\", \"tokenType\": \"Bearer\"}";
  }
}

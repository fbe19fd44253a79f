package dev.kiln.core.auth;

import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.internal.Redaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token printed by a command-line tool ({@code az}, {@code databricks}), cached until shortly
 * before it expires and fetched again by running the tool. The tool runs on a short-lived thread of
 * its own, so no caller's or Kiln's pool thread waits for it.
 */
abstract class CommandTokenProvider extends CachingTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(CommandTokenProvider.class);
  /** The local-time expiry both CLIs may print, e.g. {@code 2026-01-01 10:00:00.123456}. */
  static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);
  /** Longest excerpt of a tool's error output put in a message. */
  private static final int MAX_DETAIL = 400;

  final ConfigEnvironment env;
  final Path executable;

  CommandTokenProvider(ConfigEnvironment env, Path executable) {
    this.env = env;
    this.executable = executable;
  }

  /** Runs the tool (once or more) and reads the token it printed. */
  abstract Token fetchBlocking();

  @Override
  final CompletableFuture<Token> fetchToken(AuthContext context) {
    return runOnOwnThread("kiln-auth-" + authType(), this::fetchBlocking);
  }

  static <T> CompletableFuture<T> runOnOwnThread(String name, Supplier<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(task.get());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** The command as shown in messages: the tool's name and its arguments (which hold no secret). */
  final String shown(List<String> args) {
    return String.join(" ", commandName(), String.join(" ", args)).strip();
  }

  /** The tool's name, e.g. {@code az}. */
  abstract String commandName();

  /** Runs {@code executable args}; fails with a message naming the command unless it exits 0. */
  final ProcessRunner.Result run(List<String> args) {
    ProcessRunner.Result r = tryRun(args);
    if (r.exitCode() != 0) {
      throw new DatabricksClientException(authType() + ": `" + shown(args) + "` failed (exit " + r.exitCode() + ")"
          + detail(r) + hint(r));
    }
    return r;
  }

  /** Runs {@code executable args} and returns how it ended; fails only when it could not run or timed out. */
  final ProcessRunner.Result tryRun(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    LOG.debug("{}: running `{}`", authType(), shown(args));
    try {
      return env.processRunner().run(command, env.variables(), env.commandTimeout());
    } catch (IOException e) {
      throw new DatabricksClientException(authType() + ": cannot run `" + shown(args) + "` (" + executable + "): "
          + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new DatabricksClientException(authType() + ": `" + shown(args) + "` did not finish within "
          + env.commandTimeout().toMillis() + " ms and was stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksClientException(authType() + ": interrupted while running `" + shown(args) + "`", e);
    }
  }

  /** What to do about a failure, from the tool's error output; empty when nothing specific applies. */
  String hint(ProcessRunner.Result r) {
    return "";
  }

  /** The tool's error output, shortened, with anything looking like a credential masked. */
  static String detail(ProcessRunner.Result r) {
    String text = r.stderr().isBlank() ? "" : r.stderr().strip();
    if (text.isEmpty()) {
      return "";
    }
    text = Redaction.redact(text.replaceAll("\\s+", " "));
    return ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
  }

  /** A message for output that is not what the tool prints on success; never the output itself. */
  final DatabricksClientException unreadable(List<String> args, String why) {
    return new DatabricksClientException(authType() + ": cannot read the output of `" + shown(args) + "`: " + why);
  }
}

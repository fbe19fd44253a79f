package dev.kiln.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command line ({@code az ...}, {@code databricks ...}) to completion. Injected through
 * {@link dev.kiln.core.ConfigEnvironment} so tests can count or stub runs.
 */
@FunctionalInterface
public interface ProcessRunner {
  /**
   * Runs {@code command} (its first element an absolute executable path) with exactly
   * {@code environment} as its environment.
   *
   * @throws IOException the executable could not be started
   * @throws TimeoutException it did not finish within {@code timeout} (it is then stopped)
   */
  Result run(List<String> command, Map<String, String> environment, Duration timeout)
      throws IOException, TimeoutException, InterruptedException;

  /** How a run ended. {@code toString()} never shows the output, which may hold a token. */
  final class Result {
    private final int exitCode;
    private final String stdout;
    private final String stderr;

    /**
     * Creates the result of one run; null output reads as empty.
     *
     * @param exitCode the process's exit status, 0 for success
     * @param stdout everything written to standard output, as UTF-8
     * @param stderr everything written to standard error, as UTF-8
     */
    public Result(int exitCode, String stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout == null ? "" : stdout;
      this.stderr = stderr == null ? "" : stderr;
    }

    /** The exit status, 0 for success. */
    public int exitCode() {
      return exitCode;
    }

    /** Standard output as text, empty when none; may hold a token, so never logged. */
    public String stdout() {
      return stdout;
    }

    /** Standard error as text, empty when none; shown in sign-in errors to say why a CLI failed. */
    public String stderr() {
      return stderr;
    }

    @Override
    public String toString() {
      return "ProcessRunner.Result[exitCode=" + exitCode + ", stdout=" + stdout.length() + " chars]";
    }
  }

  /**
   * Real processes. Output goes to owner-only temporary files rather than pipes, so a child that
   * leaves a grandchild holding the pipe open cannot hang the read; on timeout the process and its
   * descendants are killed.
   */
  static ProcessRunner system() {
    return (command, environment, timeout) -> {
      Path out = Files.createTempFile("kiln-cmd", ".out");
      Path err = Files.createTempFile("kiln-cmd", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new TimeoutException("did not finish within " + timeout.toMillis() + " ms");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    };
  }
}

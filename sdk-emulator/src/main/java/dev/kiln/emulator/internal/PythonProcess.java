package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived {@code python3} running {@code python_driver.py}: the Python REPL of one execution context.
 * Commands go in as JSON lines on stdin and results come back as marked JSON lines on stdout, so the
 * context's variables live as long as the process. Not thread-safe: one command at a time; {@link #kill()}
 * may be called from any thread and makes a blocked {@link #awaitReady} or {@link #execute} fail.
 */
final class PythonProcess implements AutoCloseable {
  private static final String MARK = "\u0001kiln-result\u0001";
  private static final String DRIVER = loadDriver();

  private final Process process;
  private final BufferedReader stdout;
  private final Writer stdin;
  private boolean ready;

  private PythonProcess(Process process) {
    this.process = process;
    this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** Spawns the interpreter without waiting for it; {@link #awaitReady} waits (kill it to give up). */
  static PythonProcess launch(Path python) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(python.toString(), "-u", "-c", DRIVER);
    builder.redirectErrorStream(true); // interpreter crashes show up as stray text, never fill a pipe
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    builder.environment().put("PYTHONUNBUFFERED", "1");
    return new PythonProcess(builder.start());
  }

  /** Returns once the driver said it is ready; at once after the first time. */
  void awaitReady() throws IOException {
    if (!ready) {
      readReply(new StringBuilder());
      ready = true;
    }
  }

  /**
   * Runs one command and returns the driver's reply ({@code ok}, {@code text}, {@code summary}, {@code
   * cause}); output Python wrote around {@code sys.stdout} is prepended to {@code text}.
   *
   * @throws IOException when the process died (killed by cancel, timeout or destroy, or exited)
   */
  JsonNode execute(int number, String code) throws IOException {
    awaitReady();
    stdin.write(Json.text(Json.object().put("number", number).put("code", code)));
    stdin.write('\n');
    stdin.flush();
    StringBuilder stray = new StringBuilder();
    JsonNode reply = readReply(stray);
    if (stray.length() > 0 && reply.isObject()) {
      ((ObjectNode) reply).put("text", stray + reply.path("text").asText());
    }
    return reply;
  }

  private JsonNode readReply(StringBuilder stray) throws IOException {
    String line;
    while ((line = stdout.readLine()) != null) {
      int mark = line.indexOf(MARK);
      if (mark < 0) {
        stray.append(line).append('\n');
        continue;
      }
      stray.append(line, 0, mark);
      return Json.parse(line.substring(mark + MARK.length()));
    }
    throw new EOFException("python exited" + (stray.length() > 0 ? ": " + stray.toString().trim() : ""));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the interpreter and anything it started; a blocked {@link #execute} then fails. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Kills the process and waits briefly until it is gone, so nothing outlives the workspace. */
  @Override
  public void close() {
    kill();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(process.getInputStream());
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // the pipe is gone with the process
    }
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // the pipe is gone with the process
    }
  }

  private static String loadDriver() {
    try (InputStream in = PythonProcess.class.getResourceAsStream("python_driver.py")) {
      if (in == null) {
        throw new IllegalStateException("python_driver.py is missing from the emulator jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

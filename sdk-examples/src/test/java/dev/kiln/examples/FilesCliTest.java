package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.LocalWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln fs} and {@code kiln workspace} against the local workspace. */
class FilesCliTest {
  static LocalWorkspace ws;

  @TempDir
  Path home;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private Cli.Result ok(String... args) {
    Cli.Result r = Cli.against(ws, home).run(args);
    assertEquals(0, r.exitCode, r::toString);
    return r;
  }

  @Test
  void copyAFileToAVolumeAndBackWithProgressForLargeFiles() throws IOException {
    byte[] big = new byte[3 * (1 << 20)];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i % 251);
    }
    Path local = dir.resolve("big.bin");
    Files.write(local, big);
    Cli.Result up = ok("fs", "cp", local.toString(), "/Volumes/main/bir/landing/cli/big.bin");
    assertTrue(up.err.contains("3.0 MB / 3.0 MB (100%)"), up.err);
    Cli.Result ls = ok("fs", "ls", "/Volumes/main/bir/landing/cli");
    assertTrue(ls.out.contains("/Volumes/main/bir/landing/cli/big.bin") && ls.out.contains("3145728"), ls.out);

    Path back = dir.resolve("back.bin");
    ok("fs", "cp", "/Volumes/main/bir/landing/cli/big.bin", back.toString());
    assertArrayEquals(big, Files.readAllBytes(back));
    Cli.Result exists = Cli.against(ws, home).run("fs", "cp", "/Volumes/main/bir/landing/cli/big.bin", back.toString());
    assertEquals(2, exists.exitCode, exists::toString);

    ok("fs", "cp", "/Volumes/main/bir/landing/cli/big.bin", "dbfs:/cli/copy.bin"); // remote to remote
    ok("fs", "rm", "-r", "/Volumes/main/bir/landing/cli");
    Cli.Result gone = Cli.against(ws, home).run("fs", "ls", "/Volumes/main/bir/landing/cli");
    assertEquals(1, gone.exitCode, gone::toString);
    assertTrue(gone.err.contains("NOT_FOUND"), gone.err);
  }

  @Test
  void dbfsMkdirCatLsAndRm() throws IOException {
    Path csv = dir.resolve("rates.csv");
    Files.writeString(csv, "agency,rate\nBIR,0.02\n");
    ok("fs", "mkdir", "dbfs:/cli/landing");
    Cli.Result up = ok("fs", "cp", csv.toString(), "dbfs:/cli/landing/rates.csv");
    assertEquals("copied " + csv + " to dbfs:/cli/landing/rates.csv\n", up.err, "no progress bar for a small file");
    assertEquals("agency,rate\nBIR,0.02\n", ok("fs", "cat", "dbfs:/cli/landing/rates.csv").out);
    assertTrue(ok("fs", "ls", "-r", "dbfs:/cli").out.contains("dbfs:/cli/landing/rates.csv"));
    ok("fs", "rm", "-r", "dbfs:/cli/landing");
    Cli.Result bad = Cli.against(ws, home).run("fs", "cat", "relative.txt");
    assertEquals(2, bad.exitCode, bad::toString);
  }

  @Test
  void workspaceImportLsExportAndRm() throws IOException {
    Path nb = dir.resolve("bronze.py");
    Files.writeString(nb, "# Databricks notebook source\nprint(1)\n");
    ok("workspace", "import", nb.toString(), "/Shared/cli-bronze", "--language", "PYTHON");
    Cli.Result ls = ok("workspace", "ls", "/Shared");
    assertTrue(ls.out.contains("/Shared/cli-bronze") && ls.out.contains("NOTEBOOK") && ls.out.contains("PYTHON"), ls.out);
    assertEquals("# Databricks notebook source\nprint(1)\n", ok("workspace", "export", "/Shared/cli-bronze").out);
    Path out = dir.resolve("out.py");
    ok("workspace", "export", "/Shared/cli-bronze", out.toString());
    assertEquals("# Databricks notebook source\nprint(1)\n", Files.readString(out, StandardCharsets.UTF_8));
    ok("workspace", "rm", "/Shared/cli-bronze");
    Cli.Result noLanguage = Cli.against(ws, home).run("workspace", "import", nb.toString(), "/Shared/x");
    assertEquals(2, noLanguage.exitCode, noLanguage::toString);
  }
}

/**
 * A local Databricks workspace on loopback for tests, demos and benchmarks: start one with {@link
 * dev.kiln.emulator.LocalWorkspace#start()}, seed it from Java, inject faults, or let {@link
 * dev.kiln.emulator.LocalWorkspaceExtension} hand one to each JUnit test.
 */
@KilnStyle
package dev.kiln.emulator;

import dev.kiln.core.spi.KilnStyle;

package dev.kiln.emulator.internal;

import java.util.Optional;

/**
 * Where job notebook tasks find their notebooks: the workspace tree ({@link WorkspaceTree#notebook}). A path not
 * found means the task succeeds with an empty result, as the emulator's jobs are documented to.
 */
@FunctionalInterface
interface NotebookSources {
  /** The notebook at {@code path} (absolute, with or without the {@code /Workspace} prefix), if there is one. */
  Optional<Notebook> find(String path);
}

package dev.kiln.emulator.internal;

import java.util.Optional;

/**
 * Where job notebook tasks find their notebooks: the workspace tree implements it (the Workspace API's store);
 * until then {@link SeededNotebooks} holds what tests and the tour seed. A path not found means the task
 * succeeds with an empty result, as the emulator's jobs are documented to.
 */
interface NotebookSources {
  /** The notebook at {@code path} (absolute, with or without the {@code /Workspace} prefix), if there is one. */
  Optional<Notebook> find(String path);

  /** Finds nothing. */
  static NotebookSources none() {
    return path -> Optional.empty();
  }
}

package dev.kiln.emulator.internal;

/** One Databricks API the workspace speaks; see {@link Router} for how to add one. */
interface WorkspaceApi {
  void register(Router router);
}

/**
 * Files: DBFS ({@link dev.kiln.files.DbfsClient}), workspace objects such as notebooks
 * ({@link dev.kiln.files.WorkspaceFilesClient}) and Unity Catalog volume files through the Files API
 * ({@link dev.kiln.files.VolumeFilesClient}). Large transfers are streamed with a bounded buffer and
 * report progress to a {@link dev.kiln.files.TransferListener}.
 */
package dev.kiln.files;

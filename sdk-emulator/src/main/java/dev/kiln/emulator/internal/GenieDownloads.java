package dev.kiln.emulator.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full query result downloads: each re-runs an attachment's SQL with EXTERNAL_LINKS and is read back with
 * its id and the signature issued with it (a wrong or missing signature is refused, as a forged id would be).
 */
final class GenieDownloads {
  /** Bounds memory: the oldest downloads are forgotten first. */
  private static final int MAX_DOWNLOADS = 1_000;

  /** One download: where it belongs, its statement and its signature. */
  static final class Download {
    final String id;
    final String attachmentPath;
    final String statementId;
    private final String signature;

    Download(String id, String attachmentPath, String statementId, String signature) {
      this.id = id;
      this.attachmentPath = attachmentPath;
      this.statementId = statementId;
      this.signature = signature;
    }

    String signature() {
      return signature;
    }
  }

  private final Map<String, Download> downloads = new LinkedHashMap<>();

  synchronized Download add(String attachmentPath, String statementId) {
    Download download = new Download(Ids.hex32(), attachmentPath, statementId, Ids.hex32() + Ids.hex32());
    downloads.put(download.id, download);
    if (downloads.size() > MAX_DOWNLOADS) {
      downloads.remove(downloads.keySet().iterator().next());
    }
    return download;
  }

  /** The download of this attachment with this id, if {@code signature} is the one issued with it. */
  synchronized Download get(String attachmentPath, String downloadId, String signature) {
    if (signature == null || signature.isEmpty()) {
      throw ApiException.invalidParameter("download_id_signature is required.");
    }
    Download download = downloads.get(downloadId);
    if (download == null || !download.attachmentPath.equals(attachmentPath)) {
      throw ApiException.notFound("Download " + downloadId + " does not exist.");
    }
    if (!MessageDigest.isEqual(download.signature.getBytes(UTF_8), signature.getBytes(UTF_8))) {
      throw new ApiException(403, "PERMISSION_DENIED", "download_id_signature does not match download " + downloadId + ".");
    }
    return download;
  }
}

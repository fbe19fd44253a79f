package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code {download_id, download_id_signature}} of generate-download. The signature authorizes reading the
 * result, so it stays out of {@link #toString()}.
 */
public final class DownloadStarted {
  private final String downloadId;
  private final String signature;

  @JsonCreator
  DownloadStarted(
      @JsonProperty("download_id") String downloadId,
      @JsonProperty("download_id_signature") String signature) {
    this.downloadId = downloadId;
    this.signature = signature;
  }

  public String downloadId() {
    return downloadId;
  }

  public String signature() {
    return signature;
  }

  @Override
  public String toString() {
    return "DownloadStarted[" + downloadId + "]";
  }
}

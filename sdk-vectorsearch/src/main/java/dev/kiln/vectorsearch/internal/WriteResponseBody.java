package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.vectorsearch.model.WriteResult;
import java.util.List;

/** Wire answer of upsert-data and delete-data: {@code {status, result{success_row_count, failed_primary_keys}}}. */
public final class WriteResponseBody {
  private final String status;
  private final Result result;

  @JsonCreator
  WriteResponseBody(@JsonProperty("status") String status, @JsonProperty("result") Result result) {
    this.status = status;
    this.result = result;
  }

  static final class Result {
    private final Long successRowCount;
    private final List<String> failedPrimaryKeys;

    @JsonCreator
    Result(@JsonProperty("success_row_count") Long successRowCount,
        @JsonProperty("failed_primary_keys") List<String> failedPrimaryKeys) {
      this.successRowCount = successRowCount;
      this.failedPrimaryKeys = failedPrimaryKeys;
    }
  }

  public WriteResult toResult() {
    WriteResult.Builder b = WriteResult.builder().rawStatus(status);
    if (result != null) {
      if (result.successRowCount != null) {
        b.successRowCount(result.successRowCount);
      }
      if (result.failedPrimaryKeys != null) {
        for (String key : result.failedPrimaryKeys) {
          if (key != null) {
            b.addFailedPrimaryKeys(key);
          }
        }
      }
    }
    return b.build();
  }
}

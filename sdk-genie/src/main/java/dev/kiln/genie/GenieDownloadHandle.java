package dev.kiln.genie;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.genie.internal.DownloadStarted;
import dev.kiln.genie.internal.GenieApi;
import dev.kiln.genie.model.GenieDownload;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementState;
import java.util.Optional;

/**
 * A full query result download on its way: Genie re-runs the attachment's query and writes every row to
 * files behind external links (the inline attachment result is cut at a limit; this is not).
 * {@link #id()} is the download id; the status is the state of the statement writing the files
 * (PENDING until the server reports one). Polled with {@link GenieOptions}' gaps, ending after
 * {@link GenieOptions#downloadTimeout()}; the result is a {@link StatementResult} read through sdk-sql,
 * which fetches the links without the workspace token. Close it when done.
 *
 * <p>Genie has no call to cancel a download: cancelling {@link #resultAsync()} only stops polling, and
 * {@link #cancel()} throws {@link UnsupportedOperationException}.
 */
public final class GenieDownloadHandle extends OperationHandle<GenieDownload, StatementState, StatementResult> {
  private final String attachmentId;

  GenieDownloadHandle(GenieApi api, SqlClient sql, GenieOptions options, String spaceId, String conversationId,
      String messageId, String attachmentId, DownloadStarted started) {
    super(started.downloadId(), Poller.<GenieDownload, StatementResult>builder(api.client())
        .poll(() -> api.downloadAsync(spaceId, conversationId, messageId, attachmentId, started))
        .isTerminal(d -> d.state().isTerminal())
        .result(d -> rows(sql, d))
        .statusOf(GenieDownload::rawState)
        .initialDelay(options.pollInitialDelay())
        .multiplier(options.pollMultiplier())
        .maxDelay(options.pollMaxDelay())
        .timeout(options.downloadTimeout())
        .description("Genie download " + started.downloadId())
        .start(GenieDownload.of(started.downloadId(), Optional.empty())),
        StatementState.class, GenieDownload::rawState);
    this.attachmentId = attachmentId;
    ClientInternals.of(api.client()).track(resultAsync());
  }

  /** The query attachment being downloaded. */
  public String attachmentId() {
    return attachmentId;
  }

  /** The download id, attachment and last status, for logs; never the download's signature. */
  @Override
  public String toString() {
    return "GenieDownloadHandle[" + id() + ", attachment " + attachmentId + ", " + status() + "]";
  }

  /** The statement is terminal here, so sdk-sql's handle is done at once: rows, or its typed failure. */
  private static StatementResult rows(SqlClient sql, GenieDownload d) {
    return Futures.join(sql.handle(d.statementResponse().orElseThrow()).resultAsync());
  }
}

package dev.kiln.examples;

import dev.kiln.core.Futures;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.error.TransportException;
import dev.kiln.execution.ClusterUnavailableException;
import dev.kiln.execution.CommandCancelledException;
import dev.kiln.execution.CommandFailedException;
import dev.kiln.genie.GenieCancelledException;
import dev.kiln.genie.GenieFailedException;
import dev.kiln.sql.StatementCanceledException;
import dev.kiln.sql.StatementClosedException;
import dev.kiln.sql.StatementFailedException;
import java.util.Locale;

/** One line per failure: an error code first (the server's when it sent one), then what happened. */
final class Errors {
  private Errors() {}

  /** E.g. {@code RESOURCE_DOES_NOT_EXIST: HTTP 404 RESOURCE_DOES_NOT_EXIST: Endpoint ... (request id ...)}. */
  static String describe(Throwable failure) {
    Throwable e = Futures.unwrap(failure);
    return code(e) + ": " + message(e);
  }

  /** The error code to show for {@code e}. */
  static String code(Throwable e) {
    if (e instanceof DatabricksServiceException) {
      String code = ((DatabricksServiceException) e).errorCode();
      return code != null ? code : "HTTP_" + ((DatabricksServiceException) e).statusCode();
    }
    if (e instanceof StatementFailedException) {
      return ((StatementFailedException) e).errorCode().orElse("STATEMENT_FAILED");
    }
    if (e instanceof StatementCanceledException) {
      return "STATEMENT_CANCELED";
    }
    if (e instanceof StatementClosedException) {
      return "STATEMENT_CLOSED";
    }
    if (e instanceof CommandFailedException) {
      return "COMMAND_FAILED";
    }
    if (e instanceof CommandCancelledException) {
      return "COMMAND_CANCELLED";
    }
    if (e instanceof ClusterUnavailableException) {
      return "CLUSTER_" + ((ClusterUnavailableException) e).rawState().toUpperCase(Locale.ROOT);
    }
    if (e instanceof GenieFailedException) {
      return ((GenieFailedException) e).errorType().orElse("GENIE_FAILED");
    }
    if (e instanceof GenieCancelledException) {
      return "GENIE_CANCELLED";
    }
    if (e instanceof InvalidRequestException) {
      return "INVALID_REQUEST";
    }
    if (e instanceof ConfigurationException) {
      return "CONFIGURATION";
    }
    if (e instanceof OperationTimeoutException) {
      return "TIMEOUT";
    }
    if (e instanceof OperationInterruptedException) {
      return "INTERRUPTED";
    }
    if (e instanceof TransportException) {
      return "TRANSPORT";
    }
    if (e instanceof DatabricksException) {
      return "KILN_ERROR";
    }
    return e.getClass().getSimpleName();
  }

  private static String message(Throwable e) {
    if (e instanceof CommandFailedException) {
      return ((CommandFailedException) e).summary();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }
}
